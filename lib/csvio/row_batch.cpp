#include "csvio/row_batch.hpp"

#include <algorithm>
#include <cstring>

namespace qc::csvio {

namespace {

// Rows per batch: enough for the sink's prefetching to run at full depth most of the time,
// few enough that the batch stays in the L2 cache.
constexpr std::size_t k_rows = 1024;
constexpr std::size_t k_text = 64 * 1024;

} // namespace

RowBatch::RowBatch(Sheet& sheet, model::FactSink& sink)
    : m_sheet(sheet), m_sink(sink), m_text(std::make_unique<char[]>(k_text)), m_text_size(k_text) {
    m_rows.reserve(k_rows);
    m_kept.reserve(k_rows);
    m_sheet.before_row_problem([this] { flush(); });
    m_sheet.before_lines_move([this] { flush(); });
}

RowBatch::~RowBatch() {
    m_sheet.before_row_problem(nullptr);
    m_sheet.before_lines_move(nullptr);
}

void RowBatch::add(const model::UnitRow& row) {
    const RowMark mark = m_sheet.mark();
    if (!mark.positions.empty()) {
        add_copied(row, mark);
    } else {
        // Split in place: every view is into the line (or is the configured centre), which
        // stays where it is until the before_lines_move hook flushes this batch.
        m_kept.push_back(Kept{mark.line, mark.raw, 0, 0});
        m_rows.push_back(row);
    }
    if (m_rows.size() == k_rows) {
        flush();
    }
}

std::string_view RowBatch::copy(std::string_view text) {
    char* at = m_text.get() + m_text_used;
    if (!text.empty()) {
        std::memcpy(at, text.data(), text.size());
    }
    m_text_used += text.size();
    return {at, text.size()};
}

// A record with quoted fields: its fields are in the reader's scratch space, reused for the
// next one, so the row's text and its first line are copied.
void RowBatch::add_copied(const model::UnitRow& row, const RowMark& mark) {
    std::string_view model::UnitRow::*const texts[] = {
        &model::UnitRow::centre, &model::UnitRow::candidate, &model::UnitRow::qualification_code,
        &model::UnitRow::taken_at_centre, &model::UnitRow::series};
    std::size_t bytes = mark.raw.size();
    for (auto text : texts) {
        bytes += (row.*text).size();
    }
    if (m_text_used + bytes > m_text_size) {
        flush(); // rows point into m_text: it may only be replaced when none is held
        if (bytes > m_text_size) {
            m_text_size = std::max(bytes, 2 * m_text_size);
            m_text = std::make_unique<char[]>(m_text_size);
        }
    }
    model::UnitRow kept = row;
    for (auto text : texts) {
        kept.*text = copy(row.*text);
    }
    m_kept.push_back(Kept{mark.line, copy(mark.raw), m_positions.size(), mark.positions.size()});
    m_positions.insert(m_positions.end(), mark.positions.begin(), mark.positions.end());
    m_rows.push_back(kept);
}

void RowBatch::flush() {
    if (m_rows.empty()) {
        return;
    }
    m_problems.clear();
    m_sink.add_unit_rows(m_rows, m_problems);
    for (model::RowProblem& problem : m_problems) {
        const Kept& kept = m_kept[problem.index];
        const RowMark mark{kept.line, kept.raw,
                           std::span<const FieldPosition>(m_positions.data() + kept.positions,
                                                          kept.position_count)};
        m_sheet.error_at(mark, problem.problem.column, std::move(problem.problem.message),
                         std::move(problem.problem.hint));
    }
    m_rows.clear();
    m_kept.clear();
    m_positions.clear();
    m_text_used = 0;
}

} // namespace qc::csvio
