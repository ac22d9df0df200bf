// Tests for lib/report/: CSV cells, JSON strings, tables and tallies.
#include "report/cells.hpp"
#include "report/columns.hpp"
#include "report/results.hpp"
#include "report/table.hpp"

#include <doctest/doctest.h>

using namespace qc::report;

namespace {
std::string cell(std::string_view text) {
    std::string out;
    append_csv_cell(out, text);
    return out;
}
std::string json(std::string_view text) {
    std::string out;
    append_json_string(out, text);
    return out;
}
} // namespace

TEST_CASE("CSV cells are quoted only when they must be (RFC 4180)") {
    CHECK(cell("Smith") == "Smith");
    CHECK(cell("O'Neill, Jr") == "\"O'Neill, Jr\"");
    CHECK(cell("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(cell("two\nlines") == "\"two\nlines\"");
    CHECK(cell(" padded") == "\" padded\"");
    CHECK(cell("") == "");
    CHECK(cell("0042") == "0042");
}

TEST_CASE("--excel writes all-digit identifiers as text formulas, anything else as usual") {
    auto cell = [](std::string_view text) {
        std::string out;
        append_excel_identifier(out, text);
        return out;
    };
    CHECK(cell("0042") == "\"=\"\"0042\"\"\"");
    CHECK(cell("61234") == "\"=\"\"61234\"\"\"");
    CHECK(cell("") == "");
    CHECK(cell("=1+2") == "\"'=1+2\""); // never a formula of the input's making
    CHECK(cell("12a") == "12a");
}

TEST_CASE("formula-like cells are made inert, numbers are not") {
    CHECK(looks_like_formula("=1+2"));
    CHECK(looks_like_formula("+44 20 7946 0000"));
    CHECK(looks_like_formula("-Lee"));
    CHECK(looks_like_formula("@SUM(A1)"));
    CHECK(looks_like_formula("\tTab"));
    CHECK(looks_like_formula("\rCR"));
    CHECK_FALSE(looks_like_formula("-5"));
    CHECK_FALSE(looks_like_formula("+3.5"));
    CHECK_FALSE(looks_like_formula("Smith"));
    CHECK(cell("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
    CHECK(cell("-Lee") == "\"'-Lee\"");
    CHECK(cell("-5") == "-5");
}

TEST_CASE("JSON strings escape quotes, backslashes and control characters only") {
    CHECK(json("=Smith") == "\"=Smith\"");
    CHECK(json("a\"b\\c") == "\"a\\\"b\\\\c\"");
    CHECK(json("line\nnext\t") == "\"line\\nnext\\t\"");
    CHECK(json(std::string_view("\x01", 1)) == "\"\\u0001\"");
    CHECK(json("Zoë") == "\"Zoë\"");
}

TEST_CASE("the contract's CSV columns come first, in order") {
    std::vector<std::string_view> columns;
    for (const auto& column : result_columns()) {
        columns.push_back(column.name);
    }
    REQUIRE(columns.size() >= 16);
    const std::vector<std::string_view> contract = {
        "centre_number", "candidate_number", "surname", "forename", "qualification_code",
        "qualification_title", "estimated_completion", "result_status", "at_risk",
        "acknowledged", "main_reason", "reasons", "reason_codes", "glh_required",
        "glh_counted", "glh_achieved"};
    CHECK(std::vector<std::string_view>(columns.begin(), columns.begin() + 16) == contract);
}

TEST_CASE("reason labels and codes join in the contract's order") {
    qc::engine::EntryResult result;
    result.reasons = 0b100100; // mandatory_unit_missing + insufficient_glh
    CHECK(reason_labels(result) ==
          "Mandatory unit not yet achieved; Not enough guided learning hours (GLH)");
    CHECK(reason_codes(result) == "mandatory_unit_missing;insufficient_glh");
}

TEST_CASE("tables align by characters, not bytes, and colour only when asked") {
    Table table({"NAME", "GLH"});
    table.add({"Zoë", "90"}, RowTone::alert);
    table.add({"Al", "360"});
    CHECK(table.render(false) == "NAME  GLH\nZoë   90\nAl    360\n");
    CHECK(table.render(true).find("\x1b[1;31m") != std::string::npos);
}

TEST_CASE("tally counts acknowledged at-risk entries apart from alerting ones") {
    Tally tally;
    qc::engine::EntryResult risky;
    risky.status = qc::model::ResultStatus::not_eligible;
    risky.at_risk = true;
    tally.add(risky);
    risky.acknowledged = true;
    tally.add(risky);
    qc::engine::EntryResult fine;
    tally.add(fine);
    CHECK(tally.alerting() == 1);
    CHECK(tally_sentence(tally, qc::model::Series{2027}) ==
          "3 entries: 1 eligible, 2 not eligible (2 at risk for Summer 2027, 1 acknowledged), 0 withdrawn.");
}
