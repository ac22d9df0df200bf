#pragma once
// Human-readable tables for a terminal: aligned columns, and colour that marks what needs
// action (red), what is fine (green) and what an exams officer has acknowledged (grey).

#include "report/output.hpp"
#include "report/results.hpp"

#include <string>
#include <vector>

namespace qc::report {

/// How a table row is shown when colour is on.
enum class RowTone { plain, good, alert, muted };

class Table {
public:
    explicit Table(std::vector<std::string> headers) : m_headers(std::move(headers)) {}
    void add(std::vector<std::string> cells, RowTone tone = RowTone::plain);
    bool empty() const { return m_rows.empty(); }
    /// The table as text, one line per row, columns separated by two spaces.
    std::string render(bool colour) const;

private:
    std::vector<std::string> m_headers;
    std::vector<std::vector<std::string>> m_rows;
    std::vector<RowTone> m_tones;
};

/// "45 entries: 30 eligible, 13 not eligible (9 at risk for Summer 2027, 1 acknowledged),
/// 2 withdrawn."
std::string tally_sentence(const Tally& tally, model::Series current);

std::unique_ptr<ResultWriter> make_table_writer(Output& out, const RunInfo& run, TableStyle style);

} // namespace qc::report
