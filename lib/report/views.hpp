#pragma once
// The `report` views rendered as text: at-risk, summary, candidate, changes, checkpoint,
// alert and declarations. Rendering only: cmd/ judges and reads the store, then hands each
// view plain data. Each function returns the whole text so that tests can compare it.

#include "assess/assessment.hpp"
#include "engine/judge.hpp"
#include "engine/options.hpp"
#include "model/codes.hpp"
#include "model/series.hpp"
#include "report/results.hpp"
#include "store/records.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qc::report {

/// One entry's result as the views show it: the assessment (report/columns.hpp).
using EntryLine = assess::Assessment;

/// "Jones, Siân", or whichever part is present.
std::string display_name(std::string_view surname, std::string_view forename);

/// "150/180": GLH counted of required.
std::string glh_text(const engine::EntryResult& result);

// --- at-risk -------------------------------------------------------------------------------

/// The candidates-at-risk table: main reason, all reasons, GLH required and counted;
/// acknowledged entries marked "ack" (grey with colour). With no lines, the one sentence
/// "No candidates at risk for Summer YYYY".
std::string render_at_risk_table(const std::vector<EntryLine>& lines, model::Series current,
                                 bool colour);

// --- summary -------------------------------------------------------------------------------

/// Counts of one suite's entries.
struct SuiteCounts {
    std::string suite_id;
    std::string title;
    Tally tally;
    std::size_t transferred = 0; ///< entries counting units taken at another centre
};

struct SummaryView {
    std::vector<EntryLine> entries;
    std::vector<SuiteCounts> suites;
    std::string imported_at; ///< when the data was imported; empty when read from CSV
    model::Series current;
};

/// Every entry with status and GLH (counted, achieved, required), then one line per suite
/// with how many entries count units taken at other centres.
std::string render_summary_table(const SummaryView& view, bool colour);
/// {"current_series", "imported_at", "entries": [...], "suites": [...]}.
std::string render_summary_json(const SummaryView& view);

// --- candidate -----------------------------------------------------------------------------

/// One unit of an entry's qualification (or a row outside it), as the candidate view shows it.
struct UnitView {
    int number = 0;
    std::string title;
    int glh = 0;
    model::Assessment assessment = model::Assessment::examined;
    bool mandatory = false;
    bool in_qualification = true;
    model::UnitStatus status = model::UnitStatus::none; ///< the best row's
    model::Grade grade = model::Grade::none;
    std::string series;          ///< of the best row, when given
    std::string taken_at_centre; ///< when the best row came from another centre
};

/// An entry's predicted grade, as the candidate view shows it (see engine::GradePrediction).
struct GradeView {
    int points = 0;                     ///< points of the counted units achieved so far
    std::string predicted_grade;        ///< empty until every counted unit has a grade
    std::string grade_so_far;           ///< empty when the qualification has no thresholds
    std::vector<int> counted_mandatory; ///< unit numbers (pathway units counted as mandatory too)
    std::vector<int> counted_optional;
    std::vector<int> not_counted;       ///< achieved optional units left out
    std::string pathway;                ///< id of the pathway whose units counted as mandatory
    std::string problem;                ///< why there are no points, when there is grading data
    bool complete = false; ///< every counted unit has a grade and every rule of combination is met
};

struct CandidateEntryView {
    EntryLine line;
    std::vector<UnitView> units;
    std::vector<std::string> needs;            ///< what is missing or needs action, one sentence each
    std::vector<engine::PathwayLine> pathways; ///< standing of each pathway of the qualification
    engine::Options options;                   ///< sizes of the suite the units meet
    std::vector<std::string> notes;            ///< rows that count for nothing
    std::optional<GradeView> grade{};          ///< absent: no grading data for the suite, or withdrawn
};

/// The candidate view's sentences about a grade, e.g. "200 points; predicted grade DD".
std::vector<std::string> grade_sentences(const GradeView& grade);

/// Each entry of one candidate: heading, a unit table (units from other centres marked
/// "from centre NNNNN"), then what needs action, pathways, move-down/top-up options, the grade
/// and notes.
std::string render_candidate(const std::vector<CandidateEntryView>& entries,
                             model::Series current, bool colour);
/// The same as JSON: {"candidate_number", "entries": [{..., "units": [...], "needs": [...],
/// "pathways": [...], "options": {...}, "suggestion", "grade": {...} or null, "notes": [...]}]}.
std::string render_candidate_json(const std::vector<CandidateEntryView>& entries);

// --- changes -------------------------------------------------------------------------------

enum class ChangeKind { now_at_risk, no_longer_at_risk, reasons_changed };

/// "now at risk", "no longer at risk", "reasons changed".
std::string_view change_label(ChangeKind kind);

struct Change {
    ChangeKind kind = ChangeKind::now_at_risk;
    EntryLine line;          ///< the entry as it is now (as it was, when it has gone)
    std::string was_reasons; ///< the reasons before, as labels
};

/// The changes table, or "No changes since `since`." when there are none.
std::string render_changes_table(const std::vector<Change>& changes, const std::string& since,
                                 bool colour);
/// CSV: a `change` column, then the contract's columns.
std::string render_changes_csv(const std::vector<Change>& changes, bool excel = false);

// --- checkpoint ----------------------------------------------------------------------------

/// One subject (suite) with entries, for the term-time checkpoint.
struct SubjectLine {
    std::string suite_id;
    std::string title;
    std::size_t entries = 0;
    bool checked = false;
    std::string by; ///< who ticked it
    std::string at;
};

struct CheckpointView {
    int academic_year = 0; ///< named by the year it ends
    model::Series current;
    std::vector<SubjectLine> subjects;
    std::string term_time_submitted;    ///< "at by user", or empty
    std::string checkpoint2_submitted;  ///< likewise
    std::vector<EntryLine> due;          ///< entries due this summer, each with its blockers
};

/// "Not started", "In progress" or "Ready to submit", from the subjects' ticks.
std::string_view term_time_state(const std::vector<SubjectLine>& subjects);
/// Entries that block Checkpoint 2: with blockers and not acknowledged.
std::size_t blocking_count(const std::vector<EntryLine>& due);
std::string render_checkpoint(const CheckpointView& view, bool colour);
/// CSV of the entries due this summer: centre_number, candidate_number, surname, forename,
/// qualification_code, state (ready, blocked, acknowledged), blockers (joined by "; ").
std::string render_checkpoint_csv(const CheckpointView& view, bool excel = false);

// --- alert ---------------------------------------------------------------------------------

struct AlertView {
    std::string to;
    std::string centre_name;
    std::string centre_number;
    model::Series current;
    std::vector<EntryLine> entries; ///< unacknowledged at-risk entries
    std::string more_command;       ///< the command that shows more
};

/// An RFC 5322 message for `sendmail -t`: To, Subject, blank line, body.
std::string render_alert(const AlertView& view);

// --- declarations --------------------------------------------------------------------------

/// The audit log: id, at, user, role, action, details, data sha256 (first 12 hex digits).
std::string render_declarations_table(const std::vector<store::Declaration>& log);
std::string render_declarations_csv(const std::vector<store::Declaration>& log);
std::string render_declarations_json(const std::vector<store::Declaration>& log);

} // namespace qc::report
