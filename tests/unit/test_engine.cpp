// Tests for lib/engine/: grouping rows, judging entries case by case, explanations.
#include "engine/book.hpp"
#include "engine/judge.hpp"
#include "engine/notes.hpp"

#include <doctest/doctest.h>

#include <fmt/format.h>

#include <memory>

using namespace qc;
using model::Grade;
using model::ReasonCode;
using model::ResultStatus;
using model::UnitStatus;

namespace {

// Units: 1 examined 90, 2 moderated 90, 3..6 moderated 60, 7 examined 60.
// 00001: 360 GLH, mandatory 1 2, optional 3 4 5 7.
// 00002: 240 GLH, mandatory 1 2, optional 3 4 5 6, pathway_required: "a" = 3 4, "b" = 5 6.
std::unique_ptr<model::Suite> make_suite(std::string id, int level, std::string code_prefix) {
    auto suite = std::make_unique<model::Suite>();
    suite->id = std::move(id);
    suite->title = suite->id + " suite";
    suite->level = level;
    auto unit = [&](int number, int glh, model::Assessment assessment) {
        suite->units.push_back(model::Unit{number, "Unit " + std::to_string(number), glh, assessment, {}});
    };
    unit(1, 90, model::Assessment::examined);
    unit(2, 90, model::Assessment::moderated);
    for (int n = 3; n <= 6; ++n) {
        unit(n, 60, model::Assessment::moderated);
    }
    unit(7, 60, model::Assessment::examined);
    model::Qualification big;
    big.code = code_prefix + "1";
    big.title = "Big";
    big.glh = 360;
    big.mandatory = {1, 2};
    big.optional = {3, 4, 5, 7};
    model::Qualification paths;
    paths.code = code_prefix + "2";
    paths.title = "With pathways";
    paths.glh = 240;
    paths.mandatory = {1, 2};
    paths.optional = {3, 4, 5, 6};
    paths.pathway_required = true;
    paths.pathways.push_back(model::Pathway{"a", "Pathway A", {3, 4}, {}, {}});
    paths.pathways.push_back(model::Pathway{"b", "Pathway B", {5, 6}, {}, {}});
    suite->qualifications.push_back(big);
    suite->qualifications.push_back(paths);
    return suite;
}

struct Fixture {
    model::RuleBook rules;
    engine::EntryBook book{rules};
    model::Series current{2026};

    Fixture() {
        rules.add(make_suite("l3", 3, "0000"));
        rules.add(make_suite("l2", 2, "1000"));
    }

    void entry(std::string candidate, std::string code, int ecd = 2026,
               model::EntryStatus status = model::EntryStatus::active, std::string pathway = {}) {
        model::Entry e;
        e.centre = "61234";
        e.candidate = std::move(candidate);
        e.qualification = rules.find_qualification(code);
        REQUIRE(e.qualification != nullptr);
        e.ecd = model::Series{ecd};
        e.status = status;
        if (!pathway.empty()) {
            e.declared_pathway = e.qualification->find_pathway(pathway);
        }
        REQUIRE_FALSE(book.add_entry(std::move(e)).has_value());
    }

    std::optional<model::Problem> row(std::string_view candidate, int unit, UnitStatus status,
                                      Grade grade = Grade::none, std::string_view code = {},
                                      std::string_view taken_at = {}) {
        model::UnitRow r;
        r.centre = "61234";
        r.candidate = candidate;
        r.unit = unit;
        r.status = status;
        r.grade = grade;
        r.qualification_code = code;
        r.taken_at_centre = taken_at;
        r.line = 2;
        return book.add_unit_row(r);
    }

    void ok(std::string_view candidate, int unit, UnitStatus status, Grade grade = Grade::none,
            std::string_view code = {}) {
        REQUIRE_FALSE(row(candidate, unit, status, grade, code).has_value());
    }

    engine::EntryResult judge(std::size_t index, bool acknowledged = false) {
        return engine::judge(book.entry(index), book.facts(index), current, acknowledged);
    }
};

} // namespace

TEST_CASE("an entry with every unit achieved is eligible, with GLH counted and achieved") {
    Fixture f;
    f.entry("0001", "00001");
    f.ok("0001", 1, UnitStatus::result_achieved, Grade::m);
    f.ok("0001", 2, UnitStatus::result_achieved, Grade::d);
    f.ok("0001", 3, UnitStatus::claim_submitted);
    f.ok("0001", 4, UnitStatus::claim_sampled);
    f.ok("0001", 7, UnitStatus::entry_received);
    auto r = f.judge(0);
    CHECK(r.status == ResultStatus::eligible);
    CHECK(r.reasons == 0);
    CHECK_FALSE(r.at_risk);
    CHECK(r.glh_required == 360);
    CHECK(r.glh_counted == 360);
    CHECK(r.glh_achieved == 180);
}

