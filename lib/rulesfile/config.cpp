#include "rulesfile/config.hpp"

#include "diag/failure.hpp"
#include "rulesfile/nesting.hpp"
#include "util/files.hpp"
#include "rulesfile/draft.hpp"
#include "util/spell.hpp"
#include "util/strings.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <unistd.h>

namespace qc::rulesfile {

namespace fs = std::filesystem;
using diag::Diagnostic;
using diag::Diagnostics;

namespace {

struct Reader {
    const std::string& name;
    const std::string& folder;
    Diagnostics& problems;

    void problem(const toml::node& node, std::string message, std::string hint = {}) {
        const auto& where = node.source().begin;
        problems.add(Diagnostic{name, static_cast<long>(where.line), static_cast<long>(where.column),
                                std::move(message), std::move(hint), {}});
    }

    // Every key of a table must be known; unknown ones are reported with a suggestion.
    void known_keys(const toml::table& table, std::string_view where,
                    const std::vector<std::string>& known) {
        for (const auto& [key, node] : table) {
            if (std::find(known.begin(), known.end(), std::string(key.str())) == known.end()) {
                problems.add(Diagnostic{name, static_cast<long>(key.source().begin.line),
                                        static_cast<long>(key.source().begin.column),
                                        fmt::format("unknown key '{}' in {}", key.str(), where),
                                        util::did_you_mean(key.str(), known), {}});
            }
        }
    }

    std::string text(const toml::table& table, std::string_view key, std::string_view where) {
        const toml::node* node = table.get(key);
        if (node == nullptr) {
            return {};
        }
        if (!node->is_string()) {
            problem(*node, fmt::format("'{}' in {} must be a string", key, where));
            return {};
        }
        return std::string(*node->value<std::string_view>());
    }

    // A value that goes into a mail header: a line break would let it add headers of its own.
    std::string header_text(const toml::table& table, std::string_view key, std::string_view where) {
        std::string value = text(table, key, where);
        if (value.find_first_of("\r\n") != std::string::npos) {
            problem(*table.get(key), fmt::format("'{}' in {} contains a line break", key, where),
                    "it is used in mail headers: write it on one line");
            return {};
        }
        return value;
    }

    std::string path(const toml::table& table, std::string_view key, std::string_view where) {
        std::string value = text(table, key, where);
        if (value.empty() || fs::path(value).is_absolute()) {
            return value;
        }
        return (fs::path(folder) / value).lexically_normal().string();
    }

