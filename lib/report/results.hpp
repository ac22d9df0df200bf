#pragma once
// Assessed entries -> table, CSV or JSON. The CSV and JSON cells come from the column table
// (report/columns.hpp): the contract's columns (section 5), in order, then qualcheck's own.

#include "assess/assessment.hpp"
#include "model/codes.hpp"
#include "model/series.hpp"
#include "report/output.hpp"
#include "util/date.hpp"

#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace qc::report {

/// Output formats; xlsx is a workbook written to a file (report/workbook.hpp).
enum class Format { table, csv, json, xlsx };

/// What the run was about, printed by the table and JSON writers.
struct RunInfo {
    util::Date today;
    model::Series current;
};

/// Counts of a set of results.
struct Tally {
    std::size_t entries = 0;
    std::size_t eligible = 0;
    std::size_t not_eligible = 0;
    std::size_t withdrawn = 0;
    std::size_t at_risk = 0;
    std::size_t acknowledged = 0; ///< at risk and acknowledged

    void add(const engine::EntryResult& result);
    /// At-risk entries that are not acknowledged: these make `check` exit 1.
    std::size_t alerting() const { return at_risk - acknowledged; }
};

/// The `points` cell: the number, or empty when not graded (-1).
std::string points_cell(int points);

/// Labels of the reasons that hold, joined by "; ", and codes joined by ";".
std::string reason_labels(const engine::EntryResult& result);
std::string reason_codes(const engine::EntryResult& result);
/// The main reason's label, or empty.
std::string_view main_label(const engine::EntryResult& result);

class ResultWriter {
public:
    virtual ~ResultWriter() = default;
    /// Writes one entry; `record` need only live until the call returns.
    virtual void row(const assess::Assessment& record) = 0;
    /// Writes whatever comes after the rows (summary, closing brackets) and closes nothing.
    virtual void finish() = 0;
};

/// Options for human-readable output.
struct TableStyle {
    bool colour = false;
};

std::unique_ptr<ResultWriter> make_result_writer(Format format, Output& out, const RunInfo& run,
                                                 TableStyle style);

} // namespace qc::report
