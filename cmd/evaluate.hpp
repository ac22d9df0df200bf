#pragma once
// The wiring shared by `check` and `report`: read facts into the engine's grouping table,
// judge every entry once, and hand each result to a writer.

#include "common.hpp"
#include "engine/book.hpp"
#include "assess/assessment.hpp"
#include "progress.hpp"
#include "report/results.hpp"

#include <functional>
#include <string>
#include <vector>

namespace qc::cmd {

/// The CSV exports named on the command line.
struct CsvInputs {
    std::string candidates;
    std::string units;
    std::string visits;
};

/// Reserves room in `book` for the entries of the candidates file at `candidates`, estimated
/// from its size (nothing for small files, stdin or a missing file).
void reserve_for(const std::string& candidates, engine::EntryBook& book);

/// Reads candidates then units into `book`, showing each read's progress on `progress` when
/// given. Throws diag::Failure listing every bad row.
void read_exports(const CsvInputs& inputs, const std::string& centre, const model::RuleBook& rules,
                  engine::EntryBook& book, ProgressDisplay* progress = nullptr);

/// Assesses every entry (assess::assess_all) and writes each in file order. `acknowledged`
/// says whether an entry has been acknowledged (may be empty). Returns the tally.
report::Tally judge_all(const engine::EntryBook& book, const assess::Context& context,
                        report::ResultWriter& writer,
                        const std::function<bool(std::size_t)>& acknowledged);

} // namespace qc::cmd
