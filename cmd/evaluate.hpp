#pragma once
// The wiring shared by `check` and `report`: read facts into the engine's grouping table,
// judge every entry once, and hand each result to a writer.

#include "common.hpp"
#include "engine/book.hpp"
#include "engine/judge.hpp"
#include "engine/notes.hpp"
#include "engine/options.hpp"
#include "report/views.hpp"
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

/// What qualcheck adds to a result beyond the contract's columns.
struct EntryExtras {
    std::string pathways;   ///< the `pathways` cell
    std::string suggestion; ///< the `suggestion` cell
    engine::Options options;
    int transferred_units = 0;
};

/// The extras of entry `i`, judged as `result`.
EntryExtras extras_of(const engine::EntryBook& book, std::size_t i,
                      const engine::EntryResult& result, model::Series current);

/// An entry's result as a view line, with its extras.
report::EntryLine entry_line_of(const engine::EntryBook& book, std::size_t i,
                                const engine::EntryResult& result, const EntryExtras& extras);

/// Which results to write.
using ResultFilter = std::function<bool(const engine::EntryResult&)>;

/// Judges every entry in file order and writes those the filter keeps, each with its notes
/// worded as it is written. `acknowledged` says
/// whether an entry has been acknowledged (may be empty). Returns the tally of all entries.
report::Tally judge_all(const engine::EntryBook& book, model::Series current,
                        const engine::EntryNotes& notes, report::ResultWriter& writer, bool explain,
                        const std::function<bool(std::size_t)>& acknowledged,
                        const ResultFilter& keep);

} // namespace qc::cmd
