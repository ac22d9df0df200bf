#include "help.hpp"

#include "util/spell.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>
#include <memory>
#include <regex>
#include <stdexcept>

namespace qc::cmd {

namespace {

// CLI11's layout with the examples moved up under the purpose, where a reader looks first.
class HelpFormatter final : public CLI::Formatter {
public:
    std::string make_help(const CLI::App* app, std::string name,
                          CLI::AppFormatMode mode) const override {
        if (mode == CLI::AppFormatMode::Sub) {
            return make_expanded(app);
        }
        std::string out = make_description(app);
        out += make_examples(app);
        out += '\n';
        out += make_usage(app, std::move(name));
        out += make_positionals(app);
        out += make_groups(app, mode);
        out += make_subcommands(app, mode);
        if (const std::string footer = make_footer(app); !footer.empty()) {
            out += '\n';
            out += footer;
        }
        return out;
    }

    std::string make_examples(const CLI::App* app) const {
        auto found = m_examples.find(app);
        if (found == m_examples.end() || found->second.empty()) {
            return {};
        }
        std::string out = "\nExamples:\n";
        for (const clidoc::Example& example : found->second) {
            if (!example.comment.empty()) {
                out += fmt::format("  # {}\n", example.comment);
            }
            out += fmt::format("  {}\n", example.command);
        }
        return out;
    }

