// review(): the moderation findings of each suite, visit by visit.
#include "moderation/moderation.hpp"

#include "model/series.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>

namespace qc::moderation {

namespace {

using model::Visit;
using util::Date;

std::string_view kind_word(const Visit& visit) {
    return visit.kind == model::VisitKind::final ? "final" : "interim";
}

std::string visit_words(const Visit& visit) {
    return fmt::format("the {} visit on {}", kind_word(visit), util::to_iso(visit.date));
}

std::string year_words(int academic_year) {
    return fmt::format("{}-{}", academic_year - 1, academic_year);
}

// Active entries of the suite due in `series` whose qualification has a moderated unit.
std::vector<Affected> due_entries(const engine::EntryBook& book, const model::Suite& suite,
                                  model::Series series) {
    std::vector<Affected> found;
    for (std::size_t i = 0; i < book.size(); ++i) {
        const model::Entry& entry = book.entry(i);
        if (entry.qualification->suite == &suite && entry.status == model::EntryStatus::active &&
            entry.ecd == series && entry.qualification->needs_visits()) {
            found.push_back(Affected{i, {}, {}});
        }
    }
    return found;
}

// The visit a dated row or entry is for: the first of the suite's visits on or after its date
// in the same academic year (visits sorted by date).
const Visit* visit_for(const std::vector<Visit>& visits, const Date& date) {
    for (const Visit& visit : visits) {
        if (visit.date >= date && model::academic_year(visit.date) == model::academic_year(date)) {
            return &visit;
        }
    }
    return nullptr;
}

// Groups per entry, in entry order: one Affected per entry with its units and details.
class Grouped {
public:
    void add(std::size_t entry, int unit, std::string detail) {
        Affected& affected = m_by_entry[entry];
        affected.entry = entry;
        if (unit > 0) {
            affected.units.push_back(unit);
        }
        affected.detail += (affected.detail.empty() ? "" : "; ") + detail;
    }
    std::vector<Affected> take() {
        std::vector<Affected> out;
        for (auto& [entry, affected] : m_by_entry) {
            out.push_back(std::move(affected));
        }
        return out;
    }

private:
    std::map<std::size_t, Affected> m_by_entry;
};

// Mandatory moderated units neither claimed nor achieved.
std::vector<int> unclaimed_mandatory(const model::Qualification& qualification,
                                     const engine::EntryFacts& facts) {
    std::vector<int> units;
    for (std::uint16_t slot : qualification.mandatory_slots) {
        const model::Unit& unit = qualification.suite->units[slot];
        const engine::UnitState state = facts.units[slot];
        const bool claimed = state.status() == model::UnitStatus::claim_submitted ||
                             state.status() == model::UnitStatus::claim_sampled ||
                             state.outcome() == model::Outcome::achieved;
        if (unit.assessment == model::Assessment::moderated && !claimed) {
            units.push_back(unit.number);
        }
    }
    return units;
}

struct SuiteReview {
    const engine::EntryBook& book;
    const model::Suite& suite;
    std::vector<Visit> visits; ///< the suite's, by date
    std::vector<DatedRow> rows;
    Date today;
    std::vector<Finding> findings;

    void add(FindingKind kind, const Visit* visit, Date due, std::string text,
             std::vector<Affected> affected = {}) {
        findings.push_back(Finding{&suite, kind, visit ? std::optional<Visit>(*visit) : std::nullopt,
                                   due, std::move(text), std::move(affected)});
    }

    void late_entries(const Visit& visit, Date due) {
        Grouped late;
        for (std::size_t i = 0; i < book.size(); ++i) {
            const model::Entry& entry = book.entry(i);
            if (entry.qualification->suite == &suite && entry.status == model::EntryStatus::active &&
                entry.entry_date.valid() && entry.entry_date > due &&
                visit_for(visits, entry.entry_date) == &visit) {
                late.add(i, 0, fmt::format("entered for {} on {}", entry.qualification->code,
                                           util::to_iso(entry.entry_date)));
            }
        }
        for (const DatedRow& row : rows) {
            if (!row.claim && row.date > due && visit_for(visits, row.date) == &visit) {
                late.add(row.entry, row.unit,
                         fmt::format("unit {} entered {}", row.unit, util::to_iso(row.date)));
            }
        }
        std::vector<Affected> affected = late.take();
        if (!affected.empty()) {
            add(FindingKind::late_entry, &visit, due,
                fmt::format("entries made after the deadline of {} for {}", util::to_iso(due),
                            visit_words(visit)),
                std::move(affected));
        }
    }

    void late_claims(const Visit& visit, Date due) {
        Grouped late;
        for (const DatedRow& row : rows) {
            if (row.claim && row.date > due && visit_for(visits, row.date) == &visit) {
                late.add(row.entry, row.unit,
                         fmt::format("unit {} claimed {}", row.unit, util::to_iso(row.date)));
            }
        }
        std::vector<Affected> affected = late.take();
        if (!affected.empty()) {
            add(FindingKind::late_claim, &visit, due,
                fmt::format("claims made after the deadline of {} for {}", util::to_iso(due),
                            visit_words(visit)),
                std::move(affected));
        }
    }