TEST_CASE("no rows for any unit: no_activity is the only reason") {
    Fixture f;
    f.entry("0001", "00001");
    auto r = f.judge(0);
    CHECK(r.status == ResultStatus::not_eligible);
    CHECK(r.reason_list() == std::vector{ReasonCode::no_activity});
    CHECK(r.at_risk);
}

TEST_CASE("rows only for units outside the qualification are still no activity, with a note") {
    Fixture f;
    f.entry("0001", "00001");
    f.ok("0001", 6, UnitStatus::result_achieved, Grade::p);
    f.ok("0001", 99, UnitStatus::result_achieved, Grade::p);
    CHECK(f.judge(0).reason_list() == std::vector{ReasonCode::no_activity});
    REQUIRE(f.book.notes().size() == 2);
    CHECK(f.book.notes()[0].kind == engine::NoteKind::unit_not_in_qualification);
    CHECK(f.book.notes()[1].kind == engine::NoteKind::unit_not_in_suite);
}

TEST_CASE("a withdrawn unit row counts for nothing and becomes a note") {
    Fixture f;
    f.entry("0001", "00001");
    f.ok("0001", 1, UnitStatus::withdrawn);
    CHECK(f.judge(0).reason_list() == std::vector{ReasonCode::no_activity});
    f.ok("0001", 2, UnitStatus::result_achieved, Grade::p);
    f.ok("0001", 2, UnitStatus::withdrawn); // never replaces a better row
    auto r = f.judge(0);
    CHECK(r.has(ReasonCode::absent_mandatory_exam) == false);
    CHECK(r.has(ReasonCode::mandatory_unit_missing)); // unit 1 still has nothing
    CHECK(r.glh_counted == 90);
    REQUIRE(f.book.notes().size() == 2);
    CHECK(f.book.notes()[0].kind == engine::NoteKind::unit_withdrawn);
    CHECK(f.book.notes()[0].unit == 1);
    CHECK(f.book.facts(0).units[1].outcome() == model::Outcome::achieved);
}

TEST_CASE("absent from a mandatory examined unit comes before the missing unit") {
    Fixture f;
    f.entry("0001", "00001");
    f.ok("0001", 1, UnitStatus::absent);
    f.ok("0001", 3, UnitStatus::result_achieved, Grade::p);
    auto r = f.judge(0);
    CHECK(r.main_reason() == ReasonCode::absent_mandatory_exam);
    CHECK(r.reason_list() == std::vector{ReasonCode::absent_mandatory_exam,
                                         ReasonCode::mandatory_unit_missing,
                                         ReasonCode::insufficient_glh});
    CHECK(r.glh_counted == 60);
}

TEST_CASE("absent from a mandatory moderated unit is a missing unit, not an absent exam") {
    Fixture f;
    f.entry("0001", "00001");
    f.ok("0001", 1, UnitStatus::result_achieved, Grade::p);
    f.ok("0001", 2, UnitStatus::absent);
    auto r = f.judge(0);
    CHECK(r.main_reason() == ReasonCode::mandatory_unit_missing);
    CHECK_FALSE(r.has(ReasonCode::absent_mandatory_exam));
}

TEST_CASE("a mandatory unit with U is not achieved") {
    Fixture f;
    f.entry("0001", "00001");
    f.ok("0001", 1, UnitStatus::result_achieved, Grade::u);
    f.ok("0001", 2, UnitStatus::result_achieved, Grade::p);
    f.ok("0001", 3, UnitStatus::result_achieved, Grade::p);
    f.ok("0001", 4, UnitStatus::result_achieved, Grade::p);
    f.ok("0001", 5, UnitStatus::result_achieved, Grade::p);
    f.ok("0001", 7, UnitStatus::result_achieved, Grade::p);
    auto r = f.judge(0);
    CHECK(r.reason_list() == std::vector{ReasonCode::mandatory_unit_missing,
                                         ReasonCode::insufficient_glh});
    CHECK(r.glh_counted == 330);
}

