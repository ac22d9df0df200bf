// TOML text -> Draft. The only file that includes toml++; its parse_error stops here.
#include "rulesfile/draft.hpp"

#include "util/spell.hpp"
#include "util/strings.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <cstdint>
#include <optional>

namespace qc::rulesfile {

namespace {

enum class Kind { string, integer, boolean, unit_list, table, table_array };

struct KeySpec {
    std::string_view name;
    Kind kind;
    bool required;
    std::string_view example; ///< shown in "add e.g. ..." hints
};

struct TableSpec {
    std::string_view label; ///< "[[unit]]", as messages name the table
    std::string_view in;    ///< "in [[unit]]", for "unknown key" messages
    std::vector<KeySpec> keys;
};

// One list of known keys per TOML table: a new key (e.g. the planned `grading`) is one line
// here plus the code that reads it.
const TableSpec k_top{"the top level", "at the top level",
                      {{"suite", Kind::table, true, "[suite]"},
                       {"unit", Kind::table_array, true, "[[unit]]"},
                       {"qualification", Kind::table_array, true, "[[qualification]]"}}};

const TableSpec k_suite{"[suite]", "in [suite]",
                        {{"id", Kind::string, true, R"(id = "ct-l3-it-2016")"},
                         {"title", Kind::string, true, R"(title = "Cambridge Technicals IT")"},
                         {"level", Kind::integer, true, "level = 3"},
                         {"source", Kind::string, false, R"(source = "centre handbook v2")"}}};

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
     {"pathway", Kind::table_array, false, "[[qualification.pathway]]"}}};

const TableSpec k_pathway{"[[qualification.pathway]]", "in [[qualification.pathway]]",
                          {{"id", Kind::string, true, R"(id = "app-dev")"},
                           {"title", Kind::string, true, R"(title = "Application Developer")"},
                           {"mandatory", Kind::unit_list, true, "mandatory = [6, 7]"}}};

constexpr std::string_view k_reserved_grading = "grading";
constexpr int k_max_unit_number = 9999;
constexpr int k_max_glh = 10000;

std::string_view expected_of(Kind kind) {
    switch (kind) {
    case Kind::string: return "a string";
    case Kind::integer: return "an integer";
    case Kind::boolean: return "true or false";
    case Kind::unit_list: return "a list of unit numbers";
    case Kind::table: return "a table";
    case Kind::table_array: return "an array of tables";
    }
    return "";
}

// What the user wrote, for "must be X, not Y" messages.
std::string describe_node(const toml::node& node) {
    if (const auto* text = node.as_string()) {
        return fmt::format("a string (\"{}\")", text->get());
    }
    if (const auto* number = node.as_integer()) {
        return fmt::format("an integer ({})", number->get());
    }
    if (const auto* number = node.as_floating_point()) {
        return fmt::format("a floating-point number ({})", number->get());
    }
    if (const auto* flag = node.as_boolean()) {
        return fmt::format("a boolean ({})", flag->get());
    }
    switch (node.type()) {
    case toml::node_type::array: return "an array";
    case toml::node_type::table: return "a table";
    case toml::node_type::date: return "a date";
    case toml::node_type::time: return "a time";
    default: return "a date-time";
    }
}

// Suggests the fix for the common type slips: quoted numbers, unquoted codes, a bare number
// where a list is wanted, [x] where [[x]] is wanted.
std::string type_hint(const KeySpec& spec, const toml::node& node) {
    const auto* text = node.as_string();
    if (spec.kind == Kind::integer && text && util::parse_int(text->get())) {
        return fmt::format("write it without quotes: {} = {}", spec.name, text->get());
    }
    if (spec.kind == Kind::boolean && text && (text->get() == "true" || text->get() == "false")) {
        return fmt::format("write it without quotes: {} = {}", spec.name, text->get());
    }
    if (spec.name == "code" && node.is_integer()) {
        return "codes are strings that keep their leading zeros; quote it, e.g. code = \"05839\"";
    }
    if (spec.kind == Kind::string && node.is_integer()) {
        return fmt::format("quote it: {} = \"{}\"", spec.name, node.as_integer()->get());
    }
    if (spec.kind == Kind::unit_list && node.is_integer()) {
        return fmt::format("write it as a list: {} = [{}]", spec.name, node.as_integer()->get());
    }
    if (spec.kind == Kind::table_array || spec.kind == Kind::table) {
        return fmt::format("write it as {}", spec.example);
    }
    return {};
}

