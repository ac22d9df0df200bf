// Tests for lib/report/xlsx: a workbook is written to a temporary file, unzipped (the unzip
// program), and its sheet and style XML read back.
#include "diag/failure.hpp"
#include "report/xlsx.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <unistd.h>

using namespace qc::report::xlsx;
namespace fs = std::filesystem;

namespace {

// A workbook file in a fresh folder, removed at the end of the test.
struct TempBook {
    fs::path folder;
    fs::path path;
    TempBook() {
        std::string pattern = (fs::temp_directory_path() / "qc-xlsx-XXXXXX").string();
        folder = ::mkdtemp(pattern.data());
        path = folder / "book.xlsx";
    }
    ~TempBook() { fs::remove_all(folder); }

    // One part of the zip, e.g. "xl/worksheets/sheet1.xml".
    std::string part(const std::string& name) const {
        const std::string command = "unzip -p '" + path.string() + "' '" + name + "'";
        std::FILE* pipe = ::popen(command.c_str(), "r");
        REQUIRE_MESSAGE(pipe != nullptr, "the tests need the unzip program");
        std::string out;
        char buffer[4096];
        for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) {
            out.append(buffer, n);
        }
        ::pclose(pipe);
        return out;
    }
};

// The XML element <c r="REF" .../> or <c r="REF" ...>...</c>.
std::string cell(const std::string& sheet, const std::string& ref) {
    const std::size_t at = sheet.find("<c r=\"" + ref + "\"");
    if (at == std::string::npos) {
        return {};
    }
    const std::size_t open_end = sheet.find('>', at);
    if (sheet[open_end - 1] == '/') {
        return sheet.substr(at, open_end + 1 - at);
    }
    return sheet.substr(at, sheet.find("</c>", at) + 4 - at);
}

std::string attribute(const std::string& element, const std::string& name) {
    const std::size_t at = element.find(" " + name + "=\"");
    if (at == std::string::npos) {
        return {};
    }
    const std::size_t start = at + name.size() + 3;
    return element.substr(start, element.find('"', start) - start);
}

// The n-th (from 0) <tag ...> element inside <list ...>...</list> of the styles.
std::string nth(const std::string& styles, const std::string& list, const std::string& tag, int n) {
    std::size_t at = styles.find("<" + list);
    for (int i = 0; i <= n; ++i) {
        at = styles.find("<" + tag, at + 1);
    }
    const std::size_t open_end = styles.find('>', at);
    if (styles[open_end - 1] == '/') {
        return styles.substr(at, open_end + 1 - at);
    }
    return styles.substr(at, styles.find("</" + tag + ">", at) + tag.size() + 3 - at);
}

// The fill colour and font of a cell's style ("FFEDEDED", "<font>...</font>").
struct Look {
    std::string fill;
    std::string font;
};
Look look(const std::string& styles, const std::string& cell_xml) {
    const std::string xf = nth(styles, "cellXfs", "xf", std::stoi(attribute(cell_xml, "s")));
    const std::string fill = nth(styles, "fills", "fill", std::stoi(attribute(xf, "fillId")));
    std::string font = nth(styles, "fonts", "font", std::stoi(attribute(xf, "fontId")));
    const std::size_t rgb = fill.find("fgColor rgb=\"");
    return {rgb == std::string::npos ? "" : fill.substr(rgb + 13, 8), font};
}

void write_sample(const fs::path& path) {
    Workbook book(path.string(), "book.xlsx", "At risk");
    Sheet& sheet = book.add_sheet("At risk", {{"candidate_number", CellKind::identifier},
                                              {"surname", CellKind::text},
                                              {"glh_counted", CellKind::number},
                                              {"reasons", CellKind::long_text},
                                              {"exported", CellKind::date}});
    const std::string_view plain[] = {"0042", "=HYPERLINK(\"http://x/\")", "150",
                                      "Mandatory unit not yet achieved; Not enough guided "
                                      "learning hours (GLH)",
                                      "2027-03-10"};
    const std::string_view acknowledged[] = {"0007", "@cmd", "", "", "Summer 2027"};
    const std::string_view not_eligible[] = {"0100", "-2+3", "-5"};
    const std::string_view overdue[] = {"0101", "Okafor", "60", "No activity", ""};
    sheet.add_row(plain);
    sheet.add_row(acknowledged, RowStyle::acknowledged);
    sheet.add_row(not_eligible, RowStyle::not_eligible);
    sheet.add_row(overdue, RowStyle::overdue);
    sheet.add_chart({"GLH counted", 0, {2}, false, 0, sheet.rows()});
    book.add_info_sheet("About", {{"Exported", "2027-03-10"}, {"Rules files", "rules/a.toml"}});
    book.close();
}

} // namespace

