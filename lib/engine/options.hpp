#pragma once
// Move down and top up: which qualifications of an entry's suite its units already satisfy,
// judged by engine::judge on the same facts, and the one change worth suggesting.

#include "engine/book.hpp"
#include "engine/judge.hpp"
#include "model/entry.hpp"
#include "model/series.hpp"

#include <vector>

namespace qc::engine {

/// The qualifications of one suite that an entry's units satisfy, largest (by GLH) first,
/// then by code. The entry's own qualification is included when it is satisfied.
struct Options {
    std::vector<const model::Qualification*> met_achieved;    ///< with achieved units only
    std::vector<const model::Qualification*> met_in_progress; ///< with achieved or in-progress units
};

/// Judges each qualification of the entry's suite as if the candidate were entered for it,
/// with the entry's units: once as they are and once keeping only achieved units. The entry's
/// own qualification is judged with its declared pathway; another size is judged with none
/// declared (a declaration belongs to its entry; `pathway_required` still applies), as the
/// centre would enter it afresh. Withdrawn entries have no options.
Options options_for(const model::Entry& entry, const EntryFacts& facts, model::Series current);

enum class SuggestionKind { none, move_down, top_up };

/// The one change worth making, if any.
struct Suggestion {
    SuggestionKind kind = SuggestionKind::none;
    const model::Qualification* to = nullptr;
    bool now = false; ///< satisfied with achieved units only (else once units in progress are)
};

/// For a not-eligible entry: the largest other qualification satisfied now, else the largest
/// satisfied once units in progress are achieved (move down when it is no larger, top up when
/// it is larger). For an eligible entry: the largest larger qualification satisfied now, else
/// the largest satisfied once units in progress are achieved (top up). Otherwise none.
Suggestion suggest(const model::Entry& entry, const EntryResult& result, const Options& options);

} // namespace qc::engine
