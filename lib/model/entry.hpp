#pragma once
// The facts read from a centre's exports: entries (candidates.csv) and unit rows (units.csv).

#include "model/codes.hpp"
#include "model/rules.hpp"
#include "model/series.hpp"
#include "util/date.hpp"

#include <string>
#include <string_view>

namespace qc::model {

/// One candidate registered for one qualification.
struct Entry {
    std::string centre;    ///< 5 digits, leading zeros kept
    std::string candidate; ///< 4 digits, leading zeros kept
    std::string uci;
    std::string surname;
    std::string forename;
    const Qualification* qualification = nullptr;
    Series ecd;                ///< estimated completion: given, or derived from entry_date
    bool ecd_derived = false;  ///< true when ECD came from entry_date
    util::Date entry_date;     ///< year 0 when not given
    const Pathway* declared_pathway = nullptr;
    EntryStatus status = EntryStatus::active;
    long line = 0;             ///< line of the row in its file (0 when not from a file)
};

/// One unit row: an attempt, entry or claim. Views are valid only during the call that
/// receives the row.
struct UnitRow {
    std::string_view centre;    ///< the candidate's centre (defaulted by the reader)
    std::string_view candidate;
    int unit = 0;
    UnitStatus status = UnitStatus::none;
    Grade grade = Grade::none;
    std::string_view qualification_code; ///< empty: applies to every matching entry
    std::string_view taken_at_centre;    ///< empty unless achieved at another centre
    std::string_view series;
    util::Date date;                     ///< year 0 when not given
    std::string_view uci;                ///< empty unless the units export has a UCI column
    long line = 0;
    int points = -1; ///< the unit's points as the awarding body issued them; -1: not given
};

/// A moderation visit (visits.csv).
enum class VisitKind : std::uint8_t { interim = 0, final = 1 };
enum class VisitStatus : std::uint8_t { scheduled = 0, completed = 1 };

struct Visit {
    const Suite* suite = nullptr;
    util::Date date;
    VisitKind kind = VisitKind::final;
    VisitStatus status = VisitStatus::scheduled;
    long line = 0;
};

/// Packs a centre and candidate number (both all digits) into one key: centre * 10^4 +
/// candidate. Returns 0 when either is not all digits of the right length.
std::uint32_t candidate_key(std::string_view centre, std::string_view candidate);

} // namespace qc::model
