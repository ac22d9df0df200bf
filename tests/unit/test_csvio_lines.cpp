// Tests for lib/csvio/lines.cpp and row_batch.cpp: physical lines through LineReader and the
// 1 MB arena, and
// unit rows passed on in batches with every problem still reported at its row, in file order.
#include "csvio/exports.hpp"
#include "csvio/lines.hpp"
#include "csvio/sources.hpp"
#include "diag/failure.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <string>
#include <vector>

using namespace qc;
using csvio::Input;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    auto source = csvio::open_source(Input::memory("l.csv", text));
    csvio::LineSource lines("l.csv", *source);
    std::vector<std::string> out;
    std::size_t length = 0;
    while (char* line = lines.next(length)) {
        csvio::LineSource::terminate(line, length); // allowed: the byte after is writable
        out.emplace_back(line, length);
    }
    CHECK_FALSE(lines.too_long());
    return out;
}

// Refuses rows of candidate 0666, as the engine refuses a candidate with no entry.
struct RefusingSink : model::FactSink {
    std::vector<std::string> rows; ///< "line: candidate,unit,status,series" of each row taken
    std::optional<model::Problem> add_entry(model::Entry) override { return std::nullopt; }
    std::optional<model::Problem> add_unit_row(const model::UnitRow& row) override {
        if (row.candidate == "0666") {
            return model::Problem{"candidate_number", fmt::format("no entry for {}", row.candidate), {}};
        }
        rows.push_back(fmt::format("{}: {},{},{},{}", row.line, row.candidate, row.unit,
                                   static_cast<int>(row.status), row.series));
        return std::nullopt;
    }
};

} // namespace

TEST_CASE("lines: CRLF, a lone CR kept, blank lines, no final newline, a byte order mark") {
    CHECK(lines_of("\xEF\xBB\xBF" "a,b\r\n\r\nc\rd\n\ne") == std::vector<std::string>{"a,b", "", "c\rd", "", "e"});
    CHECK(lines_of("x\r") == std::vector<std::string>{"x"});
    CHECK(lines_of("") == std::vector<std::string>{});
    CHECK(lines_of("\n") == std::vector<std::string>{""});
}

TEST_CASE("lines: across 1 MB, a CRLF at the 1 MB mark and a line longer than the arena") {
    std::string text;
    std::vector<std::string> expected;
    for (int i = 0; text.size() < (std::size_t{1} << 20) - 200; ++i) {
        expected.push_back(fmt::format("line {},{}", i, std::string(static_cast<std::size_t>(i % 50), 'x')));
        text += expected.back() + "\n";
    }
    // The next line's CR is the last byte of the first block, its LF the first of the second.
    const std::size_t pad = (std::size_t{1} << 20) - 1 - text.size();
    expected.push_back(std::string(pad, 'p'));
    text += expected.back() + "\r\n";
    expected.push_back(std::string(std::size_t{5} << 19, 'l')); // 2.5 MB
    text += expected.back() + "\n";
    expected.push_back("last");
    text += "last";
    CHECK(lines_of(text) == expected);
}

TEST_CASE("lines: earlier lines stay in place until the refill hook runs") {
    std::string text;
    for (int i = 0; i < 400000; ++i) {
        text += fmt::format("{:07}\n", i); // 3.2 MB: the 1 MB arena is reused three times
    }
    auto source = csvio::open_source(Input::memory("l.csv", text));
    csvio::LineSource lines("l.csv", *source);
    std::vector<std::pair<const char*, int>> held;
    int refills = 0;
    lines.before_refill([&] {
        ++refills;
        for (const auto& [line, number] : held) {
            REQUIRE(std::string(line, 7) == fmt::format("{:07}", number));
        }
        held.clear();
    });
    std::size_t length = 0;
    for (int i = 0; const char* line = lines.next(length); ++i) {
        held.emplace_back(line, i);
    }
    CHECK(refills >= 3);
    for (const auto& [line, number] : held) {
        CHECK(std::string(line, 7) == fmt::format("{:07}", number));
    }
}

