// Tests for lib/engine/options.cpp and pathways.cpp: pathway standing, move down, top up.
#include "engine/book.hpp"
#include "engine/judge.hpp"
#include "engine/options.hpp"

#include <doctest/doctest.h>

#include <memory>

using namespace qc;
using model::Grade;
using model::UnitStatus;

namespace {

// Units 1, 2 examined 60; 3 moderated 60; 4 moderated 30; 5, 6, 7 moderated 60.
// C1 Certificate 150: mandatory 1 3, optional 4 5.
// D2 Diploma 300: mandatory 1 2 3, optional 4 5 6 7; pathway "p" = 6 7 (not required).
// E3 Extended Diploma 390: mandatory 1 2 3, optional 4 5 6 7; pathway required: "p" = 6 7, "q" = 5.
std::unique_ptr<model::Suite> sizes_suite() {
    auto suite = std::make_unique<model::Suite>();
    suite->id = "sizes";
    suite->title = "Sizes";
    suite->level = 3;
    const int glh[] = {60, 60, 60, 30, 60, 60, 60};
    for (int n = 1; n <= 7; ++n) {
        suite->units.push_back(model::Unit{n, "Unit " + std::to_string(n), glh[n - 1],
                                           n <= 2 ? model::Assessment::examined
                                                  : model::Assessment::moderated,
                                           {}});
    }
    model::Qualification c1;
    c1.code = "C1";
    c1.title = "Certificate";
    c1.glh = 150;
    c1.mandatory = {1, 3};
    c1.optional = {4, 5};
    model::Qualification d2;
    d2.code = "D2";
    d2.title = "Diploma";
    d2.glh = 300;
    d2.mandatory = {1, 2, 3};
    d2.optional = {4, 5, 6, 7};
    d2.pathways.push_back(model::Pathway{"p", "Pathway P", {6, 7}, {}, {}});
    model::Qualification e3 = d2;
    e3.code = "E3";
    e3.title = "Extended Diploma";
    e3.glh = 390;
    e3.pathway_required = true;
    e3.pathways.push_back(model::Pathway{"q", "Pathway Q", {5}, {}, {}});
    suite->qualifications = {c1, d2, e3};
    return suite;
}

struct Book {
    model::RuleBook rules;
    engine::EntryBook book{rules};
    model::Series current{2027};

    Book() { rules.add(sizes_suite()); }

    void entry(std::string candidate, std::string code, std::string pathway = {},
               model::EntryStatus status = model::EntryStatus::active) {
        model::Entry e;
        e.centre = "61234";
        e.candidate = std::move(candidate);
        e.qualification = rules.find_qualification(code);
        REQUIRE(e.qualification != nullptr);
        e.ecd = current;
        e.status = status;
        if (!pathway.empty()) {
            e.declared_pathway = e.qualification->find_pathway(pathway);
        }
        REQUIRE_FALSE(book.add_entry(std::move(e)).has_value());
    }

    void achieved(std::string_view candidate, std::initializer_list<int> units) {
        for (int unit : units) {
            add(candidate, unit, UnitStatus::result_achieved, Grade::m);
        }
    }

    void claimed(std::string_view candidate, std::initializer_list<int> units) {
        for (int unit : units) {
            add(candidate, unit, UnitStatus::claim_submitted, Grade::none);
        }
    }

    void add(std::string_view candidate, int unit, UnitStatus status, Grade grade,
             std::string_view taken_at = {}) {
        model::UnitRow row;
        row.centre = "61234";
        row.candidate = candidate;
        row.unit = unit;
        row.status = status;
        row.grade = grade;
        row.taken_at_centre = taken_at;
        REQUIRE_FALSE(book.add_unit_row(row).has_value());
    }

    engine::EntryResult judge(std::size_t i) const {
        return engine::judge(book.entry(i), book.facts(i), current, false);
    }
    engine::Options options(std::size_t i) const {
        return engine::options_for(book.entry(i), book.facts(i), current);
    }
    engine::Suggestion suggestion(std::size_t i) const {
        return engine::suggest(book.entry(i), judge(i), options(i));
    }
};

std::vector<std::string> codes(const std::vector<const model::Qualification*>& list) {
    std::vector<std::string> out;
    for (const model::Qualification* q : list) {
        out.push_back(q->code);
    }
    return out;
}

using Codes = std::vector<std::string>;

} // namespace

TEST_CASE("pathway standing: met, awaiting units in progress, units still needed, declared") {
    Book b;
    b.entry("0001", "E3", "q");
    b.achieved("0001", {6});
    b.claimed("0001", {7});
    auto lines = engine::pathway_standing(b.book.entry(0), b.book.facts(0));
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].pathway->id == "p");
    CHECK_FALSE(lines[0].declared);
    CHECK_FALSE(lines[0].met_achieved);
    CHECK(lines[0].met_in_progress);
    CHECK(lines[0].awaiting == std::vector<int>{7});
    CHECK(lines[0].still_needed.empty());
    CHECK(lines[1].declared);
    CHECK_FALSE(lines[1].met_in_progress);
    CHECK(lines[1].still_needed == std::vector<int>{5});
    b.achieved("0001", {5, 7});
    lines = engine::pathway_standing(b.book.entry(0), b.book.facts(0));
    CHECK(lines[0].met_achieved);
    CHECK(lines[1].met_achieved);
    CHECK(lines[0].awaiting.empty());
}

TEST_CASE("pathway standing: a qualification without pathways has none") {
    Book b;
    b.entry("0001", "C1");
    CHECK(engine::pathway_standing(b.book.entry(0), b.book.facts(0)).empty());
}

