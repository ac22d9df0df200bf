#include "csvio/sheet.hpp"

#include "diag/failure.hpp"
#include "util/strings.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace qc::csvio {

namespace {

using diag::Diagnostic;
using diag::ExitStatus;
using diag::Failure;

// Longer lines are not shown under a message; the caret would be lost anyway.
constexpr std::size_t k_max_shown_line = 120;

std::string accepted_names(FileKind kind, Column column) {
    std::vector<std::string> names{std::string(column_name(column))};
    for (std::string_view alias : column_aliases(kind, column)) {
        names.emplace_back(alias);
    }
    return util::join(names, ", ");
}

// A file name as typed in a shell: in single quotes unless it is plain.
std::string shell_quoted(std::string_view name) {
    const bool plain = std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
               c == '_' || c == '-' || c == '/';
    });
    if (plain && !name.empty()) {
        return std::string(name);
    }
    std::string quoted = "'";
    for (char c : name) {
        quoted.append(c == '\'' ? "'\\''" : std::string(1, c));
    }
    quoted.push_back('\'');
    return quoted;
}

bool all_empty(const std::vector<std::string_view>& fields) {
    for (std::string_view field : fields) {
        if (!util::trim(field).empty()) {
            return false;
        }
    }
    return true;
}

} // namespace

Sheet::Sheet(const Input& input, FileKind kind, std::vector<ColumnSpec> wanted)
    : m_records(input), m_fields(&m_records.fields()), m_kind(kind) {
    m_index.fill(-1);
    if (!m_records.next()) {
        m_problems.merge(std::move(m_records.diagnostics()));
        if (m_problems.empty()) {
            m_problems.add(Diagnostic{name(), 0, 0, "the file is empty: expected a header row", {}, {}});
        }
        throw Failure(ExitStatus::bad_input, m_problems);
    }
    check_delimiter();
    map_header(wanted);
    m_problems.merge(std::move(m_records.diagnostics()));
    if (!m_problems.empty()) {
        throw Failure(ExitStatus::bad_input, m_problems);
    }
}

// Excel saves "CSV" with semicolons where the list separator is ';' (most of Europe), and
// "Text" with tabs; every column would then look missing, so the export is named instead.
// Decided once, on the header: a header separated by more semicolons (or tabs) than commas.
void Sheet::check_delimiter() {
    const std::string_view header = m_records.raw_line();
    const auto count = [&](char c) { return std::count(header.begin(), header.end(), c); };
    const auto commas = count(',');
    constexpr std::string_view k_hint = "save it from Excel as \"CSV UTF-8 (Comma delimited)\"";
    if (count(';') > commas) {
        header_error(0, "the file is semicolon-delimited (an Excel export with European list settings); "
                        "qualcheck reads comma-delimited CSV",
                     std::string(k_hint));
    } else if (count('\t') > commas) {
        header_error(0, "the file is tab-delimited (an Excel \"Text\" export); qualcheck reads comma-delimited CSV",
                     std::string(k_hint));
    }
    if (!m_problems.empty()) {
        throw Failure(ExitStatus::bad_input, m_problems);
    }
}

// Where the bytes are not UTF-8 they are almost always Windows-1252, what Excel and most MIS
// write for "CSV" on Windows: say how to convert, naming the file.
std::string Sheet::utf8_hint() const {
    std::string hint = "save it as \"CSV UTF-8 (Comma delimited)\", or convert it: iconv -f WINDOWS-1252 -t UTF-8";
    if (name() == "-") {
        return hint;
    }
    std::string_view stem = name();
    if (stem.size() > 4 && util::iequals(stem.substr(stem.size() - 4), ".csv")) {
        stem.remove_suffix(4);
    }
    return fmt::format("{} {} > {}", hint, shell_quoted(name()), shell_quoted(std::string(stem) + "-utf8.csv"));
}

void Sheet::map_header(const std::vector<ColumnSpec>& wanted) {
    const auto& cells = m_records.fields();
    for (std::string_view cell : cells) {
        m_header.emplace_back(util::trim(cell));
    }
    std::vector<std::string_view> unmatched(m_header.begin(), m_header.end());
    if (auto bad = m_records.bad_utf8_field()) {
        header_error(m_records.position(*bad).column,
                     fmt::format("header column {} is not UTF-8 (the file looks like Windows-1252)", *bad + 1),
                     utf8_hint());
        return;
    }
    for (std::size_t i = 0; i < m_header.size(); ++i) {
        auto column = match_header(m_kind, wanted, m_header[i]);
        if (!column) {
            continue;
        }
        unmatched[i] = {};
        int& slot = m_index[static_cast<std::size_t>(*column)];
        if (slot >= 0) {
            header_error(m_records.position(i).column,
                         fmt::format("columns '{}' and '{}' both mean {}",
                                     util::excerpt(m_header[static_cast<std::size_t>(slot)]),
                                     util::excerpt(m_header[i]), column_name(*column)),
                         "remove or rename one of them");
            continue;
        }
        slot = static_cast<int>(i);
    }
    check_missing(wanted, unmatched);
}

void Sheet::check_missing(const std::vector<ColumnSpec>& wanted, const std::vector<std::string_view>& unmatched) {
    for (const ColumnSpec& spec : wanted) {
        if (has(spec.column) || (!spec.required && !spec.needed_by_rows)) {
            continue;
        }
        std::string message = fmt::format("missing column {}", column_name(spec.column));
        if (!spec.required) {
            // Rows that need it would each say so; a look-alike header says it once.
            if (auto miss = near_miss(m_kind, spec.column, unmatched)) {
                header_error(m_records.position(miss->first).column, std::move(message),
                             fmt::format("the header has '{}': did you mean '{}'?",
                                         util::excerpt(unmatched[miss->first]), miss->second));
            }
            continue;
        }
        if (auto miss = near_miss(m_kind, spec.column, unmatched)) {
            header_error(m_records.position(miss->first).column, std::move(message),
                         fmt::format("the header has '{}': did you mean '{}'?", util::excerpt(unmatched[miss->first]), miss->second));
        } else {
            header_error(0, std::move(message), "accepted names: " + accepted_names(m_kind, spec.column));
        }
    }
}

