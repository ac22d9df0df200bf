#include "model/grading.hpp"

namespace qc::model {

std::optional<int> UnitPoints::points(Grade grade) const {
    const int value = by_grade[static_cast<std::size_t>(grade)];
    return value >= 0 ? std::optional(value) : std::nullopt;
}

const UnitPoints* SuiteGrading::row_for(int glh, Assessment assessment) const {
    const UnitPoints* either = nullptr;
    for (const UnitPoints& row : points) {
        if (row.glh == glh && row.assessment == assessment) {
            return &row;
        }
        if (row.glh == glh && !row.assessment && either == nullptr) {
            either = &row;
        }
    }
    return either;
}

std::optional<int> SuiteGrading::points_for(int glh, Assessment assessment, Grade grade) const {
    const UnitPoints* row = row_for(glh, assessment);
    return row != nullptr ? row->points(grade) : std::nullopt;
}

namespace {

// The letters of a grade, P = 0 up to D* = 3; empty when the text holds anything else.
std::vector<int> letters_of(std::string_view text) {
    std::vector<int> letters;
    for (std::size_t i = 0; i < text.size(); ++i) {
        switch (text[i]) {
        case 'P':
            letters.push_back(0);
            break;
        case 'M':
            letters.push_back(1);
            break;
        case 'D':
            if (i + 1 < text.size() && text[i + 1] == '*') {
                letters.push_back(3);
                ++i;
            } else {
                letters.push_back(2);
            }
            break;
        default:
            return {};
        }
    }
    return letters;
}

} // namespace

std::optional<OverallGrade> parse_overall_grade(std::string_view text, GradeNameProblem* problem) {
    GradeNameProblem ignored{};
    GradeNameProblem& why = problem != nullptr ? *problem : ignored;
    const std::vector<int> letters = letters_of(text);
    if (letters.empty() || letters.size() > 3) {
        why = GradeNameProblem::not_letters;
        return std::nullopt;
    }
    OverallGrade grade{static_cast<int>(letters.size()), 0};
    for (std::size_t i = 0; i < letters.size(); ++i) {
        if (i > 0 && letters[i] > letters[i - 1]) {
            why = GradeNameProblem::lowest_first;
            return std::nullopt;
        }
        grade.rank += letters[i];
    }
    if (letters.front() - letters.back() > 1) {
        why = GradeNameProblem::too_far_apart;
        return std::nullopt;
    }
    return grade;
}

const std::vector<std::string>& overall_grade_names() {
    static const std::vector<std::string> k_names = {
        "P",   "M",   "D",   "D*",                                                    // one letter
        "PP",  "MP",  "MM",  "DM",  "DD",  "D*D", "D*D*",                             // two
        "PPP", "MPP", "MMP", "MMM", "DMM", "DDM", "DDD",  "D*DD", "D*D*D", "D*D*D*"}; // three
    return k_names;
}

} // namespace qc::model
