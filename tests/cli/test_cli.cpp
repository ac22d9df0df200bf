// The command line as a whole (cmd/cli.cpp): help texts and the generated man page and
// completions, checked against the CLI11 App itself.
#include "cli.hpp"
#include "help.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace qc::cmd;

namespace {

std::string read_generated(const std::string& name) {
    std::ifstream in(std::string(QC_GENERATED_DIR) + "/" + name, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "missing generated file " << name);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Calls `visit` for the root and every subcommand, view and action below it.
void walk(const CLI::App& app, const std::function<void(const CLI::App&)>& visit) {
    visit(app);
    for (const CLI::App* sub : app.get_subcommands({})) {
        walk(*sub, visit);
    }
}

std::set<std::string> flag_names(const CLI::App& app) {
    const std::vector<std::string> names = option_names(app);
    return {names.begin(), names.end()};
}

std::vector<std::string> positional_names(const CLI::App& app) {
    std::vector<std::string> names;
    for (const CLI::Option* option : app.get_options({})) {
        if (option->get_lnames().empty() && option->get_snames().empty()) {
            names.push_back(option->get_name(true, false));
        }
    }
    return names;
}

std::string unroff(std::string text) {
    for (std::size_t at = text.find("\\-"); at != std::string::npos; at = text.find("\\-", at)) {
        text.erase(at, 1);
    }
    return text;
}

// The man page's section of `app`: from its heading to the next heading.
std::string man_section(const std::string& man, const CLI::App& app) {
    std::string path = command_path(app);
    std::string heading;
    if (app.get_parent() == nullptr) {
        heading = ".SH OPTIONS\n";
    } else if (app.get_parent()->get_parent() == nullptr) {
        heading = ".SH " + path.substr(path.find(' ') + 1) + "\n";
        for (char& c : heading) {
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        }
    } else {
        heading = ".SS \"" + path.substr(path.find(' ') + 1) + "\"\n";
    }
    const std::string page = unroff(man);
    const std::size_t start = page.find(heading);
    REQUIRE_MESSAGE(start != std::string::npos, "no man page section for " << path);
    // qualcheck's own section runs on through EXAMPLES.
    const std::size_t after = app.get_parent() == nullptr ? page.find(".SH EXAMPLES\n") : start;
    std::size_t end = page.size();
    for (const char* next : {"\n.SH ", "\n.SS "}) {
        end = std::min(end, page.find(next, after + 1));
    }
    return page.substr(start, end - start);
}

// The names each .TP entry of a man page section starts with: \fB--name\fR or \fINAME\fR.
void man_options(const std::string& section, std::set<std::string>& flags,
                 std::vector<std::string>& positionals) {
    std::istringstream lines(section);
    std::string line;
    while (std::getline(lines, line)) {
        if (line != ".TP" || !std::getline(lines, line)) {
            continue;
        }
        for (std::size_t at = line.find("\\f"); at != std::string::npos;
             at = line.find("\\f", at + 2)) {
            const char font = line[at + 2];
            const std::size_t end = line.find("\\fR", at);
            const std::string name = line.substr(at + 3, end - at - 3);
            if (font == 'B') {
                flags.insert(name);
            } else if (font == 'I' && at == 0) {
                positionals.push_back(name);
            }
            at = end;
        }
    }
}

// The bash completion's arm for `app`: "report summary") subs="..." opts="--a=kind ..." ;;
std::set<std::string> bash_options(const std::string& bash, const CLI::App& app,
                                   std::string& subs) {
    std::string path = command_path(app);
    path = path.find(' ') == std::string::npos ? "" : path.substr(path.find(' ') + 1);
    const std::string head = "        \"" + path + "\") subs=\"";
    const std::size_t start = bash.find(head);
    REQUIRE_MESSAGE(start != std::string::npos, "no bash completion arm for '" << path << "'");
    const std::size_t subs_end = bash.find('"', start + head.size());
    subs = bash.substr(start + head.size(), subs_end - start - head.size());
    const std::size_t opts = bash.find("opts=\"", subs_end) + 6;
    std::istringstream words(bash.substr(opts, bash.find('"', opts) - opts));
    std::set<std::string> names;
    for (std::string word; words >> word;) {
        names.insert(word.substr(0, word.find('=')));
    }
    return names;
}

// The zsh completion function for `app`, and the option names its _arguments specs start with.
std::set<std::string> zsh_options(const std::string& zsh, const CLI::App& app,
                                  std::size_t& positionals) {
    std::string name = "_" + command_path(app);
    for (char& c : name) {
        c = c == ' ' || c == '-' ? '_' : c;
    }
    const std::size_t start = zsh.find("\n" + name + "() {\n");
    REQUIRE_MESSAGE(start != std::string::npos, "no zsh completion function " << name);
    std::istringstream lines(zsh.substr(start + 1, zsh.find("\n}\n", start) - start));
    std::set<std::string> names;
    positionals = 0;
    for (std::string line; std::getline(lines, line);) {
        const std::string spec = line.substr(line.find_first_not_of(' '));
        if (spec.rfind("'(", 0) == 0) { // '(-o --output)'{-o,--output}'[...]'
            std::istringstream braced(
                spec.substr(spec.find('{') + 1, spec.find('}') - spec.find('{') - 1));
            for (std::string option; std::getline(braced, option, ',');) {
                names.insert(option);
            }
        } else if (spec.rfind("'-", 0) == 0 || spec.rfind("'*-", 0) == 0) { // '--rules[...]'
            const std::size_t from = spec[1] == '*' ? 2 : 1;
            names.insert(spec.substr(from, spec.find('[') - from));
        } else if (spec.rfind("':", 0) == 0 || spec.rfind("'::", 0) == 0) {
            ++positionals;
        }
    }
    return names;
}

} // namespace

TEST_CASE("every command's help opens with its purpose and two or three examples of itself") {
    Commands commands;
    auto app = make_app(commands);
    walk(*app, [](const CLI::App& command) {
        const std::string path = command_path(command);
        INFO("command: " << path);
        const auto& examples = examples_of(command);
        CHECK(examples.size() >= 2);
        CHECK(examples.size() <= 3);
        for (const auto& example : examples) {
            CHECK_MESSAGE(example.command.rfind(path == "qualcheck" ? "qualcheck " : path, 0) == 0,
                          "example does not run " << path << ": " << example.command);
        }
        const std::string help = command.help();
        CHECK(help.rfind(command.get_description() + "\n\nExamples:\n", 0) == 0);
        CHECK(command.get_description().find('\n') == std::string::npos);
    });
}

TEST_CASE("the man page has a section for every command listing every option") {
    const std::string man = read_generated("qualcheck.1");
    Commands commands;
    auto app = make_app(commands);
    walk(*app, [&](const CLI::App& command) {
        INFO("command: " << command_path(command));
        const std::string section = man_section(man, command);
        std::set<std::string> flags;
        std::vector<std::string> positionals;
        man_options(section, flags, positionals);
        CHECK(flags == flag_names(command));
        CHECK(positionals == positional_names(command));
        for (const auto& example : examples_of(command)) {
            CHECK_MESSAGE(section.find("\\fB" + example.command + "\\fR") != std::string::npos,
                          "example missing: " << example.command);
        }
    });
}

TEST_CASE("the bash completion completes every subcommand and option of every command") {
    const std::string bash = read_generated("qualcheck.bash");
    Commands commands;
    auto app = make_app(commands);
    walk(*app, [&](const CLI::App& command) {
        INFO("command: " << command_path(command));
        std::string subs;
        CHECK(bash_options(bash, command, subs) == flag_names(command));
        std::string expected;
        for (const CLI::App* sub : command.get_subcommands({})) {
            expected += (expected.empty() ? "" : " ") + sub->get_name();
        }
        CHECK(subs == expected);
    });
}

TEST_CASE("the zsh completion has a function for every command with every option") {
    const std::string zsh = read_generated("_qualcheck");
    Commands commands;
    auto app = make_app(commands);
    walk(*app, [&](const CLI::App& command) {
        INFO("command: " << command_path(command));
        std::size_t positionals = 0;
        CHECK(zsh_options(zsh, command, positionals) == flag_names(command));
        CHECK(positionals == positional_names(command).size());
        for (const CLI::App* sub : command.get_subcommands({})) {
            CHECK(zsh.find("                " + sub->get_name() + ") _") != std::string::npos);
        }
    });
}
