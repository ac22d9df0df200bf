#pragma once
// Predicted grades: which units count towards an entry's overall grade, their points, and the
// grade those points reach (docs/grades.md). Pure: rules and an entry's unit states in, a
// prediction out.

#include "engine/book.hpp"
#include "model/entry.hpp"
#include "model/grading.hpp"
#include "model/rules.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace qc::engine {

/// The grade "U": what points below the lowest threshold give.
inline constexpr std::string_view k_unclassified = "U";

/// The overall grade that `points` reach: the highest threshold met, "U" below the lowest;
/// empty when there are no thresholds.
std::string_view overall_grade(const std::vector<model::GradeThreshold>& thresholds, int points);

/// An optional unit that could count: its size and the points its grade earns.
struct OptionalUnit {
    int glh = 0;
    int points = 0;
};

/// Which optional units count, and what they add up to.
struct OptionalChoice {
    std::vector<std::size_t> chosen; ///< indexes into the units given, in the order given
    int points = 0;
    int glh = 0;
    bool short_of_glh = false; ///< all of them together do not reach the GLH needed
};

/// Chooses, exactly, the optional units that count when `glh_needed` more hours are needed:
/// a set reaching `glh_needed` from which no unit could be dropped without falling short
/// (so surplus units never add points), with the most points; on a tie, the fewest GLH.
/// When all the units together fall short, all of them count. Nothing is needed: none count.
OptionalChoice choose_optional(const std::vector<OptionalUnit>& units, int glh_needed);

/// Chooses, exactly, `count` optional units that reach `glh_needed` (optional_count): of the
/// sets of that many units reaching it, the one with the most points; on a tie, the fewest GLH,
/// then the earliest units. When there are fewer units, or no such set, all of them count and
/// the choice is short.
OptionalChoice choose_optional_count(const std::vector<OptionalUnit>& units, int count,
                                     int glh_needed);

/// A rule that makes a complete entry's grade U (unclassified); codes are printed in JSON.
enum class UnclassifiedRule : std::uint8_t {
    none,
    minimum_grade,        ///< a counted unit is below its `minimum` grade
    pass_glh,             ///< too few counted GLH at Pass or above
    below_pass_threshold, ///< the points do not reach the lowest threshold
};

/// The code of a rule ("minimum_grade", "pass_glh", "below_pass_threshold"; "" for none).
std::string_view rule_code(UnclassifiedRule rule);

/// An entry's predicted grade.
struct GradePrediction {
    bool graded = false;   ///< the suite has grading data and every achieved unit earns points
    int points = 0;        ///< points of the counted units achieved so far
    bool complete = false; ///< counted units all achieved; every rule of combination met
    /// The grade `points` reach now: "U" below the lowest threshold; empty when the
    /// qualification has no thresholds.
    std::string_view grade_so_far;
    std::vector<int> counted_mandatory; ///< unit numbers: achieved mandatory (and pathway) units
    std::vector<int> counted_optional;  ///< unit numbers: the strongest optional units that count
    std::vector<int> not_counted;       ///< unit numbers: achieved optional units left out
    const model::Pathway* pathway = nullptr; ///< whose units counted as mandatory, if any
    std::string problem;                     ///< why not graded, when the suite has grading data
    /// For a complete entry graded U: the rule that made it so, and the rule in words.
    UnclassifiedRule unclassified = UnclassifiedRule::none;
    std::string unclassified_text;
    /// True when a counted unit's points are a table's minimum (`minimum = true`) with no
    /// points issued in the export: the real points, and so the grade, may be higher.
    bool lower_bound = false;

    /// The grade, once every counted unit has one; empty until then.
    std::string_view predicted_grade() const {
        return complete ? grade_so_far : std::string_view();
    }
};

/// Predicts grades, one entry at a time.
class Grader {
public:
    /// The prediction for one entry, valid until the next call. Withdrawn entries, and
    /// entries of suites without grading data, are not graded.
    const GradePrediction& predict(const model::Entry& entry, const EntryFacts& facts);

private:
    struct Attempt;
    Attempt attempt(const model::Qualification& qualification, const EntryFacts& facts,
                    const model::Pathway* pathway);
    bool points_known(const model::Qualification& qualification, const EntryFacts& facts);
    void apply_rules(const model::Qualification& qualification, const EntryFacts& facts);

    GradePrediction m_prediction;
    std::vector<std::uint16_t> m_counted; ///< slots of the units that count, for apply_rules
};

} // namespace qc::engine
