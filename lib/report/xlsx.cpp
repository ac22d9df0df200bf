#include "report/xlsx.hpp"

#include "diag/failure.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <fmt/format.h>

namespace qc::report::xlsx {

using diag::ExitStatus;
using diag::Failure;

namespace {

constexpr std::size_t k_most_chars = 32767; // a spreadsheet cell's limit
constexpr std::size_t k_kinds = 5;
constexpr std::size_t k_styles = 4;
constexpr std::size_t k_text_width = 60;      // widest column of plain text, in characters
constexpr std::size_t k_long_text_width = 50; // wrapped columns

// Colours of the tracker's conventions: grey for acknowledged, red for what needs action.
constexpr lxw_color_t k_header_fill = 0xDDEBF7;
constexpr lxw_color_t k_not_eligible_fill = 0xFDE9E7;
constexpr lxw_color_t k_overdue_fill = 0xF8CBAD;
constexpr lxw_color_t k_overdue_font = 0x9C0006;
constexpr lxw_color_t k_acknowledged_fill = 0xEDEDED;
constexpr lxw_color_t k_acknowledged_font = 0x808080;

std::size_t utf8_length(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

// The text as a number, when all of it is one (no leading '+', no spaces, not "inf"/"nan").
bool parse_number(std::string_view text, double& value) {
    if (text.empty() || text.front() == '+' ||
        text.find_first_not_of("-0123456789.") != std::string_view::npos) {
        return false;
    }
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size();
}

bool parse_iso_date(std::string_view text, lxw_datetime& date) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return false;
    }
    auto number = [&](std::size_t at, std::size_t count, int& out) {
        auto [end, error] = std::from_chars(text.data() + at, text.data() + at + count, out);
        return error == std::errc() && end == text.data() + at + count;
    };
    date = lxw_datetime{};
    return number(0, 4, date.year) && number(5, 2, date.month) && number(8, 2, date.day) &&
           date.year >= 1900 && date.month >= 1 && date.month <= 12 && date.day >= 1 &&
           date.day <= 31;
}

lxw_row_t row_index(std::size_t row) { return static_cast<lxw_row_t>(row); }
lxw_col_t col_index(std::size_t column) { return static_cast<lxw_col_t>(column); }

} // namespace

std::string sheet_name(std::string_view name) {
    std::string out;
    std::size_t chars = 0;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const auto byte = static_cast<unsigned char>(name[i]);
        const bool starts_char = (byte & 0xC0) != 0x80;
        if (starts_char && ++chars > 31) {
            break;
        }
        const bool forbidden = std::string_view("[]:*?/\\").find(name[i]) != std::string_view::npos;
        out.push_back(forbidden ? ' ' : name[i]);
    }
    return out.empty() ? std::string("Sheet") : out;
}

struct Workbook::Impl {
    lxw_workbook* book = nullptr;
    lxw_format* header = nullptr;
    lxw_format* label = nullptr;
    std::array<std::array<lxw_format*, k_styles>, k_kinds> cells{};
};

Workbook::Workbook(const std::string& path, std::string shown_as, const std::string& title)
    : m_impl(std::make_unique<Impl>()), m_shown_as(std::move(shown_as)) {
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    options.use_zip64 = LXW_TRUE;
    m_impl->book = workbook_new_opt(path.c_str(), &options);
    if (m_impl->book == nullptr) {
        throw Failure(ExitStatus::io_failure, fmt::format("cannot write {}: out of memory or "
                                                          "no temporary folder", m_shown_as));
    }
    lxw_doc_properties properties{};
    properties.title = const_cast<char*>(title.c_str());
    properties.author = const_cast<char*>("qualcheck");
    check(workbook_set_properties(m_impl->book, &properties), "its properties");

    Impl& impl = *m_impl;
    impl.header = workbook_add_format(impl.book);
    format_set_bold(impl.header);
    format_set_bg_color(impl.header, k_header_fill);
    format_set_bottom(impl.header, LXW_BORDER_THIN);
    format_set_align(impl.header, LXW_ALIGN_VERTICAL_TOP);
    impl.label = workbook_add_format(impl.book);
    format_set_bold(impl.label);
    format_set_align(impl.label, LXW_ALIGN_VERTICAL_TOP);
}

Workbook::~Workbook() {
    if (!m_closed && m_impl->book != nullptr) {
        // Nothing to keep: the caller's temporary file is removed by its owner.
        lxw_workbook_free(m_impl->book);
    }
}

