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
        const engine::EntryResult& e = r.result;
        const std::string ecd = r.ecd.label();
        const std::string labels = reason_labels(e);
        const std::string codes = reason_codes(e);
        std::string notes;
        for (const std::string& note : r.notes) {
            notes += notes.empty() ? "" : "; ";
            notes += note;
        }
        const std::string required = std::to_string(e.glh_required);
        const std::string counted = std::to_string(e.glh_counted);
        const std::string achieved = std::to_string(e.glh_achieved);
        const std::string points = points_cell(r.points);
        const std::string_view cells[] = {
            r.centre, r.candidate, r.surname, r.forename, r.qualification_code,
            r.qualification_title, ecd, model::info(e.status).code, yes_no(e.at_risk),
            yes_no(e.acknowledged), main_label(e), labels, codes, required, counted, achieved,
            notes, r.pathways, r.suggestion, points, r.predicted_grade};
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
};

} // namespace

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
