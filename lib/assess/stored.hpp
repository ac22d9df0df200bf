#pragma once
// An assessment as a stored run keeps it, and back: the store's one record of a result.

#include "assess/assessment.hpp"
#include "model/rules.hpp"
#include "store/records.hpp"

namespace qc::assess {

/// Writes what a stored run keeps of `record` into `out`, reusing its memory.
void to_stored(const Assessment& record, store::StoredResult& out);

/// A stored result as an assessment (Depth::row, no notes). A run may have been judged on
/// another date: at risk is decided again for `current` (engine::at_risk).
Assessment from_stored(const store::StoredResult& stored, const model::RuleBook& rules,
                       model::Series current);

} // namespace qc::assess
