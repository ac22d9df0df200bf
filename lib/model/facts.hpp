#pragma once
// The small interface through which facts reach whatever consumes them: the engine's
// grouping table when checking, the store when importing. Readers (CSV files, the store)
// push entries and unit rows; the sink says what, if anything, is wrong with each.

#include "model/entry.hpp"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace qc::model {

/// What is wrong with one entry or row, as judged by the sink (e.g. a duplicate entry, a
/// unit row for a candidate with no entry). The reader adds file, line and column.
struct Problem {
    std::string column;  ///< the column to point at (canonical name), or empty
    std::string message;
    std::string hint;
};

/// A problem with one row of a batch: the row's index in the batch, and what is wrong.
struct RowProblem {
    std::size_t index = 0;
    Problem problem;
};

class FactSink {
public:
    virtual ~FactSink() = default;
    /// All entries arrive before any unit row.
    virtual std::optional<Problem> add_entry(Entry entry) = 0;
    virtual std::optional<Problem> add_unit_row(const UnitRow& row) = 0;
    /// Several unit rows, in file order: the same as add_unit_row on each, appending the
    /// problems (in row order) to `problems`. A sink may override it to work on many rows at
    /// once; readers of large files call it.
    virtual void add_unit_rows(std::span<const UnitRow> rows, std::vector<RowProblem>& problems) {
        for (std::size_t i = 0; i < rows.size(); ++i) {
            if (auto problem = add_unit_row(rows[i])) {
                problems.push_back(RowProblem{i, std::move(*problem)});
            }
        }
    }
};

} // namespace qc::model
