// Tests for lib/csvio/: records, header aliases, and the three exports, all from memory.
#include "csvio/exports.hpp"
#include "csvio/records.hpp"
#include "csvio/sources.hpp"
#include "csvio/values.hpp"
#include "diag/failure.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <unistd.h>

// Failed comparisons of message lists print the messages.
namespace doctest {
template <> struct StringMaker<std::vector<std::string>> {
    static String convert(const std::vector<std::string>& lines) {
        std::string out = "{";
        for (const std::string& line : lines) {
            out += "\n  \"" + line + "\"";
        }
        return String((out + "}").c_str());
    }
};
} // namespace doctest

using namespace qc;
using csvio::Input;

namespace {

// A suite with two qualifications, one with pathways, at level 3, and a level 2 suite.
model::RuleBook tiny_rules() {
    model::RuleBook rules;
    auto l3 = std::make_unique<model::Suite>();
    l3->id = "ct-l3-it";
    l3->title = "Cambridge Technicals Level 3 IT";
    l3->level = 3;
    for (int n : {1, 2, 3}) {
        l3->units.push_back(model::Unit{n, fmt::format("Unit {}", n), 60, model::Assessment::examined, {}});
    }
    model::Qualification cert;
    cert.code = "05838";
    cert.title = "Certificate";
    cert.glh = 180;
    cert.mandatory = {1, 2};
    model::Qualification ext = cert;
    ext.code = "05839";
    ext.title = "Extended Certificate";
    ext.pathways.push_back(model::Pathway{"app-dev", "Application Developer", {3}, {}, {}});
    l3->qualifications = {cert, ext};
    rules.add(std::move(l3));
    auto l2 = std::make_unique<model::Suite>();
    l2->id = "ct-l2-it";
    l2->title = "Cambridge Technicals Level 2 IT";
    l2->level = 2;
    l2->units.push_back(model::Unit{1, "Unit 1", 60, model::Assessment::examined, {}});
    model::Qualification l2cert;
    l2cert.code = "J800";
    l2cert.glh = 60;
    l2cert.mandatory = {1};
    l2->qualifications = {l2cert};
    rules.add(std::move(l2));
    return rules;
}

struct SavedRow {
    std::string centre, candidate, qualification, taken_at, series;
    int unit = 0;
    model::UnitStatus status = model::UnitStatus::none;
    model::Grade grade = model::Grade::none;
    util::Date date;
    long line = 0;
};

// Records what it is given; can be told to refuse a candidate, as the engine would.
struct RecordingSink : model::FactSink {
    std::vector<model::Entry> entries;
    std::vector<SavedRow> rows;
    std::string refuse_candidate;

