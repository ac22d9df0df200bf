#include "engine/grade.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <numeric>
#include <tuple>

namespace qc::engine {

using model::Outcome;

std::string_view overall_grade(const std::vector<model::GradeThreshold>& thresholds, int points) {
    if (thresholds.empty()) {
        return {};
    }
    std::string_view grade = k_unclassified;
    for (const model::GradeThreshold& threshold : thresholds) { // lowest first
        if (points >= threshold.points) {
            grade = threshold.grade;
        }
    }
    return grade;
}

namespace {

// The best set found so far: its smallest unit (by position in the order) and the exact
// GLH of the others, in steps of the common divisor.
struct Best {
    int points = -1;
    int glh = INT_MAX;
    std::size_t last = 0;
    int others = 0;
};

// The units in the order the search takes them: largest first, then as given.
std::vector<std::size_t> largest_first(const std::vector<OptionalUnit>& units) {
    std::vector<std::size_t> order(units.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return units[a].glh > units[b].glh; });
    return order;
}

// Every unit counts: they fall short of the GLH needed together.
OptionalChoice all_of(const std::vector<OptionalUnit>& units) {
    OptionalChoice out;
    for (std::size_t i = 0; i < units.size(); ++i) {
        out.chosen.push_back(i);
        out.points += units[i].points;
        out.glh += units[i].glh;
    }
    out.short_of_glh = true;
    return out;
}

} // namespace

// A set S reaching `needed` from which no unit can be dropped is one where S minus its smallest
// unit falls short. Taking the units largest first, the smallest unit of S is the last one
// taken, so for each unit k: the best set is k plus the best subset of the units before k whose
// GLH lie in [needed - glh(k), needed - 1]. A knapsack table over the units before k gives
// that subset exactly. GLH are counted in steps of their greatest common divisor (usually 30
// or 60 hours), so the table stays small.
OptionalChoice choose_optional(const std::vector<OptionalUnit>& units, int glh_needed) {
    if (glh_needed <= 0) {
        return {};
    }
    int total = 0;
    int step = 0;
    for (const OptionalUnit& unit : units) {
        total += unit.glh;
        step = std::gcd(step, unit.glh);
    }
    if (total < glh_needed || step <= 0) {
        return all_of(units);
    }
    const std::vector<std::size_t> order = largest_first(units);
    const int need = (glh_needed + step - 1) / step;
    const auto width = static_cast<std::size_t>(need);
    // table[i * width + s]: most points of a subset of the first i units (in order) whose GLH
    // are exactly s steps; -1 when no subset has that sum.
    std::vector<int> table((units.size() + 1) * width, -1);
    table[0] = 0;
    Best best;
    for (std::size_t i = 0; i < order.size(); ++i) {
        const OptionalUnit& unit = units[order[i]];
        const int size = unit.glh / step;
        const int* before = &table[i * width];
        int* after = &table[(i + 1) * width];
        for (int s = std::max(0, need - size); s < need; ++s) {
            const int points = before[s] + unit.points;
            const int glh = (s + size) * step;
            if (before[s] >= 0 &&
                (points > best.points || (points == best.points && glh < best.glh))) {
                best = {points, glh, i, s};
            }
        }
        for (int s = 0; s < need; ++s) {
            after[s] = before[s];
            if (s >= size && before[s - size] >= 0) {
                after[s] = std::max(after[s], before[s - size] + unit.points);
            }
        }
    }
    // Walk the table back from the best set's smallest unit to the units taken before it.
    OptionalChoice out;
    out.chosen.push_back(order[best.last]);
    std::size_t s = static_cast<std::size_t>(best.others);
    for (std::size_t i = best.last; i > 0; --i) {
        if (table[i * width + s] != table[(i - 1) * width + s]) {
            out.chosen.push_back(order[i - 1]);
            s -= static_cast<std::size_t>(units[order[i - 1]].glh / step);
        }
    }
    std::sort(out.chosen.begin(), out.chosen.end());
    for (std::size_t i : out.chosen) {
        out.points += units[i].points;
        out.glh += units[i].glh;
    }
    return out;
}

struct Grader::Attempt {
    int points = 0;
    bool complete = false;
    bool forced_achieved = false; ///< every mandatory (and pathway) unit achieved (complete_all: has a result)
    bool lower_bound = false;
    std::vector<int> mandatory;
    std::vector<int> optional;
    std::vector<int> not_counted;
    std::vector<std::uint16_t> counted_slots;
    const model::Pathway* pathway = nullptr;
};

namespace {

bool contains(const std::vector<std::uint16_t>& slots, std::uint16_t slot) {
    return std::find(slots.begin(), slots.end(), slot) != slots.end();
}

// The points a unit earns: those issued with its result when the export gives them, else the
// table's. `lower_bound` is set when they are a table's minimum.
int unit_points(const model::Suite& suite, std::uint16_t slot, const EntryFacts& facts,
                bool& lower_bound) {
    const model::Unit& unit = suite.units[slot];
    const UnitState state = facts.units[slot];
    if (state.outcome() != Outcome::achieved) {
        return 0;
    }
    if (auto issued = facts.issued_points(slot)) {
        return *issued;
    }
    const model::UnitPoints* row = suite.grading->row_for(unit.glh, unit.assessment);
    lower_bound = lower_bound || (row != nullptr && row->minimum);
    return row != nullptr ? row->points(state.grade()).value_or(0) : 0;
}

// Whether a unit stands in the combination: achieved; under complete_all, any result (a U
// completes it too, with 0 points).
bool stands(const model::Qualification& qualification, const UnitState& state) {
    const Outcome outcome = state.outcome();
    return outcome == Outcome::achieved ||
           (qualification.complete_all && outcome == Outcome::not_achieved);
}

} // namespace

