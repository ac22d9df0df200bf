#include "assess/readiness.hpp"

#include <fmt/format.h>

#include <set>

namespace qc::assess {

using model::UnitStatus;

bool unit_ready(model::Assessment assessment, UnitStatus status) {
    if (status == UnitStatus::result_achieved) {
        return true;
    }
    if (assessment == model::Assessment::examined) {
        return status == UnitStatus::entry_received;
    }
    return status == UnitStatus::claim_submitted || status == UnitStatus::claim_sampled;
}

std::vector<std::string> readiness_blockers(const Assessment& record,
                                            const std::optional<std::string>& final_visit) {
    std::vector<std::string> blockers;
    std::set<int> named; // units a reason already names are not listed twice
    for (const Reason& detail : record.reasons()) {
        blockers.push_back(detail.text);
        named.insert(detail.units.begin(), detail.units.end());
    }
    for (const engine::UnitLine& line : record.why.units) {
        const model::Unit& unit = *line.unit;
        if (!line.in_qualification || !line.state.has_row() || named.contains(unit.number) ||
            unit_ready(unit.assessment, line.state.status())) {
            continue;
        }
        const bool examined = unit.assessment == model::Assessment::examined;
        blockers.push_back(fmt::format("{} unit {}: {}, not {}", model::info(unit.assessment).code,
                                       unit.number, model::info(line.state.status()).label,
                                       examined ? "achieved or entered" : "achieved or claimed"));
    }
    if (record.qualification != nullptr && record.qualification->has_moderated_unit() && final_visit) {
        blockers.push_back(*final_visit);
    }
    return blockers;
}

} // namespace qc::assess