    std::optional<model::Problem> add_entry(model::Entry entry) override {
        if (entry.candidate == refuse_candidate) {
            return model::Problem{"candidate_number", "duplicate entry", "remove one"};
        }
        entries.push_back(std::move(entry));
        return std::nullopt;
    }
    std::optional<model::Problem> add_unit_row(const model::UnitRow& r) override {
        if (r.candidate == refuse_candidate) {
            return model::Problem{"", "no such candidate", ""};
        }
        rows.push_back(SavedRow{std::string(r.centre), std::string(r.candidate), std::string(r.qualification_code),
                                std::string(r.taken_at_centre), std::string(r.series), r.unit, r.status, r.grade,
                                r.date, r.line});
        return std::nullopt;
    }
};

const model::RuleBook& rules() {
    static const model::RuleBook k_rules = tiny_rules();
    return k_rules;
}

csvio::ReadOptions centre(std::string number = "61234") { return csvio::ReadOptions{std::move(number)}; }

// "FILE:LINE:COL: message" for every diagnostic of the Failure thrown by `read`.
std::vector<std::string> errors(const std::function<void()>& read, std::vector<std::string>* hints = nullptr) {
    try {
        read();
    } catch (const diag::Failure& failure) {
        CHECK(failure.status() == diag::ExitStatus::bad_input);
        std::vector<std::string> out;
        for (const diag::Diagnostic& d : failure.diagnostics().recorded()) {
            out.push_back(fmt::format("{}:{}:{}: {}", d.file, d.line, d.column, d.message));
            if (hints != nullptr) {
                hints->push_back(d.hint);
            }
        }
        return out;
    }
    return {};
}

RecordingSink candidates(std::string_view text, csvio::ReadOptions options = centre()) {
    RecordingSink sink;
    csvio::read_candidates(Input::memory("c.csv", text), rules(), options, sink);
    return sink;
}

std::vector<std::string> candidate_errors(std::string_view text, std::vector<std::string>* hints = nullptr,
                                          csvio::ReadOptions options = centre()) {
    return errors([&] { candidates(text, options); }, hints);
}

RecordingSink units(std::string_view text) {
    RecordingSink sink;
    csvio::read_units(Input::memory("u.csv", text), centre(), sink);
    return sink;
}

std::vector<std::string> unit_errors(std::string_view text, std::vector<std::string>* hints = nullptr) {
    return errors([&] { units(text); }, hints);
}

using Fields = std::vector<std::string>;

std::vector<Fields> records(std::string_view text) {
    csvio::RecordReader reader(Input::memory("r.csv", text));
    std::vector<Fields> out;
    while (reader.next()) {
        out.emplace_back(reader.fields().begin(), reader.fields().end());
    }
    return out;
}

} // namespace

TEST_CASE("records: BOM, CRLF, missing final newline, blank lines") {
    CHECK(records("\xEF\xBB\xBF" "a,b\r\n1,2\r\n\r\n3,4") == std::vector<Fields>{{"a", "b"}, {"1", "2"}, {"3", "4"}});
    CHECK(records("a,,\n") == std::vector<Fields>{{"a", "", ""}});
}

TEST_CASE("records: CR-only line ends (old Mac exports) read as lines, never as one header") {
    CHECK(records("a,b\r1,2\r3,4\r") == std::vector<Fields>{{"a", "b"}, {"1", "2"}, {"3", "4"}});
    CHECK(records("a,\"x\ry\"\r1,2") == std::vector<Fields>{{"a", "x\ny"}, {"1", "2"}});
    // A CR inside a quoted field of an LF file stays as it is.
    CHECK(records("a,\"x\ry\"\n1,2\n") == std::vector<Fields>{{"a", "x\ry"}, {"1", "2"}});
    auto sink = units("candidate_number,unit,status,grade\r0042,1,Result achieved,P\r0042,2,Absent,\r");
    REQUIRE(sink.rows.size() == 2);
    CHECK(sink.rows[1].line == 3);
}

TEST_CASE("records: quoted commas, doubled quotes and embedded newlines") {
    CHECK(records("\"Smith, Jo\",\"say \"\"hi\"\"\",x\n") == std::vector<Fields>{{"Smith, Jo", "say \"hi\"", "x"}});
    CHECK(records("a,\"two\r\nlines\",b\r\nc,d,e\n") == std::vector<Fields>{{"a", "two\nlines", "b"}, {"c", "d", "e"}});
    CHECK(records("\"\",x\n") == std::vector<Fields>{{"", "x"}});
}

TEST_CASE("records: positions are the physical line and byte column of each field") {
    csvio::RecordReader reader(Input::memory("r.csv", "h\n\"a\nb\",cc,d\nx\n"));
    REQUIRE(reader.next());
    REQUIRE(reader.next());
    CHECK(reader.line() == 2);
    CHECK(reader.multi_line());
    CHECK(reader.raw_line() == "\"a");
    CHECK(reader.position(1).line == 3);
    CHECK(reader.position(1).column == 4);
    REQUIRE(reader.next());
    CHECK(reader.line() == 4);
    CHECK_FALSE(reader.multi_line());
}

