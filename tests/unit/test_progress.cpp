// Tests for lib/report/progress.cpp: the progress line's text and how it is drawn and wiped.
#include "report/progress.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <string>

using namespace qc::report;

namespace {

// What a ProgressLine wrote to its terminal.
std::string written(std::FILE* file) {
    std::fflush(file);
    std::rewind(file);
    std::string text;
    for (int c = std::fgetc(file); c != EOF; c = std::fgetc(file)) {
        text.push_back(static_cast<char>(c));
    }
    return text;
}

} // namespace

TEST_CASE("progress text: rows, megabytes of the size, rate and time left") {
    CHECK(thousands(0) == "0");
    CHECK(thousands(999) == "999");
    CHECK(thousands(1234567) == "1,234,567");
    CHECK(duration_text(0.2) == "1s");
    CHECK(duration_text(59) == "59s");
    CHECK(duration_text(80) == "1m 20s");
    CHECK(duration_text(7500) == "2h 05m");
    CHECK(progress_text("units.csv", {45'000'000, 550'000'000, 1'234'567, 0, 0}) ==
          "units.csv: 1,234,567 rows, 45 of 550 MB (8%)");
    CHECK(progress_text("units.csv", {45'000'000, 550'000'000, 1'234'567, 120'345.6, 6'312'500}) ==
          "units.csv: 1,234,567 rows, 45 of 550 MB (8%), 120,345 rows/s, about 1m 20s left");
    // Unknown size (a pipe): no percentage, no time left.
    CHECK(progress_text("-", {45'000'000, 0, 1'234'567, 120'000, 6'000'000}) ==
          "standard input: 1,234,567 rows, 45 MB, 120,000 rows/s");
    // Everything read: no time left.
    CHECK(progress_text("u.csv", {550'000'000, 550'000'000, 9, 1, 1}) ==
          "u.csv: 9 rows, 550 of 550 MB (100%), 1 rows/s");
}

TEST_CASE("progress line: redrawn in place, padded over a longer line, cut to the width, wiped") {
    std::FILE* terminal = std::tmpfile();
    REQUIRE(terminal != nullptr);
    {
        ProgressLine line(terminal, true, 11);
        line.show("abcdef");
        line.show("abc");
        line.show("0123456789abcdef");
        line.clear();
        line.clear();
        line.show("xy");
    } // the destructor wipes what is shown
    CHECK(written(terminal) == "\rabcdef\rabc   \r0123456789\r          \r\rxy\r  \r");
    std::fclose(terminal);
}

TEST_CASE("progress line: draws nothing when not enabled (not a terminal, or --quiet)") {
    std::FILE* terminal = std::tmpfile();
    REQUIRE(terminal != nullptr);
    {
        ProgressLine line(terminal, false, 80);
        line.show("abc");
        line.clear();
    }
    CHECK(written(terminal).empty());
    std::fclose(terminal);
}
