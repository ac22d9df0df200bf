// TOML text -> Draft: the suite, its units and qualifications (grading.cpp reads the grading
// tables). toml++'s parse_error stops here.
#include "rulesfile/table_reader.hpp"
#include "rulesfile/nesting.hpp"

#include <fmt/format.h>

namespace qc::rulesfile {

namespace {

using namespace detail;

const TableSpec k_top{"the top level", "at the top level",
                      {{"suite", Kind::table, true, "[suite]"},
                       {"unit", Kind::table_array, true, "[[unit]]"},
                       {"qualification", Kind::table_array, true, "[[qualification]]"}}};

const TableSpec k_suite{"[suite]", "in [suite]",
                        {{"id", Kind::string, true, R"(id = "ct-l3-it-2016")"},
                         {"title", Kind::string, true, R"(title = "Cambridge Technicals IT")"},
                         {"level", Kind::integer, true, "level = 3"},
                         {"source", Kind::string, false, R"(source = "centre handbook v2")"},
                         {"awarding_body", Kind::string, false, R"(awarding_body = "Pearson")"},
                         {"moderation", Kind::string, false, R"(moderation = "visits")"},
                         {"grading", Kind::table, false, "[suite.grading]"}}};

const TableSpec k_unit{"[[unit]]", "in [[unit]]",
                       {{"number", Kind::integer, true, "number = 1"},
                        {"title", Kind::string, true, R"(title = "Fundamentals of IT")"},
                        {"glh", Kind::integer, true, "glh = 60"},
                        {"assessment", Kind::string, true, R"(assessment = "examined")"}}};

const TableSpec k_qualification{
    "[[qualification]]",
    "in [[qualification]]",
    {{"code", Kind::string, true, R"(code = "05839")"},
     {"title", Kind::string, true, R"(title = "Extended Certificate")"},
     {"glh", Kind::integer, true, "glh = 360"},
     {"mandatory", Kind::unit_list, true, "mandatory = [1, 2]"},
     {"optional", Kind::unit_list, false, "optional = [3, 4]"},
     {"pathway_required", Kind::boolean, false, "pathway_required = false"},
     {"optional_count", Kind::integer, false, "optional_count = 2"},
     {"pathway", Kind::table_array, false, "[[qualification.pathway]]"},
     {"grading", Kind::table, false, "[qualification.grading]"}}};

const TableSpec k_pathway{"[[qualification.pathway]]", "in [[qualification.pathway]]",
                          {{"id", Kind::string, true, R"(id = "app-dev")"},
                           {"title", Kind::string, true, R"(title = "Application Developer")"},
                           {"mandatory", Kind::unit_list, true, "mandatory = [6, 7]"}}};

void read_suite(const toml::table& table, Draft& draft, Reporter& reporter) {
    TableReader reader(table, k_suite, reporter, false);
    draft.suite.where = reader.where();
    draft.suite.id = reader.text("id");
    draft.id_at = reader.where("id");
    draft.suite.title = reader.text("title");
    if (auto level = reader.integer("level")) {
        if (*level == 2 || *level == 3) {
            draft.suite.level = static_cast<int>(*level);
        } else {
            reader.fail(*table.get("level"), fmt::format("'level' must be 2 or 3, not {}", *level));
        }
    }
    if (table.contains("source")) {
        draft.suite.source = reader.text("source");
    }
    if (table.contains("awarding_body")) {
        draft.suite.awarding_body = reader.text("awarding_body");
    }
    if (table.contains("moderation")) {
        const std::string moderation = reader.text("moderation");
        if (moderation == "visits" || moderation == "none") {
            draft.suite.moderation =
                moderation == "none" ? model::Moderation::none : model::Moderation::visits;
        } else if (!util::trim(moderation).empty()) {
            reader.fail(*table.get("moderation"),
                        fmt::format(R"('moderation' must be "visits" or "none", not "{}")",
                                    moderation),
                        util::did_you_mean(moderation, {"visits", "none"}));
        }
    }
    if (const toml::table* grading = reader.table("grading")) {
        draft.grading = read_grading(*grading, reporter);
    }
}

DraftUnit read_unit(const toml::table& table, Reporter& reporter) {
    TableReader reader(table, k_unit, reporter, false);
    DraftUnit draft;
    draft.unit.where = reader.where();
    draft.number_at = reader.where("number");
    draft.unit.number = reader.whole_number("number", 1, k_max_unit_number).value_or(0);
    draft.unit.title = reader.text("title");
    draft.unit.glh = reader.whole_number("glh", 1, k_max_glh).value_or(0);
    const std::string assessment = reader.text("assessment");
    if (assessment == "examined" || assessment == "moderated") {
        draft.unit.assessment =
            assessment == "examined" ? model::Assessment::examined : model::Assessment::moderated;
    } else if (!assessment.empty()) {
        reader.fail(*table.get("assessment"),
                    fmt::format(R"('assessment' must be "examined" or "moderated", not "{}")",
                                assessment),
                    util::did_you_mean(assessment, {"examined", "moderated"}));
    }
    return draft;
}

DraftPathway read_pathway(const toml::table& table, Reporter& reporter) {
    TableReader reader(table, k_pathway, reporter, false);
    DraftPathway draft;
    draft.pathway.where = reader.where();
    draft.id_at = reader.where("id");
    draft.pathway.id = reader.text("id");
    draft.pathway.title = reader.text("title");
    draft.mandatory = reader.unit_list("mandatory");
    return draft;
}

DraftQualification read_qualification(const toml::table& table, Reporter& reporter) {
    TableReader reader(table, k_qualification, reporter, false);
    DraftQualification draft;
    model::Qualification& qualification = draft.qualification;
    qualification.where = reader.where();
    draft.code_at = reader.where("code");
    qualification.code = reader.text("code");
    qualification.title = reader.text("title");
    draft.glh_at = reader.where("glh");
    qualification.glh = reader.whole_number("glh", 1, k_max_glh).value_or(0);
    draft.mandatory = reader.unit_list("mandatory");
    draft.optional = reader.unit_list("optional");
    draft.pathway_required_at = reader.where("pathway_required");
    qualification.pathway_required = reader.boolean("pathway_required");
    draft.optional_count_at = reader.where("optional_count");
    if (table.contains("optional_count")) {
        qualification.optional_count = reader.whole_number("optional_count", 1, k_max_unit_number);
    }
    for (const toml::table* pathway : reader.tables("pathway")) {
        draft.pathways.push_back(read_pathway(*pathway, reporter));
    }
    if (const toml::table* grading = reader.table("grading")) {
        read_qualification_grading(*grading, draft, reporter);
    }
    return draft;
}

std::string lower_first(std::string_view text) {
    std::string out(text);
    if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z') {
        out[0] = static_cast<char>(out[0] - 'A' + 'a');
    }
    return out;
}

void report_syntax(const toml::parse_error& error, std::string_view text, Reporter& reporter) {
    const std::string description = lower_first(error.description());
    const toml::source_position& begin = error.source().begin;
    std::string hint = bare_key_hint(text, static_cast<long>(begin.line));
    if (description.find("leading zero") != std::string::npos) {
        hint = "quote numbers that keep their leading zeros, e.g. code = \"05839\"";
    }
    reporter.error(reporter.at(static_cast<long>(begin.line), static_cast<long>(begin.column)),
                   "invalid TOML: " + description, hint);
}

} // namespace

