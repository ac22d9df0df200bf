#pragma once
// Validated qualification definitions: suites, their units, qualifications and pathways.
// Built by rulesfile/, read by everything else. Units are referred to by their slot, the
// index into Suite::units, so that per-entry state can be a small flat array.

#include "model/codes.hpp"
#include "model/grading.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace qc::model {

/// Where a definition came from, for messages about it.
struct SourceRef {
    std::string file;
    long line = 0;
    long column = 0;
};

struct Unit {
    int number = 0;
    std::string title;
    int glh = 0;
    Assessment assessment = Assessment::examined;
    SourceRef where;
};

struct Pathway {
    std::string id;
    std::string title;
    std::vector<int> mandatory;           ///< unit numbers, as written
    std::vector<std::uint16_t> mandatory_slots;
    SourceRef where;
};

struct Suite;

/// Whether a suite's moderated (internal) units are moderated at visits with claims and
/// deadlines (OCR), or not at all as far as qualcheck is concerned (Pearson BTEC Nationals).
enum class Moderation : std::uint8_t { visits = 0, none = 1 };

/// A "must pass" rule: each unit listed needs at least `grade` (N, R, P, M or D).
struct MinimumGrade {
    std::vector<int> units;            ///< unit numbers, as written
    std::vector<std::uint16_t> slots;
    Grade grade = Grade::p;
};

struct Qualification {
    std::string code;
    std::string title;
    int glh = 0;
    std::vector<int> mandatory; ///< unit numbers, as written
    std::vector<int> optional;
    bool pathway_required = false;
    std::vector<Pathway> pathways;
    std::vector<GradeThreshold> thresholds; ///< overall grades, lowest first; empty: none given
    /// Exactly how many optional units count (the best-graded); nullopt: as many as the GLH need.
    std::optional<int> optional_count;
    /// Every unit of the combination needs an outcome to be graded; an optional unit graded U
    /// still completes it (0 points), a unit with no outcome does not.
    bool complete_all = false;
    std::vector<MinimumGrade> minimum; ///< per-unit minimum grades ("must pass")
    int pass_glh = 0; ///< GLH of the counted units needed at Pass or above (N, R count); 0: none
    std::vector<std::uint16_t> mandatory_slots;
    std::vector<std::uint16_t> optional_slots;
    const Suite* suite = nullptr;
    SourceRef where;

    /// True when the unit slot is mandatory or optional for this qualification.
    bool counts(std::uint16_t slot) const;
    bool is_mandatory(std::uint16_t slot) const;
    /// True when any of its mandatory or optional units is moderated.
    bool has_moderated_unit() const;
    /// True when its suite is moderated at visits and it has a moderated unit.
    bool needs_visits() const;
    /// The least grade unit `slot` needs ("must pass"); Grade::none when no rule names it.
    Grade minimum_grade(std::uint16_t slot) const;
    /// The pathway with this id or title (case-insensitive), if any.
    const Pathway* find_pathway(std::string_view id_or_title) const;
};

struct Suite {
    std::string id;
    std::string title;
    int level = 3;
    std::string source;
    std::string awarding_body; ///< free text; empty when not given
    Moderation moderation = Moderation::visits;
    std::optional<SuiteGrading> grading; ///< unit points; absent: no grades are predicted
    std::vector<Unit> units;
    std::vector<Qualification> qualifications;
    SourceRef where;

    /// The slot of a unit number, if the suite defines it.
    std::optional<std::uint16_t> slot_of(int unit_number) const;
    /// Fills the slot indexes and back pointers after the suite has been filled in.
    void index();

private:
    std::unordered_map<int, std::uint16_t> m_slot_by_number;
};

/// Every loaded suite, with lookups by qualification code and by suite id or title.
class RuleBook {
public:
    /// Takes ownership of a validated suite. Qualification codes must be unique across suites
    /// (rulesfile/ checks this before calling).
    void add(std::unique_ptr<Suite> suite);

    const std::vector<std::unique_ptr<Suite>>& suites() const { return m_suites; }
    const Qualification* find_qualification(std::string_view code) const;
    const Suite* find_suite(std::string_view id_or_title) const;
    /// Every qualification code, for "did you mean" and hints.
    std::vector<std::string> qualification_codes() const;
    std::vector<std::string> suite_ids() const;

private:
    std::vector<std::unique_ptr<Suite>> m_suites;
    std::unordered_map<std::string, const Qualification*> m_by_code;
};

} // namespace qc::model
