#include "report/rules_view.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>

namespace qc::report {

namespace {

constexpr std::array<model::Grade, 6> k_point_grades{model::Grade::r, model::Grade::n, model::Grade::p,
                                                     model::Grade::m, model::Grade::d, model::Grade::dstar};

std::string units_text(const std::vector<int>& units) {
    return units.empty() ? "none" : fmt::format("{}", fmt::join(units, ", "));
}

void suite_header(std::string& out, const model::Suite& suite) {
    out += fmt::format("Suite {}: {} (Level {})\n", suite.id, suite.title, suite.level);
    out += fmt::format("  awarding body: {}\n", suite.awarding_body.empty() ? "(not given)" : suite.awarding_body);
    out += fmt::format("  source: {}\n", suite.source.empty() ? "(not given)" : suite.source);
    out += fmt::format("  moderation: {}\n", suite.moderation == model::Moderation::visits
                                                 ? "visits (claims, visit deadlines, Checkpoint 2)"
                                                 : "none (no visits or claims)");
}

void units_table(std::string& out, const model::Suite& suite) {
    out += "\nUnits\n";
    out += fmt::format("  {:>5}  {:<44}  {:>4}  {}\n", "unit", "title", "GLH", "assessment");
    for (const model::Unit& unit : suite.units) {
        out += fmt::format("  {:>5}  {:<44}  {:>4}  {}\n", unit.number, unit.title, unit.glh,
                           model::info(unit.assessment).code);
    }
}

void points_table(std::string& out, const model::SuiteGrading& grading) {
    out += "\nUnit points";
    out += grading.source.empty() ? "\n" : fmt::format(" ({})\n", grading.source);
    out += fmt::format("  {:>4}  {:<10}", "GLH", "units");
    for (model::Grade grade : k_point_grades) {
        out += fmt::format("  {:>4}", model::info(grade).code);
    }
    out += "\n";
    for (const model::UnitPoints& row : grading.points) {
        out += fmt::format("  {:>4}  {:<10}", row.glh,
                           row.assessment ? model::info(*row.assessment).code : "all");
        for (model::Grade grade : k_point_grades) {
            auto points = row.points(grade);
            out += fmt::format("  {:>4}", points ? std::to_string(*points) : "-");
        }
        out += row.minimum ? "  (minimum: raw marks may earn more)\n" : "\n";
    }
}

void qualification_block(std::string& out, const model::Qualification& q) {
    out += fmt::format("\nQualification {}: {}, {} GLH\n", q.code, q.title, q.glh);
    out += fmt::format("  mandatory units: {}\n", units_text(q.mandatory));
    out += fmt::format("  optional units: {}\n", units_text(q.optional));
    if (q.optional_count) {
        out += fmt::format("  optional units that count: exactly {} (the best-graded)\n", *q.optional_count);
    }
    for (const model::Pathway& pathway : q.pathways) {
        out += fmt::format("  pathway {} ({}): mandatory {}\n", pathway.id, pathway.title,
                           units_text(pathway.mandatory));
    }
    if (q.pathway_required) {
        out += "  a pathway is required\n";
    }
    if (!q.thresholds.empty()) {
        std::vector<std::string> cells;
        for (const model::GradeThreshold& threshold : q.thresholds) {
            cells.push_back(fmt::format("{} {}", threshold.grade, threshold.points));
        }
        out += fmt::format("  thresholds (fewest points): {}\n", fmt::join(cells, ", "));
    }
    if (q.complete_all) {
        out += "  every unit of the combination needs a result; an optional U completes it (0 points)\n";
    }
    for (const model::MinimumGrade& rule : q.minimum) {
        out += fmt::format("  must reach at least {}: unit{} {}\n", model::info(rule.grade).code,
                           rule.units.size() == 1 ? "" : "s", units_text(rule.units));
    }
    if (q.pass_glh > 0) {
        out += fmt::format("  at least {} GLH at Pass or above (N counting on examined units)\n", q.pass_glh);
    }
}

} // namespace

std::string render_rules(const model::Suite& suite, std::string_view code) {
    std::string out;
    suite_header(out, suite);
    units_table(out, suite);
    if (suite.grading) {
        points_table(out, *suite.grading);
    }
    for (const model::Qualification& qualification : suite.qualifications) {
        if (code.empty() || qualification.code == code) {
            qualification_block(out, qualification);
        }
    }
    return out;
}

} // namespace qc::report
