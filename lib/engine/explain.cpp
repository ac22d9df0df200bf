// explain(): the "why" behind a result, for JSON output and the candidate view.
#include "engine/judge.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace qc::engine {

using model::Outcome;
using model::ReasonCode;

namespace {

std::string what_is_missing(const model::Unit& unit, const UnitState& state) {
    const bool examined = unit.assessment == model::Assessment::examined;
    switch (state.outcome()) {
    case Outcome::none:
        return examined ? "no entry" : "no claim";
    case Outcome::not_achieved:
        return "not achieved (U)";
    case Outcome::absent:
        return "absent";
    default:
        return "ok";
    }
}

std::vector<UnitLine> unit_lines(const EntryBook& book, std::size_t entry) {
    const model::Qualification& qualification = *book.entry(entry).qualification;
    const model::Suite& suite = *qualification.suite;
    const EntryFacts facts = book.facts(entry);
    std::vector<UnitLine> lines;
    auto add = [&](std::uint16_t slot, bool mandatory, bool in_qualification) {
        const Transfer* transfer = book.transfer(entry, slot);
        lines.push_back(UnitLine{&suite.units[slot], slot, mandatory, in_qualification,
                                 facts.units[slot], transfer ? transfer->centre : std::string(),
                                 transfer ? transfer->series : std::string()});
    };
    for (std::uint16_t slot : qualification.mandatory_slots) {
        add(slot, true, true);
    }
    for (std::uint16_t slot : qualification.optional_slots) {
        add(slot, false, true);
    }
    for (std::uint16_t slot = 0; slot < suite.units.size(); ++slot) {
        if (!qualification.counts(slot) && facts.units[slot].has_row()) {
            add(slot, false, false);
        }
    }
    return lines;
}

ReasonDetail mandatory_detail(const model::Qualification& qualification,
                              const std::vector<UnitLine>& units, ReasonCode code) {
    ReasonDetail detail{code, {}, 0, {}};
    std::vector<std::string> parts;
    for (const UnitLine& line : units) {
        if (!line.mandatory) {
            continue;
        }
        const Outcome outcome = line.state.outcome();
        const bool examined = line.unit->assessment == model::Assessment::examined;
        const bool holds = code == ReasonCode::absent_mandatory_exam
                               ? (outcome == Outcome::absent && examined)
                               : (outcome == Outcome::none || outcome == Outcome::not_achieved ||
                                  (outcome == Outcome::absent && !examined));
        const bool below = code == ReasonCode::mandatory_unit_missing && !holds &&
                           below_minimum(qualification, line.slot, line.state);
        if (holds || below) {
            detail.units.push_back(line.unit->number);
            parts.push_back(fmt::format(
                "mandatory {} unit {}: {}", model::info(line.unit->assessment).code,
                line.unit->number,
                below ? fmt::format("grade {}, needs at least {}", model::info(line.state.grade()).code,
                                    model::info(qualification.minimum_grade(line.slot)).code)
                      : what_is_missing(*line.unit, line.state)));
        }
    }
    detail.text = fmt::format("{}", fmt::join(parts, "; "));
    return detail;
}

ReasonDetail pathway_detail(const model::Entry& entry, const std::vector<PathwayLine>& pathways) {
    ReasonDetail detail{ReasonCode::pathway_units_missing, {}, 0, {}};
    std::vector<std::string> parts;
    for (const PathwayLine& line : pathways) {
        if (entry.declared_pathway != nullptr && line.pathway != entry.declared_pathway) {
            continue;
        }
        if (!line.met_in_progress) {
            parts.push_back(fmt::format("{} needs unit{} {}", line.pathway->id,
                                        line.still_needed.size() == 1 ? "" : "s",
                                        fmt::join(line.still_needed, ", ")));
            detail.units.insert(detail.units.end(), line.still_needed.begin(),
                                line.still_needed.end());
        }
    }
    const std::string prefix =
        entry.declared_pathway != nullptr ? "declared pathway not met: " : "no pathway is met: ";
    detail.text = prefix + fmt::format("{}", fmt::join(parts, "; "));
    return detail;
}

// Too few GLH counted, or (pass_glh) too few that are or may be at Pass or above.
ReasonDetail glh_detail(const model::Qualification& qualification, const EntryFacts& facts,
                        const EntryResult& result) {
    std::vector<std::string> parts;
    int short_by = 0;
    if (result.glh_counted < result.glh_required) {
        short_by = result.glh_required - result.glh_counted;
        parts.push_back(fmt::format("GLH counted {} of {} required: {} short", result.glh_counted,
                                    result.glh_required, short_by));
    }
    const int passing = pass_glh_reachable(qualification, facts);
    if (qualification.pass_glh > 0 && passing < qualification.pass_glh) {
        short_by = std::max(short_by, qualification.pass_glh - passing);
        parts.push_back(fmt::format("GLH at Pass or above (or in progress) {} of {} required: {} "
                                    "short",
                                    passing, qualification.pass_glh,
                                    qualification.pass_glh - passing));
    }
    return {ReasonCode::insufficient_glh, {}, short_by, fmt::format("{}", fmt::join(parts, "; "))};
}

} // namespace

Explanation explain(const EntryBook& book, std::size_t index, const EntryResult& result) {
    const model::Entry& entry = book.entry(index);
    Explanation out;
    out.units = unit_lines(book, index);
    out.pathways = pathway_standing(entry, book.facts(index));
    for (ReasonCode code : result.reason_list()) {
        switch (code) {
        case ReasonCode::no_activity:
            out.reasons.push_back({code, {}, 0,
                                   fmt::format("no unit rows for any unit of {}",
                                               entry.qualification->code)});
            break;
        case ReasonCode::absent_mandatory_exam:
        case ReasonCode::mandatory_unit_missing:
            out.reasons.push_back(mandatory_detail(*entry.qualification, out.units, code));
            break;
        case ReasonCode::ria_pending: {
            ReasonDetail detail{code, {}, 0, {}};
            for (const UnitLine& line : out.units) {
                if (line.in_qualification && line.state.outcome() == Outcome::ria_pending) {
                    detail.units.push_back(line.unit->number);
                }
            }
            detail.text = fmt::format("RIA pending for unit{} {}", detail.units.size() == 1 ? "" : "s",
                                      fmt::join(detail.units, ", "));
            out.reasons.push_back(std::move(detail));
            break;
        }
        case ReasonCode::pathway_units_missing:
            out.reasons.push_back(pathway_detail(entry, out.pathways));
            break;
        case ReasonCode::insufficient_glh:
            out.reasons.push_back(glh_detail(*entry.qualification, book.facts(index), result));
            break;
        }
    }
    return out;
}

} // namespace qc::engine
