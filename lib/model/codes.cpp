#include "model/codes.hpp"

#include "util/strings.hpp"

#include <array>
#include <initializer_list>
#include <utility>

namespace qc::model {

namespace {

constexpr std::array<CodeInfo, 9> k_unit_statuses{{
    {"none", "No entry", "no row for this unit"},
    {"result_achieved", "Result achieved", "a result has been issued for the unit"},
    {"entry_received", "Entry received", "entered for an examination this series"},
    {"claim_submitted", "Claim submitted", "a claim has been made for a moderation visit"},
    {"claim_sampled", "Claim sampled", "the moderator has picked the sample"},
    {"absent", "Absent", "the candidate was absent from the examination"},
    {"ria_received", "RIA received", "a reduction in assessment request has been received"},
    {"ria_pending", "RIA pending", "a reduction in assessment request is still pending"},
    {"withdrawn", "Withdrawn", "the unit entry was withdrawn; the row counts for nothing"},
}};

constexpr std::array<CodeInfo, 8> k_grades{{
    {"", "", "no grade"},
    {"U", "Unclassified", "not achieved"},
    {"R", "Near pass", "Level 3 examined near pass; counts as achieved"},
    {"P", "Pass", "pass"},
    {"M", "Merit", "merit"},
    {"D", "Distinction", "distinction"},
    {"D*", "Distinction*", "distinction star"},
    {"N", "Near pass", "near pass on an externally assessed unit (Pearson); counts as achieved"},
}};

constexpr std::array<CodeInfo, 6> k_outcomes{{
    {"none", "None", "no row for the unit"},
    {"not_achieved", "Not achieved", "a result was issued with grade U"},
    {"absent", "Absent", "absent from the examination"},
    {"ria_pending", "RIA pending", "in progress, with a reduction in assessment request pending"},
    {"in_progress", "In progress", "entered, claimed or sampled; no result yet"},
    {"achieved", "Achieved", "a result with a pass grade (P, M, D, D* or R)"},
}};

constexpr std::array<CodeInfo, k_reason_count> k_reasons{{
    {"no_activity", "No activity", "no rows for any unit of this qualification"},
    {"absent_mandatory_exam", "Absent from mandatory examined unit",
     "a mandatory examined unit's outcome is absent"},
    {"mandatory_unit_missing", "Mandatory unit not yet achieved",
     "a mandatory unit's outcome is none or not achieved (or absent, for a moderated unit)"},
    {"ria_pending", "Reduction in assessment request pending", "a unit is RIA pending"},
    {"pathway_units_missing", "Pathway units not yet achieved",
     "no pathway (or not the declared one) has all its units achieved or in progress"},
    {"insufficient_glh", "Not enough guided learning hours (GLH)",
     "GLH counted is below the GLH required"},
}};

constexpr std::array<CodeInfo, 3> k_result_statuses{{
    {"eligible", "Eligible", "on track for a result"},
    {"not_eligible", "Not eligible", "at least one reason holds"},
    {"withdrawn", "Withdrawn", "the entry is withdrawn"},
}};

constexpr std::array<CodeInfo, 2> k_assessments{{
    {"examined", "Examined", "external examination"},
    {"moderated", "Moderated", "centre-assessed, then moderated"},
}};

template <typename Table> std::optional<std::size_t> find_code(const Table& table, std::string_view code) {
    for (std::size_t i = 0; i < table.size(); ++i) {
        if (table[i].code == code) {
            return i;
        }
    }
    return std::nullopt;
}

} // namespace

const CodeInfo& info(UnitStatus s) { return k_unit_statuses[static_cast<std::size_t>(s)]; }
const CodeInfo& info(Grade g) { return k_grades[static_cast<std::size_t>(g)]; }
const CodeInfo& info(Outcome o) { return k_outcomes[static_cast<std::size_t>(o)]; }
const CodeInfo& info(ReasonCode r) { return k_reasons[static_cast<std::size_t>(r)]; }
const CodeInfo& info(ResultStatus s) { return k_result_statuses[static_cast<std::size_t>(s)]; }
const CodeInfo& info(Assessment a) { return k_assessments[static_cast<std::size_t>(a)]; }

std::optional<UnitStatus> parse_unit_status(std::string_view text) {
    const std::string key = util::fold_key(text);
    static const std::initializer_list<std::pair<std::string_view, UnitStatus>> k_words = {
        {"resultachieved", UnitStatus::result_achieved},
        {"entryreceived", UnitStatus::entry_received},
        {"claimsubmitted", UnitStatus::claim_submitted},
        {"claimsampled", UnitStatus::claim_sampled},
        {"absent", UnitStatus::absent},
        {"riareceived", UnitStatus::ria_received},
        {"riapending", UnitStatus::ria_pending},
        {"pending", UnitStatus::ria_pending},
        {"withdrawn", UnitStatus::withdrawn},
        {"unitwithdrawn", UnitStatus::withdrawn},
    };
    for (const auto& [word, status] : k_words) {
        if (key == word) {
            return status;
        }
    }
    return std::nullopt;
}

std::optional<Grade> parse_grade(std::string_view raw) {
    std::string_view text = util::trim(raw);
    if (util::iequals(text, "D*") || util::iequals(text, "Distinction*") || util::iequals(text, "DStar") ||
        util::iequals(text, "Distinction Star")) {
        return Grade::dstar;
    }
    const std::string key = util::fold_key(text);
    static const std::initializer_list<std::pair<std::string_view, Grade>> k_words = {
        {"d", Grade::d},       {"distinction", Grade::d}, {"m", Grade::m},
        {"merit", Grade::m},   {"p", Grade::p},           {"pass", Grade::p},
        {"r", Grade::r},       {"n", Grade::n},           {"u", Grade::u},           {"unclassified", Grade::u},
        {"notachieved", Grade::u}, {"na", Grade::u},      {"1c", Grade::u},
    };
    for (const auto& [word, grade] : k_words) {
        if (key == word) {
            return grade;
        }
    }
    return std::nullopt;
}

std::optional<Assessment> parse_assessment(std::string_view text) {
    auto at = find_code(k_assessments, text);
    return at ? std::optional(static_cast<Assessment>(*at)) : std::nullopt;
}

std::optional<EntryStatus> parse_entry_status(std::string_view text) {
    const std::string key = util::fold_key(text);
    if (key.empty() || key == "active") {
        return EntryStatus::active;
    }
    if (key == "withdrawn") {
        return EntryStatus::withdrawn;
    }
    return std::nullopt;
}

std::optional<ReasonCode> parse_reason_code(std::string_view code) {
    auto at = find_code(k_reasons, code);
    return at ? std::optional(static_cast<ReasonCode>(*at)) : std::nullopt;
}

bool better_row(UnitStatus a_status, Grade a_grade, UnitStatus b_status, Grade b_grade) {
    Outcome a = outcome_of(a_status, a_grade);
    Outcome b = outcome_of(b_status, b_grade);
    if (a != b) {
        return a > b;
    }
    if (a_grade != b_grade) {
        return grade_rank(a_grade) > grade_rank(b_grade);
    }
    return a_status > b_status;
}

} // namespace qc::model