TEST_CASE("move down: a not-eligible diploma whose achieved units make a certificate") {
    Book b;
    b.entry("0001", "D2");
    b.achieved("0001", {1, 3, 4, 5}); // 210 GLH, mandatory 2 missing
    CHECK(b.judge(0).status == model::ResultStatus::not_eligible);
    CHECK(codes(b.options(0).met_achieved) == Codes{"C1"});
    CHECK(codes(b.options(0).met_in_progress) == Codes{"C1"});
    const engine::Suggestion s = b.suggestion(0);
    CHECK(s.kind == engine::SuggestionKind::move_down);
    CHECK(s.to->code == "C1");
    CHECK(s.now);
}

TEST_CASE("move down once units in progress are achieved") {
    Book b;
    b.entry("0001", "D2");
    b.achieved("0001", {1, 4, 5});
    b.claimed("0001", {3});
    CHECK(b.options(0).met_achieved.empty());
    CHECK(codes(b.options(0).met_in_progress) == Codes{"C1"});
    const engine::Suggestion s = b.suggestion(0);
    CHECK(s.kind == engine::SuggestionKind::move_down);
    CHECK_FALSE(s.now);
}

TEST_CASE("top up: an eligible certificate whose units already make a diploma") {
    Book b;
    b.entry("0001", "C1");
    b.achieved("0001", {1, 2, 3, 4, 5, 6}); // rows for 2 and 6 count for nothing in C1
    CHECK(b.judge(0).status == model::ResultStatus::eligible);
    CHECK(codes(b.options(0).met_achieved) == Codes{"D2", "C1"});
    const engine::Suggestion s = b.suggestion(0);
    CHECK(s.kind == engine::SuggestionKind::top_up);
    CHECK(s.to->code == "D2");
    CHECK(s.now);
}

TEST_CASE("top up once units in progress are achieved; none when nothing larger is met") {
    Book b;
    b.entry("0001", "C1");
    b.achieved("0001", {1, 3, 4, 5});
    b.claimed("0001", {2, 6});
    CHECK(codes(b.options(0).met_achieved) == Codes{"C1"});
    CHECK(codes(b.options(0).met_in_progress) == Codes{"D2", "C1"});
    const engine::Suggestion s = b.suggestion(0);
    CHECK(s.kind == engine::SuggestionKind::top_up);
    CHECK_FALSE(s.now);

    b.entry("0002", "C1");
    b.achieved("0002", {1, 3, 4, 5});
    CHECK(b.suggestion(1).kind == engine::SuggestionKind::none);
}

TEST_CASE("options are judged by the same rules: a required pathway, largest first") {
    Book b;
    b.entry("0001", "C1");
    b.achieved("0001", {1, 2, 3, 4, 6, 7}); // 330 GLH; pathway p met, so E3 needs only GLH
    CHECK(codes(b.options(0).met_achieved) == Codes{"D2", "C1"}); // E3: 330 < 390
    b.achieved("0001", {5});                                      // 390 GLH
    CHECK(codes(b.options(0).met_achieved) == Codes{"E3", "D2", "C1"});
    CHECK(b.suggestion(0).to->code == "E3");

    b.entry("0002", "C1");
    b.achieved("0002", {1, 2, 3, 4, 5}); // 270: no pathway of E3 except q; D2 GLH short
    b.claimed("0002", {6});
    CHECK(codes(b.options(1).met_in_progress) == Codes{"D2", "C1"});
}

TEST_CASE("the entry's own declared pathway counts for it, not for the other sizes") {
    Book b;
    b.entry("0001", "D2", "p");
    b.achieved("0001", {1, 2, 3, 4, 5, 6}); // 330 GLH, p needs 7
    CHECK(b.judge(0).has(model::ReasonCode::pathway_units_missing));
    // D2 itself is not met (its declared pathway is not); C1 is.
    CHECK(codes(b.options(0).met_achieved) == Codes{"C1"});
    CHECK(b.suggestion(0).to->code == "C1");
}

TEST_CASE("withdrawn entries have no options and no suggestion") {
    Book b;
    b.entry("0001", "D2", {}, model::EntryStatus::withdrawn);
    b.achieved("0001", {1, 3, 4, 5});
    CHECK(b.options(0).met_achieved.empty());
    CHECK(b.options(0).met_in_progress.empty());
    CHECK(b.suggestion(0).kind == engine::SuggestionKind::none);
}

TEST_CASE("transferred units: counted units whose winning row came from another centre") {
    Book b;
    b.entry("0001", "C1");
    b.add("0001", 1, UnitStatus::result_achieved, Grade::p, "70001");
    b.add("0001", 3, UnitStatus::claim_submitted, Grade::none, "70001");
    b.add("0001", 2, UnitStatus::result_achieved, Grade::p, "70001"); // not in C1
    b.add("0001", 4, UnitStatus::absent, Grade::none, "70001");       // does not count
    b.achieved("0001", {5});
    CHECK(engine::transferred_units(b.book.entry(0), b.book.facts(0)) == 2);
    // A better row from this centre replaces the transferred one.
    b.achieved("0001", {3});
    CHECK(engine::transferred_units(b.book.entry(0), b.book.facts(0)) == 1);
    CHECK(b.book.transfer(0, 2) == nullptr);
    REQUIRE(b.book.transfer(0, 0) != nullptr);
    CHECK(b.book.transfer(0, 0)->centre == "70001");
}
