#include "csvio/row_batch.hpp"

#include <algorithm>
#include <cstring>
#include <functional>

namespace qc::csvio {

namespace {

// Rows per batch: enough for the sink's prefetching to run at full depth most of the time,
// few enough that the batch's text (~64 bytes a row) stays in the L2 cache.
constexpr std::size_t k_rows = 1024;
constexpr std::size_t k_text = k_rows * 96;

bool inside(std::string_view part, std::string_view whole) {
    const std::less_equal<const char*> before;
    return !whole.empty() && before(whole.data(), part.data()) &&
           before(part.data() + part.size(), whole.data() + whole.size());
}

} // namespace

RowBatch::RowBatch(Sheet& sheet, model::FactSink& sink)
    : m_sheet(sheet), m_sink(sink), m_text(std::make_unique<char[]>(k_text)), m_text_size(k_text) {
    m_rows.reserve(k_rows);
    m_kept.reserve(k_rows);
}

std::string_view RowBatch::copy(std::string_view text) {
    char* at = m_text.get() + m_text_used;
    if (!text.empty()) {
        std::memcpy(at, text.data(), text.size());
    }
    m_text_used += text.size();
    return {at, text.size()};
}

// Rows point into m_text, so it only grows when no row is held.
void RowBatch::make_room(std::size_t bytes) {
    if (m_text_used + bytes <= m_text_size) {
        return;
    }
    flush();
    if (bytes > m_text_size) {
        m_text_size = std::max(bytes, 2 * m_text_size);
        m_text = std::make_unique<char[]>(m_text_size);
    }
}

void RowBatch::add(const model::UnitRow& row) {
    const RowMark mark = m_sheet.mark();
    // Fields of a record split in place are views into its raw line: copying the line moves
    // them all. Others (unquoted into the reader's scratch, the default centre) are copied.
    model::UnitRow kept = row;
    std::string_view model::UnitRow::*const fields[] = {
        &model::UnitRow::centre, &model::UnitRow::candidate, &model::UnitRow::qualification_code,
        &model::UnitRow::taken_at_centre, &model::UnitRow::series};
    std::size_t bytes = mark.raw.size();
    for (auto field : fields) {
        bytes += inside(row.*field, mark.raw) ? 0 : (row.*field).size();
    }
    make_room(bytes);
    const std::size_t raw_at = m_text_used;
    const std::string_view raw = copy(mark.raw);
    for (auto field : fields) {
        std::string_view value = row.*field;
        kept.*field = inside(value, mark.raw)
                          ? raw.substr(static_cast<std::size_t>(value.data() - mark.raw.data()), value.size())
                          : copy(value);
    }
    m_kept.push_back(Kept{mark.line, raw_at, raw.size(), m_positions.size(), mark.positions.size()});
    m_positions.insert(m_positions.end(), mark.positions.begin(), mark.positions.end());
    m_rows.push_back(kept);
    if (m_rows.size() == k_rows) {
        flush();
    }
}

void RowBatch::flush() {
    if (m_rows.empty()) {
        return;
    }
    m_problems.clear();
    m_sink.add_unit_rows(m_rows, m_problems);
    for (model::RowProblem& problem : m_problems) {
        const Kept& kept = m_kept[problem.index];
        const RowMark mark{kept.line, std::string_view(m_text.get() + kept.raw, kept.raw_size),
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