TEST_CASE("best outcome wins whatever the row order: a resit pass beats an earlier U") {
    Fixture f;
    f.entry("0001", "00001");
    f.entry("0002", "00001");
    f.ok("0001", 1, UnitStatus::result_achieved, Grade::u);
    f.ok("0001", 1, UnitStatus::result_achieved, Grade::r);
    f.ok("0002", 1, UnitStatus::result_achieved, Grade::r);
    f.ok("0002", 1, UnitStatus::result_achieved, Grade::u);
    f.ok("0002", 1, UnitStatus::absent);
    for (std::size_t i = 0; i < 2; ++i) {
        auto facts = f.book.facts(i);
        CHECK(facts.units[0].outcome() == model::Outcome::achieved);
        CHECK(facts.units[0].grade() == Grade::r);
    }
    CHECK(f.judge(0).glh_achieved == 90);
}

TEST_CASE("in progress beats absent, absent beats not achieved") {
    Fixture f;
    f.entry("0001", "00001");
    f.ok("0001", 1, UnitStatus::absent);
    f.ok("0001", 1, UnitStatus::entry_received);
    f.ok("0001", 2, UnitStatus::result_achieved, Grade::u);
    f.ok("0001", 2, UnitStatus::absent);
    auto facts = f.book.facts(0);
    CHECK(facts.units[0].outcome() == model::Outcome::in_progress);
    CHECK(facts.units[1].outcome() == model::Outcome::absent);
}

TEST_CASE("RIA pending counts for GLH but raises its own reason; RIA received does not") {
    Fixture f;
    f.entry("0001", "00001");
    f.entry("0002", "00001");
    for (const char* candidate : {"0001", "0002"}) {
        f.ok(candidate, 1, UnitStatus::result_achieved, Grade::p);
        f.ok(candidate, 2, UnitStatus::result_achieved, Grade::p);
        f.ok(candidate, 3, UnitStatus::result_achieved, Grade::p);
        f.ok(candidate, 4, UnitStatus::result_achieved, Grade::p);
    }
    f.ok("0001", 5, UnitStatus::ria_pending);
    f.ok("0002", 5, UnitStatus::ria_received);
    auto pending = f.judge(0);
    CHECK(pending.reason_list() == std::vector{ReasonCode::ria_pending});
    CHECK(pending.glh_counted == 360);
    CHECK(f.judge(1).status == ResultStatus::eligible);
}

TEST_CASE("pathway required: met by in-progress units, refused when none is complete") {
    Fixture f;
    f.entry("0001", "00002");
    f.entry("0002", "00002");
    for (const char* candidate : {"0001", "0002"}) {
        f.ok(candidate, 1, UnitStatus::result_achieved, Grade::p);
        f.ok(candidate, 2, UnitStatus::result_achieved, Grade::p);
    }
    f.ok("0001", 3, UnitStatus::claim_submitted);
    f.ok("0001", 4, UnitStatus::result_achieved, Grade::m);
    f.ok("0002", 3, UnitStatus::result_achieved, Grade::p);
    f.ok("0002", 5, UnitStatus::result_achieved, Grade::p);
    CHECK(f.judge(0).status == ResultStatus::eligible);
    auto r = f.judge(1);
    CHECK(r.reason_list() == std::vector{ReasonCode::pathway_units_missing});
    auto why = engine::explain(f.book, 1, r);
    REQUIRE(why.reasons.size() == 1);
    CHECK(why.reasons[0].text == "no pathway is met: a needs unit 4; b needs unit 6");
}

TEST_CASE("a declared pathway must itself be met, even when another pathway is") {
    Fixture f;
    f.entry("0001", "00002", 2026, model::EntryStatus::active, "b");
    f.ok("0001", 1, UnitStatus::result_achieved, Grade::p);
    f.ok("0001", 2, UnitStatus::result_achieved, Grade::p);
    f.ok("0001", 3, UnitStatus::result_achieved, Grade::p);
    f.ok("0001", 4, UnitStatus::result_achieved, Grade::p);
    auto r = f.judge(0);
    CHECK(r.reason_list() == std::vector{ReasonCode::pathway_units_missing});
    auto why = engine::explain(f.book, 0, r);
    CHECK(why.reasons[0].text == "declared pathway not met: b needs units 5, 6");
    CHECK(why.reasons[0].units == std::vector{5, 6});
    REQUIRE(why.pathways.size() == 2);
    CHECK(why.pathways[0].met_achieved);
    CHECK_FALSE(why.pathways[1].met_in_progress);
}

