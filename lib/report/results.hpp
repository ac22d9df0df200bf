#pragma once
// Entry results -> table, CSV or JSON. The CSV columns are the contract's (section 5), in
// order, followed by qualcheck's own extra columns.

#include "engine/grade.hpp"
#include "engine/judge.hpp"
#include "engine/options.hpp"
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

/// One entry's line of output. Views must stay valid until the writer's next call.
struct ResultRow {
    std::string_view centre;
    std::string_view candidate;
    std::string_view surname;
    std::string_view forename;
    std::string_view qualification_code;
    std::string_view qualification_title;
    std::string_view suite_id;
    model::Series ecd;
    engine::EntryResult result;
    std::vector<std::string> notes;           ///< rows that count for nothing, and why
    std::string_view pathways;                ///< the `pathways` cell (see pathways_cell)
    std::string_view suggestion;              ///< the `suggestion` cell (see suggestion_text)
    const engine::Explanation* why = nullptr; ///< JSON details, when computed
    const engine::Options* options = nullptr; ///< JSON move-down/top-up lists, when computed
    int transferred_units = 0;                ///< counted units from other centres (stored)
    int points = -1;                  ///< points of the counted units; -1: not graded
    std::string_view predicted_grade; ///< empty until every counted unit has a grade
    const engine::GradePrediction* grading = nullptr; ///< JSON details, when computed
};

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

/// The contract's CSV columns, in order, then the extra ones: notes, pathways, suggestion,
/// points, predicted_grade.
const std::vector<std::string_view>& csv_columns();

/// The cells of one result row, in csv_columns() order, before any CSV quoting.
using ResultCells = std::array<std::string, 21>;
void result_cells(const ResultRow& row, ResultCells& cells);

/// The `points` cell: the number, or empty when not graded (-1).
std::string points_cell(int points);

/// Labels of the reasons that hold, joined by "; ", and codes joined by ";".
std::string reason_labels(const engine::EntryResult& result);
std::string reason_codes(const engine::EntryResult& result);

class ResultWriter {
public:
    virtual ~ResultWriter() = default;
    virtual void row(const ResultRow& row) = 0;
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
