#pragma once
// Unit rows held back and passed to the sink many at a time (model::FactSink::add_unit_rows),
// so that the grouping table can overlap the memory accesses of many shuffled rows. Problems
// the sink finds are reported against the rows they belong to, in file order.
//
// A row split in place is held as it is: its views stay valid until the reader moves its lines,
// and the batch is flushed just before that. Only rows with quoted fields are copied.

#include "csvio/sheet.hpp"
#include "model/facts.hpp"

#include <cstddef>
#include <memory>
#include <vector>

namespace qc::csvio {

class RowBatch {
public:
    /// Rows go to `sink`; their problems are reported through `sheet`. Hooks the sheet so that
    /// the batch is flushed before a problem with a later row is recorded (file order) and
    /// before the rows' text moves; the hooks are removed when the batch is destroyed.
    RowBatch(Sheet& sheet, model::FactSink& sink);
    ~RowBatch();
    RowBatch(const RowBatch&) = delete;
    RowBatch& operator=(const RowBatch&) = delete;

    /// Keeps the sheet's current row, read into `row`, and passes the batch on when full.
    void add(const model::UnitRow& row);
    /// Passes the rows held to the sink and reports their problems.
    void flush();

private:
    /// What is kept of a row to report a problem with it.
    struct Kept {
        long line = 0;
        std::string_view raw;
        std::size_t positions = 0; ///< offset in m_positions
        std::size_t position_count = 0;
    };

    std::string_view copy(std::string_view text);
    void add_copied(const model::UnitRow& row, const RowMark& mark);

    Sheet& m_sheet;
    model::FactSink& m_sink;
    std::vector<model::UnitRow> m_rows;
    std::vector<Kept> m_kept;
    std::vector<FieldPosition> m_positions;
    std::vector<model::RowProblem> m_problems;
    std::unique_ptr<char[]> m_text; ///< copies of quoted rows; never reallocated while held
    std::size_t m_text_used = 0;
    std::size_t m_text_size = 0;
};

} // namespace qc::csvio