TEST_CASE("not enough GLH, with how much is short") {
    Fixture f;
    f.entry("0001", "00001");
    f.ok("0001", 1, UnitStatus::result_achieved, Grade::p);
    f.ok("0001", 2, UnitStatus::result_achieved, Grade::p);
    f.ok("0001", 3, UnitStatus::result_achieved, Grade::p);
    auto r = f.judge(0);
    CHECK(r.reason_list() == std::vector{ReasonCode::insufficient_glh});
    auto why = engine::explain(f.book, 0, r);
    CHECK(why.reasons[0].glh_short == 120);
    CHECK(why.reasons[0].text == "GLH counted 240 of 360 required: 120 short");
}

TEST_CASE("at risk when the ECD is the current series or earlier; acknowledged stays at risk") {
    Fixture f;
    f.entry("0001", "00001", 2026);
    f.entry("0002", "00001", 2027);
    CHECK(f.judge(0).at_risk);
    CHECK_FALSE(f.judge(0).overdue);
    CHECK_FALSE(f.judge(1).at_risk);
    CHECK_FALSE(f.judge(1).overdue);
    auto acknowledged = f.judge(0, true);
    CHECK(acknowledged.at_risk);
    CHECK(acknowledged.acknowledged);
}

TEST_CASE("an ECD that has passed without a result is at risk and overdue") {
    Fixture f;
    f.entry("0001", "00001", 2025);                                 // not eligible, ECD passed
    f.entry("0002", "00001", 2024, model::EntryStatus::withdrawn); // withdrawn: never at risk
    f.entry("0003", "10001", 2025);                                 // eligible: nothing to do
    f.ok("0003", 1, UnitStatus::result_achieved, Grade::p);
    f.ok("0003", 2, UnitStatus::result_achieved, Grade::p);
    for (int unit = 3; unit <= 5; ++unit) {
        f.ok("0003", unit, UnitStatus::result_achieved, Grade::p);
    }
    auto overdue = f.judge(0);
    CHECK(overdue.status == ResultStatus::not_eligible);
    CHECK(overdue.at_risk);
    CHECK(overdue.overdue);
    CHECK(f.judge(0, true).overdue);
    CHECK_FALSE(f.judge(1).at_risk);
    CHECK_FALSE(f.judge(1).overdue);
    REQUIRE(f.judge(2).status == ResultStatus::eligible);
    CHECK_FALSE(f.judge(2).at_risk);
    CHECK_FALSE(f.judge(2).overdue);
}

TEST_CASE("a withdrawn entry has no reasons and is not at risk") {
    Fixture f;
    f.entry("0001", "00001", 2026, model::EntryStatus::withdrawn);
    auto r = f.judge(0);
    CHECK(r.status == ResultStatus::withdrawn);
    CHECK(r.reasons == 0);
    CHECK_FALSE(r.at_risk);
}

TEST_CASE("rows without a qualification code apply to every entry whose suite defines the unit") {
    Fixture f;
    f.entry("0001", "00001");
    f.entry("0001", "00002");
    f.ok("0001", 1, UnitStatus::result_achieved, Grade::d);
    CHECK(f.book.facts(0).units[0].grade() == Grade::d);
    CHECK(f.book.facts(1).units[0].grade() == Grade::d);
}

TEST_CASE("a unit defined by two suites of the candidate's entries is ambiguous") {
    Fixture f;
    f.entry("0001", "00001");
    f.entry("0001", "10001");
    auto problem = f.row("0001", 1, UnitStatus::result_achieved, Grade::p);
    REQUIRE(problem.has_value());
    CHECK(problem->message ==
          "ambiguous unit 1: candidate 0001 has entries in 'l3' and 'l2', which both define it");
    CHECK(problem->hint == "add a qualification_code column to the units export");
    CHECK_FALSE(f.row("0001", 1, UnitStatus::result_achieved, Grade::p, "10001").has_value());
    CHECK(f.book.facts(1).units[0].has_row());
    CHECK_FALSE(f.book.facts(0).units[0].has_row());
}

TEST_CASE("unit rows for unknown candidates or entries are problems, not silent drops") {
    Fixture f;
    f.entry("0001", "00001");
    auto unknown = f.row("0009", 1, UnitStatus::entry_received);
    REQUIRE(unknown.has_value());
    CHECK(unknown->message == "candidate 0009 at centre 61234 has no entry in the candidates file");
    auto no_entry = f.row("0001", 1, UnitStatus::entry_received, Grade::none, "00002");
    REQUIRE(no_entry.has_value());
    CHECK(no_entry->message == "candidate 0001 at centre 61234 has no entry for qualification 00002");
}

