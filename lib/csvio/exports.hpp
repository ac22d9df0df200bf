#pragma once
// The centre's CSV exports (contract section 3) -> facts. The only place libfccp/csv.h is
// included (through csvio/records.cpp).

#include "csvio/input.hpp"
#include "model/entry.hpp"
#include "model/facts.hpp"
#include "model/rules.hpp"

#include <cstdint>
#include <vector>

namespace qc::csvio {

/// What a reader saw, for progress and import records.
struct ReadStats {
    std::uint64_t rows = 0;
    std::uint64_t bytes = 0;
};

/// Reads candidates.csv: one Entry per row, pushed to `sink` in file order. Every bad row is
/// a Diagnostic (FILE:LINE:COL, the column named, the bad value quoted); after the whole file
/// has been read, throws diag::Failure(bad_input) if there were any.
ReadStats read_candidates(const Input& input, const model::RuleBook& rules,
                          const ReadOptions& options, model::FactSink& sink);

/// Reads units.csv, streaming each row to `sink` (rows are not kept). Errors as above.
ReadStats read_units(const Input& input, const ReadOptions& options, model::FactSink& sink);

/// Reads visits.csv (suite id or title, visit_date, kind, status). Errors as above.
std::vector<model::Visit> read_visits(const Input& input, const model::RuleBook& rules);

} // namespace qc::csvio