void Workbook::check(int error, std::string_view what) {
    if (error != LXW_NO_ERROR) {
        throw Failure(ExitStatus::io_failure,
                      fmt::format("cannot write {}: {}: {}", m_shown_as, what,
                                  lxw_strerror(static_cast<lxw_error>(error))));
    }
}

void* Workbook::format(CellKind kind, RowStyle style) {
    lxw_format*& slot = m_impl->cells[static_cast<std::size_t>(kind)][static_cast<std::size_t>(style)];
    if (slot != nullptr) {
        return slot;
    }
    slot = workbook_add_format(m_impl->book);
    format_set_align(slot, LXW_ALIGN_VERTICAL_TOP);
    if (kind == CellKind::long_text) {
        format_set_text_wrap(slot);
    } else if (kind == CellKind::date) {
        format_set_num_format(slot, "yyyy-mm-dd");
    } else if (kind == CellKind::identifier || kind == CellKind::text) {
        format_set_num_format(slot, "@"); // typed over in a spreadsheet, it stays text
    }
    switch (style) {
    case RowStyle::plain:
        break;
    case RowStyle::not_eligible:
        format_set_bg_color(slot, k_not_eligible_fill);
        break;
    case RowStyle::overdue:
        format_set_bg_color(slot, k_overdue_fill);
        format_set_font_color(slot, k_overdue_font);
        format_set_bold(slot);
        break;
    case RowStyle::acknowledged:
        format_set_bg_color(slot, k_acknowledged_fill);
        format_set_font_color(slot, k_acknowledged_font);
        break;
    }
    return slot;
}

Sheet& Workbook::add_sheet(std::string_view name, std::vector<Column> columns) {
    const std::string valid = sheet_name(name);
    lxw_worksheet* worksheet = workbook_add_worksheet(m_impl->book, valid.c_str());
    if (worksheet == nullptr) {
        throw Failure(ExitStatus::io_failure,
                      fmt::format("cannot write {}: cannot add the sheet '{}'", m_shown_as, valid));
    }
    for (std::size_t i = 0; i < columns.size(); ++i) {
        check(worksheet_write_string(worksheet, 0, col_index(i), columns[i].name.c_str(),
                                     m_impl->header),
              "the header row");
    }
    worksheet_freeze_panes(worksheet, 1, 0);
    m_sheets.push_back(std::unique_ptr<Sheet>(new Sheet(*this, worksheet, valid, std::move(columns))));
    return *m_sheets.back();
}

void Workbook::add_info_sheet(std::string_view name,
                              const std::vector<std::pair<std::string, std::string>>& lines) {
    const std::string valid = sheet_name(name);
    lxw_worksheet* worksheet = workbook_add_worksheet(m_impl->book, valid.c_str());
    if (worksheet == nullptr) {
        throw Failure(ExitStatus::io_failure,
                      fmt::format("cannot write {}: cannot add the sheet '{}'", m_shown_as, valid));
    }
    std::size_t label_width = 10;
    std::size_t value_width = 10;
    lxw_format* value = static_cast<lxw_format*>(format(CellKind::long_text, RowStyle::plain));
    for (std::size_t i = 0; i < lines.size(); ++i) {
        check(worksheet_write_string(worksheet, row_index(i), 0, lines[i].first.c_str(), m_impl->label),
              "the information sheet");
        check(worksheet_write_string(worksheet, row_index(i), 1, lines[i].second.c_str(), value),
              "the information sheet");
        label_width = std::max(label_width, utf8_length(lines[i].first) + 2);
        value_width = std::max(value_width, utf8_length(lines[i].second) + 2);
    }
    worksheet_set_column(worksheet, 0, 0, static_cast<double>(label_width), nullptr);
    worksheet_set_column(worksheet, 1, 1, static_cast<double>(std::min(value_width, std::size_t{90})),
                         nullptr);
}

void Workbook::close() {
    if (m_closed) {
        return;
    }
    for (auto& sheet : m_sheets) {
        sheet->finish();
    }
    m_closed = true; // workbook_close frees the workbook whatever it returns
    check(workbook_close(m_impl->book), "the workbook");
}

Sheet::Sheet(Workbook& book, void* worksheet, std::string name, std::vector<Column> columns)
    : m_book(book), m_worksheet(worksheet), m_name(std::move(name)), m_columns(std::move(columns)) {
    for (const Column& column : m_columns) {
        m_widths.push_back(utf8_length(column.name) + 3); // room for the filter button
    }
}