// The units of one rule set (the qualification's, plus a pathway's when one applies): the
// mandatory ones count whenever achieved; of the achieved optional ones, the strongest set
// that makes up the remaining GLH (or exactly optional_count of them).
Grader::Attempt Grader::attempt(const model::Qualification& qualification, const EntryFacts& facts,
                                const model::Pathway* pathway) {
    const model::Suite& suite = *qualification.suite;
    Attempt out;
    out.pathway = pathway;
    std::vector<std::uint16_t> forced = qualification.mandatory_slots;
    if (pathway != nullptr) {
        for (std::uint16_t slot : pathway->mandatory_slots) {
            if (!contains(forced, slot)) {
                forced.push_back(slot);
            }
        }
    }
    int forced_glh = 0;
    bool forced_achieved = true;
    for (std::uint16_t slot : forced) {
        forced_glh += suite.units[slot].glh;
        if (stands(qualification, facts.units[slot])) {
            out.mandatory.push_back(suite.units[slot].number);
            out.counted_slots.push_back(slot);
            out.points += unit_points(suite, slot, facts, out.lower_bound);
        } else {
            forced_achieved = false;
        }
    }
    std::vector<std::uint16_t> pool;
    std::vector<OptionalUnit> candidates;
    std::vector<bool> lower_bounds;
    for (std::uint16_t slot : qualification.optional_slots) {
        if (!contains(forced, slot) && stands(qualification, facts.units[slot])) {
            bool lower = false;
            pool.push_back(slot);
            candidates.push_back({suite.units[slot].glh, unit_points(suite, slot, facts, lower)});
            lower_bounds.push_back(lower);
        }
    }
    const int needed = qualification.glh - forced_glh;
    const OptionalChoice choice =
        qualification.optional_count
            ? choose_optional_count(candidates, *qualification.optional_count, needed)
            : choose_optional(candidates, needed);
    for (std::size_t i = 0; i < pool.size(); ++i) {
        const bool chosen = std::binary_search(choice.chosen.begin(), choice.chosen.end(), i);
        (chosen ? out.optional : out.not_counted).push_back(suite.units[pool[i]].number);
        if (chosen) {
            out.counted_slots.push_back(pool[i]);
            out.lower_bound = out.lower_bound || lower_bounds[i];
        }
    }
    out.points += choice.points;
    out.forced_achieved = forced_achieved;
    out.complete = forced_achieved && !choice.short_of_glh;
    return out;
}

bool Grader::points_known(const model::Qualification& qualification, const EntryFacts& facts) {
    const model::Suite& suite = *qualification.suite;
    for (const auto* slots : {&qualification.mandatory_slots, &qualification.optional_slots}) {
        for (std::uint16_t slot : *slots) {
            const UnitState state = facts.units[slot];
            const model::Unit& unit = suite.units[slot];
            if (state.outcome() == Outcome::achieved && !facts.issued_points(slot) &&
                !suite.grading->points_for(unit.glh, unit.assessment, state.grade())) {
                m_prediction.problem =
                    fmt::format("the grading of {} gives no points for {} on a {}-GLH unit "
                                "(unit {})",
                                suite.id, model::info(state.grade()).code, unit.glh, unit.number);
                return false;
            }
        }
    }
    return true;
}

const GradePrediction& Grader::predict(const model::Entry& entry, const EntryFacts& facts) {
    m_prediction = GradePrediction{};
    const model::Qualification& qualification = *entry.qualification;
    if (!qualification.suite->grading || entry.status == model::EntryStatus::withdrawn ||
        !points_known(qualification, facts)) {
        return m_prediction;
    }
    // Which pathway's units count as mandatory: the declared one; else, when one is required,
    // whichever serves the candidate best; else none (pathway units are then just optional).
    std::vector<const model::Pathway*> options{entry.declared_pathway};
    if (entry.declared_pathway == nullptr && qualification.pathway_required) {
        options.clear();
        for (const model::Pathway& pathway : qualification.pathways) {
            options.push_back(&pathway);
        }
    }
    // Best first: a complete set of units, then a pathway whose units are all achieved (so that
    // a met pathway is named ahead of an unmet one with as many points), then points.
    const auto rank = [](const Attempt& a) { return std::tuple(a.complete, a.forced_achieved, a.points); };
    Attempt best;
    bool first = true;
    for (const model::Pathway* pathway : options) {
        Attempt next = attempt(qualification, facts, pathway);
        if (first || rank(next) > rank(best)) {
            best = std::move(next);
            first = false;
        }
    }
    m_prediction.graded = true;
    m_prediction.points = best.points;
    m_prediction.complete = best.complete;
    m_prediction.lower_bound = best.lower_bound;
    m_prediction.grade_so_far = overall_grade(qualification.thresholds, best.points);
    m_prediction.counted_mandatory = std::move(best.mandatory);
    m_prediction.counted_optional = std::move(best.optional);
    m_prediction.not_counted = std::move(best.not_counted);
    m_prediction.pathway = best.pathway;
    m_counted = std::move(best.counted_slots);
    if (m_prediction.complete) {
        apply_rules(qualification, facts);
    }
    return m_prediction;
}

} // namespace qc::engine
