// Tests for lib/engine/book*.cpp as a data structure: the candidate table (growth,
// collisions), per-entry blocks (chains of entries, suites of any size) and the batched path
// (add_unit_rows must do exactly what add_unit_row does, row by row).
#include "engine/blocks.hpp"
#include "engine/book.hpp"

#include <doctest/doctest.h>

#include <fmt/format.h>

#include <memory>
#include <random>

using namespace qc;
using model::Grade;
using model::UnitStatus;

namespace {

// A suite with units numbered `first`, `first + step`, ... (`count` of them, alternately
// examined and moderated, 30 GLH each) and two qualifications: "<prefix>1" with the first
// half mandatory, "<prefix>2" with every unit optional.
std::unique_ptr<model::Suite> numbered_suite(std::string id, int level, int first, int step,
                                             int count, const std::string& prefix) {
    auto suite = std::make_unique<model::Suite>();
    suite->id = std::move(id);
    suite->level = level;
    model::Qualification half;
    half.code = prefix + "1";
    half.glh = 30 * count / 2;
    model::Qualification all;
    all.code = prefix + "2";
    all.glh = 30 * count;
    for (int i = 0; i < count; ++i) {
        const int number = first + i * step;
        const auto assessment = i % 2 == 0 ? model::Assessment::examined : model::Assessment::moderated;
        suite->units.push_back(model::Unit{number, fmt::format("Unit {}", number), 30, assessment, {}});
        (i < count / 2 ? half.mandatory : half.optional).push_back(number);
        all.optional.push_back(number);
    }
    half.optional.pop_back(); // one unit of the suite outside the qualification: notes
    suite->qualifications.push_back(half);
    suite->qualifications.push_back(all);
    return suite;
}

struct Rules {
    model::RuleBook book;
    Rules() {
        book.add(numbered_suite("small", 3, 1, 1, 12, "1000"));   // units 1..12
        book.add(numbered_suite("level2", 2, 5, 1, 8, "2000"));   // units 5..12: overlaps "small"
        book.add(numbered_suite("wide", 3, 100, 1, 70, "3000"));  // 70 units: a block over 64 bytes
        book.add(numbered_suite("sparse", 3, 5000, 997, 4, "4000")); // numbers past the dense table
    }
};

model::Entry make_entry(const model::RuleBook& rules, std::string centre, std::string candidate,
                        const std::string& code) {
    model::Entry entry;
    entry.centre = std::move(centre);
    entry.candidate = std::move(candidate);
    entry.qualification = rules.find_qualification(code);
    REQUIRE(entry.qualification != nullptr);
    entry.ecd = model::Series{2027};
    return entry;
}

model::UnitRow make_row(std::string_view centre, std::string_view candidate, int unit,
                        UnitStatus status, Grade grade, std::string_view code, long line) {
    model::UnitRow row;
    row.centre = centre;
    row.candidate = candidate;
    row.unit = unit;
    row.status = status;
    row.grade = grade;
    row.qualification_code = code;
    row.line = line;
    return row;
}

std::vector<std::uint8_t> states_of(const engine::EntryBook& book, std::size_t entry) {
    std::vector<std::uint8_t> states;
    for (const engine::UnitState& state : book.facts(entry).units) {
        states.push_back(static_cast<std::uint8_t>(static_cast<unsigned>(state.status()) |
                                                   (static_cast<unsigned>(state.grade()) << 3) |
                                                   (state.transferred() ? 64u : 0u)));
    }
    return states;
}

} // namespace

TEST_CASE("the candidate table grows from empty and finds every candidate of many centres") {
    Rules rules;
    engine::EntryBook book(rules.book);
    for (int centre = 0; centre < 40; ++centre) {
        for (int candidate = 0; candidate < 500; ++candidate) {
            auto entry = make_entry(rules.book, fmt::format("{:05}", centre * 2477), fmt::format("{:04}", candidate),
                                    candidate % 3 == 0 ? "20001" : "10001");
            REQUIRE_FALSE(book.add_entry(std::move(entry)).has_value());
        }
    }
    REQUIRE(book.size() == 20000);
    for (std::size_t i = 0; i < book.size(); i += 7) {
        const model::Entry& entry = book.entry(i);
        CHECK(book.find(entry.centre, entry.candidate, entry.qualification->code) == static_cast<long>(i));
        const auto unit = entry.qualification->code == "20001" ? 5 : 1;
        REQUIRE_FALSE(book.add_unit_row(make_row(entry.centre, entry.candidate, unit,
                                                 UnitStatus::claim_submitted, Grade::none, {}, 2))
                          .has_value());
        CHECK(book.facts(i).units[0].status() == UnitStatus::claim_submitted);
    }
    CHECK_FALSE(book.facts(1).units[0].has_row());
    CHECK(book.find("00000", "0500", "10001") == -1);
    CHECK(book.find("00000", "0001", "20001") == -1); // the candidate exists, not the entry

    const engine::EntryBook moved(std::move(book)); // e.g. returned from a loader
    CHECK(moved.size() == 20000);
    CHECK(moved.find(moved.entry(7).centre, moved.entry(7).candidate, "10001") == 7);
    CHECK(moved.facts(7).units[0].status() == UnitStatus::claim_submitted);
}

