#pragma once
// The two cells of an assessment that are worded from engine data and kept as they are in a
// stored run: `pathways` and `suggestion`.

#include "engine/judge.hpp"
#include "engine/options.hpp"

#include <string>
#include <vector>

namespace qc::assess {

/// The `pathways` CSV cell: one part per pathway in the rules' order, joined by "; ", each
/// `ID[ (declared)]: STATE` where STATE is `met` (every unit achieved), `awaiting U, V` (the
/// rest are achieved; these are in progress) or `needs U, V` (units with no achieved or
/// in-progress row). Empty for a qualification without pathways.
/// E.g. "app-dev: awaiting 8; networking (declared): needs 10".
std::string pathways_cell(const std::vector<engine::PathwayLine>& lines);

/// The `suggestion` cell: "move down to 90301 TITLE would be eligible now", "... would be
/// eligible once the units in progress are achieved", "top up to 90202 TITLE possible now",
/// "... possible once the units in progress are achieved"; empty when there is none.
std::string suggestion_text(const engine::Suggestion& suggestion, const engine::EntryResult& result);

/// The notes of each entry, as sentences, indexed by entry: unit rows that count for nothing.
/// `units_file` names the units export in them ("units" when empty or "-").
std::vector<std::vector<std::string>> notes_by_entry(const engine::EntryBook& book,
                                                     const std::string& units_file);

} // namespace qc::assess
