#pragma once
// Unit rows passed to the sink many at a time (model::FactSink::add_unit_rows), so that the
// grouping table can overlap the memory accesses of many shuffled rows, optionally with the
// reading on a second thread. Problems the sink finds are reported against the rows they
// belong to, and every problem comes out in file order, as if rows were passed one by one.

#include "csvio/sheet.hpp"
#include "model/facts.hpp"

#include <cstddef>
#include <functional>
#include <memory>
#include <vector>

namespace qc::csvio {

/// One batch of rows. A row split in place is held as it is (its views stay valid until the
/// reader moves its lines); a row with quoted fields is copied.
class RowBatch {
public:
    static constexpr std::size_t k_rows = 1024;

    RowBatch();
    /// Keeps a row read from `sheet`'s current record (`mark` is sheet.mark()).
    void add(const model::UnitRow& row, const RowMark& mark);
    /// False when a row with quoted fields would not fit: deliver the batch first.
    bool fits(const model::UnitRow& row, const RowMark& mark) const;
    bool full() const { return m_rows.size() == k_rows; }
    bool empty() const { return m_rows.empty(); }
    /// Passes the rows to `sink`, reports their problems through `sheet` and empties the batch.
    void deliver(model::FactSink& sink, Sheet& sheet);

private:
    /// What is kept of a row to report a problem with it.
    struct Kept {
        long line = 0;
        std::string_view raw;
        std::size_t positions = 0; ///< offset in m_positions
        std::size_t position_count = 0;
    };

    static std::size_t bytes_to_copy(const model::UnitRow& row, const RowMark& mark);
    std::string_view copy(std::string_view text);
    void add_copied(const model::UnitRow& row, const RowMark& mark);

    std::vector<model::UnitRow> m_rows;
    std::vector<Kept> m_kept;
    std::vector<FieldPosition> m_positions;
    std::vector<model::RowProblem> m_problems;
    std::unique_ptr<char[]> m_text; ///< copies of quoted rows; never reallocated while held
    std::size_t m_text_used = 0;
    std::size_t m_text_size = 0;
};

/// Reads a row of the sheet's current record into `row`; false (problems reported) when the
/// row is not valid.
using RowParser = std::function<bool(Sheet& sheet, model::UnitRow& row)>;

/// Reads every data row of `sheet` with `parse` and feeds the valid ones to `sink` in batches.
/// With `parallel`, the reading runs on a second thread while this thread feeds the sink:
/// the sink is only ever called from this thread, and problems keep file order (the reader
/// waits for the rows before a problem to be delivered, and before it moves its lines).
/// Exceptions from either side end both and are rethrown here.
void feed_rows(Sheet& sheet, const RowParser& parse, model::FactSink& sink, bool parallel);

} // namespace qc::csvio
