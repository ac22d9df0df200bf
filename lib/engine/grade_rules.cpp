// The rules that can make a complete entry's grade U (docs/grades.md, "Unclassified"):
// per-unit minimum grades, GLH at Pass or above, and the lowest threshold; and the exact
// choice of a fixed number of optional units (optional_count).
#include "engine/grade.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <numeric>

namespace qc::engine {

std::string_view rule_code(UnclassifiedRule rule) {
    switch (rule) {
    case UnclassifiedRule::none: return "";
    case UnclassifiedRule::minimum_grade: return "minimum_grade";
    case UnclassifiedRule::pass_glh: return "pass_glh";
    case UnclassifiedRule::below_pass_threshold: return "below_pass_threshold";
    }
    return "";
}

// A table over (units taken, count, GLH in steps): the most points of `count` of the first
// i units with exactly that GLH. Sizes are small (tens of units, a handful counted).
OptionalChoice choose_optional_count(const std::vector<OptionalUnit>& units, int count,
                                     int glh_needed) {
    const auto n = units.size();
    OptionalChoice out;
    int step = 0;
    int total = 0;
    for (const OptionalUnit& unit : units) {
        step = std::gcd(step, unit.glh);
        total += unit.glh;
    }
    if (count <= 0) {
        return out;
    }
    if (static_cast<std::size_t>(count) >= n || step <= 0) {
        for (std::size_t i = 0; i < n; ++i) {
            out.chosen.push_back(i);
            out.points += units[i].points;
            out.glh += units[i].glh;
        }
        out.short_of_glh = static_cast<std::size_t>(count) > n || out.glh < glh_needed;
        return out;
    }
    const auto c_width = static_cast<std::size_t>(count) + 1;
    const auto s_width = static_cast<std::size_t>(total / step) + 1;
    auto at = [&](std::size_t i, std::size_t c, std::size_t s) { return (i * c_width + c) * s_width + s; };
    std::vector<int> table((n + 1) * c_width * s_width, -1);
    table[at(0, 0, 0)] = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const auto size = static_cast<std::size_t>(units[i].glh / step);
        for (std::size_t c = 0; c < c_width; ++c) {
            for (std::size_t s = 0; s < s_width; ++s) {
                int best = table[at(i, c, s)];
                if (c > 0 && s >= size && table[at(i, c - 1, s - size)] >= 0) {
                    best = std::max(best, table[at(i, c - 1, s - size)] + units[i].points);
                }
                table[at(i + 1, c, s)] = best;
            }
        }
    }
    // The best sum of exactly `count` units reaching the GLH needed: most points, fewest GLH.
    std::size_t best_s = SIZE_MAX;
    const auto c = static_cast<std::size_t>(count);
    for (std::size_t s = 0; s < s_width; ++s) {
        const int points = table[at(n, c, s)];
        if (points >= 0 && static_cast<int>(s) * step >= glh_needed &&
            (best_s == SIZE_MAX || points > table[at(n, c, best_s)])) {
            best_s = s;
        }
    }
    if (best_s == SIZE_MAX) {
        return choose_optional_count(units, static_cast<int>(n), glh_needed);
    }
    std::size_t s = best_s;
    std::size_t left = c;
    for (std::size_t i = n; i > 0 && left > 0; --i) {
        if (table[at(i, left, s)] != table[at(i - 1, left, s)]) {
            out.chosen.push_back(i - 1);
            s -= static_cast<std::size_t>(units[i - 1].glh / step);
            --left;
        }
    }
    std::sort(out.chosen.begin(), out.chosen.end());
    for (std::size_t i : out.chosen) {
        out.points += units[i].points;
        out.glh += units[i].glh;
    }
    return out;
}

// Once every unit that counts has its result: a counted unit below its minimum grade, too few
// GLH at Pass or above, or points below the lowest threshold make the grade U.
void Grader::apply_rules(const model::Qualification& qualification, const EntryFacts& facts) {
    const model::Suite& suite = *qualification.suite;
    int passing = 0;
    for (std::uint16_t slot : m_counted) {
        const UnitState state = facts.units[slot];
        const model::Unit& unit = suite.units[slot];
        const model::Grade least = qualification.minimum_grade(slot);
        if (least != model::Grade::none && !model::at_least(state.grade(), least) &&
            m_prediction.unclassified == UnclassifiedRule::none) {
            m_prediction.unclassified = UnclassifiedRule::minimum_grade;
            m_prediction.unclassified_text =
                fmt::format("unit {} ({}) is graded {} and needs at least {}", unit.number,
                            model::info(unit.assessment).code, model::info(state.grade()).code,
                            model::info(least).code);
        }
        passing += model::is_pass(state.grade()) ? unit.glh : 0;
    }
    if (m_prediction.unclassified == UnclassifiedRule::none && qualification.pass_glh > 0 &&
        passing < qualification.pass_glh) {
        m_prediction.unclassified = UnclassifiedRule::pass_glh;
        m_prediction.unclassified_text =
            fmt::format("{} GLH of the units that count are at Pass or above; {} needs {}",
                        passing, qualification.code, qualification.pass_glh);
    }
    if (m_prediction.unclassified == UnclassifiedRule::none && !qualification.thresholds.empty() &&
        m_prediction.grade_so_far == k_unclassified) {
        const model::GradeThreshold& lowest = qualification.thresholds.front();
        m_prediction.unclassified = UnclassifiedRule::below_pass_threshold;
        m_prediction.unclassified_text =
            fmt::format("{} points, below the {} threshold of {}", m_prediction.points,
                        lowest.grade, lowest.points);
    }
    if (m_prediction.unclassified != UnclassifiedRule::none) {
        m_prediction.grade_so_far = k_unclassified;
    }
}

} // namespace qc::engine
