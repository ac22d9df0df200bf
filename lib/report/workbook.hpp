#pragma once
// `--format xlsx`: the views as workbooks (report/xlsx.hpp writes them). Each sheet of entries
// is written from the same column table as the CSV, so a column added to the CSV appears in
// the workbook; rows are styled as the awarding body's tracker shows them.

#include "model/rules.hpp"
#include "model/series.hpp"
#include "report/columns.hpp"
#include "report/output.hpp"
#include "report/results.hpp"
#include "report/views.hpp"
#include "report/xlsx.hpp"
#include "util/date.hpp"

#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace qc::report {

/// The workbook cell kind of a column type: integers as numbers, flags as text ("yes"/"no").
xlsx::CellKind cell_kind(CellType type);

/// A sheet's columns from a column table: the same names, typed by cell_kind.
template <class Row>
std::vector<xlsx::Column> sheet_columns(std::span<const Column<Row>> columns) {
    std::vector<xlsx::Column> out;
    for (const Column<Row>& column : columns) {
        out.push_back({std::string(column.name), cell_kind(column.type)});
    }
    return out;
}

/// Cells reused from row to row by add_table_row.
struct TableCells {
    std::vector<std::string> text;
    std::vector<std::string_view> views;
};

/// Appends `row` to `sheet`: each column's cell, exactly the text the CSV writes before quoting.
template <class Row>
void add_table_row(xlsx::Sheet& sheet, std::span<const Column<Row>> columns, const Row& row,
                   xlsx::RowStyle style, TableCells& cells) {
    cells.text.resize(columns.size());
    cells.views.resize(columns.size());
    for (std::size_t i = 0; i < columns.size(); ++i) {
        cells.text[i].clear();
        columns[i].cell(row, cells.text[i]);
        cells.views[i] = cells.text[i];
    }
    sheet.add_row(cells.views, style);
}

/// How an entry's row looks: acknowledged greyed, overdue (engine::overdue: at risk and its
/// estimated completion before the current series) marked, any other not-eligible entry
/// highlighted.
xlsx::RowStyle row_style(const engine::EntryResult& result);

/// The workbook's own sheet: what the data is, when it was exported, which rules judged it.
struct WorkbookAbout {
    std::string title;         ///< e.g. "Entries at risk"
    std::string centre_name;   ///< from the config; may be empty
    std::string centre_number; ///< likewise
    util::Date today;          ///< the date judged on
    model::Series current;
    std::string imported_at;        ///< when the data was imported; empty: straight from CSV
    std::string exported_at;        ///< when this workbook was written (UTC, ISO 8601)
    std::vector<std::string> rules; ///< one line per suite: file, suite id, source
};

/// The rules lines of WorkbookAbout: "FILE: SUITE-ID (SOURCE)" for each suite.
std::vector<std::string> rules_lines(const model::RuleBook& rules);

/// Adds the "About" sheet.
void add_about_sheet(xlsx::Workbook& book, const WorkbookAbout& about);

/// Adds a sheet of entries with the CSV's columns, those for which `keep` holds (all when
/// `keep` is empty), each row styled by row_style.
void add_entry_sheet(xlsx::Workbook& book, std::string_view name, const std::vector<EntryLine>& lines,
                     const std::function<bool(const EntryLine&)>& keep);

/// A result writer that writes one sheet of entries (the CSV's columns) named `sheet`, and on
/// finish() the "About" sheet, then the file.
std::unique_ptr<ResultWriter> make_workbook_result_writer(Output& out, std::string_view sheet,
                                                          WorkbookAbout about);

/// The summary workbook: "Summary" (entries by status per suite, with a stacked bar chart of
/// the HTML page's figures), "At risk" (the at-risk entries, the CSV's columns), "GLH at
/// risk" (GLH achieved, in progress and not started of each at-risk entry, with a chart),
/// "Entries" (every entry, as `report summary --format csv`) and "About".
void write_summary_workbook(const SummaryView& view, const WorkbookAbout& about, Output& out);

/// The time now in UTC as "YYYY-MM-DD HH:MM:SS UTC", for WorkbookAbout::exported_at.
std::string utc_now();

} // namespace qc::report
