// TOML -> the grading parts of a Draft: [suite.grading] with its points rows, and each
// qualification's [qualification.grading] thresholds (docs/rules.md, "Grading").
#include "rulesfile/table_reader.hpp"

#include "model/grading.hpp"

#include <array>
#include <utility>

namespace qc::rulesfile::detail {

namespace {

const TableSpec k_grading{
    "[suite.grading]",
    "in [suite.grading]",
    {{"source", Kind::string, false, R"(source = "specification, issue 3, section 9")"},
     {"points", Kind::table_array, true, "[[suite.grading.points]]"}}};

// A points row is keyed by the unit grades, lowest first as they are read.
const TableSpec k_points{"[[suite.grading.points]]",
                         "in [[suite.grading.points]]",
                         {{"glh", Kind::integer, true, "glh = 60"},
                          {"assessment", Kind::string, false, R"(assessment = "examined")"},
                          {"minimum", Kind::boolean, false, "minimum = true"},
                          {"R", Kind::integer, false, "R = 3"},
                          {"N", Kind::integer, false, "N = 4"},
                          {"P", Kind::integer, false, "P = 6"},
                          {"M", Kind::integer, false, "M = 10"},
                          {"D", Kind::integer, false, "D = 16"},
                          {"D*", Kind::integer, false, R"("D*" = 20)"}},
                         "a U earns no points; leave it out"};

constexpr std::array<std::string_view, 6> k_unit_grades{"R", "N", "P", "M", "D", "D*"};

const TableSpec k_qualification_grading{
    "[qualification.grading]",
    "in [qualification.grading]",
    {{"thresholds", Kind::table, true, R"(thresholds = { P = 18, M = 26, D = 42, "D*" = 48 })"},
     {"complete_all", Kind::boolean, false, "complete_all = true"},
     {"minimum", Kind::table_array, false, R"(minimum = [{ units = [1, 2], grade = "N" }])"},
     {"pass_glh", Kind::integer, false, "pass_glh = 900"}}};

const TableSpec k_minimum{"each entry of 'minimum'",
                          "in an entry of 'minimum'",
                          {{"units", Kind::unit_list, true, "units = [1, 2]"},
                           {"grade", Kind::string, true, R"(grade = "P")"}}};

constexpr std::array<std::string_view, 5> k_minimum_grades{"N", "R", "P", "M", "D"};

DraftPointsRow read_points_row(const toml::table& table, Reporter& reporter) {
    TableReader reader(table, k_points, reporter, false);
    DraftPointsRow row;
    row.where = reader.where();
    row.glh_at = reader.where("glh");
    row.glh = reader.whole_number("glh", 1, k_max_glh).value_or(0);
    row.minimum = reader.boolean("minimum");
    if (table.contains("assessment")) {
        row.assessment_at = reader.where("assessment");
        const std::string assessment = reader.text("assessment");
        if (auto parsed = model::parse_assessment(assessment)) {
            row.assessment = parsed;
        } else if (!util::trim(assessment).empty()) {
            reader.fail(*table.get("assessment"),
                        fmt::format(R"('assessment' must be "examined" or "moderated", not "{}")",
                                    assessment),
                        util::did_you_mean(assessment, {"examined", "moderated"}));
        }
    }
    for (std::string_view grade : k_unit_grades) {
        if (!table.contains(grade)) {
            continue;
        }
        if (auto points = reader.whole_number(grade, 0, k_max_points)) {
            row.grades.push_back(
                {std::string(grade), *points, reader.where_key(grade), reader.where(grade)});
        }
    }
    return row;
}

// "PM" -> "MP": the same letters, highest first.
std::string highest_first(std::string_view text) {
    std::vector<std::string> letters;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool star = text[i] == 'D' && i + 1 < text.size() && text[i + 1] == '*';
        letters.emplace_back(text.substr(i, star ? 2 : 1));
        i += star ? 1 : 0;
    }
    auto rank = [](const std::string& letter) {
        return letter == "D*" ? 3 : letter == "D" ? 2 : letter == "M" ? 1 : 0;
    };
    std::stable_sort(letters.begin(), letters.end(),
                     [&](const std::string& a, const std::string& b) { return rank(a) > rank(b); });
    std::string out;
    for (const std::string& letter : letters) {
        out += letter;
    }
    return out;
}

std::string unknown_grade_hint(const std::string& name, model::GradeNameProblem problem) {
    if (problem == model::GradeNameProblem::lowest_first) {
        const std::string fixed = highest_first(name);
        if (model::parse_overall_grade(fixed)) {
            return fmt::format("write the highest letter first: '{}'", fixed);
        }
    }
    if (problem == model::GradeNameProblem::too_far_apart) {
        return "neighbouring letters of a grade are at most one step apart (P, M, D, D*), "
               "as in DM or D*D";
    }
    if (name == "U") {
        return "U is what a candidate gets below the lowest threshold; leave it out";
    }
    std::string hint = util::did_you_mean(name, model::overall_grade_names());
    return hint.empty() ? "grades are P, M, D and D*, or two or three of them highest first, "
                          "e.g. MP or D*DD"
                        : hint;
}

// The thresholds table: every key is an overall grade, every value its fewest points.
std::vector<GradeMention> read_thresholds(const toml::table& table, const std::string& code,
                                          Reporter& reporter) {
    std::vector<std::pair<const toml::key*, const toml::node*>> entries;
    for (auto&& [key, node] : table) {
        entries.emplace_back(&key, &node);
    }
    // toml++ keeps keys sorted by name; read them in file order.
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
        return a.first->source().begin < b.first->source().begin;
    });
    std::vector<GradeMention> thresholds;
    for (const auto& [key, node] : entries) {
        const std::string name(key->str());
        model::GradeNameProblem problem{};
        if (!model::parse_overall_grade(name, &problem)) {
            reporter.error(
                position_of(reporter, key->source()),
                fmt::format("unknown grade '{}' in the thresholds of qualification {}", name, code),
                unknown_grade_hint(name, problem));
            continue;
        }
        const auto* number = node->as_integer();
        if (number == nullptr || number->get() < 0 || number->get() > k_max_points) {
            const auto* text = node->as_string();
            reporter.error(
                position_of(reporter, node->source()),
                fmt::format("the threshold for {} must be a whole number of points "
                            "from 0 to {}, not {}",
                            name, k_max_points, describe_node(*node)),
                text != nullptr && util::parse_int(text->get())
                    ? fmt::format("write it without quotes: {} = {}", key_text(name), text->get())
                    : std::string());
            continue;
        }
        thresholds.push_back({name, static_cast<int>(number->get()),
                              position_of(reporter, key->source()),
                              position_of(reporter, node->source())});
    }
    return thresholds;
}

} // namespace

