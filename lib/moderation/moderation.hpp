#pragma once
// Moderation deadlines (docs/beyond-the-tracker.md): from the visits booked for each suite
// (subject area), the dated unit rows and the entries, which deadlines apply and what breaks
// them: claims due 14 days and entries due 28 days before a visit, late claims and entries,
// final visits after 30 June, visits in 18-31 August, more than two visits in an academic
// year, and mandatory moderated units with no claim as the final visit approaches. Pure: no
// I/O, no printing; `report moderation` and Checkpoint 2 read the same facts.

#include "engine/book.hpp"
#include "model/codes.hpp"
#include "model/entry.hpp"
#include "model/facts.hpp"
#include "util/date.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace qc::moderation {

inline constexpr int k_claim_days = 14;      ///< claims at least two weeks before a visit
inline constexpr int k_entry_days = 28;      ///< entries at least four weeks before a visit
inline constexpr int k_approaching_days = 42; ///< "the final visit approaches": six weeks
inline constexpr int k_free_visits = 2;       ///< free visits per subject area and year

/// A dated row of a moderated unit: a claim (claim submitted or sampled) or a unit entry
/// (entry received), with the entry it counted for.
struct DatedRow {
    std::size_t entry = 0;
    int unit = 0;
    bool claim = true; ///< false: a unit entry
    util::Date date;
    long line = 0;
};

/// Passes facts on to the grouping table and keeps the dated rows of moderated units that
/// belong to the candidate's own entries (rows brought by UCI from another centre are not
/// this centre's claims).
class DatedRowCollector final : public model::FactSink {
public:
    explicit DatedRowCollector(engine::EntryBook& book) : m_book(book) {}
    std::optional<model::Problem> add_entry(model::Entry entry) override;
    std::optional<model::Problem> add_unit_row(const model::UnitRow& row) override;
    std::vector<DatedRow> rows;

private:
    engine::EntryBook& m_book;
};

/// What a finding is about. Codes are printed in CSV and JSON: add at the end only.
enum class FindingKind : std::uint8_t {
    entries_due,            ///< the entries deadline of a visit (information)
    claims_due,             ///< the claims deadline of a visit (information)
    late_entry,             ///< an entry made after the entries deadline of its visit
    late_claim,             ///< a claim made after the claims deadline of its visit
    claim_after_last_visit, ///< a claim dated after the last visit booked that year
    charged_visit,          ///< a visit beyond the two free ones of the year
    final_after_june,       ///< a final visit after 30 June: results may be late
    august_visit,           ///< a visit between 18 and 31 August: not possible
    unclaimed_mandatory,    ///< mandatory moderated units with no claim, final visit near
    no_final_visit,         ///< entries due this summer, no final visit booked
};

/// Code, label and meaning of a finding kind.
const model::CodeInfo& info(FindingKind kind);
/// False for the two deadlines, which are information; true for the rest.
bool needs_action(FindingKind kind);

/// One entry a finding affects, and how.
struct Affected {
    std::size_t entry = 0;
    std::vector<int> units;
    std::string detail; ///< e.g. "unit 7 claimed 2027-02-01", "entered 2027-01-12"
};

struct Finding {
    const model::Suite* suite = nullptr;
    FindingKind kind = FindingKind::claims_due;
    std::optional<model::Visit> visit; ///< the visit concerned, if one
    util::Date due;                    ///< the deadline, where one applies (else year 0)
    std::string text;                  ///< one sentence
    std::vector<Affected> affected;
};

/// Every finding for every suite with visits or entries: suites in the rules' order, then
/// by visit date, then by kind; findings about no visit in particular last. Withdrawn entries
/// (and their dated rows) are left out.
std::vector<Finding> review(const engine::EntryBook& book, const model::RuleBook& rules,
                            const std::vector<model::Visit>& visits,
                            const std::vector<DatedRow>& rows, const util::Date& today);

/// Why `suite` has no usable final visit in `academic_year` (none booked, or only in 18-31
/// August), or nullopt when one is booked. Checkpoint 2 blocks on this.
std::optional<std::string> final_visit_blocker(const model::Suite& suite,
                                               const std::vector<model::Visit>& visits,
                                               int academic_year);

/// True for a date from 18 to 31 August.
bool in_late_august(const util::Date& date);

} // namespace qc::moderation
