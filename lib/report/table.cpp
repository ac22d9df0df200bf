#include "report/table.hpp"

#include "util/strings.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace qc::report {

namespace {

constexpr std::string_view k_reset = "\x1b[0m";

std::string_view tone_code(RowTone tone) {
    switch (tone) {
    case RowTone::good:
        return "\x1b[32m";
    case RowTone::alert:
        return "\x1b[1;31m";
    case RowTone::muted:
        return "\x1b[2m";
    case RowTone::plain:
        break;
    }
    return {};
}

void pad(std::string& line, const std::string& cell, std::size_t width) {
    line += cell;
    line.append(width - std::min(width, util::display_width(cell)), ' ');
}

} // namespace

void Table::add(std::vector<std::string> cells, RowTone tone) {
    cells.resize(m_headers.size());
    m_rows.push_back(std::move(cells));
    m_tones.push_back(tone);
}

std::string Table::render(bool colour) const {
    std::vector<std::size_t> widths(m_headers.size());
    for (std::size_t c = 0; c < m_headers.size(); ++c) {
        widths[c] = util::display_width(m_headers[c]);
        for (const auto& row : m_rows) {
            widths[c] = std::max(widths[c], util::display_width(row[c]));
        }
    }
    auto line_of = [&](const std::vector<std::string>& cells) {
        std::string line;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            if (c + 1 == cells.size()) {
                line += cells[c];
            } else {
                pad(line, cells[c], widths[c] + 2);
            }
        }
        while (!line.empty() && line.back() == ' ') {
            line.pop_back();
        }
        return line;
    };
    std::string out = colour ? fmt::format("\x1b[1m{}{}\n", line_of(m_headers), k_reset)
                             : line_of(m_headers) + "\n";
    for (std::size_t r = 0; r < m_rows.size(); ++r) {
        std::string_view code = colour ? tone_code(m_tones[r]) : std::string_view();
        out += code.empty() ? line_of(m_rows[r]) + "\n"
                            : fmt::format("{}{}{}\n", code, line_of(m_rows[r]), k_reset);
    }
    return out;
}

std::string tally_sentence(const Tally& t, model::Series current) {
    std::string out = fmt::format("{} entr{}: {} eligible, {} not eligible", t.entries,
                                  t.entries == 1 ? "y" : "ies", t.eligible, t.not_eligible);
    out += fmt::format(" ({} at risk for {}", t.at_risk, current.label());
    if (t.acknowledged > 0) {
        out += fmt::format(", {} acknowledged", t.acknowledged);
    }
    out += fmt::format("), {} withdrawn.", t.withdrawn);
    return out;
}

namespace {

class TableWriter final : public ResultWriter {
public:
    TableWriter(Output& out, const RunInfo& run, TableStyle style)
        : m_out(out), m_run(run), m_style(style),
          m_table({"CENTRE", "CAND", "NAME", "QUAL", "ECD", "STATUS", "AT RISK", "MAIN REASON",
                   "GLH", "POINTS", "GRADE"}) {}

    void row(const assess::Assessment& r) override {
        const engine::EntryResult& e = r.result;
        auto main = e.main_reason();
        std::string name = std::string(r.surname);
        if (!r.forename.empty()) {
            name += (name.empty() ? "" : ", ") + std::string(r.forename);
        }
        std::string risk = e.at_risk ? (e.acknowledged ? "ack" : "YES") : "";
        RowTone tone = RowTone::plain;
        if (e.at_risk) {
            tone = e.acknowledged ? RowTone::muted : RowTone::alert;
        } else if (e.status == model::ResultStatus::eligible) {
            tone = RowTone::good;
        } else if (e.status == model::ResultStatus::withdrawn) {
            tone = RowTone::muted;
        }
        m_table.add({std::string(r.centre), std::string(r.candidate), name,
                     std::string(r.qualification_code), r.ecd.label(),
                     std::string(model::info(e.status).label), risk,
                     main ? std::string(model::info(*main).label) : std::string(),
                     fmt::format("{}/{}", e.glh_counted, e.glh_required), points_cell(r.points),
                     std::string(r.predicted_grade)},
                    tone);
        m_tally.add(e);
    }

    void finish() override {
        if (m_table.empty()) {
            m_out.write("No entries.\n");
            return;
        }
        m_out.write(m_table.render(m_style.colour));
        m_out.write("\n" + tally_sentence(m_tally, m_run.current) + "\n");
    }

private:
    Output& m_out;
    RunInfo m_run;
    TableStyle m_style;
    Table m_table;
    Tally m_tally;
};

} // namespace

std::unique_ptr<ResultWriter> make_table_writer(Output& out, const RunInfo& run, TableStyle style) {
    return std::make_unique<TableWriter>(out, run, style);
}

} // namespace qc::report
