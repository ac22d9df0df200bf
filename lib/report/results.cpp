#include "report/results.hpp"

#include "report/cells.hpp"
#include "report/columns.hpp"
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

std::string_view main_label(const engine::EntryResult& result) {
    auto main = result.main_reason();
    return main ? model::info(*main).label : std::string_view();
}

namespace {

class CsvWriter final : public ResultWriter {
public:
    explicit CsvWriter(Output& out) : m_out(out) {
        std::string header;
        append_csv_header(header, result_columns());
        m_out.write(header + "\r\n");
    }

    void row(const assess::Assessment& record) override {
        m_line.clear();
        append_csv_cells(m_line, result_columns(), record, m_out.excel(), m_scratch);
        m_line += "\r\n";
        m_out.write(m_line);
    }

    void finish() override {}

private:
    Output& m_out;
    std::string m_line;
    std::string m_scratch;
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
    case Format::xlsx: // a workbook: make_workbook_result_writer (report/workbook.hpp)
    case Format::table:
        break;
    }
    return make_table_writer(out, run, style);
}

} // namespace qc::report
