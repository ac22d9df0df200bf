#include "report/results.hpp"

#include "report/cells.hpp"
#include "report/table.hpp"

#include <fmt/format.h>

namespace qc::report {

void Tally::add(const engine::EntryResult& result) {
    ++entries;
    switch (result.status) {
    case model::ResultStatus::eligible:
        ++eligible;
        break;
    case model::ResultStatus::not_eligible:
        ++not_eligible;
        break;
    case model::ResultStatus::withdrawn:
        ++withdrawn;
        break;
    }
    if (result.at_risk) {
        ++at_risk;
        if (result.acknowledged) {
            ++acknowledged;
        }
    }
}

const std::vector<std::string_view>& csv_columns() {
    static const std::vector<std::string_view> k_columns = {
        "centre_number", "candidate_number", "surname", "forename", "qualification_code",
        "qualification_title", "estimated_completion", "result_status", "at_risk",
        "acknowledged", "main_reason", "reasons", "reason_codes", "glh_required",
        "glh_counted", "glh_achieved", "notes", "pathways", "suggestion", "points",
        "predicted_grade"};
    return k_columns;
}

std::string points_cell(int points) { return points < 0 ? std::string() : std::to_string(points); }

std::string reason_labels(const engine::EntryResult& result) {
    std::string out;
    for (model::ReasonCode code : result.reason_list()) {
        out += out.empty() ? "" : "; ";
        out += model::info(code).label;
    }
    return out;
}

std::string reason_codes(const engine::EntryResult& result) {
    std::string out;
    for (model::ReasonCode code : result.reason_list()) {
        out += out.empty() ? "" : ";";
        out += model::info(code).code;
    }
    return out;
}

namespace {

std::string_view yes_no(bool value) { return value ? "yes" : "no"; }

std::string_view main_label(const engine::EntryResult& result) {
    auto main = result.main_reason();
    return main ? model::info(*main).label : std::string_view();
}

class CsvWriter final : public ResultWriter {
public:
    explicit CsvWriter(Output& out) : m_out(out) {
        std::string header;
        for (std::string_view column : csv_columns()) {
            header += header.empty() ? "" : ",";
            header += column;
        }
        m_out.write(header + "\r\n");
    }

    void row(const ResultRow& r) override {
        m_line.clear();
        result_cells(r, m_cells);
        const auto& cells = m_cells;
        for (std::size_t i = 0; i < std::size(cells); ++i) {
            if (i > 0) {
                m_line.push_back(',');
            }
            const bool identifier = i == 0 || i == 1 || i == 4; // centre, candidate, qualification code
            if (identifier && m_out.excel()) {
                append_excel_identifier(m_line, cells[i]);
            } else {
                append_csv_cell(m_line, cells[i]);
            }
        }
        m_line += "\r\n";
        m_out.write(m_line);
    }

    void finish() override {}

private:
    Output& m_out;
    std::string m_line;
    ResultCells m_cells;
};

} // namespace

void result_cells(const ResultRow& r, ResultCells& cells) {
    const engine::EntryResult& e = r.result;
    std::string notes;
    for (const std::string& note : r.notes) {
        notes += notes.empty() ? "" : "; ";
        notes += note;
    }
    cells = {std::string(r.centre), std::string(r.candidate), std::string(r.surname),
             std::string(r.forename), std::string(r.qualification_code),
             std::string(r.qualification_title), r.ecd.label(),
             std::string(model::info(e.status).code), std::string(yes_no(e.at_risk)),
             std::string(yes_no(e.acknowledged)), std::string(main_label(e)), reason_labels(e),
             reason_codes(e), std::to_string(e.glh_required), std::to_string(e.glh_counted),
             std::to_string(e.glh_achieved), std::move(notes), std::string(r.pathways),
             std::string(r.suggestion), points_cell(r.points), std::string(r.predicted_grade)};
}

std::unique_ptr<ResultWriter> make_json_writer(Output& out, const RunInfo& run);

std::unique_ptr<ResultWriter> make_result_writer(Format format, Output& out, const RunInfo& run,
                                                 TableStyle style) {
    switch (format) {
    case Format::csv:
        return std::make_unique<CsvWriter>(out);
    case Format::json:
        return make_json_writer(out, run);
    case Format::xlsx: // not wired yet: refused by the caller
    case Format::table:
        break;
    }
    return make_table_writer(out, run, style);
}

} // namespace qc::report
