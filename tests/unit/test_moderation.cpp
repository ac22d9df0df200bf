// Tests for lib/moderation/: deadlines, late claims and entries, visit rules, unclaimed units.
#include "moderation/moderation.hpp"

#include <doctest/doctest.h>

#include <memory>

using namespace qc;
using moderation::FindingKind;
using model::UnitStatus;

namespace {

// Suite "sp": unit 1 examined, 2 and 3 moderated (60 each); C1 (120): mandatory 1 2, optional 3.
// Suite "ex": unit 1 examined only; E1 (60): mandatory 1.
struct Centre {
    model::RuleBook rules;
    engine::EntryBook book{rules};
    moderation::DatedRowCollector collector{book};
    std::vector<model::Visit> visits;
    const model::Suite* sp = nullptr;

    Centre() {
        auto suite = std::make_unique<model::Suite>();
        suite->id = "sp";
        suite->title = "Sport";
        suite->units = {{1, "Exam", 60, model::Assessment::examined, {}},
                        {2, "Coaching", 60, model::Assessment::moderated, {}},
                        {3, "Nutrition", 60, model::Assessment::moderated, {}}};
        model::Qualification c1;
        c1.code = "C1";
        c1.title = "Certificate";
        c1.glh = 120;
        c1.mandatory = {1, 2};
        c1.optional = {3};
        suite->qualifications = {c1};
        rules.add(std::move(suite));
        auto exams = std::make_unique<model::Suite>();
        exams->id = "ex";
        exams->title = "Exams only";
        exams->units = {{1, "Exam", 60, model::Assessment::examined, {}}};
        model::Qualification e1;
        e1.code = "E1";
        e1.title = "Exam";
        e1.glh = 60;
        e1.mandatory = {1};
        exams->qualifications = {e1};
        rules.add(std::move(exams));
        sp = rules.find_suite("sp");
    }

    void entry(std::string candidate, int ecd, util::Date entered = {}, std::string code = "C1") {
        model::Entry e;
        e.centre = "61234";
        e.candidate = std::move(candidate);
        e.surname = "Name";
        e.qualification = rules.find_qualification(code);
        e.ecd = model::Series{ecd};
        e.entry_date = entered;
        REQUIRE_FALSE(collector.add_entry(std::move(e)).has_value());
    }

    void row(std::string_view candidate, int unit, UnitStatus status, util::Date date) {
        model::UnitRow r;
        r.centre = "61234";
        r.candidate = candidate;
        r.unit = unit;
        r.status = status;
        r.grade = status == UnitStatus::result_achieved ? model::Grade::p : model::Grade::none;
        r.date = date;
        r.line = 2;
        REQUIRE_FALSE(collector.add_unit_row(r).has_value());
    }

    void visit(util::Date date, model::VisitKind kind,
               model::VisitStatus status = model::VisitStatus::scheduled) {
        visits.push_back(model::Visit{sp, date, kind, status, 2});
    }

    std::vector<moderation::Finding> review(util::Date today) const {
        return moderation::review(book, rules, visits, collector.rows, today);
    }
};

std::vector<FindingKind> kinds(const std::vector<moderation::Finding>& findings) {
    std::vector<FindingKind> out;
    for (const auto& finding : findings) {
        out.push_back(finding.kind);
    }
    return out;
}

const moderation::Finding& only(const std::vector<moderation::Finding>& findings, FindingKind kind) {
    const moderation::Finding* found = nullptr;
    for (const auto& finding : findings) {
        if (finding.kind == kind) {
            REQUIRE(found == nullptr);
            found = &finding;
        }
    }
    REQUIRE(found != nullptr);
    return *found;
}

constexpr util::Date d(int year, int month, int day) { return util::Date{year, month, day}; }

} // namespace

TEST_CASE("each visit has its entries deadline 28 days and claims deadline 14 days before it") {
    Centre c;
    c.visit(d(2027, 6, 24), model::VisitKind::final);
    const auto findings = c.review(d(2027, 3, 10));
    CHECK(kinds(findings) == std::vector{FindingKind::entries_due, FindingKind::claims_due});
    CHECK(findings[0].due == d(2027, 5, 27));
    CHECK(findings[0].text == "entries for the final visit on 2027-06-24 are due by 2027-05-27");
    CHECK(findings[1].due == d(2027, 6, 10));
    CHECK(findings[1].text == "claims for the final visit on 2027-06-24 are due by 2027-06-10");
    CHECK_FALSE(moderation::needs_action(FindingKind::claims_due));
    CHECK(moderation::needs_action(FindingKind::late_claim));
    CHECK(moderation::info(FindingKind::late_claim).code == "late_claim");
}

