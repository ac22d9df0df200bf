#include "report/workbook.hpp"

#include "report/results.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <fmt/format.h>

namespace qc::report {

using xlsx::CellKind;

xlsx::CellKind cell_kind(CellType type) {
    switch (type) {
    case CellType::identifier:
        return CellKind::identifier;
    case CellType::integer:
        return CellKind::number;
    case CellType::date:
        return CellKind::date;
    case CellType::long_text:
        return CellKind::long_text;
    case CellType::text:
    case CellType::flag:
        break;
    }
    return CellKind::text;
}

xlsx::RowStyle row_style(const engine::EntryResult& result) {
    if (result.acknowledged) {
        return xlsx::RowStyle::acknowledged;
    }
    // Overdue as judged (engine::overdue): still at risk after its estimated completion.
    if (result.overdue) {
        return xlsx::RowStyle::overdue;
    }
    if (result.status == model::ResultStatus::not_eligible) {
        return xlsx::RowStyle::not_eligible;
    }
    return xlsx::RowStyle::plain;
}

std::vector<std::string> rules_lines(const model::RuleBook& rules) {
    std::vector<std::string> lines;
    for (const auto& suite : rules.suites()) {
        std::string line = fmt::format("{}: {}", suite->where.file, suite->id);
        if (!suite->source.empty()) {
            line += fmt::format(" ({})", suite->source);
        }
        lines.push_back(std::move(line));
    }
    return lines;
}

std::string utc_now() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm parts{};
    gmtime_r(&now, &parts);
    return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}:{:02} UTC", parts.tm_year + 1900,
                       parts.tm_mon + 1, parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec);
}

void add_about_sheet(xlsx::Workbook& book, const WorkbookAbout& about) {
    std::vector<std::pair<std::string, std::string>> lines = {
        {"Workbook", about.title},
        {"Exported", about.exported_at},
        {"Judged as on", util::to_iso(about.today)},
        {"Current series", about.current.label()},
        {"Data", about.imported_at.empty() ? "judged straight from the CSV exports"
                                           : "imported into the store at " + about.imported_at},
    };
    if (!about.centre_name.empty() || !about.centre_number.empty()) {
        lines.insert(lines.begin() + 1,
                     {"Centre", about.centre_number.empty() ? about.centre_name
                                : about.centre_name.empty()
                                    ? about.centre_number
                                    : fmt::format("{} ({})", about.centre_name, about.centre_number)});
    }
    for (std::size_t i = 0; i < about.rules.size(); ++i) {
        lines.emplace_back(i == 0 ? "Rules files" : "", about.rules[i]);
    }
    lines.emplace_back("Made by", "qualcheck; every cell is a value, none is a formula");
    book.add_info_sheet("About", lines);
}

namespace {

void add_result_row(xlsx::Sheet& sheet, const assess::Assessment& record,
                    TableCells& cells) {
    add_table_row(sheet, result_columns(), record, row_style(record.result), cells);
}

// check --format xlsx and the views that stream results: one sheet, then "About".
class WorkbookResultWriter final : public ResultWriter {
public:
    WorkbookResultWriter(Output& out, std::string_view sheet, WorkbookAbout about)
        : m_about(std::move(about)), m_book(out.path_for_file_writer(), out.path(), m_about.title),
          m_sheet(m_book.add_sheet(sheet, sheet_columns(result_columns()))) {}

    void row(const assess::Assessment& record) override {
        add_result_row(m_sheet, record, m_cells);
    }

