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

    GradePrediction m_prediction;
};

} // namespace qc::engine
