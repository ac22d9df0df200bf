#include "util/date.hpp"
#include "util/pipeline.hpp"
#include "util/spell.hpp"
#include "util/strings.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <numeric>
#include <stdexcept>
#include <vector>

using namespace qc::util;

TEST_CASE("fold_key ignores case, spaces, underscores and punctuation") {
    CHECK(fold_key("Cand. No") == "candno");
    CHECK(fold_key("candidate_number") == "candidatenumber");
    CHECK(fold_key("Forename(s)") == "forenames");
}

TEST_CASE("parse_int accepts only plain digits") {
    CHECK(parse_int("0042") == 42);
    CHECK_FALSE(parse_int("").has_value());
    CHECK_FALSE(parse_int("-1").has_value());
    CHECK_FALSE(parse_int(" 1").has_value());
    CHECK_FALSE(parse_int("99999999999").has_value());
}

TEST_CASE("UK dates are day first, never month first") {
    auto uk = parse_date("03/04/2025");
    REQUIRE(uk.date.has_value());
    CHECK(*uk.date == Date{2025, 4, 3});
    CHECK(*parse_date("2025-04-03").date == Date{2025, 4, 3});
    CHECK(*parse_date("3/4/2025").date == Date{2025, 4, 3});
    CHECK_FALSE(parse_date("04/13/2025").date.has_value()); // month 13: a US date is refused
    CHECK(parse_date("31/02/2025").problem == "no such date: '31/02/2025'");
    CHECK_FALSE(parse_date("2025/04/03").date.has_value());
    CHECK(parse_date("29/02/2024").date.has_value());
    CHECK_FALSE(parse_date("29/02/2025").date.has_value());
}

TEST_CASE("near-miss dates get a hint") {
    CHECK(parse_date("12/25/2026").hint ==
          "dates are read day first (DD/MM/YYYY) and this one looks month first: export dates as DD/MM/YYYY or "
          "YYYY-MM-DD");
    CHECK(parse_date("31/02/2026").hint.empty()); // impossible, not month first
    CHECK(parse_date("03/04/26").hint == "write the year in full, e.g. 03/04/2026");
    CHECK(parse_date("2026-3-4").hint == "write it as 2026-03-04");
    CHECK(parse_date("2026-2-30").hint.empty());
    CHECK(parse_date("next week").hint.empty());
}

TEST_CASE("excerpt keeps short values and cuts long ones between code points") {
    CHECK(excerpt("0042") == "0042");
    CHECK(excerpt(std::string(60, 'x')) == std::string(60, 'x'));
    CHECK(excerpt(std::string(61, 'x')) == std::string(60, 'x') + "... (61 bytes)");
    CHECK(excerpt("ab\xC3\xA9", 3) == "ab... (4 bytes)"); // never half of the two-byte é
}

TEST_CASE("add_days and days_since_epoch agree") {
    CHECK(days_since_epoch(Date{1970, 1, 1}) == 0);
    CHECK(add_days(Date{2025, 6, 30}, -14) == Date{2025, 6, 16});
    CHECK(add_days(Date{2024, 2, 28}, 1) == Date{2024, 2, 29});
    CHECK(add_days(Date{2025, 12, 31}, 1) == Date{2026, 1, 1});
    CHECK(to_iso(Date{2025, 3, 7}) == "2025-03-07");
}

TEST_CASE("did you mean finds close words only") {
    std::vector<std::string> keys{"mandatory", "optional", "pathway_required"};
    CHECK(did_you_mean("mandatroy", keys) == "did you mean 'mandatory'?");
    CHECK(did_you_mean("pathway-required", keys) == "did you mean 'pathway_required'?");
    CHECK(did_you_mean("colour", keys).empty());
}

TEST_CASE("UTF-8 validation catches Windows-1252 bytes") {
    CHECK(is_valid_utf8("Zoë"));
    CHECK_FALSE(is_valid_utf8("Zo\xeb"));
    CHECK_FALSE(is_valid_utf8("\xc0\xaf"));       // overlong
    CHECK_FALSE(is_valid_utf8("\xed\xa0\x80"));   // surrogate
    CHECK_FALSE(is_valid_utf8("\xe2\x82"));       // truncated
    CHECK(display_width("Zoë") == 3);
}

TEST_CASE("run_ordered: every chunk prepared once and consumed in order, with or without workers") {
    for (std::size_t workers : {0u, 1u, 2u, 4u}) {
        for (std::size_t n : {0u, 1u, 7u, 64u, 1000u}) {
            const std::size_t slots = pipeline_slots(std::max<std::size_t>(workers, 1));
            std::vector<std::vector<std::size_t>> prepared(slots);
            std::vector<std::size_t> consumed;
            std::atomic<int> preparing{0};
            std::atomic<int> most_at_once{0};
            run_ordered(
                n, 7, workers,
                [&](std::size_t begin, std::size_t end, std::size_t slot) {
                    const int now = ++preparing;
                    int seen = most_at_once.load();
                    while (now > seen && !most_at_once.compare_exchange_weak(seen, now)) {
                    }
                    prepared[slot].clear();
                    for (std::size_t i = begin; i < end; ++i) {
                        prepared[slot].push_back(i * i);
                    }
                    --preparing;
                },
                [&](std::size_t begin, std::size_t end, std::size_t slot) {
                    REQUIRE(prepared[slot].size() == end - begin);
                    for (std::size_t i = begin; i < end; ++i) {
                        CHECK(prepared[slot][i - begin] == i * i); // not overwritten by a later chunk
                        consumed.push_back(i);
                    }
                });
            std::vector<std::size_t> expected(n);
            std::iota(expected.begin(), expected.end(), 0);
            CHECK(consumed == expected);
            CHECK(most_at_once.load() <= static_cast<int>(std::max<std::size_t>(workers, 1)));
        }
    }
}

TEST_CASE("run_ordered: an exception from a worker or from the consumer reaches the caller") {
    std::size_t consumed = 0;
    CHECK_THROWS_WITH(run_ordered(
                          100, 10, 2,
                          [](std::size_t begin, std::size_t, std::size_t) {
                              if (begin == 50) {
                                  throw std::runtime_error("chunk 5 failed");
                              }
                          },
                          [&](std::size_t begin, std::size_t end, std::size_t) { consumed += end - begin; }),
                      "chunk 5 failed");
    CHECK(consumed == 50); // chunks 0 to 4, in order, and nothing after the failure
    CHECK_THROWS_WITH(run_ordered(
                          100, 10, 2, [](std::size_t, std::size_t, std::size_t) {},
                          [](std::size_t begin, std::size_t, std::size_t) {
                              if (begin == 30) {
                                  throw std::runtime_error("cannot write");
                              }
                          }),
                      "cannot write");
}