TEST_CASE("a claim is for the next visit that year; after its deadline it is late") {
    Centre c;
    c.entry("0001", 2027);
    c.entry("0002", 2027);
    c.visit(d(2027, 2, 3), model::VisitKind::interim, model::VisitStatus::completed);
    c.visit(d(2027, 6, 24), model::VisitKind::final);
    c.row("0001", 2, UnitStatus::claim_submitted, d(2027, 1, 20)); // on the deadline: in time
    c.row("0001", 3, UnitStatus::claim_sampled, d(2027, 1, 25));   // late for 3 February
    c.row("0002", 2, UnitStatus::claim_submitted, d(2027, 2, 4));  // for 24 June: in time
    c.row("0002", 3, UnitStatus::claim_submitted, d(2027, 6, 11)); // late for 24 June
    c.row("0002", 3, UnitStatus::result_achieved, d(2027, 1, 30)); // not a claim
    const auto findings = c.review(d(2027, 3, 10));
    std::vector<moderation::Finding> late;
    for (const auto& finding : findings) {
        if (finding.kind == FindingKind::late_claim) {
            late.push_back(finding);
        }
    }
    REQUIRE(late.size() == 2);
    CHECK(late[0].visit->date == d(2027, 2, 3));
    CHECK(late[0].text == "claims made after the deadline of 2027-01-20 for the interim visit on 2027-02-03");
    REQUIRE(late[0].affected.size() == 1);
    CHECK(late[0].affected[0].entry == 0);
    CHECK(late[0].affected[0].units == std::vector<int>{3});
    CHECK(late[0].affected[0].detail == "unit 3 claimed 2027-01-25");
    CHECK(late[1].visit->date == d(2027, 6, 24));
    CHECK(late[1].affected[0].entry == 1);
}

TEST_CASE("claims with no visit after them that year, and unit rows of examined units, ignored or listed") {
    Centre c;
    c.entry("0001", 2027);
    c.visit(d(2027, 6, 24), model::VisitKind::final);
    c.row("0001", 2, UnitStatus::claim_submitted, d(2027, 7, 1));
    c.row("0001", 1, UnitStatus::entry_received, d(2027, 6, 20)); // examined: not moderation's
    const auto findings = c.review(d(2027, 7, 2));
    const auto& after = only(findings, FindingKind::claim_after_last_visit);
    CHECK(after.text == "claims with no visit booked on or after their date in 2026-2027");
    CHECK(after.affected.at(0).detail == "unit 2 claimed 2027-07-01");
    CHECK(c.collector.rows.size() == 1);
}

TEST_CASE("entries made after the entries deadline: qualification entries and unit entries") {
    Centre c;
    c.entry("0001", 2027, d(2027, 1, 12));
    c.entry("0002", 2027, d(2026, 9, 7));
    c.entry("0003", 2027, d(2027, 1, 12));
    c.book.entry(2).status = model::EntryStatus::withdrawn; // as `declare withdraw` does
    c.row("0003", 2, UnitStatus::claim_submitted, d(2027, 1, 26));
    c.visit(d(2027, 1, 27), model::VisitKind::interim, model::VisitStatus::completed);
    c.visit(d(2027, 6, 24), model::VisitKind::final);
    c.row("0002", 3, UnitStatus::entry_received, d(2027, 6, 1));
    const auto findings = c.review(d(2027, 3, 10));
    std::vector<std::string> details;
    for (const auto& finding : findings) {
        if (finding.kind == FindingKind::late_entry) {
            details.push_back(util::to_iso(finding.visit->date) + " " + finding.affected.at(0).detail);
        }
    }
    CHECK(details == std::vector<std::string>{"2027-01-27 entered for C1 on 2027-01-12",
                                              "2027-06-24 unit 3 entered 2027-06-01"});
    // The withdrawn entry's late entry and late claim are not listed.
    for (const auto& finding : findings) {
        CHECK(finding.kind != FindingKind::late_claim);
    }
}