TEST_CASE("xlsx: identifiers keep their zeros, numbers are numbers, nothing is a formula") {
    TempBook temp;
    write_sample(temp.path);
    const std::string sheet = temp.part("xl/worksheets/sheet1.xml");
    CHECK(cell(sheet, "A2").find("t=\"inlineStr\"><is><t>0042</t>") != std::string::npos);
    CHECK(cell(sheet, "B2").find("<t>=HYPERLINK(\"http://x/\")</t>") != std::string::npos);
    CHECK(cell(sheet, "B3").find("<t>@cmd</t>") != std::string::npos);
    CHECK(cell(sheet, "B4").find("<t>-2+3</t>") != std::string::npos);
    CHECK(cell(sheet, "C2").find("<v>150</v>") != std::string::npos);
    CHECK(attribute(cell(sheet, "C2"), "t").empty()); // a number, not a string
    CHECK(cell(sheet, "C4").find("<v>-5</v>") != std::string::npos);
    CHECK(cell(sheet, "C3").find("/>") != std::string::npos); // empty: blank, still styled
    CHECK(cell(sheet, "E2").find("<v>46456</v>") != std::string::npos); // 2027-03-10 as a date
    CHECK(cell(sheet, "E3").find("<t>Summer 2027</t>") != std::string::npos);
    CHECK(sheet.find("<f>") == std::string::npos);
    CHECK(sheet.find("<f ") == std::string::npos);
}

TEST_CASE("xlsx: a frozen bold header, a filter, fitted widths, wrapped long text") {
    TempBook temp;
    write_sample(temp.path);
    const std::string sheet = temp.part("xl/worksheets/sheet1.xml");
    const std::string styles = temp.part("xl/styles.xml");
    CHECK(sheet.find("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" "
                     "state=\"frozen\"/>") != std::string::npos);
    CHECK(sheet.find("<autoFilter ref=\"A1:E5\"/>") != std::string::npos);
    CHECK(look(styles, cell(sheet, "A1")).font.find("<b/>") != std::string::npos);
    // candidate_number: its header (16) and the filter button; reasons: capped and wrapped.
    CHECK(sheet.find("<col min=\"1\" max=\"1\" width=\"19.") != std::string::npos);
    CHECK(sheet.find("<col min=\"4\" max=\"4\" width=\"50.") != std::string::npos);
    const std::string xf = nth(styles, "cellXfs", "xf", std::stoi(attribute(cell(sheet, "D2"), "s")));
    CHECK(xf.find("wrapText=\"1\"") != std::string::npos);
    const std::string date_xf = nth(styles, "cellXfs", "xf", std::stoi(attribute(cell(sheet, "E2"), "s")));
    CHECK(styles.find("numFmtId=\"" + attribute(date_xf, "numFmtId") + "\" formatCode=\"yyyy-mm-dd\"") !=
          std::string::npos);
}

TEST_CASE("xlsx: acknowledged rows greyed, not-eligible highlighted, overdue marked") {
    TempBook temp;
    write_sample(temp.path);
    const std::string sheet = temp.part("xl/worksheets/sheet1.xml");
    const std::string styles = temp.part("xl/styles.xml");
    CHECK(look(styles, cell(sheet, "A2")).fill.empty());
    for (const char* ref : {"A3", "C3", "E3"}) { // every cell of the row, blank ones too
        CHECK(look(styles, cell(sheet, ref)).fill == "FFEDEDED");
        CHECK(look(styles, cell(sheet, ref)).font.find("FF808080") != std::string::npos);
    }
    CHECK(look(styles, cell(sheet, "B4")).fill == "FFFDE9E7");
    CHECK(look(styles, cell(sheet, "E4")).fill == "FFFDE9E7");
    CHECK(look(styles, cell(sheet, "A5")).fill == "FFF8CBAD");
    CHECK(look(styles, cell(sheet, "A5")).font.find("<b/>") != std::string::npos);
}

TEST_CASE("xlsx: a native chart of the sheet's cells and an information sheet") {
    TempBook temp;
    write_sample(temp.path);
    const std::string chart = temp.part("xl/charts/chart1.xml");
    CHECK(chart.find("<c:barChart>") != std::string::npos);
    CHECK(chart.find("<c:f>'At risk'!$C$2:$C$5</c:f>") != std::string::npos);
    CHECK(chart.find("<c:f>'At risk'!$A$2:$A$5</c:f>") != std::string::npos);
    const std::string about = temp.part("xl/worksheets/sheet2.xml");
    CHECK(about.find("<t>Rules files</t>") != std::string::npos);
    CHECK(about.find("<t>rules/a.toml</t>") != std::string::npos);
    CHECK(about.find("autoFilter") == std::string::npos);
    CHECK(temp.part("xl/workbook.xml").find("<sheet name=\"About\"") != std::string::npos);
}

TEST_CASE("xlsx: sheet names are made valid; a cell too long for a spreadsheet is refused") {
    CHECK(sheet_name("GLH short: a/b [x]") == "GLH short  a b  x ");
    CHECK(sheet_name("Cambridge Technicals Level 3 IT (2016 suite)") ==
          "Cambridge Technicals Level 3 IT");
    CHECK(sheet_name("") == "Sheet");
    TempBook temp;
    Workbook book(temp.path.string(), "book.xlsx", "t");
    Sheet& sheet = book.add_sheet("Notes", {{"notes", CellKind::long_text}});
    const std::string huge(40000, 'x');
    const std::string_view row[] = {huge};
    CHECK_THROWS_WITH_AS(sheet.add_row(row),
                         "cannot write book.xlsx: sheet 'Notes', row 2, column notes: 40000 "
                         "characters, more than a spreadsheet cell holds (32767)\n  hint: write "
                         "CSV instead (--format csv)",
                         qc::diag::Failure);
}