std::string bare_key_hint(std::string_view text, long line) {
    for (long at = 1; at < line && !text.empty(); ++at) {
        const std::size_t end = text.find('\n');
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    }
    const std::string_view source = text.substr(0, text.find('\n'));
    const std::size_t equals = source.find('=');
    if (equals == std::string_view::npos) {
        return {};
    }
    const std::string_view key = util::trim(source.substr(0, equals));
    if (key.empty() || key.front() == '"' || key.front() == '\'' || key.front() == '[' ||
        key.front() == '#') {
        return {};
    }
    const auto bare = [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
               c == '_' || c == '-' || c == '.';
    };
    if (std::all_of(key.begin(), key.end(), bare)) {
        return {};
    }
    return fmt::format("a key with characters other than letters, digits, - and _ goes in quotes: "
                       "\"{}\" = {}",
                       key, util::trim(source.substr(equals + 1)));
}

Draft read_draft(std::string_view text, Reporter& reporter) {
    Draft draft;
    toml::table root;
    if (auto deep = find_too_deep(text)) {
        reporter.error(reporter.at(deep->line, deep->column),
                       fmt::format("invalid TOML: nested more than {} levels deep", k_max_toml_nesting),
                       "rules files nest a few levels: [suite], [[unit]], [[qualification]]");
        return draft;
    }
    try {
        root = toml::parse(text);
    } catch (const toml::parse_error& error) {
        report_syntax(error, text, reporter);
        return draft;
    }
    TableReader top(root, k_top, reporter, true);
    if (const toml::table* suite = top.table("suite")) {
        read_suite(*suite, draft, reporter);
    }
    for (const toml::table* unit : top.tables("unit")) {
        draft.units.push_back(read_unit(*unit, reporter));
    }
    for (const toml::table* qualification : top.tables("qualification")) {
        draft.qualifications.push_back(read_qualification(*qualification, reporter));
    }
    return draft;
}

} // namespace qc::rulesfile
