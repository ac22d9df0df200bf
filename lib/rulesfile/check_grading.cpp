// Contradictions in the grading data of one suite. Like check.cpp, runs only on a Draft whose
// keys and types were all right.
#include "rulesfile/draft.hpp"

#include "model/grading.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace qc::rulesfile {

namespace {

const GradeMention* find_grade(const DraftPointsRow& row, std::string_view grade) {
    for (const GradeMention& mention : row.grades) {
        if (mention.grade == grade) {
            return &mention;
        }
    }
    return nullptr;
}

class GradingChecker {
public:
    GradingChecker(const Draft& draft, Reporter& reporter) : m_draft(draft), m_reporter(reporter) {}

    void run() {
        if (m_draft.grading) {
            check_rows(*m_draft.grading);
            check_sizes(*m_draft.grading);
        }
        for (const DraftQualification& qualification : m_draft.qualifications) {
            if (qualification.has_thresholds) {
                check_thresholds(qualification);
            }
        }
    }

private:
    void check_rows(const DraftGrading& grading) {
        std::map<int, std::vector<const DraftPointsRow*>> seen;
        for (const DraftPointsRow& row : grading.points) {
            // A row for either assessment clashes with any other row of its size; rows for one
            // assessment clash only with each other.
            std::vector<const DraftPointsRow*>& same_size = seen[row.glh];
            auto clash = std::find_if(same_size.begin(), same_size.end(), [&](const auto* other) {
                return !row.assessment || !other->assessment || *row.assessment == *other->assessment;
            });
            if (clash != same_size.end()) {
                m_reporter.error(row.glh_at,
                                 fmt::format("duplicate [[suite.grading.points]] row for {} GLH{}; "
                                             "first defined at {}",
                                             row.glh, for_whom(row.assessment),
                                             describe((*clash)->glh_at)),
                                 "give one row per size, or one per size and assessment "
                                 "(assessment = \"examined\" or \"moderated\")");
            }
            same_size.push_back(&row);
            if (row.grades.empty()) {
                m_reporter.error(row.where,
                                 fmt::format("the [[suite.grading.points]] row for {} GLH gives "
                                             "no points",
                                             row.glh),
                                 "give the points of each unit grade, e.g. P = 6, M = 10, D = 16");
                continue;
            }
            // Rows may give different grades: a source may publish only some of them, and a unit
            // graded where its row gives no points is reported when it is met (engine::Grader).
            check_rising(row);
            check_near_pass(row);
            check_n(row);
        }
    }

    static std::string for_whom(std::optional<model::Assessment> assessment) {
        return assessment ? fmt::format(" ({} units)", model::info(*assessment).code) : "";
    }

    // N (Pearson's near pass) is given only on examined (external) units.
    void check_n(const DraftPointsRow& row) {
        const GradeMention* near_pass = find_grade(row, "N");
        if (near_pass == nullptr) {
            return;
        }
        if (row.assessment == model::Assessment::moderated) {
            m_reporter.error(near_pass->key_at,
                             "points for N (near pass) in a row for moderated units; N is given "
                             "only on examined units",
                             "remove N from this row");
        } else if (!any_examined()) {
            m_reporter.error(near_pass->key_at,
                             "points for N (near pass), but no unit of this suite is examined; "
                             "N is given only on examined units",
                             "remove N from the points rows");
        }
    }

    bool any_examined() const {
        return std::any_of(m_draft.units.begin(), m_draft.units.end(), [](const DraftUnit& unit) {
            return unit.unit.assessment == model::Assessment::examined;
        });
    }

    // Points rise with the grade: R < P < M < D < D*.
    void check_rising(const DraftPointsRow& row) {
        for (std::size_t i = 1; i < row.grades.size(); ++i) {
            const GradeMention& lower = row.grades[i - 1];
            const GradeMention& higher = row.grades[i];
            if (higher.points <= lower.points) {
                m_reporter.error(higher.value_at,
                                 fmt::format("points for {} ({}) must be more than for {} ({}) "
                                             "in the row for {} GLH",
                                             higher.grade, higher.points, lower.grade, lower.points,
                                             row.glh),
                                 "a higher unit grade earns more points");
            }
        }
    }

    // The contract allows R (near pass) only on examined units of Level 3 suites.
    void check_near_pass(const DraftPointsRow& row) {
        const GradeMention* near_pass = find_grade(row, "R");
        if (near_pass == nullptr) {
            return;
        }
        const bool examined =
            std::any_of(m_draft.units.begin(), m_draft.units.end(), [](const DraftUnit& unit) {
                return unit.unit.assessment == model::Assessment::examined;
            });
        if (m_draft.suite.level != 3) {
            m_reporter.error(near_pass->key_at,
                             fmt::format("points for R (near pass) in a Level {} suite; R exists "
                                         "only in Level 3 suites",
                                         m_draft.suite.level),
                             "remove R from the points rows");
        } else if (!examined) {
            m_reporter.error(near_pass->key_at,
                             "points for R (near pass), but no unit of this suite is examined; "
                             "R is given only on examined units",
                             "remove R from the points rows");
        }
    }

