#pragma once
// One export read as a table: the header row mapped to canonical columns, then data rows with
// the header's number of fields. Collects every problem as a Diagnostic at FILE:LINE:COL.

#include "csvio/exports.hpp"
#include "csvio/headers.hpp"
#include "csvio/records.hpp"

#include <array>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace qc::csvio {

/// What is kept of a data row to report a problem with it after the reader has moved on
/// (units.csv rows are passed on in batches). Views belong to whoever keeps the row.
struct RowMark {
    long line = 0;        ///< where the record starts
    std::string_view raw; ///< its first physical line, as read
    /// Where each field starts; empty for a record split in place, whose positions follow
    /// from `raw`.
    std::span<const FieldPosition> positions;
};

class Sheet {
public:
    /// Opens `input` and reads its header. Throws diag::Failure(bad_input) when the input
    /// cannot be read, is empty, or its header is unusable (a required column missing, two
    /// columns meaning the same, semicolon- or tab-delimited).
    Sheet(const Input& input, FileKind kind, std::vector<ColumnSpec> wanted);

    /// Moves to the next data row. Rows with the wrong number of fields or with bytes that
    /// are not UTF-8 are reported and skipped; rows whose fields are all empty are skipped.
    bool next();

    /// True when the header has the column.
    bool has(Column column) const { return m_index[static_cast<std::size_t>(column)] >= 0; }
    /// The current row's value of `column`, trimmed; empty when the header lacks it. Inline:
    /// it runs for every field of every row of units.csv.
    std::string_view get(Column column) const {
        int index = m_index[static_cast<std::size_t>(column)];
        return index < 0 ? std::string_view{} : trimmed((*m_fields)[static_cast<std::size_t>(index)]);
    }
    /// The line on which the current row starts.
    long line() const { return m_records.line(); }

    /// Adds a problem with the current row, pointing at `column` (its field when present).
    void error(Column column, std::string message, std::string hint = {});
    /// Adds a problem with the current row where the column is given by canonical name (as in
    /// model::Problem); an empty or unknown name points at the row.
    void error(std::string_view column, std::string message, std::string hint = {});
    /// The current row, for error_at() later. Its views, like get()'s, are valid until the next
    /// call to next(); for a row split in place (positions empty) until the hook of
    /// before_lines_move() runs.
    RowMark mark() const;
    /// Calls `hook` (when set) before the text of rows read so far is moved or overwritten.
    void before_lines_move(std::function<void()> hook) { m_records.before_lines_move(std::move(hook)); }
    /// Adds a problem with a row read earlier, as error(column, ...) would have then.
    void error_at(const RowMark& row, std::string_view column, std::string message, std::string hint = {});
    /// Calls `hook` (when set) just before a problem with a data row is recorded by next() or
    /// error(), so that a reader holding rows back reports theirs first and file order is kept.
    void before_row_problem(std::function<void()> hook) { m_before_row_problem = std::move(hook); }

    /// Adds a problem about the header row.
    void header_error(long column, std::string message, std::string hint = {});

    /// Sends problems with data rows to `rejects` (when not null) instead of failing: the row
    /// is skipped and its whole text kept in the diagnostic's source_line.
    void divert_row_problems(diag::Diagnostics* rejects);

    /// Throws diag::Failure(bad_input) when any problem was found.
    void finish();
    /// Rows read and bytes consumed so far.
    ReadStats stats() const;
    const std::string& name() const { return m_records.name(); }

private:
    static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
    static std::string_view trimmed(std::string_view text) {
        while (!text.empty() && is_space(text.front())) {
            text.remove_prefix(1);
        }
        while (!text.empty() && is_space(text.back())) {
            text.remove_suffix(1);
        }
        return text;
    }

    void map_header(const std::vector<ColumnSpec>& wanted);
    void check_delimiter();
    std::string utf8_hint() const;
    void check_missing(const std::vector<ColumnSpec>& wanted, const std::vector<std::string_view>& unmatched);
    bool check_shape();
    diag::Diagnostic at_field(std::size_t field, std::string message, std::string hint) const;
    /// Fills in the source line of `d`, a problem with the row that starts at `record_line`.
    void quote_row(diag::Diagnostic& d, long record_line, std::string_view raw) const;
    std::size_t field_of(std::string_view column) const;
    void notify_row_problem() {
        if (m_before_row_problem) {
            m_before_row_problem();
        }
    }

    RecordReader m_records;
    const std::vector<std::string_view>* m_fields; ///< the reader's, stable for its lifetime
    FileKind m_kind;
    diag::Diagnostics m_problems;
    diag::Diagnostics* m_row_problems = &m_problems; ///< where problems with data rows go
    std::array<int, k_column_count> m_index{};
    std::vector<std::string> m_header;
    std::uint64_t m_rows = 0;
    std::function<void()> m_before_row_problem;
};

} // namespace qc::csvio
