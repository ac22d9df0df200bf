// The moderation codes table, the dated-row collector and the Checkpoint 2 booking test.
#include "moderation/moderation.hpp"

#include "model/series.hpp"

#include <fmt/format.h>

#include <array>

namespace qc::moderation {

namespace {

constexpr std::array<model::CodeInfo, 10> k_findings = {{
    {"entries_due", "Entries due", "entries for a visit are due 28 days before it"},
    {"claims_due", "Claims due", "claims for a visit are due 14 days before it"},
    {"late_entry", "Entry made late", "an entry was made after the entries deadline of its visit"},
    {"late_claim", "Claim made late", "a claim was made after the claims deadline of its visit"},
    {"claim_after_last_visit", "Claim after the last visit",
     "a claim is dated after the last visit booked in its academic year"},
    {"charged_visit", "Charged visit", "more than two visits for the subject area this academic year"},
    {"final_after_june", "Final visit after 30 June", "results may be late"},
    {"august_visit", "Visit in 18-31 August", "moderators do not visit from 18 to 31 August"},
    {"unclaimed_mandatory", "Mandatory unit not claimed",
     "a mandatory moderated unit has no claim and the final visit is near"},
    {"no_final_visit", "No final visit booked",
     "entries are due this summer and no final visit is booked for the academic year"},
}};

bool is_dated_row(model::UnitStatus status) {
    return status == model::UnitStatus::claim_submitted ||
           status == model::UnitStatus::claim_sampled || status == model::UnitStatus::entry_received;
}

} // namespace

const model::CodeInfo& info(FindingKind kind) { return k_findings.at(static_cast<std::size_t>(kind)); }

bool needs_action(FindingKind kind) {
    return kind != FindingKind::entries_due && kind != FindingKind::claims_due;
}

bool in_late_august(const util::Date& date) { return date.month == 8 && date.day >= 18; }

std::optional<model::Problem> DatedRowCollector::add_entry(model::Entry entry) {
    return m_book.add_entry(std::move(entry));
}

std::optional<model::Problem> DatedRowCollector::add_unit_row(const model::UnitRow& row) {
    auto problem = m_book.add_unit_row(row);
    if (problem || !row.date.valid() || !is_dated_row(row.status)) {
        return problem;
    }
    for (std::size_t at : m_book.entries_of(row.centre, row.candidate)) {
        const model::Qualification& qualification = *m_book.entry(at).qualification;
        const auto slot = qualification.suite->slot_of(row.unit);
        if ((!row.qualification_code.empty() && row.qualification_code != qualification.code) ||
            !slot || qualification.suite->units[*slot].assessment != model::Assessment::moderated) {
            continue;
        }
        rows.push_back(DatedRow{at, row.unit, row.status != model::UnitStatus::entry_received,
                                row.date, row.line});
    }
    return std::nullopt;
}

std::optional<std::string> final_visit_blocker(const model::Suite& suite,
                                               const std::vector<model::Visit>& visits,
                                               int academic_year) {
    const model::Visit* august = nullptr;
    for (const model::Visit& visit : visits) {
        if (visit.suite != &suite || visit.kind != model::VisitKind::final ||
            model::academic_year(visit.date) != academic_year) {
            continue;
        }
        if (!in_late_august(visit.date)) {
            return std::nullopt;
        }
        august = &visit;
    }
    if (august != nullptr) {
        return fmt::format("the final moderation visit for {} on {} falls in 18-31 August, when "
                           "moderators do not visit",
                           suite.id, util::to_iso(august->date));
    }
    return fmt::format("no final moderation visit booked for {}", suite.id);
}

} // namespace qc::moderation
