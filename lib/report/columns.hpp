#pragma once
// Output columns as one table per kind of row: each column's name, its type and how to get
// its cell from a row. The check CSV, JSON and every view's CSV write from these tables, so a
// column added to a table appears in all of them (and in any other writer that walks it).

#include "assess/assessment.hpp"

#include <span>
#include <string>
#include <string_view>

namespace qc::report {

/// What a cell holds, for writers that care: `--excel` protects identifiers, JSON writes
/// integers as numbers (empty: null) and flags as booleans, a workbook can type its cells.
enum class CellType {
    identifier, ///< digits whose leading zeros matter: centre, candidate, qualification code
    text,       ///< short text
    integer,    ///< a whole number, or empty when there is none
    flag,       ///< "yes" or "no"
    date,       ///< an ISO date (YYYY-MM-DD), or empty
    long_text,  ///< sentences, possibly joined by "; "
};

/// One output column over rows of type `Row`.
template <class Row>
struct Column {
    std::string_view name;
    CellType type = CellType::text;
    /// Writes the cell's text into `out` (which it may assume empty).
    void (*cell)(const Row& row, std::string& out) = nullptr;
};

/// The columns of one assessed entry: the contract's (section 5), in order, then qualcheck's
/// own: notes, pathways, suggestion, points, predicted_grade. A new column from existing data
/// is one row of this table.
std::span<const Column<assess::Assessment>> result_columns();

/// The column named `name`, or nullptr.
const Column<assess::Assessment>* find_result_column(std::string_view name);

/// Appends the column names, separated by commas (no line end).
template <class Row>
void append_csv_header(std::string& out, std::span<const Column<Row>> columns) {
    for (std::size_t i = 0; i < columns.size(); ++i) {
        out += i > 0 ? "," : "";
        out += columns[i].name;
    }
}

void append_csv_typed(std::string& out, CellType type, std::string_view text, bool excel);

/// Appends one row's cells, separated by commas (no line end); with `excel`, identifiers as
/// append_excel_identifier writes them. `scratch` is reused for each cell.
template <class Row>
void append_csv_cells(std::string& out, std::span<const Column<Row>> columns, const Row& row,
                      bool excel, std::string& scratch) {
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (i > 0) {
            out.push_back(',');
        }
        scratch.clear();
        columns[i].cell(row, scratch);
        append_csv_typed(out, columns[i].type, scratch, excel);
    }
}

/// A whole CSV document: header, then one record per row, CRLF line ends.
template <class Row, class Rows>
std::string render_csv(std::span<const Column<Row>> columns, const Rows& rows, bool excel) {
    std::string out;
    append_csv_header(out, columns);
    out += "\r\n";
    std::string scratch;
    for (const Row& row : rows) {
        append_csv_cells(out, columns, row, excel, scratch);
        out += "\r\n";
    }
    return out;
}

/// Appends "name":value, as JSON for the column's type (see CellType).
void append_json_typed(std::string& out, std::string_view name, CellType type,
                       std::string_view text);

} // namespace qc::report