void Sheet::add_row(std::span<const std::string_view> cells, RowStyle style) {
    if (m_rows + 1 >= LXW_ROW_MAX) {
        throw Failure(ExitStatus::bad_input,
                      fmt::format("cannot write {}: the sheet '{}' would need more than {} rows, "
                                  "a spreadsheet's most",
                                  m_book.m_shown_as, m_name, LXW_ROW_MAX),
                      "write CSV instead (--format csv)");
    }
    ++m_rows;
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        write_cell(i, i < cells.size() ? cells[i] : std::string_view(), style);
    }
}

void Sheet::write_cell(std::size_t column, std::string_view text, RowStyle style) {
    auto* worksheet = static_cast<lxw_worksheet*>(m_worksheet);
    const CellKind kind = m_columns[column].kind;
    auto* format = static_cast<lxw_format*>(m_book.format(kind, style));
    const lxw_row_t row = row_index(m_rows);
    const lxw_col_t col = col_index(column);
    const std::size_t chars = utf8_length(text);
    m_widths[column] = std::max(m_widths[column], chars + 1);
    double number = 0;
    lxw_datetime date{};
    if (text.empty()) {
        m_book.check(worksheet_write_blank(worksheet, row, col, format), "a blank cell");
    } else if (kind == CellKind::number && parse_number(text, number)) {
        m_book.check(worksheet_write_number(worksheet, row, col, number, format), "a number");
    } else if (kind == CellKind::date && parse_iso_date(text, date)) {
        m_book.check(worksheet_write_datetime(worksheet, row, col, &date, format), "a date");
    } else if (chars > k_most_chars) {
        throw Failure(ExitStatus::bad_input,
                      fmt::format("cannot write {}: sheet '{}', row {}, column {}: {} characters, "
                                  "more than a spreadsheet cell holds ({})",
                                  m_book.m_shown_as, m_name, m_rows + 1, m_columns[column].name,
                                  chars, k_most_chars),
                      "write CSV instead (--format csv)");
    } else {
        const std::string copy(text); // libxlsxwriter wants a terminated string
        m_book.check(worksheet_write_string(worksheet, row, col, copy.c_str(), format), "a text cell");
    }
}

void Sheet::add_chart(const Chart& chart) {
    if (chart.last_row <= chart.first_row || chart.value_columns.empty()) {
        return; // nothing to draw
    }
    lxw_chart* drawn = workbook_add_chart(m_book.m_impl->book,
                                          chart.stacked ? LXW_CHART_BAR_STACKED : LXW_CHART_BAR);
    const lxw_row_t first = row_index(chart.first_row + 1);
    const lxw_row_t last = row_index(chart.last_row);
    const lxw_col_t labels = col_index(chart.category_column);
    for (std::size_t column : chart.value_columns) {
        lxw_chart_series* series = chart_add_series(drawn, nullptr, nullptr);
        chart_series_set_categories(series, m_name.c_str(), first, labels, last, labels);
        chart_series_set_values(series, m_name.c_str(), first, col_index(column), last,
                                col_index(column));
        chart_series_set_name_range(series, m_name.c_str(), 0, col_index(column));
    }
    chart_title_set_name(drawn, chart.title.c_str());
    chart_legend_set_position(drawn, LXW_CHART_LEGEND_BOTTOM);
    // Bars read top to bottom in the sheet's order, as on the HTML page.
    chart_axis_set_reverse(drawn->y_axis);
    // A default chart is 15 rows high: taller with many bars, the next one below it.
    const std::size_t bars = std::min<std::size_t>(chart.last_row - chart.first_row, 60);
    lxw_chart_options place{};
    place.x_scale = 1.5;
    place.y_scale = std::max(1.0, static_cast<double>(bars) / 12.0);
    m_book.check(worksheet_insert_chart_opt(static_cast<lxw_worksheet*>(m_worksheet),
                                            row_index(m_chart_row), col_index(m_columns.size() + 1),
                                            drawn, &place),
                 "a chart");
    m_chart_row += static_cast<std::size_t>(15.0 * place.y_scale) + 2;
}

void Sheet::finish() {
    auto* worksheet = static_cast<lxw_worksheet*>(m_worksheet);
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        const std::size_t most =
            m_columns[i].kind == CellKind::long_text ? k_long_text_width : k_text_width;
        const std::size_t width = std::clamp<std::size_t>(m_widths[i], 6, most);
        m_book.check(worksheet_set_column(worksheet, col_index(i), col_index(i),
                                          static_cast<double>(width), nullptr),
                     "the column widths");
    }
    if (!m_columns.empty()) {
        m_book.check(worksheet_autofilter(worksheet, 0, 0, row_index(m_rows),
                                          col_index(m_columns.size() - 1)),
                     "the filter");
    }
}

} // namespace qc::report::xlsx