/// Reads one TOML table against its TableSpec, reporting every slip it meets.
class TableReader {
public:
    TableReader(const toml::table& table, const TableSpec& spec, Reporter& reporter, bool root)
        : m_table(table), m_spec(spec), m_reporter(reporter), m_root(root) {
        report_unknown_keys();
    }

    /// Where the table starts (its [header]); no line for the top level.
    model::SourceRef where() const {
        return m_root ? m_reporter.at(0, 0) : position(m_table.source());
    }
    /// Where the value of `key` starts, or the table's own position when it is absent.
    model::SourceRef where(std::string_view key) const {
        const toml::node* node = m_table.get(key);
        return node ? position(node->source()) : where();
    }

    std::string text(std::string_view key) {
        const toml::node* node = find(key, Kind::string);
        if (!node) {
            return {};
        }
        std::string value(node->as_string()->get());
        if (util::trim(value).empty()) {
            fail(*node, fmt::format("'{}' must not be empty", key));
        }
        return value;
    }

    std::optional<std::int64_t> integer(std::string_view key) {
        const toml::node* node = find(key, Kind::integer);
        return node ? std::optional(node->as_integer()->get()) : std::nullopt;
    }

    /// An integer from `low` to `high`; nullopt (reported) otherwise.
    std::optional<int> whole_number(std::string_view key, int low, int high) {
        auto value = integer(key);
        if (value && (*value < low || *value > high)) {
            fail(*m_table.get(key),
                 fmt::format("'{}' must be a whole number from {} to {}, not {}", key, low, high,
                             *value));
            return std::nullopt;
        }
        return value ? std::optional(static_cast<int>(*value)) : std::nullopt;
    }

    bool boolean(std::string_view key) {
        const toml::node* node = find(key, Kind::boolean);
        return node && node->as_boolean()->get();
    }

    std::vector<UnitMention> unit_list(std::string_view key) {
        std::vector<UnitMention> mentions;
        const toml::node* node = find(key, Kind::unit_list);
        if (!node) {
            return mentions;
        }
        for (const toml::node& element : *node->as_array()) {
            const auto* number = element.as_integer();
            if (number && number->get() >= 1 && number->get() <= k_max_unit_number) {
                mentions.push_back({static_cast<int>(number->get()), position(element.source())});
                continue;
            }
            std::string hint;
            if (element.is_string() && util::parse_int(element.as_string()->get())) {
                hint = "write unit numbers without quotes";
            }
            fail(element,
                 fmt::format("each entry of '{}' must be a unit number from 1 to {}, not {}", key,
                             k_max_unit_number, describe_node(element)),
                 hint);
        }
        return mentions;
    }

    const toml::table* table(std::string_view key) {
        const toml::node* node = find(key, Kind::table);
        return node ? node->as_table() : nullptr;
    }

    std::vector<const toml::table*> tables(std::string_view key) {
        std::vector<const toml::table*> found;
        const toml::node* node = find(key, Kind::table_array);
        if (!node) {
            return found;
        }
        for (const toml::node& element : *node->as_array()) {
            if (const auto* each = element.as_table()) {
                found.push_back(each);
            } else {
                fail(element, fmt::format("each entry of '{}' must be a table, not {}", key,
                                          describe_node(element)));
            }
        }
        return found;
    }

    void fail(const toml::node& node, std::string message, std::string hint = {}) {
        m_reporter.error(position(node.source()), std::move(message), std::move(hint));
    }

private:
    model::SourceRef position(const toml::source_region& region) const {
        return m_reporter.at(static_cast<long>(region.begin.line),
                             static_cast<long>(region.begin.column));
    }