TEST_CASE("a third visit in an academic year is charged; the year runs September to August") {
    Centre c;
    c.visit(d(2026, 10, 1), model::VisitKind::interim);
    c.visit(d(2027, 2, 3), model::VisitKind::interim);
    c.visit(d(2027, 6, 24), model::VisitKind::final);
    c.visit(d(2027, 9, 20), model::VisitKind::interim); // academic year 2027-2028
    const auto findings = c.review(d(2026, 9, 1));
    const auto& charged = only(findings, FindingKind::charged_visit);
    CHECK(charged.visit->date == d(2027, 6, 24));
    CHECK(charged.text == "the final visit on 2027-06-24 is visit 3 of 2026-2027: only 2 per subject "
                          "area are free, so it is charged");
}

TEST_CASE("a final visit after 30 June may make results late; 18-31 August is not possible") {
    Centre c;
    c.entry("0001", 2027);
    c.entry("0002", 2028);
    c.entry("0003", 2027, {}, "E1"); // no moderated unit
    c.visit(d(2027, 6, 30), model::VisitKind::final);
    c.visit(d(2027, 7, 1), model::VisitKind::final);
    c.visit(d(2027, 8, 17), model::VisitKind::interim);
    c.visit(d(2027, 8, 18), model::VisitKind::interim);
    const auto findings = c.review(d(2027, 3, 10));
    const auto& late = only(findings, FindingKind::final_after_june);
    CHECK(late.visit->date == d(2027, 7, 1));
    CHECK(late.text == "the final visit on 2027-07-01 is after 30 June: results may be late");
    REQUIRE(late.affected.size() == 1);
    CHECK(late.affected[0].entry == 0);
    const auto& august = only(findings, FindingKind::august_visit);
    CHECK(august.visit->date == d(2027, 8, 18));
    CHECK(august.text == "the interim visit on 2027-08-18 falls in 18-31 August, when moderators do not visit");
    CHECK(august.affected.empty());
    CHECK(moderation::in_late_august(d(2027, 8, 31)));
    CHECK_FALSE(moderation::in_late_august(d(2027, 9, 1)));
}

TEST_CASE("mandatory moderated units with no claim, from six weeks before the final visit") {
    Centre c;
    c.entry("0001", 2027);
    c.entry("0002", 2027);
    c.entry("0003", 2028);
    c.visit(d(2027, 6, 24), model::VisitKind::final);
    c.row("0002", 2, UnitStatus::claim_sampled, d(2027, 3, 1));
    CHECK(kinds(c.review(d(2027, 5, 12))).size() == 2); // 43 days before: not yet
    const auto findings = c.review(d(2027, 5, 13));     // 42 days before
    const auto& unclaimed = only(findings, FindingKind::unclaimed_mandatory);
    CHECK(unclaimed.text == "mandatory moderated units with no claim, 42 days before the final visit "
                            "on 2027-06-24 (claims due by 2027-06-10)");
    REQUIRE(unclaimed.affected.size() == 1);
    CHECK(unclaimed.affected[0].entry == 0);
    CHECK(unclaimed.affected[0].detail == "no claim for unit 2");
    CHECK(kinds(c.review(d(2027, 6, 25))).size() == 2); // the visit has passed
}

TEST_CASE("no final visit: entries due this summer with moderated units, and none booked") {
    Centre c;
    c.entry("0001", 2027);
    c.visit(d(2027, 2, 3), model::VisitKind::interim);
    const auto findings = c.review(d(2027, 3, 10));
    const auto& missing = only(findings, FindingKind::no_final_visit);
    CHECK(missing.text == "no final moderation visit booked for sp (2026-2027)");
    CHECK(missing.affected.size() == 1);
    c.visit(d(2027, 8, 20), model::VisitKind::final);
    CHECK(moderation::final_visit_blocker(*c.sp, c.visits, 2027) ==
          "the final moderation visit for sp on 2027-08-20 falls in 18-31 August, when moderators "
          "do not visit");
    c.visit(d(2027, 6, 20), model::VisitKind::final);
    CHECK_FALSE(moderation::final_visit_blocker(*c.sp, c.visits, 2027).has_value());
    CHECK(moderation::final_visit_blocker(*c.sp, c.visits, 2028) ==
          "no final moderation visit booked for sp");
}
