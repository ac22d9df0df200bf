#pragma once
// Checkpoint readiness worked out from the store: subjects ticked for the term-time
// checkpoint, and the blockers of each entry due this summer for Checkpoint 2. Shared by
// `report checkpoint` and `declare submit`.

#include "common.hpp"
#include "report/views.hpp"
#include "store/store.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace qc::cmd {

/// The checkpoint view of the store's current data (with statements applied) on --today.
report::CheckpointView build_checkpoint(store::Store& store, const Setup& setup);

/// "on AT by USER" for the latest declaration `action` made in `academic_year`, or empty.
std::string submission(const std::vector<store::Declaration>& log, std::string_view action,
                       int academic_year);

} // namespace qc::cmd
