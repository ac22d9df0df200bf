// Pathway standing: which of a qualification's pathways an entry's units satisfy.
#include "engine/judge.hpp"

namespace qc::engine {

using model::Outcome;

bool pathway_met(const model::Pathway& pathway, const EntryFacts& facts, bool strict) {
    for (std::uint16_t slot : pathway.mandatory_slots) {
        const Outcome outcome = facts.units[slot].outcome();
        if (strict ? outcome != Outcome::achieved : outcome < Outcome::ria_pending) {
            return false;
        }
    }
    return true;
}

std::vector<PathwayLine> pathway_standing(const model::Entry& entry, const EntryFacts& facts) {
    std::vector<PathwayLine> lines;
    for (const model::Pathway& pathway : entry.qualification->pathways) {
        PathwayLine line;
        line.pathway = &pathway;
        line.declared = entry.declared_pathway == &pathway;
        line.met_achieved = pathway_met(pathway, facts, true);
        line.met_in_progress = pathway_met(pathway, facts, false);
        for (std::size_t i = 0; i < pathway.mandatory_slots.size(); ++i) {
            const Outcome outcome = facts.units[pathway.mandatory_slots[i]].outcome();
            if (outcome < Outcome::ria_pending) {
                line.still_needed.push_back(pathway.mandatory[i]);
            } else if (outcome != Outcome::achieved) {
                line.awaiting.push_back(pathway.mandatory[i]);
            }
        }
        lines.push_back(std::move(line));
    }
    return lines;
}

} // namespace qc::engine