DraftGrading read_grading(const toml::table& table, Reporter& reporter) {
    TableReader reader(table, k_grading, reporter, false);
    DraftGrading grading;
    grading.where = reader.where();
    if (table.contains("source")) {
        grading.source = reader.text("source");
    }
    for (const toml::table* row : reader.tables("points")) {
        grading.points.push_back(read_points_row(*row, reporter));
    }
    return grading;
}

namespace {

DraftMinimum read_minimum(const toml::table& table, Reporter& reporter) {
    TableReader reader(table, k_minimum, reporter, false);
    DraftMinimum minimum;
    minimum.where = reader.where();
    minimum.units = reader.unit_list("units");
    minimum.grade_at = reader.where("grade");
    const std::string grade = reader.text("grade");
    if (std::find(k_minimum_grades.begin(), k_minimum_grades.end(), grade) != k_minimum_grades.end()) {
        minimum.grade = grade;
    } else if (!util::trim(grade).empty()) {
        reader.fail(*table.get("grade"),
                    fmt::format(R"('grade' must be "N", "R", "P", "M" or "D", not "{}")", grade),
                    grade == "U" ? "every unit has at least U; leave the unit out"
                                 : "the least grade each listed unit needs, e.g. grade = \"P\"");
    }
    return minimum;
}

} // namespace

void read_qualification_grading(const toml::table& table, DraftQualification& draft,
                                Reporter& reporter) {
    TableReader reader(table, k_qualification_grading, reporter, false);
    draft.has_thresholds = true;
    model::Qualification& qualification = draft.qualification;
    qualification.complete_all = reader.boolean("complete_all");
    draft.pass_glh_at = reader.where("pass_glh");
    if (table.contains("pass_glh")) {
        qualification.pass_glh = reader.whole_number("pass_glh", 1, k_max_glh).value_or(0);
    }
    for (const toml::table* minimum : reader.tables("minimum")) {
        draft.minimum.push_back(read_minimum(*minimum, reporter));
    }
    draft.thresholds_at = reader.where("thresholds");
    if (const toml::table* thresholds = reader.table("thresholds")) {
        draft.thresholds = read_thresholds(*thresholds, draft.qualification.code, reporter);
    }
}

} // namespace qc::rulesfile::detail
