#pragma once
// Unit rows held back and passed to the sink many at a time (model::FactSink::add_unit_rows),
// so that the grouping table can overlap the memory accesses of many shuffled rows. Each
// row's text is copied into the batch; problems the sink finds are reported against the
// rows they belong to, in file order.

#include "csvio/sheet.hpp"
#include "model/facts.hpp"

#include <cstddef>
#include <memory>
#include <vector>

namespace qc::csvio {

class RowBatch {
public:
    /// Rows go to `sink`; their problems are reported through `sheet`. Install flush() as the
    /// sheet's before_row_problem hook so that problems stay in file order.
    RowBatch(Sheet& sheet, model::FactSink& sink);

    /// Keeps the sheet's current row, read into `row` (its views are copied), and passes the
    /// batch on when it is full.
    void add(const model::UnitRow& row);
    /// Passes the rows held to the sink and reports their problems.
    void flush();

private:
    /// Where a kept row's mark lives in the batch.
    struct Kept {
        long line = 0;
        std::size_t raw = 0; ///< offset in m_text
        std::size_t raw_size = 0;
        std::size_t positions = 0; ///< offset in m_positions
        std::size_t position_count = 0;
    };

    std::string_view copy(std::string_view text);
    void make_room(std::size_t bytes);

    Sheet& m_sheet;
    model::FactSink& m_sink;
    std::vector<model::UnitRow> m_rows;
    std::vector<Kept> m_kept;
    std::vector<FieldPosition> m_positions;
    std::vector<model::RowProblem> m_problems;
    std::unique_ptr<char[]> m_text; ///< never reallocated while rows point into it
    std::size_t m_text_used = 0;
    std::size_t m_text_size = 0;
};

} // namespace qc::csvio