    const KeySpec& spec_of(std::string_view key) const {
        auto it = std::find_if(m_spec.keys.begin(), m_spec.keys.end(),
                               [key](const KeySpec& spec) { return spec.name == key; });
        return *it; // callers only ask for keys of their own spec
    }

    std::vector<std::string> known_keys() const {
        std::vector<std::string> names;
        for (const KeySpec& spec : m_spec.keys) {
            names.emplace_back(spec.name);
        }
        return names;
    }

    void report_unknown_keys() {
        const std::vector<std::string> known = known_keys();
        // toml++ keeps keys sorted by name; report them in file order instead.
        std::vector<const toml::key*> unknown;
        for (auto&& [key, node] : m_table) {
            if (std::find(known.begin(), known.end(), key.str()) == known.end()) {
                unknown.push_back(&key);
            }
        }
        std::sort(unknown.begin(), unknown.end(), [](const toml::key* a, const toml::key* b) {
            return a->source().begin < b->source().begin;
        });
        for (const toml::key* each : unknown) {
            const toml::key& key = *each;
            std::string hint = util::did_you_mean(key.str(), known);
            if (key.str() == k_reserved_grading) {
                hint = "'grading' is reserved for predicted grades, which are not defined yet";
            } else if (hint.empty()) {
                hint = "known keys: " + util::join(known, ", ");
            }
            m_reporter.error(position(key.source()),
                             fmt::format("unknown key '{}' {}", key.str(), m_spec.in), hint);
        }
    }

    // The node for `key` when it has the wanted kind; reports it missing or mistyped otherwise.
    const toml::node* find(std::string_view key, Kind kind) {
        const KeySpec& spec = spec_of(key);
        const toml::node* node = m_table.get(key);
        if (!node) {
            report_missing(spec);
            return nullptr;
        }
        if (!has_kind(*node, kind)) {
            fail(*node,
                 fmt::format("'{}' must be {}, not {}", key, expected_of(kind), describe_node(*node)),
                 type_hint(spec, *node));
            return nullptr;
        }
        return node;
    }

    static bool has_kind(const toml::node& node, Kind kind) {
        switch (kind) {
        case Kind::string: return node.is_string();
        case Kind::integer: return node.is_integer();
        case Kind::boolean: return node.is_boolean();
        case Kind::unit_list: return node.is_array();
        case Kind::table: return node.is_table();
        case Kind::table_array: return node.is_array();
        }
        return false;
    }

    void report_missing(const KeySpec& spec) {
        if (!spec.required) {
            return;
        }
        if (m_root) {
            m_reporter.error(where(), fmt::format("missing required table {}", spec.example),
                             "a rules file needs a [suite] table, at least one [[unit]] and at "
                             "least one [[qualification]]");
            return;
        }
        m_reporter.error(where(),
                         fmt::format("{} is missing required key '{}'", m_spec.label, spec.name),
                         fmt::format("add e.g. {}", spec.example));
    }

    const toml::table& m_table;
    const TableSpec& m_spec;
    Reporter& m_reporter;
    bool m_root;
};

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
    for (const toml::table* pathway : reader.tables("pathway")) {
        draft.pathways.push_back(read_pathway(*pathway, reporter));
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

void report_syntax(const toml::parse_error& error, Reporter& reporter) {
    const std::string description = lower_first(error.description());
    std::string hint;
    if (description.find("leading zero") != std::string::npos) {
        hint = "quote numbers that keep their leading zeros, e.g. code = \"05839\"";
    }
    const toml::source_position& begin = error.source().begin;
    reporter.error(reporter.at(static_cast<long>(begin.line), static_cast<long>(begin.column)),
                   "invalid TOML: " + description, hint);
}

} // namespace

Draft read_draft(std::string_view text, Reporter& reporter) {
    Draft draft;
    toml::table root;
    try {
        root = toml::parse(text);
    } catch (const toml::parse_error& error) {
        report_syntax(error, reporter);
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
