#pragma once
// Spreadsheet workbooks (.xlsx) for heads of department, written with libxlsxwriter; xlsx.cpp
// is the only place xlsxwriter.h is included, and its errors become diag::Failure there.
// A sheet is described generically (columns with a kind, rows of the same text cells the CSV
// writes, a style per row), so that each view's workbook comes from the same column table as
// its CSV. No cell is ever a formula: text is written as text, whatever it starts with.

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace qc::report::xlsx {

/// How a column's cells are typed in the workbook.
enum class CellKind {
    text,       ///< a string, exactly as given
    identifier, ///< a string that keeps its exact text: 0042 stays 0042 (candidate, centre, code)
    number,     ///< a number when the text is one (GLH, points); empty: a blank cell; else text
    date,       ///< YYYY-MM-DD as a date cell shown YYYY-MM-DD; anything else as text
    long_text,  ///< a string wrapped in a column of bounded width (reasons, actions, notes)
};

/// How a row stands out, as the awarding body's tracker shows it.
enum class RowStyle {
    plain,
    not_eligible, ///< highlighted (light red)
    overdue,      ///< marked (red, bold): at risk and its estimated completion has passed
    acknowledged, ///< greyed (grey text on light grey)
};

/// A column of a sheet: its header and how its cells are typed.
struct Column {
    std::string name;
    CellKind kind = CellKind::text;
};

/// A native bar chart drawn from a sheet's own cells: one bar group per row.
struct Chart {
    std::string title;
    std::size_t category_column = 0;         ///< the labels
    std::vector<std::size_t> value_columns;  ///< one series each, named by its header
    bool stacked = false;                    ///< series stacked in one bar
    std::size_t first_row = 0;               ///< data rows [first_row, last_row), from 0
    std::size_t last_row = 0;
};

class Workbook;

/// One worksheet, written row after row: rows are streamed to disk as they are added
/// (libxlsxwriter's constant-memory mode), so a large check fits in little memory.
class Sheet {
public:
    /// Appends a row: `cells` in the sheet's column order (missing cells blank), every cell
    /// (blank ones too) in the row's style. Throws diag::Failure(bad_input) for a cell longer
    /// than a spreadsheet holds (32,767 characters) or a sheet past 1,048,576 rows.
    void add_row(std::span<const std::string_view> cells, RowStyle style = RowStyle::plain);
    /// Data rows written so far (the header not counted).
    std::size_t rows() const { return m_rows; }
    /// Adds a chart of this sheet's rows, placed right of the data.
    void add_chart(const Chart& chart);
    const std::string& name() const { return m_name; }

private:
    friend class Workbook;
    Sheet(Workbook& book, void* worksheet, std::string name, std::vector<Column> columns);
    void finish(); // widths and the autofilter, once every row is in
    void write_cell(std::size_t column, std::string_view text, RowStyle style);

    Workbook& m_book;
    void* m_worksheet; // lxw_worksheet*
    std::string m_name;
    std::vector<Column> m_columns;
    std::vector<std::size_t> m_widths; // widest cell per column, in characters
    std::size_t m_rows = 0;
    std::size_t m_chart_row = 1; // where the next chart goes
};

/// A workbook written to a file by name (the output's temporary file, renamed into place by
/// the caller once close() returns).
class Workbook {
public:
    /// Starts a workbook that close() writes at `path`; `shown_as` names it in messages (the
    /// file the user asked for). Throws diag::Failure(io_failure) when it cannot start.
    Workbook(const std::string& path, std::string shown_as, const std::string& title);
    ~Workbook();
    Workbook(const Workbook&) = delete;
    Workbook& operator=(const Workbook&) = delete;

    /// A new sheet with a bold, frozen header row; on close, an autofilter over its rows and
    /// column widths that fit the text (long text wrapped). Names longer than 31 characters
    /// are cut; [ ] : * ? / \ become spaces.
    Sheet& add_sheet(std::string_view name, std::vector<Column> columns);
    /// A sheet of two columns, label and value, without filter: what the data is and when.
    void add_info_sheet(std::string_view name,
                        const std::vector<std::pair<std::string, std::string>>& lines);
    /// Writes the file. Throws diag::Failure(io_failure) naming `shown_as`.
    void close();

private:
    friend class Sheet;
    struct Impl;
    void check(int error, std::string_view what); // lxw_error -> Failure
    void* format(CellKind kind, RowStyle style);  // lxw_format*

    std::unique_ptr<Impl> m_impl;
    std::vector<std::unique_ptr<Sheet>> m_sheets;
    std::string m_shown_as;
    bool m_closed = false;
};

/// `name` as a valid sheet name: at most 31 characters, none of [ ] : * ? / \.
std::string sheet_name(std::string_view name);

} // namespace qc::report::xlsx
