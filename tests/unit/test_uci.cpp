// Tests for lib/engine/uci.cpp: unit rows matched to entries by UCI across centres.
#include "engine/book.hpp"
#include "engine/judge.hpp"

#include <doctest/doctest.h>

#include <memory>

using namespace qc;
using model::Grade;
using model::UnitStatus;

namespace {

// Suite "it": units 1..4 moderated 60; A1 (240, mandatory 1 2, optional 3 4) and B1 (120,
// mandatory 1, optional 2 3 4). Suite "sp": units 1..2, S1 (120, mandatory 1 2).
std::unique_ptr<model::Suite> suite(std::string id, int units, std::vector<model::Qualification> qualifications) {
    auto s = std::make_unique<model::Suite>();
    s->id = id;
    s->title = id;
    for (int n = 1; n <= units; ++n) {
        s->units.push_back(model::Unit{n, "Unit", 60, model::Assessment::moderated, {}});
    }
    s->qualifications = std::move(qualifications);
    return s;
}

model::Qualification qualification(std::string code, int glh, std::vector<int> mandatory,
                                   std::vector<int> optional) {
    model::Qualification q;
    q.code = std::move(code);
    q.title = q.code;
    q.glh = glh;
    q.mandatory = std::move(mandatory);
    q.optional = std::move(optional);
    return q;
}

struct Centres {
    model::RuleBook rules;
    engine::EntryBook book{rules};

    Centres() {
        rules.add(suite("it", 4, {qualification("A1", 240, {1, 2}, {3, 4}),
                                  qualification("B1", 120, {1}, {2, 3, 4})}));
        rules.add(suite("sp", 2, {qualification("S1", 120, {1, 2}, {})}));
    }

    void entry(std::string centre, std::string candidate, std::string code, std::string uci,
               model::EntryStatus status = model::EntryStatus::active) {
        model::Entry e;
        e.centre = std::move(centre);
        e.candidate = std::move(candidate);
        e.qualification = rules.find_qualification(code);
        e.uci = std::move(uci);
        e.ecd = model::Series{2027};
        e.status = status;
        REQUIRE_FALSE(book.add_entry(std::move(e)).has_value());
    }

    std::optional<model::Problem> row(std::string_view centre, std::string_view candidate, int unit,
                                      std::string_view uci = {}, std::string_view code = {},
                                      std::string_view taken_at = {}) {
        model::UnitRow r;
        r.centre = centre;
        r.candidate = candidate;
        r.unit = unit;
        r.status = UnitStatus::result_achieved;
        r.grade = Grade::p;
        r.uci = uci;
        r.qualification_code = code;
        r.taken_at_centre = taken_at;
        r.series = "June 2026";
        r.line = 7;
        return book.add_unit_row(r);
    }
};

} // namespace

TEST_CASE("a row of a candidate unknown here is brought in by its UCI, marked with its centre") {
    Centres c;
    c.entry("61234", "0043", "A1", "684202500333K");
    REQUIRE_FALSE(c.row("68420", "0333", 1, "684202500333K").has_value());
    const engine::UnitState unit = c.book.facts(0).units[0];
    CHECK(unit.outcome() == model::Outcome::achieved);
    CHECK(unit.transferred());
    REQUIRE(c.book.transfer(0, 0) != nullptr);
    CHECK(c.book.transfer(0, 0)->centre == "68420");
    CHECK(c.book.transfer(0, 0)->series == "June 2026");
    // taken_at_centre, when the row gives it, names where the unit was achieved.
    REQUIRE_FALSE(c.row("68420", "0333", 2, "684202500333K", {}, "70001").has_value());
    CHECK(c.book.transfer_centre(0, 1) == "70001");
}

TEST_CASE("a UCI that matches nobody at another centre is still an error, never a silent drop") {
    Centres c;
    c.entry("61234", "0043", "A1", "684202500333K");
    auto problem = c.row("68420", "0333", 1, "999999999999Z");
    REQUIRE(problem.has_value());
    CHECK(problem->column == "candidate_number");
    CHECK(problem->message == "candidate 0333 at centre 68420 has no entry in the candidates file, "
                              "and no candidate at another centre has UCI 999999999999Z");
    // A candidate at the same centre with the same UCI is not matched: one centre, one number.
    c.entry("61234", "0044", "A1", "612342600044C");
    CHECK(c.row("61234", "0999", 1, "612342600044C").has_value());
}