    // Every unit size of the suite has a row, so that every unit earns points.
    void check_sizes(const DraftGrading& grading) {
        std::map<std::pair<int, model::Assessment>, int> first_unit_of_kind;
        for (const DraftUnit& unit : m_draft.units) {
            first_unit_of_kind.emplace(std::pair(unit.unit.glh, unit.unit.assessment), unit.unit.number);
        }
        std::set<int> reported; // one message per size when no row of that size exists
        for (const auto& [kind, unit] : first_unit_of_kind) {
            const auto [glh, assessment] = kind;
            const bool covered = std::any_of(
                grading.points.begin(), grading.points.end(), [&](const DraftPointsRow& row) {
                    return row.glh == glh && (!row.assessment || *row.assessment == assessment);
                });
            const bool any_of_size =
                std::any_of(grading.points.begin(), grading.points.end(),
                            [&](const DraftPointsRow& row) { return row.glh == glh; });
            if (covered || (!any_of_size && !reported.insert(glh).second)) {
                continue;
            }
            m_reporter.error(grading.where,
                             any_of_size
                                 ? fmt::format("[suite.grading] has no points row for {} GLH {} "
                                               "units, the size and assessment of unit {}",
                                               glh, model::info(assessment).code, unit)
                                 : fmt::format("[suite.grading] has no points row for {} GLH, the "
                                               "size of unit {}",
                                               glh, unit),
                             any_of_size
                                 ? fmt::format("add [[suite.grading.points]] with glh = {} and "
                                               "assessment = \"{}\"",
                                               glh, model::info(assessment).code)
                                 : fmt::format("add [[suite.grading.points]] with glh = {}", glh));
        }
    }

    void check_thresholds(const DraftQualification& qualification) {
        const std::string& code = qualification.qualification.code;
        if (!m_draft.grading) {
            m_reporter.error(qualification.thresholds_at,
                             fmt::format("qualification {} has grade thresholds, but the suite "
                                         "has no [suite.grading] points",
                                         code),
                             "add [suite.grading] with the unit points table");
        }
        if (qualification.thresholds.empty()) {
            m_reporter.error(qualification.thresholds_at,
                             fmt::format("the thresholds of qualification {} give no grades", code),
                             R"(e.g. thresholds = { P = 18, M = 26, D = 42, "D*" = 48 })");
            return;
        }
        if (same_letters(qualification)) {
            check_threshold_order(qualification);
        }
    }

    bool same_letters(const DraftQualification& qualification) {
        bool same = true;
        const GradeMention& first = qualification.thresholds.front();
        const int letters = model::parse_overall_grade(first.grade)->letters;
        for (const GradeMention& mention : qualification.thresholds) {
            const int these = model::parse_overall_grade(mention.grade)->letters;
            if (these != letters) {
                same = false;
                m_reporter.error(mention.key_at,
                                 fmt::format("grade '{}' has {} letter{}, but '{}' in the same "
                                             "thresholds has {}",
                                             mention.grade, these, these == 1 ? "" : "s",
                                             first.grade, letters),
                                 "a qualification's grades all have the same number of letters");
            }
        }
        return same;
    }

    // In grade order, each grade needs more points than the one below it.
    void check_threshold_order(const DraftQualification& qualification) {
        std::vector<const GradeMention*> ordered;
        for (const GradeMention& mention : qualification.thresholds) {
            ordered.push_back(&mention);
        }
        std::stable_sort(ordered.begin(), ordered.end(), [](const auto* a, const auto* b) {
            return model::parse_overall_grade(a->grade)->rank <
                   model::parse_overall_grade(b->grade)->rank;
        });
        for (std::size_t i = 1; i < ordered.size(); ++i) {
            const GradeMention& lower = *ordered[i - 1];
            const GradeMention& higher = *ordered[i];
            if (higher.points <= lower.points) {
                m_reporter.error(higher.value_at,
                                 fmt::format("the threshold for {} ({}) must be more than for {} "
                                             "({}) in qualification {}",
                                             higher.grade, higher.points, lower.grade, lower.points,
                                             qualification.qualification.code),
                                 "each grade needs more points than the grade below it");
            }
        }
    }

    const Draft& m_draft;
    Reporter& m_reporter;
};
} // namespace

void check_grading(const Draft& draft, Reporter& reporter) {
    GradingChecker(draft, reporter).run();
    check_combination(draft, reporter);
}

} // namespace qc::rulesfile