bool Sheet::next() {
    for (;;) {
        bool more = m_records.next();
        if (!m_records.diagnostics().empty()) {
            notify_row_problem();
            m_problems.merge(std::move(m_records.diagnostics()));
        }
        if (!more) {
            return false;
        }
        if (all_empty(m_records.fields())) {
            continue;
        }
        ++m_rows;
        if (check_shape()) {
            return true;
        }
    }
}

// A row is only read when its fields line up with the header; otherwise every value after
// the fault would be reported against the wrong column.
bool Sheet::check_shape() {
    const std::size_t found = m_records.fields().size();
    const std::size_t expected = m_header.size();
    if (found != expected || m_records.bad_utf8_field()) {
        notify_row_problem();
    }
    if (found > expected) {
        m_row_problems->add(at_field(expected, fmt::format("row has {} fields but the header has {}", found, expected),
                                "put double quotes around a value that contains a comma"));
        return false;
    }
    if (found < expected) {
        m_row_problems->add(at_field(found, fmt::format("row has {} fields but the header has {}", found, expected),
                                "a value or a comma is missing"));
        return false;
    }
    if (auto bad = m_records.bad_utf8_field()) {
        std::string what = *bad < m_header.size() ? util::excerpt(m_header[*bad]) : fmt::format("field {}", *bad + 1);
        Diagnostic d = at_field(*bad, fmt::format("{} is not UTF-8 (the file looks like Windows-1252)", what),
                                utf8_hint());
        d.source_line.clear(); // the line itself is not valid UTF-8 to print
        m_row_problems->add(std::move(d));
        return false;
    }
    return true;
}

Diagnostic Sheet::at_field(std::size_t field, std::string message, std::string hint) const {
    Diagnostic d{name(), m_records.line(), 0, std::move(message), std::move(hint), {}};
    if (field < m_records.fields().size()) {
        FieldPosition where = m_records.position(field);
        d.line = where.line;
        d.column = where.column;
    }
    quote_row(d, m_records.line(), m_records.raw_line());
    return d;
}

void Sheet::quote_row(Diagnostic& d, long record_line, std::string_view raw) const {
    if (m_row_problems != &m_problems) {
        d.source_line = std::string(raw); // the whole row, for the rejects file
    } else if (d.line == record_line && raw.size() <= k_max_shown_line) {
        d.source_line = std::string(raw);
    }
}

void Sheet::error(Column column, std::string message, std::string hint) {
    notify_row_problem();
    int index = m_index[static_cast<std::size_t>(column)];
    std::size_t field = index < 0 ? m_records.fields().size() : static_cast<std::size_t>(index);
    m_row_problems->add(at_field(field, std::move(message), std::move(hint)));
}

// The field a canonical column name points at; the header's width (no field) when the name
// is empty, unknown or not in the header.
std::size_t Sheet::field_of(std::string_view column) const {
    for (std::size_t i = 0; i < k_column_count; ++i) {
        if (column_name(static_cast<Column>(i)) == column) {
            int index = m_index[i];
            return index < 0 ? m_header.size() : static_cast<std::size_t>(index);
        }
    }
    return m_header.size();
}

void Sheet::error(std::string_view column, std::string message, std::string hint) {
    notify_row_problem();
    // Data rows have the header's width (check_shape), so field_of's answer is the field.
    m_row_problems->add(at_field(field_of(column), std::move(message), std::move(hint)));
}

RowMark Sheet::mark() const {
    std::span<const FieldPosition> positions;
    return RowMark{m_records.line(), m_records.raw_line(), m_records.plain() ? positions : m_records.positions()};
}

void Sheet::error_at(const RowMark& row, std::string_view column, std::string message, std::string hint) {
    Diagnostic d{name(), row.line, 0, std::move(message), std::move(hint), {}};
    const std::size_t field = field_of(column);
    if (field < m_header.size()) {
        if (!row.positions.empty()) {
            d.line = row.positions[field].line;
            d.column = row.positions[field].column;
        } else {
            // Split in place: the field starts after its field-th comma.
            std::size_t at = 0;
            for (std::size_t commas = 0; commas < field; ++at) {
                commas += row.raw[at] == ',' ? 1 : 0;
            }
            d.column = static_cast<long>(at) + 1;
        }
    }
    quote_row(d, row.line, row.raw);
    m_row_problems->add(std::move(d));
}

void Sheet::header_error(long column, std::string message, std::string hint) {
    Diagnostic d{name(), m_records.line(), column, std::move(message), std::move(hint), {}};
    if (column > 0 && m_records.raw_line().size() <= k_max_shown_line && !m_records.bad_utf8_field()) {
        d.source_line = std::string(m_records.raw_line());
    }
    m_problems.add(std::move(d));
}

void Sheet::divert_row_problems(diag::Diagnostics* rejects) {
    m_row_problems = rejects != nullptr ? rejects : &m_problems;
}

void Sheet::finish() {
    if (!m_problems.empty()) {
        throw Failure(ExitStatus::bad_input, m_problems);
    }
}

ReadStats Sheet::stats() const { return ReadStats{m_rows, m_records.bytes()}; }

} // namespace qc::csvio