TEST_CASE("candidates file twins: rows of the other centre's candidate count for both") {
    Centres c;
    c.entry("68420", "0333", "A1", "684202500333K", model::EntryStatus::withdrawn);
    c.entry("61234", "0043", "A1", "684202500333K");
    REQUIRE_FALSE(c.row("68420", "0333", 1).has_value());
    CHECK(c.book.facts(0).units[0].has_row());
    CHECK_FALSE(c.book.facts(0).units[0].transferred());
    CHECK(c.book.transfer_centre(1, 0) == "68420");
    // And the other way: this centre's rows count at the old centre too.
    REQUIRE_FALSE(c.row("61234", "0043", 2).has_value());
    CHECK(c.book.transfer_centre(0, 1) == "61234");
    CHECK_FALSE(c.book.facts(1).units[1].transferred());
}

TEST_CASE("a row whose UCI contradicts its candidate's is an error on the uci column") {
    Centres c;
    c.entry("61234", "0043", "A1", "684202500333K");
    auto problem = c.row("61234", "0043", 1, "612340000000X");
    REQUIRE(problem.has_value());
    CHECK(problem->column == "uci");
    CHECK(problem->message == "uci '612340000000X' is not the UCI of candidate 0043 at centre 61234 "
                              "('684202500333K' in the candidates file)");
    CHECK_FALSE(c.row("61234", "0043", 1, "684202500333K").has_value());
}

TEST_CASE("a brought row with a qualification code counts for the entries of that suite") {
    Centres c;
    c.entry("61234", "0043", "B1", "684202500333K");
    c.entry("61234", "0043", "S1", "684202500333K");
    // The old centre's entry was A1; here the candidate is entered for B1 in the same suite.
    REQUIRE_FALSE(c.row("68420", "0333", 1, "684202500333K", "A1").has_value());
    CHECK(c.book.facts(0).units[0].has_row());
    CHECK_FALSE(c.book.facts(1).units[0].has_row());
    auto none = c.row("68420", "0333", 1, "684202500333K", "Z9");
    REQUIRE(none.has_value());
    CHECK(none->message == "unknown qualification_code 'Z9'");
}

TEST_CASE("a brought row whose suite the candidate here is not entered for is an error") {
    Centres c;
    c.entry("61234", "0043", "S1", "684202500333K");
    auto problem = c.row("68420", "0333", 3, "684202500333K", "A1");
    REQUIRE(problem.has_value());
    CHECK(problem->message == "candidate 0333 at centre 68420 has no entry here, and UCI "
                              "684202500333K (0043 at centre 61234) has no entry in the suite of "
                              "qualification A1");
}

TEST_CASE("without a code, a brought row follows the usual rules: ambiguous across suites") {
    Centres c;
    c.entry("61234", "0043", "A1", "684202500333K");
    c.entry("61234", "0043", "S1", "684202500333K");
    auto problem = c.row("68420", "0333", 1, "684202500333K");
    REQUIRE(problem.has_value());
    CHECK(problem->message.starts_with("ambiguous unit 1: candidate 0043 has entries in 'it' and 'sp'"));
    REQUIRE_FALSE(c.row("68420", "0333", 4, "684202500333K").has_value());
    CHECK(c.book.transfer_centre(0, 3) == "68420");
}

TEST_CASE("entries added after rows are indexed again") {
    Centres c;
    c.entry("61234", "0043", "A1", "684202500333K");
    REQUIRE(c.row("68420", "0333", 1, "777").has_value());
    c.entry("61234", "0050", "A1", "777");
    CHECK_FALSE(c.row("68420", "0333", 1, "777").has_value());
    CHECK(c.book.transfer_centre(1, 0) == "68420");
}
