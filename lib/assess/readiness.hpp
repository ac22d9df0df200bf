#pragma once
// Checkpoint 2 readiness: what stops an entry due this summer from being submitted.

#include "assess/assessment.hpp"
#include "model/codes.hpp"

#include <optional>
#include <string>
#include <vector>

namespace qc::assess {

/// The awarding body wants examined units achieved or entered and moderated units achieved
/// or claimed; any other status (absent, RIA) needs the exams officer's attention first.
bool unit_ready(model::Assessment assessment, model::UnitStatus status);

/// The blockers of an explained assessment, one sentence each: every reason's detail, then
/// each unit of the qualification with a row that is not ready (and that no reason names),
/// then `final_visit` (why the suite's final moderation visit is not booked) when the
/// qualification has a moderated unit. Empty: ready.
std::vector<std::string> readiness_blockers(const Assessment& record,
                                            const std::optional<std::string>& final_visit);

} // namespace qc::assess