TEST_CASE("candidates whose keys start probing at the same slot are all kept apart") {
    Rules rules;
    engine::EntryBook book(rules.book); // 16 slots until the 9th candidate
    // Keys are centre * 10^4 + candidate + 1; find ones that collide in a 16-slot table.
    std::vector<std::string> colliding;
    const std::size_t target = engine::slot_for(model::candidate_key("61234", "0000"), 15);
    for (int n = 0; colliding.size() < 8 && n < 10000; ++n) {
        const std::string candidate = fmt::format("{:04}", n);
        if (engine::slot_for(model::candidate_key("61234", candidate), 15) == target) {
            colliding.push_back(candidate);
        }
    }
    REQUIRE(colliding.size() == 8);
    for (const std::string& candidate : colliding) {
        REQUIRE_FALSE(book.add_entry(make_entry(rules.book, "61234", candidate, "10001")).has_value());
    }
    for (std::size_t i = 0; i < colliding.size(); ++i) {
        const auto status = i % 2 == 0 ? UnitStatus::absent : UnitStatus::entry_received;
        REQUIRE_FALSE(book.add_unit_row(make_row("61234", colliding[i], 3, status, Grade::none, "10001", 2))
                          .has_value());
    }
    for (std::size_t i = 0; i < colliding.size(); ++i) {
        CHECK(book.find("61234", colliding[i], "10001") == static_cast<long>(i));
        CHECK(book.facts(i).units[2].status() == (i % 2 == 0 ? UnitStatus::absent : UnitStatus::entry_received));
    }
    CHECK(book.find("61234", "9999", "10001") == -1);
}

TEST_CASE("one candidate with entries in several suites: rows go to the right entries") {
    Rules rules;
    engine::EntryBook book(rules.book);
    for (const char* code : {"10001", "30001", "20002", "40001"}) {
        REQUIRE_FALSE(book.add_entry(make_entry(rules.book, "61234", "0007", code)).has_value());
    }
    auto row = [&](int unit, std::string_view code) {
        return book.add_unit_row(make_row("61234", "0007", unit, UnitStatus::entry_received, Grade::none, code, 2));
    };
    CHECK_FALSE(row(3, "10001").has_value());
    CHECK_FALSE(row(100, "30001").has_value());
    CHECK_FALSE(row(5997, "40001").has_value());
    CHECK_FALSE(row(150, {}).has_value()); // only "wide" defines 150
    CHECK_FALSE(row(3, {}).has_value());   // only "small" defines 3
    auto ambiguous = row(6, {});           // "small" and "level2" both define 6
    REQUIRE(ambiguous.has_value());
    CHECK(ambiguous->column == "unit");
    CHECK(ambiguous->message == "ambiguous unit 6: candidate 0007 has entries in 'small' and 'level2', which both define it");
    auto missing = row(1, "30002");
    REQUIRE(missing.has_value());
    CHECK(missing->message == "candidate 0007 at centre 61234 has no entry for qualification 30002");

    CHECK(book.facts(0).units[2].has_row());             // unit 3 of small
    CHECK(book.facts(1).units[0].has_row());             // unit 100 of wide
    CHECK(book.facts(1).units[50].has_row());            // unit 150 of wide
    CHECK(book.facts(1).units.size() == 70);
    CHECK(book.facts(3).units[1].has_row());             // unit 5997 of sparse
    CHECK_FALSE(book.facts(2).units[1].has_row());       // level2 untouched by the ambiguous row
    CHECK(book.find("61234", "0007", "20002") == 2);
    auto duplicate = book.add_entry(make_entry(rules.book, "61234", "0007", "30001"));
    REQUIRE(duplicate.has_value());
    CHECK(duplicate->column == "qualification_code");
}

TEST_CASE("a unit row's rank agrees with UnitState::combine for every pair of rows") {
    Rules rules;
    const UnitStatus statuses[] = {UnitStatus::result_achieved, UnitStatus::entry_received,
                                   UnitStatus::claim_submitted, UnitStatus::claim_sampled,
                                   UnitStatus::absent, UnitStatus::ria_received, UnitStatus::ria_pending};
    const Grade grades[] = {Grade::none, Grade::u, Grade::r, Grade::p, Grade::m, Grade::d, Grade::dstar};
    std::vector<std::pair<UnitStatus, Grade>> rows;
    for (UnitStatus status : statuses) {
        for (Grade grade : grades) {
            rows.emplace_back(status, grade);
        }
    }
    for (const auto& first : rows) {
        engine::EntryBook book(rules.book);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            REQUIRE_FALSE(book.add_entry(make_entry(rules.book, "61234", fmt::format("{:04}", i), "10001")).has_value());
        }
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const std::string candidate = fmt::format("{:04}", i);
            REQUIRE_FALSE(book.add_unit_row(make_row("61234", candidate, 1, first.first, first.second, {}, 2)).has_value());
            REQUIRE_FALSE(book.add_unit_row(make_row("61234", candidate, 1, rows[i].first, rows[i].second, {}, 3)).has_value());
            engine::UnitState expected;
            expected.combine(first.first, first.second, false);
            expected.combine(rows[i].first, rows[i].second, false);
            const engine::UnitState got = book.facts(i).units[0];
            CHECK(got.status() == expected.status());
            CHECK(got.grade() == expected.grade());
        }
    }
}