    const toml::table* section(const toml::table& root, std::string_view key) {
        const toml::node* node = root.get(key);
        if (node == nullptr) {
            return nullptr;
        }
        if (!node->is_table()) {
            problem(*node, fmt::format("'{}' must be a table: [{}]", key, key));
            return nullptr;
        }
        return node->as_table();
    }
};

void read_centre(Reader& r, const toml::table& centre, CentreConfig& config) {
    r.known_keys(centre, "[centre]", {"number", "name"});
    config.centre_number = r.text(centre, "number", "[centre]");
    config.centre_name = r.header_text(centre, "name", "[centre]");
    if (!config.centre_number.empty() &&
        (config.centre_number.size() != 5 || !util::is_digits(config.centre_number))) {
        r.problem(*centre.get("number"),
                  fmt::format("centre number '{}' is not 5 digits", config.centre_number),
                  "write it as a quoted string with its leading zeros, e.g. number = \"01234\"");
    }
}

void read_users(Reader& r, const toml::table& users, CentreConfig& config) {
    for (const auto& [key, node] : users) {
        std::string role = node.is_string() ? std::string(*node.value<std::string_view>()) : "";
        if (role != "exams_officer" && role != "teacher") {
            r.problem(node, fmt::format("user '{}' has role '{}'; roles are exams_officer and teacher",
                                        key.str(), role),
                      util::did_you_mean(role, {"exams_officer", "teacher"}));
            continue;
        }
        config.users.emplace(std::string(key.str()), role);
    }
}

void read_rules(Reader& r, const toml::table& rules, CentreConfig& config) {
    r.known_keys(rules, "[rules]", {"paths"});
    const toml::node* node = rules.get("paths");
    if (node == nullptr) {
        return;
    }
    if (!node->is_array()) {
        r.problem(*node, "'paths' in [rules] must be a list of strings");
        return;
    }
    for (const toml::node& item : *node->as_array()) {
        if (!item.is_string()) {
            r.problem(item, "'paths' in [rules] must be a list of strings");
            continue;
        }
        fs::path value(std::string(*item.value<std::string_view>()));
        config.rules.push_back(value.is_absolute() ? value.string()
                                                   : (fs::path(r.folder) / value).lexically_normal().string());
    }
}

// Like ssh with its files: a config that others may change could name any store or rules,
// or grant itself a role, in a job run as root.
void refuse_if_writable_by_others(const std::string& path, const util::FileAccess& access) {
    if ((access.mode & 022) != 0) {
        throw diag::Failure(diag::ExitStatus::bad_input,
                            fmt::format("{}: the config file may be changed by others (mode {:04o}); "
                                        "it is not used",
                                        path, access.mode),
                            fmt::format("let only its owner write it: chmod go-w {}", path));
    }
    if (access.owner != 0 && access.owner != static_cast<unsigned>(::geteuid())) {
        throw diag::Failure(diag::ExitStatus::bad_input,
                            fmt::format("{}: the config file belongs to another user (uid {}); it is not used",
                                        path, access.owner),
                            "the config must belong to root or to the user running qualcheck");
    }
}

} // namespace

CentreConfig parse_config(const std::string& name, const std::string& text, const std::string& folder) {
    CentreConfig config;
    config.file = name;
    Diagnostics problems;
    toml::table root;
    if (auto deep = find_too_deep(text)) {
        problems.add(Diagnostic{name, deep->line, deep->column,
                                fmt::format("invalid TOML: nested more than {} levels deep", k_max_toml_nesting),
                                {}, {}});
        diag::throw_if_any(problems);
    }
    try {
        root = toml::parse(text, name);
    } catch (const toml::parse_error& error) {
        const auto& where = error.source().begin;
        std::string description(error.description());
        if (!description.empty() && description[0] >= 'A' && description[0] <= 'Z') {
            description[0] = static_cast<char>(description[0] - 'A' + 'a');
        }
        problems.add(Diagnostic{name, static_cast<long>(where.line), static_cast<long>(where.column),
                                "invalid TOML: " + description,
                                bare_key_hint(text, static_cast<long>(where.line)), {}});
        diag::throw_if_any(problems);
    }
    Reader r{name, folder, problems};
    r.known_keys(root, "the config file", {"centre", "store", "users", "alerts", "rules"});
    if (const toml::table* centre = r.section(root, "centre")) {
        read_centre(r, *centre, config);
    }
    if (const toml::table* store = r.section(root, "store")) {
        r.known_keys(*store, "[store]", {"path"});
        config.store_path = r.path(*store, "path", "[store]");
    }
    if (const toml::table* users = r.section(root, "users")) {
        read_users(r, *users, config);
    }
    if (const toml::table* alerts = r.section(root, "alerts")) {
        r.known_keys(*alerts, "[alerts]", {"to"});
        config.alerts_to = r.header_text(*alerts, "to", "[alerts]");
    }
    if (const toml::table* rules = r.section(root, "rules")) {
        read_rules(r, *rules, config);
    }
    diag::throw_if_any(problems);
    return config;
}

CentreConfig load_config(const std::string& path) {
    std::string chosen = path;
    if (chosen.empty()) {
        std::error_code error;
        if (!fs::is_regular_file("qualcheck.toml", error)) {
            return {};
        }
        chosen = "qualcheck.toml";
    }
    std::error_code unused;
    if (fs::is_directory(chosen, unused)) {
        throw diag::Failure(diag::ExitStatus::bad_input,
                            fmt::format("{}: is a folder, not a config file", chosen));
    }
    std::string error;
    util::FileAccess access;
    std::optional<std::string> text = util::read_regular_file(chosen, util::k_max_text_file, error, &access);
    if (!text) {
        throw diag::Failure(diag::ExitStatus::bad_input,
                            fmt::format("{}: cannot read the config file: {}", chosen, error),
                            "check the path given with --config");
    }
    refuse_if_writable_by_others(chosen, access);
    const std::string folder = fs::path(chosen).parent_path().string();
    return parse_config(chosen, *text, folder.empty() ? "." : folder);
}

} // namespace qc::rulesfile
