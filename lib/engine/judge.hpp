#pragma once
// Judging one entry (contract section 4): pure functions of the rules and the entry's facts.

#include "engine/book.hpp"
#include "model/codes.hpp"
#include "model/entry.hpp"
#include "model/series.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace qc::engine {

/// The result of one entry, small enough to keep a million of them.
struct EntryResult {
    model::ResultStatus status = model::ResultStatus::eligible;
    std::uint8_t reasons = 0; ///< bit i set when model::ReasonCode i holds
    bool at_risk = false;
    bool acknowledged = false;
    int glh_required = 0;
    int glh_counted = 0;
    int glh_achieved = 0;

    bool has(model::ReasonCode reason) const {
        return (reasons >> static_cast<unsigned>(reason)) & 1u;
    }
    /// The main reason: the first that holds in the contract's order.
    std::optional<model::ReasonCode> main_reason() const;
    /// Every reason that holds, in the contract's order.
    std::vector<model::ReasonCode> reason_list() const;
};

/// The at-risk rule: an entry is at risk when it will not get a result and is due in the
/// current series.
constexpr bool at_risk(model::ResultStatus status, model::Series ecd, model::Series current) {
    return status == model::ResultStatus::not_eligible && ecd == current;
}

/// Judges one entry. `current` is the current series for --today; `acknowledged` comes from
/// the centre's statements (always false when checking CSV files directly).
EntryResult judge(const model::Entry& entry, const EntryFacts& facts, model::Series current,
                  bool acknowledged);

/// Whether a pathway's mandatory units are all achieved (strict) or all achieved or in
/// progress (strict = false).
bool pathway_met(const model::Pathway& pathway, const EntryFacts& facts, bool strict);

/// How many units that count for the entry (mandatory or optional for its qualification, and
/// achieved, in progress or RIA pending) have their winning row from another centre.
int transferred_units(const model::Entry& entry, const EntryFacts& facts);

/// Pathway standing of an entry, one per pathway of its qualification.
struct PathwayLine {
    const model::Pathway* pathway = nullptr;
    bool declared = false;         ///< the entry declares this pathway
    bool met_achieved = false;     ///< all its units achieved
    bool met_in_progress = false;  ///< all achieved or in progress (or RIA pending)
    std::vector<int> still_needed; ///< units neither achieved nor in progress
    std::vector<int> awaiting;     ///< units in progress (or RIA pending), not yet achieved
};

/// The standing of every pathway of the entry's qualification, in the rules' order (empty
/// when it has none).
std::vector<PathwayLine> pathway_standing(const model::Entry& entry, const EntryFacts& facts);

/// Why one reason holds, for JSON and the candidate view.
struct ReasonDetail {
    model::ReasonCode code = model::ReasonCode::no_activity;
    std::vector<int> units; ///< the units concerned (numbers), where the reason names units
    int glh_short = 0;      ///< for insufficient_glh
    std::string text;       ///< one sentence, e.g. "mandatory unit 4 (moderated): no claim"
};

/// One unit of the entry's qualification (or a row outside it), as shown to people.
struct UnitLine {
    const model::Unit* unit = nullptr;
    std::uint16_t slot = 0;
    bool mandatory = false;
    bool in_qualification = false;
    UnitState state;
    std::string taken_at_centre; ///< when the winning row came from another centre
    std::string transfer_series; ///< that row's series, when given
};

/// Everything behind a result: per unit, per reason, per pathway.
struct Explanation {
    std::vector<UnitLine> units;      ///< the qualification's units, mandatory first, then rows outside it
    std::vector<ReasonDetail> reasons;
    std::vector<PathwayLine> pathways;
};

/// Explains a result (used for JSON and reports, not on the hot path).
Explanation explain(const EntryBook& book, std::size_t entry, const EntryResult& result);

} // namespace qc::engine