TEST_CASE("records: a quote never closed is reported where it opened") {
    csvio::RecordReader reader(Input::memory("r.csv", "a,b\n1,\"open\n2,3\n"));
    REQUIRE(reader.next());
    CHECK_FALSE(reader.next());
    REQUIRE(reader.diagnostics().count() == 1);
    CHECK(reader.diagnostics().recorded()[0].line == 2);
    CHECK(reader.diagnostics().recorded()[0].column == 3);
    CHECK(reader.diagnostics().recorded()[0].message == "quoted field is never closed");
}

TEST_CASE("files that cannot be read say why") {
    std::vector<std::string> hints;
    CHECK(errors([] { csvio::RecordReader r(Input::file("/nonexistent/x.csv")); }, &hints) ==
          std::vector<std::string>{"/nonexistent/x.csv:0:0: file not found"});
    CHECK(hints[0] == "check the path; use - to read standard input");
    CHECK(errors([] { csvio::RecordReader r(Input::file("/")); }) ==
          std::vector<std::string>{"/:0:0: cannot read: it is a directory, not a CSV file"});
    CHECK(candidate_errors("") == std::vector<std::string>{"c.csv:0:0: the file is empty: expected a header row"});
    CHECK(candidate_errors("\xEF\xBB\xBF\n\n") ==
          std::vector<std::string>{"c.csv:0:0: the file is empty: expected a header row"});
}

