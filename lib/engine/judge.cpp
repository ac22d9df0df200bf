#include "engine/judge.hpp"

#include <fmt/format.h>

namespace qc::engine {

using model::Outcome;
using model::ReasonCode;

std::optional<ReasonCode> EntryResult::main_reason() const {
    for (int i = 0; i < model::k_reason_count; ++i) {
        if (has(static_cast<ReasonCode>(i))) {
            return static_cast<ReasonCode>(i);
        }
    }
    return std::nullopt;
}

std::vector<ReasonCode> EntryResult::reason_list() const {
    std::vector<ReasonCode> list;
    for (int i = 0; i < model::k_reason_count; ++i) {
        if (has(static_cast<ReasonCode>(i))) {
            list.push_back(static_cast<ReasonCode>(i));
        }
    }
    return list;
}

namespace {

bool in_progress_or_better(Outcome outcome) { return outcome >= Outcome::ria_pending; }

// A mandatory unit blocks the result when nothing counts yet: no row, a U, or absence from a
// moderated unit (absence from an examined unit has its own, earlier reason).
bool mandatory_missing(const model::Unit& unit, Outcome outcome) {
    return outcome == Outcome::none || outcome == Outcome::not_achieved ||
           (outcome == Outcome::absent && unit.assessment == model::Assessment::moderated);
}

void set(EntryResult& result, ReasonCode reason) {
    result.reasons |= static_cast<std::uint8_t>(1u << static_cast<unsigned>(reason));
}

bool pathway_reason(const model::Entry& entry, const EntryFacts& facts) {
    const model::Qualification& qualification = *entry.qualification;
    if (entry.declared_pathway != nullptr && !pathway_met(*entry.declared_pathway, facts, false)) {
        return true;
    }
    if (!qualification.pathway_required) {
        return false;
    }
    for (const model::Pathway& pathway : qualification.pathways) {
        if (pathway_met(pathway, facts, false)) {
            return false;
        }
    }
    return true;
}

} // namespace

int transferred_units(const model::Entry& entry, const EntryFacts& facts) {
    int count = 0;
    auto add = [&](std::uint16_t slot) {
        const UnitState state = facts.units[slot];
        count += state.transferred() && in_progress_or_better(state.outcome()) ? 1 : 0;
    };
    for (std::uint16_t slot : entry.qualification->mandatory_slots) {
        add(slot);
    }
    for (std::uint16_t slot : entry.qualification->optional_slots) {
        add(slot);
    }
    return count;
}

EntryResult judge(const model::Entry& entry, const EntryFacts& facts, model::Series current,
                  bool acknowledged) {
    const model::Qualification& qualification = *entry.qualification;
    const model::Suite& suite = *qualification.suite;
    EntryResult result;
    result.glh_required = qualification.glh;
    result.acknowledged = acknowledged;

    bool activity = false;
    bool ria_pending = false;
    auto count = [&](std::uint16_t slot) {
        const Outcome outcome = facts.units[slot].outcome();
        activity = activity || facts.units[slot].has_row();
        ria_pending = ria_pending || outcome == Outcome::ria_pending;
        if (in_progress_or_better(outcome)) {
            result.glh_counted += suite.units[slot].glh;
        }
        if (outcome == Outcome::achieved) {
            result.glh_achieved += suite.units[slot].glh;
        }
    };
    for (std::uint16_t slot : qualification.mandatory_slots) {
        count(slot);
        const model::Unit& unit = suite.units[slot];
        const Outcome outcome = facts.units[slot].outcome();
        if (outcome == Outcome::absent && unit.assessment == model::Assessment::examined) {
            set(result, ReasonCode::absent_mandatory_exam);
        }
        if (mandatory_missing(unit, outcome)) {
            set(result, ReasonCode::mandatory_unit_missing);
        }
    }
    for (std::uint16_t slot : qualification.optional_slots) {
        count(slot);
    }

    if (entry.status == model::EntryStatus::withdrawn) {
        result = EntryResult{model::ResultStatus::withdrawn, 0, false, acknowledged,
                             result.glh_required, result.glh_counted, result.glh_achieved};
        return result;
    }
    if (!activity) {
        result.reasons = 0;
        set(result, ReasonCode::no_activity);
    } else {
        if (ria_pending) {
            set(result, ReasonCode::ria_pending);
        }
        if (pathway_reason(entry, facts)) {
            set(result, ReasonCode::pathway_units_missing);
        }
        if (result.glh_counted < result.glh_required) {
            set(result, ReasonCode::insufficient_glh);
        }
    }
    if (result.reasons != 0) {
        result.status = model::ResultStatus::not_eligible;
        result.at_risk = at_risk(result.status, entry.ecd, current);
    }
    return result;
}

} // namespace qc::engine
