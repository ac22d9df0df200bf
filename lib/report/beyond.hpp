#pragma once
// What the awarding body's tracker cannot show, as text: pathway standing, move-down and
// top-up suggestions, the `report options` view and the `report moderation` view
// (docs/beyond-the-tracker.md). Rendering only: cmd/ and the engine supply the facts.

#include "engine/book.hpp"
#include "engine/judge.hpp"
#include "engine/options.hpp"
#include "moderation/moderation.hpp"
#include "report/views.hpp"
#include "util/date.hpp"

#include <optional>
#include <string>
#include <vector>

namespace qc::report {

// --- pathways ------------------------------------------------------------------------------

/// A pathway's standing in words: "met", "met once unit 8 is achieved (in progress)" or
/// "not met, needs units 9, 10".
std::string pathway_standing_words(const engine::PathwayLine& line);

/// One pathway as a sentence for the candidate view, e.g.
/// "networking (Network Technician), declared: not met, needs unit 10".
std::string pathway_sentence(const engine::PathwayLine& line);

// --- report options ---------------------------------------------------------------------------

struct OptionsLine {
    EntryLine line;
    std::vector<std::string> met_achieved;    ///< qualification codes, largest first
    std::vector<std::string> met_in_progress; ///< likewise
    std::string suggestion;
};

/// The entries with a suggestion: qualification, status, what the units meet now and with
/// units in progress, and the suggestion. With none, "No entry can move down or top up."
std::string render_options_table(const std::vector<OptionsLine>& lines, bool colour);
/// centre_number, candidate_number, surname, forename, qualification_code, result_status,
/// at_risk, met_achieved, met_in_progress (codes joined by ";"), suggestion.
std::string render_options_csv(const std::vector<OptionsLine>& lines, bool excel = false);
/// {"today", "entries": [{..., "met_achieved": [...], "met_in_progress": [...], "suggestion"}]}.
std::string render_options_json(const std::vector<OptionsLine>& lines, const util::Date& today);

// --- report moderation ------------------------------------------------------------------------

/// An entry a moderation finding affects, with its names.
struct ModerationEntry {
    std::string centre;
    std::string candidate;
    std::string surname;
    std::string forename;
    std::string qualification_code;
    std::vector<int> units;
    std::string detail;
};

struct ModerationFinding {
    std::string suite_id;
    moderation::FindingKind kind = moderation::FindingKind::claims_due;
    std::optional<model::Visit> visit;
    util::Date due;
    std::string text;
    std::vector<ModerationEntry> affected;
};

/// A suite with its visits, by date.
struct ModerationSuite {
    std::string suite_id;
    std::string title;
    std::vector<model::Visit> visits;
};

struct ModerationView {
    util::Date today;
    std::vector<ModerationSuite> suites; ///< suites with visits or findings, rules' order
    std::vector<ModerationFinding> findings;
};

/// The view of `moderation::review`'s findings, with each affected entry named.
ModerationView moderation_view(const engine::EntryBook& book, const model::RuleBook& rules,
                               const std::vector<model::Visit>& visits,
                               const std::vector<moderation::Finding>& findings,
                               const util::Date& today);

/// Per suite: its visits with their deadlines, then each finding that needs action with the
/// entries it affects (at most `k_listed` per finding; CSV and JSON list them all).
std::string render_moderation_table(const ModerationView& view, bool colour);
/// One row per finding and affected entry (a finding with none has one row):
/// suite, visit_date, visit_kind, visit_status, finding, label, due, message, centre_number,
/// candidate_number, surname, forename, qualification_code, units, detail.
std::string render_moderation_csv(const ModerationView& view, bool excel = false);
/// {"today", "suites": [{"suite", "title", "visits": [...]}], "findings": [...]}.
std::string render_moderation_json(const ModerationView& view);

/// How many affected entries the table lists under one finding.
inline constexpr std::size_t k_listed = 8;

} // namespace qc::report
