#pragma once
// Grading data, as rules files give it: a suite's unit points (by unit GLH and unit grade) and
// a qualification's overall grade thresholds, and the names of overall grades ("P", "MP",
// "D*DD"). engine::Grader turns these and an entry's unit grades into a predicted grade.

#include "model/codes.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qc::model {

/// One row of a suite's points table: what a unit of `glh` hours earns for each unit grade.
struct UnitPoints {
    int glh = 0;
    std::array<int, 8> by_grade{-1, -1, -1, -1, -1, -1, -1, -1}; ///< indexed by Grade; -1: none
    /// The assessment whose units the row is for; nullopt: units of either assessment.
    std::optional<Assessment> assessment;
    /// True when the points are the least each grade earns (Pearson's external units: raw
    /// marks can earn more, and the awarding body issues the points with the results).
    bool minimum = false;

    /// The points for `grade`, when the row gives them.
    std::optional<int> points(Grade grade) const;
};

/// A suite's grading, from [suite.grading]: the points table, one row per unit size.
struct SuiteGrading {
    std::string source; ///< where the figures come from
    std::vector<UnitPoints> points;

    /// The row for a unit of `glh` hours and this assessment: the row for that assessment,
    /// else the row for either; null when there is none.
    const UnitPoints* row_for(int glh, Assessment assessment) const;
    /// Points for a unit of `glh` hours graded `grade`; nullopt when the table gives none
    /// (no row for that size, or no points for that grade).
    std::optional<int> points_for(int glh, Assessment assessment, Grade grade) const;
};

/// The fewest points that give one overall grade of a qualification.
struct GradeThreshold {
    std::string grade; ///< "P", "MP", "D*DD", ...
    int points = 0;
};

/// An overall grade's shape: how many letters (1 to 3) and its rank among the grades with that
/// many letters (the sum of its letters, P = 0, M = 1, D = 2, D* = 3), so that PP < MP < MM.
struct OverallGrade {
    int letters = 0;
    int rank = 0;
};

/// Why a text is not an overall grade.
enum class GradeNameProblem {
    not_letters,   ///< something other than P, M, D and D* (or more than three of them)
    lowest_first,  ///< a letter is higher than the one before it, e.g. "PM"
    too_far_apart, ///< letters more than one step apart, e.g. "DP"
};

/// Reads an overall grade: one to three of P, M, D, D*, highest first, neighbouring letters at
/// most one step apart (as awarding bodies' tables have them). Case matters: "dd" is not one.
std::optional<OverallGrade> parse_overall_grade(std::string_view text,
                                                GradeNameProblem* problem = nullptr);

/// Every overall grade name, one letter first then two and three, each lowest first.
const std::vector<std::string>& overall_grade_names();

} // namespace qc::model