    void finish() override {
        add_about_sheet(m_book, m_about);
        m_book.close();
    }

private:
    WorkbookAbout m_about;
    xlsx::Workbook m_book;
    xlsx::Sheet& m_sheet;
    TableCells m_cells;
};

std::string_view count_cell(std::size_t count, std::string& scratch) {
    scratch = std::to_string(count);
    return scratch;
}

// Entries by status per suite: the figures of the HTML page's bar charts, as one chart.
void add_suites_sheet(xlsx::Workbook& book, const SummaryView& view) {
    xlsx::Sheet& sheet = book.add_sheet(
        "Summary", {{"suite_id", CellKind::text}, {"suite", CellKind::text},
                    {"entries", CellKind::number}, {"Eligible", CellKind::number},
                    {"At risk", CellKind::number}, {"At risk, acknowledged", CellKind::number},
                    {"Not eligible, due later", CellKind::number}, {"Withdrawn", CellKind::number},
                    {"counting units from other centres", CellKind::number}});
    for (const SuiteCounts& suite : view.suites) {
        const Tally& t = suite.tally;
        std::string s[7];
        const std::string_view cells[] = {
            suite.suite_id, suite.title, count_cell(t.entries, s[0]),
            count_cell(t.eligible, s[1]), count_cell(t.at_risk - t.acknowledged, s[2]),
            count_cell(t.acknowledged, s[3]), count_cell(t.not_eligible - t.at_risk, s[4]),
            count_cell(t.withdrawn, s[5]), count_cell(suite.transferred, s[6])};
        sheet.add_row(cells);
    }
    sheet.add_chart({"Entries by status, per suite", 1, {3, 4, 5, 6, 7}, true, 0, sheet.rows()});
}

// Each at-risk entry's GLH: achieved, in progress (counted, not yet a result), not started.
void add_glh_sheet(xlsx::Workbook& book, const SummaryView& view) {
    xlsx::Sheet& sheet = book.add_sheet(
        "GLH at risk", {{"entry", CellKind::text}, {"suite", CellKind::text},
                        {"candidate_number", CellKind::identifier},
                        {"qualification_code", CellKind::identifier},
                        {"Achieved", CellKind::number}, {"In progress", CellKind::number},
                        {"Not yet started", CellKind::number}, {"glh_counted", CellKind::number},
                        {"glh_required", CellKind::number}});
    for (const SuiteCounts& suite : view.suites) { // grouped by suite, as on the HTML page
        for (const EntryLine& line : view.entries) {
            if (!line.result.at_risk || line.suite_id != suite.suite_id) {
                continue;
            }
            const engine::EntryResult& r = line.result;
            const std::string who = fmt::format("{} {} ({})", line.candidate,
                                                display_name(line.surname, line.forename),
                                                line.qualification_code);
            std::string s[5];
            const std::string_view cells[] = {
                who, suite.title, line.candidate, line.qualification_code,
                count_cell(static_cast<std::size_t>(std::max(0, r.glh_achieved)), s[0]),
                count_cell(static_cast<std::size_t>(std::max(0, r.glh_counted - r.glh_achieved)), s[1]),
                count_cell(static_cast<std::size_t>(std::max(0, r.glh_required - r.glh_counted)), s[2]),
                count_cell(static_cast<std::size_t>(r.glh_counted), s[3]),
                count_cell(static_cast<std::size_t>(r.glh_required), s[4])};
            sheet.add_row(cells, row_style(r));
        }
    }
    sheet.add_chart({"GLH of the entries at risk", 0, {4, 5, 6}, true, 0, sheet.rows()});
}

} // namespace

void add_entry_sheet(xlsx::Workbook& book, std::string_view name, const std::vector<EntryLine>& lines,
                     const std::function<bool(const EntryLine&)>& keep) {
    xlsx::Sheet& sheet = book.add_sheet(name, sheet_columns(result_columns()));
    TableCells cells;
    for (const EntryLine& line : lines) {
        if (!keep || keep(line)) {
            add_result_row(sheet, line, cells);
        }
    }
}

std::unique_ptr<ResultWriter> make_workbook_result_writer(Output& out, std::string_view sheet,
                                                          WorkbookAbout about) {
    return std::make_unique<WorkbookResultWriter>(out, sheet, std::move(about));
}

void write_summary_workbook(const SummaryView& view, const WorkbookAbout& about, Output& out) {
    xlsx::Workbook book(out.path_for_file_writer(), out.path(), about.title);
    add_suites_sheet(book, view);
    add_entry_sheet(book, "At risk", view.entries,
                    [](const EntryLine& line) { return line.result.at_risk; });
    add_glh_sheet(book, view);
    add_entry_sheet(book, "Entries", view.entries, {});
    add_about_sheet(book, about);
    book.close();
}

} // namespace qc::report
