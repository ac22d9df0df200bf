#pragma once
// Internal to rulesfile/: reading one TOML table against a list of known keys, reporting every
// slip (unknown keys with "did you mean", wrong types, missing keys, values out of range) as a
// FILE:LINE:COL diagnostic. Included only by the readers in this folder, which are the only
// places toml++ is included.

#include "rulesfile/draft.hpp"

#include "util/spell.hpp"
#include "util/strings.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qc::rulesfile::detail {

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
    std::string_view u_hint = {}; ///< the hint for an unknown key 'U', where grades are keys
};

// One list of known keys per TOML table: a new key is one line here plus the code that

inline constexpr int k_max_unit_number = 9999;
inline constexpr int k_max_glh = 10000;
inline constexpr int k_max_points = 100000;

/// A key as TOML needs it written: bare when it can be, quoted otherwise ("D*").
inline std::string key_text(std::string_view key) {
    const bool bare = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
    });
    return bare ? std::string(key) : fmt::format("\"{}\"", key);
}

/// A position in the reporter's file.
inline model::SourceRef position_of(const Reporter& reporter, const toml::source_region& region) {
    return reporter.at(static_cast<long>(region.begin.line), static_cast<long>(region.begin.column));
}

inline std::string_view expected_of(Kind kind) {
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
inline std::string describe_node(const toml::node& node) {
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
inline std::string type_hint(const KeySpec& spec, const toml::node& node) {
    const auto* text = node.as_string();
    if (spec.kind == Kind::integer && text && util::parse_int(text->get())) {
        return fmt::format("write it without quotes: {} = {}", key_text(spec.name), text->get());
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
    /// Where `key` itself is written, or the table's own position when it is absent.
    model::SourceRef where_key(std::string_view key) const {
        auto it = m_table.find(key);
        return it != m_table.end() ? position(it->first.source()) : where();
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
        return position_of(m_reporter, region);
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
            if (key.str() == "U" && !m_spec.u_hint.empty()) {
                hint = m_spec.u_hint;
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

/// Reads [suite.grading] (read_grading.cpp).
DraftGrading read_grading(const toml::table& table, Reporter& reporter);

/// Reads a qualification's [qualification.grading] into `draft` (read_grading.cpp).
void read_qualification_grading(const toml::table& table, DraftQualification& draft,
                                Reporter& reporter);

} // namespace qc::rulesfile::detail