TEST_CASE("add_unit_rows gives the same states, notes, transfers and problems as add_unit_row") {
    Rules rules;
    engine::EntryBook one_by_one(rules.book);
    engine::EntryBook batched(rules.book);
    batched.reserve(3000); // reserving must not change anything either
    const char* codes[] = {"10001", "10002", "20001", "30002", "40001"};
    std::mt19937 random(20261125);
    for (int i = 0; i < 3000; ++i) {
        const std::string centre = fmt::format("{:05}", 10000 + (i % 37) * 131);
        const std::string candidate = fmt::format("{:04}", i / 2);
        const char* code = codes[(i * 7 + (i % 2)) % 5];
        auto a = one_by_one.add_entry(make_entry(rules.book, centre, candidate, code));
        auto b = batched.add_entry(make_entry(rules.book, centre, candidate, code));
        REQUIRE(a.has_value() == b.has_value());
    }
    REQUIRE(one_by_one.size() == batched.size());

    // Rows for known and unknown candidates, in and out of their suites and qualifications,
    // with and without a code, a few R grades where they are refused, a few transfers.
    std::vector<std::string> texts; // the rows' strings, kept alive
    texts.reserve(60000 * 3);
    std::vector<model::UnitRow> rows;
    const int units[] = {1, 3, 6, 9, 12, 13, 100, 169, 5000, 5997, 7};
    for (int n = 0; n < 60000; ++n) {
        const std::size_t entry = random() % one_by_one.size();
        const model::Entry& e = one_by_one.entry(entry);
        const bool stranger = random() % 50 == 0;
        texts.push_back(stranger ? std::string("99999") : e.centre);
        const std::string& centre = texts.back();
        texts.push_back(e.candidate);
        const std::string& candidate = texts.back();
        const int pick = static_cast<int>(random() % 4);
        texts.push_back(pick == 0 ? std::string() : pick == 3 ? std::string(codes[random() % 5]) : e.qualification->code);
        const std::string& code = texts.back();
        const auto status = static_cast<UnitStatus>(1 + random() % 7);
        const auto grade = status == UnitStatus::result_achieved ? static_cast<Grade>(1 + random() % 6) : Grade::none;
        auto row = make_row(centre, candidate, units[random() % std::size(units)], status, grade, code, n + 2);
        row.taken_at_centre = random() % 20 == 0 ? std::string_view("12345") : std::string_view();
        rows.push_back(row);
    }

    std::vector<model::RowProblem> expected;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (auto problem = one_by_one.add_unit_row(rows[i])) {
            expected.push_back({i, *problem});
        }
    }
    std::vector<model::RowProblem> got;
    for (std::size_t at = 0; at < rows.size();) {
        const std::size_t count = std::min<std::size_t>(1 + random() % 300, rows.size() - at);
        std::vector<model::RowProblem> problems;
        batched.add_unit_rows(std::span(rows).subspan(at, count), problems);
        for (model::RowProblem& problem : problems) {
            got.push_back({problem.index + at, problem.problem});
        }
        at += count;
    }

    REQUIRE(expected.size() > 100); // the rows do exercise the problems
    REQUIRE(got.size() == expected.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        CHECK(got[i].index == expected[i].index);
        CHECK(got[i].problem.column == expected[i].problem.column);
        CHECK(got[i].problem.message == expected[i].problem.message);
    }
    REQUIRE(batched.notes().size() == one_by_one.notes().size());
    for (std::size_t i = 0; i < batched.notes().size(); ++i) {
        CHECK(batched.notes()[i].entry == one_by_one.notes()[i].entry);
        CHECK(batched.notes()[i].line == one_by_one.notes()[i].line);
        CHECK(batched.notes()[i].kind == one_by_one.notes()[i].kind);
    }
    std::size_t transferred = 0;
    for (std::size_t i = 0; i < batched.size(); ++i) {
        REQUIRE(states_of(batched, i) == states_of(one_by_one, i));
        for (std::uint16_t slot = 0; slot < batched.facts(i).units.size(); ++slot) {
            CHECK(batched.transfer_centre(i, slot) == one_by_one.transfer_centre(i, slot));
            transferred += batched.facts(i).units[slot].transferred() ? 1 : 0;
        }
    }
    CHECK(transferred > 0);
}

TEST_CASE("blocks are sized to whole cache lines and hold a suite's states") {
    CHECK(engine::block_words(0) == 2);   // 16 bytes
    CHECK(engine::block_words(6) == 2);   // 10 + 6 = 16
    CHECK(engine::block_words(12) == 4);  // 22 -> 32
    CHECK(engine::block_words(54) == 8);  // 64
    CHECK(engine::block_words(55) == 16); // 65 -> 128
    CHECK(engine::block_words(70) == 16);
}