TEST_CASE("R is only for examined units of Level 3 suites") {
    Fixture f;
    f.entry("0001", "00001");
    f.entry("0002", "10001");
    CHECK_FALSE(f.row("0001", 1, UnitStatus::result_achieved, Grade::r).has_value());
    auto moderated = f.row("0001", 2, UnitStatus::result_achieved, Grade::r);
    REQUIRE(moderated.has_value());
    CHECK(moderated->column == "grade");
    CHECK(f.row("0002", 1, UnitStatus::result_achieved, Grade::r).has_value());
}

TEST_CASE("duplicate entries are refused") {
    Fixture f;
    f.entry("0001", "00001");
    model::Entry again;
    again.centre = "61234";
    again.candidate = "0001";
    again.qualification = f.rules.find_qualification("00001");
    auto problem = f.book.add_entry(again);
    REQUIRE(problem.has_value());
    CHECK(problem->message.starts_with("duplicate entry: candidate 0001 at centre 61234"));
}

TEST_CASE("units taken at another centre count, and remember the centre") {
    Fixture f;
    f.entry("0001", "00001");
    REQUIRE_FALSE(f.row("0001", 1, UnitStatus::result_achieved, Grade::m, {}, "70001").has_value());
    CHECK(f.book.transfer_centre(0, 0) == "70001");
    CHECK(f.judge(0).glh_achieved == 90);
}

TEST_CASE("explain lists mandatory units with what is missing") {
    Fixture f;
    f.entry("0001", "00001");
    f.ok("0001", 3, UnitStatus::result_achieved, Grade::p);
    auto r = f.judge(0);
    auto why = engine::explain(f.book, 0, r);
    REQUIRE(why.reasons.size() == 2);
    CHECK(why.reasons[0].text ==
          "mandatory examined unit 1: no entry; mandatory moderated unit 2: no claim");
    CHECK(why.units.size() == 6);
    CHECK(why.units[0].mandatory);
}

TEST_CASE("the grouping table copes with many candidates in any order") {
    Fixture f;
    f.book.reserve(10);
    for (int i = 0; i < 5000; ++i) {
        f.entry(fmt::format("{:04}", i), "00001");
    }
    for (int i = 4999; i >= 0; i -= 7) {
        f.ok(fmt::format("{:04}", i), 1, UnitStatus::entry_received);
    }
    CHECK(f.book.facts(4999).units[0].has_row());
    CHECK_FALSE(f.book.facts(4998).units[0].has_row());
    CHECK(f.book.find("61234", "1234", "00001") == 1234);
}

TEST_CASE("notes are worded per entry, in file order, only when asked") {
    Fixture f;
    f.entry("0001", "00001");
    f.entry("0002", "00001");
    auto row = [&](std::string_view candidate, int unit, long line) {
        model::UnitRow r;
        r.centre = "61234";
        r.candidate = candidate;
        r.unit = unit;
        r.status = UnitStatus::result_achieved;
        r.grade = Grade::p;
        r.line = line;
        REQUIRE_FALSE(f.book.add_unit_row(r).has_value());
    };
    row("0002", 99, 5);
    row("0001", 6, 7);
    row("0002", 98, 9);
    row("0001", 1, 11);
    CHECK(sizeof(engine::Note) == 16);
    const engine::EntryNotes notes(f.book, "u.csv");
    CHECK(notes.sentences(0) == std::vector<std::string>{"unit 6 (u.csv line 7) is not part of 00001; not counted"});
    CHECK(notes.sentences(1) == std::vector<std::string>{"unit 99 (u.csv line 5) is not a unit of l3; not counted",
                                                         "unit 98 (u.csv line 9) is not a unit of l3; not counted"});
    CHECK(notes.any(1));
    // Standard input is called "units"; a book without notes has none for any entry.
    CHECK(engine::EntryNotes(f.book, "-").sentences(0) ==
          std::vector<std::string>{"unit 6 (units line 7) is not part of 00001; not counted"});
    Fixture empty;
    empty.entry("0001", "00001");
    CHECK_FALSE(engine::EntryNotes(empty.book, "u.csv").any(0));
    CHECK(engine::EntryNotes().sentences(0).empty());
}
