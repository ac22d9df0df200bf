#pragma once
// Cell-level encoding for CSV (RFC 4180, spreadsheet-safe) and JSON.

#include <span>
#include <string>
#include <string_view>

namespace qc::report {

/// True when a spreadsheet would run the text as a formula: it starts with =, +, -, @, tab or
/// CR and is not a plain number such as -5 or +3.5.
bool looks_like_formula(std::string_view text);

/// Appends one CSV cell: formula-like text made inert with a leading apostrophe, then quoted
/// (doubling quotes) when it holds a comma, quote, CR, LF, or leading/trailing space.
void append_csv_cell(std::string& out, std::string_view text);

/// Appends one CSV record: the cells as append_csv_cell writes them, separated by commas, then
/// CRLF.
void append_csv_row(std::string& out, std::span<const std::string_view> cells);

/// Appends an identifier (candidate, centre or qualification number) for Excel: all-digit
/// text as the formula ="0042", the only way a CSV cell opened by double-click keeps its
/// leading zeros in Excel and LibreOffice; anything else as append_csv_cell does.
void append_excel_identifier(std::string& out, std::string_view text);

/// Appends a JSON string literal (with quotes); text is never altered beyond escaping.
void append_json_string(std::string& out, std::string_view text);

} // namespace qc::report