TEST_CASE("batched unit rows: problems from the reader and from the sink keep file order") {
    // Almost 3 MB of rows, so that batches are flushed both when full and when the
    // reader's lines move; parse errors, refusals and a quoted row in between.
    std::string text = "candidate_number,unit,status,series\n";
    std::vector<std::string> expected;
    std::vector<std::string> taken;
    long line = 1;
    for (int i = 0; i < 120000; ++i) {
        ++line;
        if (i % 1009 == 0) {
            text += "0001,x,absent,June 2026\n";
            expected.push_back(fmt::format("u.csv:{}:6: unit 'x' is not a unit number", line));
        } else if (i % 997 == 0 || i == 20001) {
            text += i == 20001 ? "0666,1,absent,\"June, 2026\"\n" : "0666,1,absent,June 2026\n";
            expected.push_back(fmt::format("u.csv:{}:1: no entry for 0666", line));
        } else {
            text += fmt::format("{:04},{},absent,June 2026\n", 1000 + i % 9000, 1 + i % 3);
            taken.push_back(fmt::format("{}: {:04},{},5,June 2026", line, 1000 + i % 9000, 1 + i % 3));
        }
    }
    REQUIRE(text.size() > (std::size_t{5} << 19));
    std::uint64_t parallel_from = UINT64_MAX;
    SUBCASE("read on this thread") {}
    SUBCASE("read on a second thread") { parallel_from = 0; }
    diag::Diagnostics rejects(SIZE_MAX);
    csvio::ReadOptions options{"61234", &rejects, parallel_from};
    RefusingSink sink;
    csvio::read_units(Input::memory("u.csv", text), options, sink);
    std::vector<std::string> got;
    for (const diag::Diagnostic& d : rejects.recorded()) {
        got.push_back(fmt::format("{}:{}:{}: {}", d.file, d.line, d.column, d.message));
        CHECK(d.source_line.substr(0, 4) == (d.message.starts_with("no entry") ? "0666" : "0001"));
    }
    CHECK(got == expected);
    CHECK(sink.rows == taken); // every row's text intact, though held in the reader's lines

    // Without --skip-invalid the same problems fail the read, the first 50 in order.
    try {
        RefusingSink again;
        csvio::read_units(Input::memory("u.csv", text), csvio::ReadOptions{"61234", nullptr, parallel_from}, again);
        FAIL("expected a failure");
    } catch (const diag::Failure& failure) {
        REQUIRE(failure.diagnostics().count() == expected.size());
        const auto& recorded = failure.diagnostics().recorded();
        for (std::size_t i = 0; i < recorded.size(); ++i) {
            CHECK(fmt::format("{}:{}:{}: {}", recorded[i].file, recorded[i].line, recorded[i].column,
                              recorded[i].message) == expected[i]);
        }
    }
}

TEST_CASE("reading on a second thread: a failing sink or a failing reader ends both") {
    std::string text = "candidate_number,unit,status\n";
    for (int i = 0; i < 100000; ++i) {
        text += fmt::format("{:04},1,absent\n", i % 9000);
    }
    struct Throwing : model::FactSink {
        int rows = 0;
        std::optional<model::Problem> add_entry(model::Entry) override { return std::nullopt; }
        std::optional<model::Problem> add_unit_row(const model::UnitRow&) override {
            if (++rows == 5000) {
                throw diag::Failure(diag::ExitStatus::io_failure, "the store is full");
            }
            return std::nullopt;
        }
    } throwing;
    csvio::ReadOptions parallel{"61234", nullptr, 0};
    try {
        csvio::read_units(Input::memory("u.csv", text), parallel, throwing);
        FAIL("expected a failure");
    } catch (const diag::Failure& failure) {
        CHECK(failure.status() == diag::ExitStatus::io_failure);
    }
    CHECK(throwing.rows == 5000);

    RefusingSink sink;
    const std::string huge = text + std::string(csvio::LineSource::k_max_line, 'x') + "\n";
    try {
        csvio::read_units(Input::memory("u.csv", huge), parallel, sink);
        FAIL("expected a failure");
    } catch (const diag::Failure& failure) {
        REQUIRE(failure.diagnostics().recorded().size() == 1);
        CHECK(failure.diagnostics().recorded()[0].message == "line is longer than 16 MB");
        CHECK(failure.diagnostics().recorded()[0].line == 100002);
    }
}
