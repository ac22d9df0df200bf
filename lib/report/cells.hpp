#pragma once
// Cell-level encoding for CSV (RFC 4180, spreadsheet-safe) and JSON.

#include <span>
#include <string>
#include <string_view>
#include <vector>

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

// Members of a JSON object, each written as "name":value followed by a comma; close the
// object with close_json_object, which drops the last comma.

/// Appends "name": (no value yet).
void append_json_key(std::string& out, std::string_view name);
/// Appends "name":"value", (escaped).
void append_json_member(std::string& out, std::string_view name, std::string_view value);
void append_json_member(std::string& out, std::string_view name, long value);
void append_json_member(std::string& out, std::string_view name, bool value);
/// Appends "name":[1,2,3],.
void append_json_member(std::string& out, std::string_view name, const std::vector<int>& values);
/// Appends "name":["a","b"],.
void append_json_member(std::string& out, std::string_view name, const std::vector<std::string>& values);
/// Ends an object whose last member left a comma: drops the comma, appends '}'.
void close_json_object(std::string& out);

} // namespace qc::report