    std::map<const CLI::App*, std::vector<clidoc::Example>> m_examples;
};

HelpFormatter& formatter_of(const CLI::App& app) {
    auto formatter = std::dynamic_pointer_cast<HelpFormatter>(app.get_formatter());
    if (!formatter) {
        throw std::logic_error("use_help_formatter() must be called on the root app first");
    }
    return *formatter;
}

std::vector<std::string> subcommand_names(const CLI::App& app) {
    std::vector<std::string> names;
    for (const CLI::App* sub : app.get_subcommands({})) {
        names.push_back(sub->get_name());
    }
    return names;
}

// "report summary: " for a view, nothing for qualcheck itself.
std::string message_prefix(const CLI::App& app) {
    std::string path = command_path(app);
    const std::size_t space = path.find(' ');
    return space == std::string::npos ? std::string() : path.substr(space + 1) + ": ";
}

} // namespace

void use_help_formatter(CLI::App& app) {
    app.formatter(std::make_shared<HelpFormatter>());
}

void set_help(CLI::App& app, std::vector<clidoc::Example> examples, std::string notes) {
    formatter_of(app).m_examples[&app] = std::move(examples);
    app.footer(std::move(notes)); // always: a subcommand starts with its parent's footer
}

const std::vector<clidoc::Example>& examples_of(const CLI::App& app) {
    static const std::vector<clidoc::Example> none;
    const HelpFormatter& formatter = formatter_of(app);
    auto found = formatter.m_examples.find(&app);
    return found == formatter.m_examples.end() ? none : found->second;
}

std::string command_path(const CLI::App& app) {
    std::string path = app.get_name();
    for (const CLI::App* parent = app.get_parent(); parent != nullptr;
         parent = parent->get_parent()) {
        path = parent->get_name() + " " + path;
    }
    return path;
}

std::string usage_of(const CLI::App& app) {
    std::string usage = formatter_of(app).make_usage(&app, command_path(app));
    const std::string label = "Usage: ";
    if (usage.compare(0, label.size(), label) == 0) {
        usage.erase(0, label.size());
    }
    while (!usage.empty() && (usage.back() == '\n' || usage.back() == ' ')) {
        usage.pop_back();
    }
    return usage;
}

std::string suggest(const std::string& word, const std::vector<std::string>& names) {
    if (std::string hint = util::did_you_mean(word, names); !hint.empty()) {
        return hint;
    }
    // A shortened name ("ack" for "acknowledge") is as likely as a typo.
    const std::string* only = nullptr;
    for (const std::string& name : names) {
        if (word.size() >= 2 && name.size() > word.size() &&
            name.compare(0, word.size(), word) == 0) {
            if (only != nullptr) {
                return {};
            }
            only = &name;
        }
    }
    return only == nullptr ? std::string() : "did you mean '" + *only + "'?";
}

std::vector<std::string> option_names(const CLI::App& app) {
    std::vector<std::string> names;
    for (const CLI::Option* option : app.get_options({})) {
        for (const std::string& name : option->get_snames()) {
            names.push_back("-" + name);
        }
        for (const std::string& name : option->get_lnames()) {
            names.push_back("--" + name);
        }
    }
    return names;
}

diag::Failure unexpected_argument(const CLI::App& app, const std::vector<std::string>& arguments) {
    // CLI11 leaves an unknown option's value behind too; the option is what was mistyped.
    auto option = std::find_if(arguments.begin(), arguments.end(),
                               [](const std::string& a) { return a.size() > 1 && a[0] == '-'; });
    const std::string& argument = option != arguments.end() ? *option : arguments.front();
    const std::string help = fmt::format("run '{} --help' for its options", command_path(app));
    if (argument.size() > 1 && argument[0] == '-') {
        const std::string name = argument.substr(0, argument.find('='));
        // "-0" is one edit from every short option: only longer names get a guess.
        const std::string hint = name.size() > 2 ? suggest(name, option_names(app)) : std::string();
        return diag::Failure(diag::ExitStatus::bad_input,
                             fmt::format("{}unknown option '{}'", message_prefix(app), name),
                             hint.empty() ? help : hint);
    }
    return diag::Failure(diag::ExitStatus::bad_input,
                         fmt::format("{}unexpected argument '{}'", message_prefix(app), argument),
                         help);
}

diag::Failure unknown_subcommand(const CLI::App& app, const std::string& what,
                                 const std::string& word) {
    const std::vector<std::string> names = subcommand_names(app);
    const std::string list = fmt::format("one of {}", fmt::join(names, ", "));
    if (word.empty()) {
        const bool vowel =
            !what.empty() && std::string_view("aeiou").find(what.front()) != std::string_view::npos;
        return diag::Failure(
            diag::ExitStatus::bad_input,
            fmt::format("{}name {} {}", message_prefix(app), vowel ? "an" : "a", what),
            fmt::format("{}; run '{} --help' for examples", list, command_path(app)));
    }
    const std::string hint = suggest(word, names);
    return diag::Failure(diag::ExitStatus::bad_input,
                         fmt::format("{}unknown {} '{}'", message_prefix(app), what, word),
                         hint.empty() ? list : hint);
}

std::string plain_parse_error(const CLI::App& app, const std::string& what) {
    // CLI11 reads "--dry-run=maybe" as the switch given the value "true,maybe".
    static const std::regex k_convert(R"(^Could not convert: (?:\S+,)?(\S+) = .*$)");
    std::smatch convert;
    if (std::regex_match(what, convert, k_convert)) {
        const CLI::Option* option = app.get_option_no_throw(convert[1].str());
        if (option != nullptr && option->get_expected_max() == 0) {
            return convert[1].str() + " is a switch: give it without a value";
        }
    }
    // CLI11 2.x texts, by the exception that throws them (CLI/Error.hpp). An option's name may
    // be given with its short form ("-o,--output"): the long form is the one people type.
    static const std::vector<std::pair<std::regex, std::string>> k_rewordings = {
        {std::regex(R"(^(?:\S+,)?(\S+): At Most 1 required but received (\d+)$)"),
         "$1 was given $2 times; give it once"},
        {std::regex(R"(^(?:\S+,)?(\S+): At Most (\d+) required but received (\d+)$)"),
         "$1 takes at most $2 values; it was given $3"},
        {std::regex(R"(^(?:\S+,)?(\S+): At least (\d+) required but received (\d+)$)"),
         "$1 needs at least $2 values; it was given $3"},
        {std::regex(R"(^(?:\S+,)?(\S+): \d+ required (\S+) missing$)"), "$1 needs a value: $1 $2"},
        {std::regex(R"(^Expected exactly (\d+) arguments? to (?:\S+,)?(\S+), got (\d+)$)"),
         "$2 takes $1 value(s); it was given $3"},
        {std::regex(R"(^Expected at least (\d+) arguments? to (?:\S+,)?(\S+), got (\d+)$)"),
         "$2 needs at least $1 value(s); it was given $3"},
        {std::regex(R"(^(?:\S+,)?(\S+): (?:Should be true/false or a number|too many inputs for a flag)$)"),
         "$1 is a switch: give it without a value"},
        {std::regex(R"(^(?:\S+,)?(\S+) was given a disallowed flag override$)"),
         "$1 is a switch: give it without a value"},
        {std::regex(R"(^Could not convert: (?:\S+,)?(\S+) = (.*)$)"), "$1: '$2' is not a value it takes"},
        {std::regex(R"(^The value (.*) is not an allowed value for (?:\S+,)?(\S+)$)"),
         "$2: '$1' is not a value it takes"},
        {std::regex(R"(^(?:\S+,)?(\S+) requires (?:\S+,)?(\S+)$)"), "$1 needs $2 as well"},
        {std::regex(R"(^(?:\S+,)?(\S+) excludes (?:\S+,)?(\S+)$)"), "$1 and $2 cannot be used together"},
        {std::regex(R"(^(?:\S+,)?(\S+) is required$)"), "$1 is required"},
        {std::regex(R"(^Requires at most (\d+) subcommands?.*$)"), "only one view or action at a time"},
        {std::regex(R"(^A subcommand is required$)"), "a subcommand is required"},
    };
    for (const auto& [pattern, words] : k_rewordings) {
        if (std::regex_match(what, pattern)) {
            return std::regex_replace(what, pattern, words);
        }
    }
    return what;
}

} // namespace qc::cmd