TEST_CASE("UTF-16, NUL bytes, Windows-1252 and semicolons are named") {
    using namespace std::string_view_literals;
    std::vector<std::string> hints;
    CHECK(candidate_errors("\xFF\xFE" "c\0a\0n\0"sv, &hints) ==
          std::vector<std::string>{"c.csv:1:0: the file contains NUL bytes: it looks like UTF-16"});
    CHECK(hints[0] == "save it as \"CSV UTF-8 (Comma delimited)\"");
    CHECK(unit_errors("candidate_number,unit,status\n0001,1,absent\n0002,1,absent\n00\0003,1,absent\n"sv) ==
          std::vector<std::string>{"u.csv:4:0: the file contains a NUL byte"});
    hints.clear();
    CHECK(candidate_errors("candidate_number,qualification_code,surname,ecd\n0001,05838,Ren\xE9,2026\n0002,05838,L\xF6w,2026\n",
                           &hints) ==
          std::vector<std::string>{"c.csv:2:12: surname is not UTF-8 (the file looks like Windows-1252)"});
    CHECK(hints[0] == "save it as \"CSV UTF-8 (Comma delimited)\", or convert it: iconv -f WINDOWS-1252 -t UTF-8 "
                      "c.csv > c-utf8.csv");
    CHECK(candidates("candidate_number,qualification_code,surname,ecd\n0001,05838,Ren\xC3\xA9,2026\n").entries[0].surname ==
          "Ren\xC3\xA9");
    hints.clear();
    const std::string semicolons = "c.csv:1:0: the file is semicolon-delimited (an Excel export with European list "
                                   "settings); qualcheck reads comma-delimited CSV";
    CHECK(candidate_errors("Candidate No;Qualification\n0001;05838\n", &hints) == std::vector<std::string>{semicolons});
    CHECK(hints[0] == "save it from Excel as \"CSV UTF-8 (Comma delimited)\"");
    // A comma inside a header cell does not hide the semicolons.
    CHECK(candidate_errors("Candidate No;\"Surname, Forename\";Qualification\n0001;A;05838\n") ==
          std::vector<std::string>{semicolons});
    CHECK(candidate_errors("Candidate No\tQualification\tECD\n") ==
          std::vector<std::string>{"c.csv:1:0: the file is tab-delimited (an Excel \"Text\" export); qualcheck reads "
                                   "comma-delimited CSV"});
    // One semicolon in a comma-separated header is just a character in a name.
    CHECK(candidate_errors("candidate_number,qualification_code,estimated_completion,notes;misc\n").empty());
    hints.clear();
    CHECK(candidate_errors("PK\x03\x04\x14\0\x06\0"sv, &hints) ==
          std::vector<std::string>{"c.csv:0:0: the file is an Excel workbook, not a CSV export"});
    CHECK(hints[0] == "save it from Excel as \"CSV UTF-8 (Comma delimited)\"");
    CHECK(candidate_errors("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv) ==
          std::vector<std::string>{"c.csv:0:0: the file is an Excel workbook, not a CSV export"});
}

TEST_CASE("an empty view in memory is an empty file (found by fuzzing: memcpy from null)") {
    CHECK(candidate_errors(std::string_view{}) ==
          std::vector<std::string>{"c.csv:0:0: the file is empty: expected a header row"});
}

TEST_CASE("a huge bad value is quoted by its start only") {
    const std::string code(10 * 1024 * 1024, '9');
    CHECK(candidate_errors("candidate_number,qualification_code,estimated_completion\n0001," + code + ",2026\n") ==
          std::vector<std::string>{"c.csv:2:6: unknown qualification_code '" + std::string(60, '9') +
                                   "... (10485760 bytes)'"});
}

TEST_CASE("candidates: every alias of every column") {
    RecordingSink sink = candidates(
        "Candidate No,Entry Code,Centre No,UCI,Last Name,Forename(s),ECD,Registration Date,Pathway,STATUS,Notes\n"
        "0042,05839,01234,61234X0042A,O'Neil,Ann Marie,Summer 2026,01/09/2024,Application Developer,withdrawn,x\n");
    REQUIRE(sink.entries.size() == 1);
    const model::Entry& e = sink.entries[0];
    CHECK(e.candidate == "0042");
    CHECK(e.qualification->code == "05839");
    CHECK(e.centre == "01234");
    CHECK(e.uci == "61234X0042A");
    CHECK(e.surname == "O'Neil");
    CHECK(e.forename == "Ann Marie");
    CHECK(e.ecd.year == 2026);
    CHECK_FALSE(e.ecd_derived);
    CHECK(e.entry_date == util::Date{2024, 9, 1});
    CHECK(e.declared_pathway->id == "app-dev");
    CHECK(e.status == model::EntryStatus::withdrawn);
    CHECK(e.line == 2);
    for (std::string header : {"cand_no,qual code,centre,First Name,estimated completion date",
                               "Candidate,Qualification,Centre,first_name,ecd",
                               "CANDIDATE_NUMBER,Qualification Code,centre_number,forename,Estimated Completion"}) {
        RecordingSink s = candidates(header + "\n0001,05838,61234,Jo,2025\n");
        REQUIRE(s.entries.size() == 1);
        CHECK(s.entries[0].forename == "Jo");
        CHECK(s.entries[0].ecd.year == 2025);
    }
}

TEST_CASE("candidates: ECD derived from the entry date by level; defaults") {
    RecordingSink sink = candidates("candidate_number,qualification_code,entry_date,uci\n"
                                    "0001,05838,2024-09-01,\n0002,J800,31/08/2024,  U1 \n");
    REQUIRE(sink.entries.size() == 2);
    CHECK(sink.entries[0].ecd.year == 2026);
    CHECK(sink.entries[0].ecd_derived);
    CHECK(sink.entries[0].centre == "61234");
    CHECK(sink.entries[0].status == model::EntryStatus::active);
    CHECK(sink.entries[1].ecd.year == 2024);
    CHECK(sink.entries[1].entry_date == util::Date{2024, 8, 31});
    CHECK(sink.entries[1].uci == "U1");
}

TEST_CASE("candidates: errors name the line, column and value") {
    std::vector<std::string> hints;
    CHECK(candidate_errors("candidate_number,qualification_code,ecd\n42,05838,2026\n0001,O5839,2026\n"
                           "0002,5838,2026\n0003,05838,\n0004,05838,Sumer 2026\n",
                           &hints) == std::vector<std::string>{
                                          "c.csv:2:1: candidate_number '42' is not 4 digits",
                                          "c.csv:3:6: unknown qualification_code 'O5839'",
                                          "c.csv:4:6: unknown qualification_code '5838'",
                                          "c.csv:5:12: no estimated_completion and no entry_date",
                                          "c.csv:6:12: estimated_completion 'Sumer 2026' is not a series",
                                      });
    CHECK(hints == std::vector<std::string>{
                       "leading zeros may have been lost in a spreadsheet: write 0042",
                       "did you mean '05839'? known codes: 05838, 05839, J800",
                       "leading zeros may have been lost in a spreadsheet: write 05838",
                       "fill in estimated_completion (e.g. Summer 2026) or entry_date",
                       "write it as Summer 2026 or 2026",
                   });
    hints.clear();
    CHECK(candidate_errors("candidate_number,qualification_code,entry_date,pathway,status,centre_number\n"
                           "0001,05838,31/02/2025,,,\n0002,05839,2025-01-01,app dev,,\n"
                           "0003,05838,2025-01-01,x,left,6123\n",
                           &hints) ==
          std::vector<std::string>{
              "c.csv:2:12: entry_date: no such date: '31/02/2025'",
              "c.csv:3:23: unknown pathway 'app dev' for qualification 05839",
              "c.csv:4:30: centre_number '6123' is not 5 digits",
              "c.csv:4:23: unknown pathway 'x' for qualification 05838",
              "c.csv:4:25: unknown status 'left'",
          });
    CHECK(hints[1] == "did you mean 'app-dev'? its pathways: app-dev");
    CHECK(hints[2] == "leading zeros may have been lost in a spreadsheet: write 06123");
    CHECK(hints[3] == "05838 has no pathways");
    CHECK(hints[4] == "use active or withdrawn");
}

TEST_CASE("candidates: header problems stop before any row") {
    std::vector<std::string> hints;
    CHECK(candidate_errors("Candidte No,Qualification\n0001,05838\n", &hints) ==
          std::vector<std::string>{"c.csv:1:1: missing column candidate_number"});
    CHECK(hints[0] == "the header has 'Candidte No': did you mean 'Candidate No'?");
    hints.clear();
    CHECK(candidate_errors("Qualification,Notes\n05838,x\n", &hints) ==
          std::vector<std::string>{"c.csv:1:0: missing column candidate_number"});
    CHECK(hints[0] == "accepted names: candidate_number, Candidate No, Cand No, Candidate");
    hints.clear();
    CHECK(candidate_errors("Candidate No,Qualification,Cand_No\n0001,05838,0001\n", &hints) ==
          std::vector<std::string>{"c.csv:1:28: columns 'Candidate No' and 'Cand_No' both mean candidate_number"});
    CHECK(hints[0] == "remove or rename one of them");
    hints.clear();
    CHECK(candidate_errors("candidate_number,qualification_code\n0001,05838\n", &hints, centre("")) ==
          std::vector<std::string>{"c.csv:1:0: no centre_number column and no centre configured"});
    CHECK(hints[0] == "add --centre or [centre] number in qualcheck.toml");
    CHECK(candidate_errors("candidate_number,qualification_code,centre,ecd\n0001,05838,,2026\n", nullptr, centre("")) ==
          std::vector<std::string>{"c.csv:2:12: centre_number is empty and no centre is configured"});
}

TEST_CASE("rows with the wrong number of fields, and what the sink refuses") {
    std::vector<std::string> hints;
    CHECK(candidate_errors("candidate_number,qualification_code,surname,ecd\n0001,05838,x\n"
                           "0002,05838,Smith, Jo,2026\n0003,05838,\"Smith, Jo\",2026\n",
                           &hints) == std::vector<std::string>{
                                          "c.csv:2:0: row has 3 fields but the header has 4",
                                          "c.csv:3:22: row has 5 fields but the header has 4",
                                      });
    CHECK(hints == std::vector<std::string>{"a value or a comma is missing",
                                            "put double quotes around a value that contains a comma"});
    RecordingSink refusing;
    refusing.refuse_candidate = "0002";
    CHECK(errors([&] {
              csvio::read_candidates(Input::memory("c.csv", "qualification_code,candidate_number,ecd\n05838,0001,2026\n"
                                                            "05838,0002,2026\n"),
                                     rules(), centre(), refusing);
          }) == std::vector<std::string>{"c.csv:3:7: duplicate entry"});
    CHECK(refusing.entries.size() == 1);
}

TEST_CASE("units: aliases, labels, codes and grade spellings") {
    RecordingSink sink = units(
        "Cand No,Unit No,Unit Status,Unit Grade,Entry Code,Centre,Original Centre,Session,Claim Date\n"
        "0042,1,Result achieved,D*,05839,01234,54321,June 2025,15/06/2025\n"
        "0042,2,result_achieved,Distinction,,,,,2025-06-15\n"
        "0042,3,RESULT ACHIEVED,Not achieved,,,,,\n"
        "0042,3,Pending,,,,,,\n"
        "0042,3,claim_sampled,,,,,,\n"
        "0042,3,result_achieved,1C,,,,,\n");
    REQUIRE(sink.rows.size() == 6);
    const SavedRow& first = sink.rows[0];
    CHECK(first.candidate == "0042");
    CHECK(first.unit == 1);
    CHECK(first.status == model::UnitStatus::result_achieved);
    CHECK(first.grade == model::Grade::dstar);
    CHECK(first.qualification == "05839");
    CHECK(first.centre == "01234");
    CHECK(first.taken_at == "54321");
    CHECK(first.series == "June 2025");
    CHECK(first.date == util::Date{2025, 6, 15});
    CHECK(first.line == 2);
    CHECK(sink.rows[1].grade == model::Grade::d);
    CHECK(sink.rows[1].centre == "61234");
    CHECK(sink.rows[1].date == util::Date{2025, 6, 15});
    CHECK(sink.rows[2].grade == model::Grade::u);
    CHECK(sink.rows[3].status == model::UnitStatus::ria_pending);
    CHECK(sink.rows[4].status == model::UnitStatus::claim_sampled);
    CHECK(sink.rows[5].grade == model::Grade::u);
    for (std::string header : {"candidate_number,unit_number,status,result", "Candidate,Unit,STATUS,Grade"}) {
        RecordingSink s = units(header + "\n0001,2,Absent,\n");
        REQUIRE(s.rows.size() == 1);
        CHECK(s.rows[0].status == model::UnitStatus::absent);
    }
}

TEST_CASE("units: a withdrawn unit entry is a row; a look-alike grade header is one error") {
    RecordingSink sink = units("candidate_number,unit,status\n0042,1,Withdrawn\n0042,2,withdrawn\n");
    REQUIRE(sink.rows.size() == 2);
    CHECK(sink.rows[0].status == model::UnitStatus::withdrawn);
    CHECK(sink.rows[1].status == model::UnitStatus::withdrawn);
    std::vector<std::string> hints;
    CHECK(unit_errors("candidate_number,unit,status,Unit Result\n0042,1,Result achieved,P\n"
                      "0042,2,Result achieved,M\n",
                      &hints) == std::vector<std::string>{"u.csv:1:30: missing column grade"});
    CHECK(hints == std::vector<std::string>{"the header has 'Unit Result': did you mean 'Result'?"});
    // Without a look-alike, a units file with no grade column is fine until a row needs one.
    CHECK(units("candidate_number,unit,status,Notes\n0042,1,Claim submitted,x\n").rows.size() == 1);
}

TEST_CASE("units: each bad value is reported") {
    std::vector<std::string> hints;
    CHECK(unit_errors("candidate_number,unit,status,grade,date,taken_at_centre\n"
                      "42,1,absent,,,\n0001,x,absent,,,\n0001,1,Result acheived,,,\n0001,1,result_achieved,,,\n"
                      "0001,1,result_achieved,Q,,\n0001,1,absent,,2025-13-01,\n0001,1,absent,,,123\n0001,0,,,,\n",
                      &hints) == std::vector<std::string>{
                                     "u.csv:2:1: candidate_number '42' is not 4 digits",
                                     "u.csv:3:6: unit 'x' is not a unit number",
                                     "u.csv:4:8: unknown status 'Result acheived'",
                                     "u.csv:5:24: grade is required when status is result_achieved",
                                     "u.csv:6:24: unknown grade 'Q'",
                                     "u.csv:7:16: date: no such date: '2025-13-01'",
                                     "u.csv:8:17: taken_at_centre '123' is not 5 digits",
                                     "u.csv:9:6: unit '0' is not a unit number",
                                     "u.csv:9:8: status is empty",
                                 });
    CHECK(hints[2] == "did you mean 'result_achieved'? statuses: result_achieved, entry_received, "
                      "claim_submitted, claim_sampled, absent, ria_received, ria_pending, withdrawn");
    CHECK(hints[3] == "grades: D*, D, M, P, N, R, U (also Distinction, Merit, Pass, Not achieved, NA, 1C)");
}

TEST_CASE("units: a sink problem becomes a diagnostic at the row") {
    RecordingSink sink;
    sink.refuse_candidate = "0009";
    CHECK(errors([&] {
              csvio::read_units(Input::memory("u.csv", "candidate_number,unit,status\n0009,1,absent\n"), centre(),
                                sink);
          }) == std::vector<std::string>{"u.csv:2:0: no such candidate"});
}

TEST_CASE("the fast value parsers agree with the model's") {
    CHECK(csvio::fast_date("2025-06-01") == util::Date{2025, 6, 1});
    CHECK(csvio::fast_date("1/6/2025") == util::Date{2025, 6, 1});
    CHECK(csvio::fast_date("01/06/2025") == util::Date{2025, 6, 1});
    CHECK_FALSE(csvio::fast_date("06/31/2025").has_value());
    CHECK_FALSE(csvio::fast_date("2025/06/01").has_value());
    CHECK_FALSE(csvio::fast_date("1//2025").has_value());
    CHECK(csvio::fast_grade("M") == model::Grade::m);
    CHECK(csvio::fast_grade("NA") == model::Grade::u);
    CHECK(csvio::fast_grade("pass") == model::Grade::p);
    CHECK_FALSE(csvio::fast_grade("A").has_value());
    CHECK(csvio::fast_unit_status("RIA received") == model::UnitStatus::ria_received);
    CHECK(csvio::fast_unit_status("entry received") == model::UnitStatus::entry_received);
    CHECK_FALSE(csvio::fast_unit_status("done").has_value());
}

TEST_CASE("visits: suite by id or title, dates, kinds and statuses") {
    auto read = [](std::string_view text) { return csvio::read_visits(Input::memory("v.csv", text), rules()); };
    auto visits = read("suite,visit_date,kind,status\nct-l3-it,03/03/2025,interim,completed\n"
                       "Cambridge Technicals Level 2 IT,2025-05-01,Final,scheduled\n");
    REQUIRE(visits.size() == 2);
    CHECK(visits[0].suite->id == "ct-l3-it");
    CHECK(visits[0].date == util::Date{2025, 3, 3});
    CHECK(visits[0].kind == model::VisitKind::interim);
    CHECK(visits[0].status == model::VisitStatus::completed);
    CHECK(visits[1].suite->level == 2);
    CHECK(visits[1].kind == model::VisitKind::final);
    std::vector<std::string> hints;
    CHECK(errors([&] { read("suite,visit_date,kind,status\nct-l3-itt,,visit,done\n"); }, &hints) ==
          std::vector<std::string>{
              "v.csv:2:1: unknown suite 'ct-l3-itt'",
              "v.csv:2:11: visit_date is empty",
              "v.csv:2:12: kind 'visit' is not interim or final",
              "v.csv:2:18: status 'done' is not scheduled or completed",
          });
    CHECK(hints[0] == "did you mean 'ct-l3-it'? known suites: ct-l3-it, ct-l2-it");
}

TEST_CASE("a diagnostic shows the line with a caret under the field") {
    try {
        candidates("candidate_number,qualification_code\n42,05838\n");
        FAIL("expected a failure");
    } catch (const diag::Failure& failure) {
        CHECK(diag::format(failure.diagnostics().recorded()[0]) ==
              "c.csv:2:1: candidate_number '42' is not 4 digits\n    42,05838\n    ^\n"
              "  hint: leading zeros may have been lost in a spreadsheet: write 0042");
    }
}

TEST_CASE("a line longer than 16 MB and a quote never closed are input errors") {
    std::string huge = "candidate_number,unit,status\n" + std::string(std::size_t{1} << 24, 'x') + "\n";
    std::vector<std::string> hints;
    CHECK(unit_errors(huge, &hints) == std::vector<std::string>{"u.csv:2:0: line is longer than 16 MB"});
    CHECK(hints[0] == "this does not look like a CSV export");
    hints.clear();
    CHECK(unit_errors("candidate_number,unit,status\n0001,1,\"absent\n0002,1,absent\n", &hints) ==
          std::vector<std::string>{"u.csv:2:8: quoted field is never closed"});
    CHECK(hints[0] == "a field that starts with a double quote must end with one");
}

TEST_CASE("progress: told after blocks of bytes, with lines, size and time, never before the interval") {
    const std::string text = "a,b\n1,2\n3,4\n5,6\n";
    std::vector<csvio::ReadProgress> told;
    Input input = Input::memory("m.csv", text);
    input.progress = [&](const csvio::ReadProgress& p) { told.push_back(p); };
    input.progress_interval = std::chrono::milliseconds(0);
    auto source = csvio::open_source(input);
    char buffer[8];
    while (source->read(buffer, 6) > 0) {
    }
    REQUIRE(told.size() == 3);
    CHECK(told[0].bytes == 6);
    CHECK(told[0].lines == 1);
    CHECK(told[2].bytes == text.size());
    CHECK(told[2].lines == 4);
    CHECK(told[2].total_bytes == text.size());
    CHECK(told[2].seconds >= told[0].seconds);

    // A read shorter than the interval tells nothing: short runs draw no progress line.
    told.clear();
    input.progress_interval = std::chrono::hours(1);
    source = csvio::open_source(input);
    while (source->read(buffer, 6) > 0) {
    }
    CHECK(told.empty());
}

TEST_CASE("progress: a file's size is known; the readers pass progress on") {
    const std::string path = "/tmp/qc-test-progress-" + std::to_string(::getpid()) + ".csv";
    const std::string text = "candidate_number,unit,status,grade\n0001,1,result_achieved,P\n0001,2,absent,\n";
    { std::ofstream(path, std::ios::binary) << text; }
    std::vector<csvio::ReadProgress> told;
    Input input = Input::file(path);
    input.progress = [&](const csvio::ReadProgress& p) { told.push_back(p); };
    input.progress_interval = std::chrono::milliseconds(0);
    struct Sink final : model::FactSink {
        std::optional<model::Problem> add_entry(model::Entry) override { return std::nullopt; }
        std::optional<model::Problem> add_unit_row(const model::UnitRow&) override { return std::nullopt; }
    } sink;
    csvio::read_units(input, {"61234", nullptr}, sink);
    std::remove(path.c_str());
    REQUIRE_FALSE(told.empty());
    CHECK(told.back().bytes == text.size());
    CHECK(told.back().total_bytes == text.size());
    CHECK(told.back().lines == 3);
}