    void unclaimed(const Visit& visit) {
        const long days = util::days_since_epoch(visit.date) - util::days_since_epoch(today);
        if (visit.kind != model::VisitKind::final || visit.status != model::VisitStatus::scheduled ||
            days < 0 || days > k_approaching_days) {
            return;
        }
        std::vector<Affected> affected;
        for (Affected& due : due_entries(book, suite, model::current_series(visit.date))) {
            const model::Qualification& qualification = *book.entry(due.entry).qualification;
            due.units = unclaimed_mandatory(qualification, book.facts(due.entry));
            if (!due.units.empty()) {
                due.detail = fmt::format("no claim for unit{} {}", due.units.size() == 1 ? "" : "s",
                                         fmt::join(due.units, ", "));
                affected.push_back(std::move(due));
            }
        }
        if (!affected.empty()) {
            add(FindingKind::unclaimed_mandatory, &visit, util::add_days(visit.date, -k_claim_days),
                fmt::format("mandatory moderated units with no claim, {} day{} before {} (claims "
                            "due by {})",
                            days, days == 1 ? "" : "s", visit_words(visit),
                            util::to_iso(util::add_days(visit.date, -k_claim_days))),
                std::move(affected));
        }
    }

    void visit_findings(const Visit& visit, int number_in_year) {
        const Date entries_due = util::add_days(visit.date, -k_entry_days);
        const Date claims_due = util::add_days(visit.date, -k_claim_days);
        add(FindingKind::entries_due, &visit, entries_due,
            fmt::format("entries for {} are due by {}", visit_words(visit), util::to_iso(entries_due)));
        add(FindingKind::claims_due, &visit, claims_due,
            fmt::format("claims for {} are due by {}", visit_words(visit), util::to_iso(claims_due)));
        late_entries(visit, entries_due);
        late_claims(visit, claims_due);
        if (number_in_year > k_free_visits) {
            add(FindingKind::charged_visit, &visit, {},
                fmt::format("{} is visit {} of {}: only {} per subject area are free, so it is "
                            "charged",
                            visit_words(visit), number_in_year,
                            year_words(model::academic_year(visit.date)), k_free_visits));
        }
        const model::Series series = model::current_series(visit.date);
        if (in_late_august(visit.date)) {
            add(FindingKind::august_visit, &visit, {},
                fmt::format("{} falls in 18-31 August, when moderators do not visit", visit_words(visit)),
                visit.kind == model::VisitKind::final ? due_entries(book, suite, series)
                                                      : std::vector<Affected>{});
        } else if (visit.kind == model::VisitKind::final && visit.date.month >= 7) {
            add(FindingKind::final_after_june, &visit, {},
                fmt::format("{} is after 30 June: results may be late", visit_words(visit)),
                due_entries(book, suite, series));
        }
        unclaimed(visit);
    }

    void claims_after_last_visit() {
        std::map<int, Grouped> by_year;
        for (const DatedRow& row : rows) {
            if (row.claim && visit_for(visits, row.date) == nullptr) {
                by_year[model::academic_year(row.date)].add(
                    row.entry, row.unit, fmt::format("unit {} claimed {}", row.unit, util::to_iso(row.date)));
            }
        }
        for (auto& [year, grouped] : by_year) {
            add(FindingKind::claim_after_last_visit, nullptr, {},
                fmt::format("claims with no visit booked on or after their date in {}", year_words(year)),
                grouped.take());
        }
    }

    void no_final_visit() {
        const int year = model::academic_year(today);
        std::vector<Affected> due = due_entries(book, suite, model::current_series(today));
        if (due.empty()) {
            return;
        }
        if (auto blocker = final_visit_blocker(suite, visits, year)) {
            add(FindingKind::no_final_visit, nullptr, {},
                fmt::format("{} ({})", *blocker, year_words(year)), std::move(due));
        }
    }

    void run() {
        std::map<int, int> visits_in_year;
        for (const Visit& visit : visits) {
            visit_findings(visit, ++visits_in_year[model::academic_year(visit.date)]);
        }
        claims_after_last_visit();
        no_final_visit();
    }
};

} // namespace

std::vector<Finding> review(const engine::EntryBook& book, const model::RuleBook& rules,
                            const std::vector<model::Visit>& visits,
                            const std::vector<DatedRow>& rows, const util::Date& today) {
    std::vector<Finding> findings;
    for (const auto& suite : rules.suites()) {
        if (suite->moderation == model::Moderation::none) {
            continue; // no visits, claims or deadlines to review (docs/rules.md)
        }
        SuiteReview one{book, *suite, {}, {}, today, {}};
        for (const Visit& visit : visits) {
            if (visit.suite == suite.get()) {
                one.visits.push_back(visit);
            }
        }
        std::stable_sort(one.visits.begin(), one.visits.end(),
                         [](const Visit& a, const Visit& b) { return a.date < b.date; });
        // A withdrawn entry's claims and entries no longer concern its moderation.
        for (const DatedRow& row : rows) {
            const model::Entry& entry = book.entry(row.entry);
            if (entry.qualification->suite == suite.get() && entry.status == model::EntryStatus::active) {
                one.rows.push_back(row);
            }
        }
        one.run();
        std::move(one.findings.begin(), one.findings.end(), std::back_inserter(findings));
    }
    return findings;
}

} // namespace qc::moderation
