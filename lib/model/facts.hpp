#pragma once
// The small interface through which facts reach whatever consumes them: the engine's
// grouping table when checking, the store when importing. Readers (CSV files, the store)
// push entries and unit rows; the sink says what, if anything, is wrong with each.

#include "model/entry.hpp"

#include <optional>
#include <string>

namespace qc::model {

/// What is wrong with one entry or row, as judged by the sink (e.g. a duplicate entry, a
/// unit row for a candidate with no entry). The reader adds file, line and column.
struct Problem {
    std::string column;  ///< the column to point at (canonical name), or empty
    std::string message;
    std::string hint;
};

class FactSink {
public:
    virtual ~FactSink() = default;
    /// All entries arrive before any unit row.
    virtual std::optional<Problem> add_entry(Entry entry) = 0;
    virtual std::optional<Problem> add_unit_row(const UnitRow& row) = 0;
};

} // namespace qc::model
