// Move down and top up (docs/beyond-the-tracker.md): the same rules, other sizes.
#include "engine/options.hpp"

#include <algorithm>

namespace qc::engine {

namespace {

bool larger_first(const model::Qualification* a, const model::Qualification* b) {
    return a->glh != b->glh ? a->glh > b->glh : a->code < b->code;
}

// Whether the candidate would be eligible for `qualification` with these facts.
bool satisfies(const model::Entry& entry, const model::Qualification& qualification,
               const EntryFacts& facts, model::Series current) {
    model::Entry alternative; // only what judge reads; names are not copied
    alternative.qualification = &qualification;
    alternative.ecd = entry.ecd;
    if (&qualification == entry.qualification) {
        alternative.declared_pathway = entry.declared_pathway;
    }
    return judge(alternative, facts, current, false).status == model::ResultStatus::eligible;
}

const model::Qualification* first_other(const std::vector<const model::Qualification*>& met,
                                        const model::Qualification& own, bool larger_only) {
    for (const model::Qualification* qualification : met) {
        if (qualification != &own && (!larger_only || qualification->glh > own.glh)) {
            return qualification;
        }
    }
    return nullptr;
}

} // namespace

Options options_for(const model::Entry& entry, const EntryFacts& facts, model::Series current) {
    Options options;
    if (entry.status == model::EntryStatus::withdrawn) {
        return options;
    }
    // Achieved units only: every other state is left as "no row".
    thread_local std::vector<UnitState> achieved;
    achieved.assign(facts.units.size(), UnitState{});
    for (std::size_t slot = 0; slot < facts.units.size(); ++slot) {
        if (facts.units[slot].outcome() == model::Outcome::achieved) {
            achieved[slot] = facts.units[slot];
        }
    }
    const EntryFacts achieved_facts{std::span<const UnitState>(achieved), facts.issued, facts.entry};
    for (const model::Qualification& qualification : entry.qualification->suite->qualifications) {
        if (satisfies(entry, qualification, achieved_facts, current)) {
            options.met_achieved.push_back(&qualification);
        }
        if (satisfies(entry, qualification, facts, current)) {
            options.met_in_progress.push_back(&qualification);
        }
    }
    std::sort(options.met_achieved.begin(), options.met_achieved.end(), larger_first);
    std::sort(options.met_in_progress.begin(), options.met_in_progress.end(), larger_first);
    return options;
}

Suggestion suggest(const model::Entry& entry, const EntryResult& result, const Options& options) {
    const model::Qualification& own = *entry.qualification;
    const bool eligible = result.status == model::ResultStatus::eligible;
    if (result.status == model::ResultStatus::withdrawn) {
        return {};
    }
    bool now = true;
    const model::Qualification* to = first_other(options.met_achieved, own, eligible);
    if (to == nullptr) {
        now = false;
        to = first_other(options.met_in_progress, own, eligible);
    }
    if (to == nullptr) {
        return {};
    }
    return {to->glh > own.glh ? SuggestionKind::top_up : SuggestionKind::move_down, to, now};
}

} // namespace qc::engine
