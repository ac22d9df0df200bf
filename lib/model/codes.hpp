#pragma once
// Every code that is stored in SQLite or printed in CSV/JSON comes from one table here
// (code, label, meaning). Codes are persisted: add at the end, never renumber or rename.

#include <cstdint>
#include <optional>
#include <string_view>

namespace qc::model {

/// How a unit is assessed.
enum class Assessment : std::uint8_t { examined = 0, moderated = 1 };

/// A unit row's status in the awarding body's vocabulary (contract section 3).
enum class UnitStatus : std::uint8_t {
    none = 0, ///< no row at all (never read from input)
    result_achieved = 1,
    entry_received = 2,
    claim_submitted = 3,
    claim_sampled = 4,
    absent = 5,
    ria_received = 6,
    ria_pending = 7,
    /// The unit entry was withdrawn: the row counts for nothing and becomes a note. It never
    /// reaches a unit's state (which holds statuses 0-7 in three bits).
    withdrawn = 8,
};

/// A unit grade. `R` is OCR's Level 3 examined near pass, `N` Pearson's near pass on external
/// units (added last: grades are stored by value); `U` covers "Not achieved", NA and 1C. Compare
/// grades with grade_rank, not by value.
enum class Grade : std::uint8_t { none = 0, u = 1, r = 2, p = 3, m = 4, d = 5, dstar = 6, n = 7 };

/// A grade's place in the order none < U < R < N < P < M < D < D* (0 to 7).
constexpr int grade_rank(Grade grade) {
    switch (grade) {
    case Grade::none: return 0;
    case Grade::u: return 1;
    case Grade::r: return 2;
    case Grade::n: return 3;
    case Grade::p: return 4;
    case Grade::m: return 5;
    case Grade::d: return 6;
    case Grade::dstar: return 7;
    }
    return 0;
}

/// What a unit's rows add up to for an entry, best first when compared by rank.
enum class Outcome : std::uint8_t {
    none = 0,
    not_achieved = 1,
    absent = 2,
    ria_pending = 3, ///< counts as in progress for GLH but raises its own reason
    in_progress = 4,
    achieved = 5,
};

/// Why an entry is not eligible, in order of precedence (the first that holds is the main one).
enum class ReasonCode : std::uint8_t {
    no_activity = 0,
    absent_mandatory_exam = 1,
    mandatory_unit_missing = 2,
    ria_pending = 3,
    pathway_units_missing = 4,
    insufficient_glh = 5,
};
inline constexpr int k_reason_count = 6;

/// Whether an entry will get a result.
enum class ResultStatus : std::uint8_t { eligible = 0, not_eligible = 1, withdrawn = 2 };

/// An entry's own status in candidates.csv.
enum class EntryStatus : std::uint8_t { active = 0, withdrawn = 1 };

/// One row of a code table.
struct CodeInfo {
    std::string_view code;  ///< stable machine code, as stored and printed
    std::string_view label; ///< what people read
    std::string_view meaning;
};

const CodeInfo& info(UnitStatus status);
const CodeInfo& info(Grade grade);
const CodeInfo& info(Outcome outcome);
const CodeInfo& info(ReasonCode reason);
const CodeInfo& info(ResultStatus status);
const CodeInfo& info(Assessment assessment);

/// Reads a unit status from its code or any accepted label ("Claim submitted",
/// "Pending"), ignoring case, spaces and punctuation.
std::optional<UnitStatus> parse_unit_status(std::string_view text);
/// Reads a grade: D*, D, M, P, N, R, U, and "Not achieved", NA, 1C as U; also the full words
/// Distinction*, Distinction, Merit, Pass.
std::optional<Grade> parse_grade(std::string_view text);
/// Reads "examined" or "moderated".
std::optional<Assessment> parse_assessment(std::string_view text);
std::optional<EntryStatus> parse_entry_status(std::string_view text);
std::optional<ReasonCode> parse_reason_code(std::string_view code);

/// The outcome one row contributes: achieved needs result_achieved with a passing grade
/// (R and N count); result_achieved with U (or no grade) is not achieved. Inline: judging calls it
/// for every unit of every size of a suite, a million entries over.
constexpr Outcome outcome_of(UnitStatus status, Grade grade) {
    switch (status) {
    case UnitStatus::none:
        return Outcome::none;
    case UnitStatus::result_achieved:
        return grade >= Grade::r ? Outcome::achieved : Outcome::not_achieved;
    case UnitStatus::entry_received:
    case UnitStatus::claim_submitted:
    case UnitStatus::claim_sampled:
    case UnitStatus::ria_received:
        return Outcome::in_progress;
    case UnitStatus::absent:
        return Outcome::absent;
    case UnitStatus::ria_pending:
        return Outcome::ria_pending;
    case UnitStatus::withdrawn:
        return Outcome::none;
    }
    return Outcome::none;
}

/// True for P, M, D, D*, R and N.
constexpr bool is_pass(Grade grade) { return grade >= Grade::r; }

/// True when the unit has at least grade `minimum` (by grade_rank).
constexpr bool at_least(Grade grade, Grade minimum) { return grade_rank(grade) >= grade_rank(minimum); }

/// Orders two rows of one unit: the one with the better outcome wins; on a tie the better
/// grade, then the later status code, so that the result is the same in any row order.
bool better_row(UnitStatus a_status, Grade a_grade, UnitStatus b_status, Grade b_grade);

} // namespace qc::model
