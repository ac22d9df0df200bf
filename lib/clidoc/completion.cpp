#include "clidoc/command.hpp"

#include <fmt/format.h>

namespace qc::clidoc {

namespace {

std::string join(const std::vector<std::string>& words, std::string_view separator) {
    std::string out;
    for (const std::string& word : words) {
        if (!out.empty()) {
            out += separator;
        }
        out += word;
    }
    return out;
}

std::vector<const Command*> all_commands(const Command& root) {
    std::vector<const Command*> commands{&root};
    for (std::size_t i = 0; i < commands.size(); ++i) {
        for (const Command& sub : commands[i]->subcommands) {
            commands.push_back(&sub);
        }
    }
    return commands;
}

// --- bash -----------------------------------------------------------------------------------

// What follows an option: "flag" (nothing), "path", "text", or its choices joined by '|'.
std::string value_kind(const Option& option) {
    if (option.value_name.empty()) {
        return "flag";
    }
    if (!option.choices().empty()) {
        return option.value_name;
    }
    return option.takes_path() ? "path" : "text";
}

// One case arm per command: the words after "qualcheck", its subcommands, and each option
// name with what its value is.
std::string bash_arm(const Command& command) {
    std::vector<std::string> subs;
    for (const Command& sub : command.subcommands) {
        subs.push_back(sub.path.back());
    }
    std::vector<std::string> options;
    for (const Option& option : command.options) {
        for (const std::string& name : option.names) {
            if (!option.positional) {
                options.push_back(name + "=" + value_kind(option));
            }
        }
    }
    std::vector<std::string> path(command.path.begin() + 1, command.path.end());
    return fmt::format("        \"{}\") subs=\"{}\" opts=\"{}\" ;;\n", join(path, " "),
                       join(subs, " "), join(options, " "));
}

constexpr std::string_view k_bash_body = R"(
# The kind of value that option $1 takes in the current command: flag, path, text or choices.
_qualcheck_kind() {
    local pair
    for pair in $opts; do
        if [[ ${pair%%=*} == "$1" ]]; then
            echo "${pair#*=}"
            return
        fi
    done
    echo flag
}

_qualcheck() {
    local cur=${COMP_WORDS[COMP_CWORD]} path="" subs opts word kind i
    _qualcheck_spec ""
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        if [[ $word == -* ]]; then
            kind=$(_qualcheck_kind "$word")
            [[ $kind != flag ]] && ((i++))
        elif [[ " $subs " == *" $word "* ]]; then
            path=${path:+$path }$word
            _qualcheck_spec "$path"
        fi
    done
    COMPREPLY=()
    if ((COMP_CWORD > 1)) && [[ ${COMP_WORDS[COMP_CWORD - 1]} == -* ]]; then
        kind=$(_qualcheck_kind "${COMP_WORDS[COMP_CWORD - 1]}")
        case $kind in
            flag) ;;
            path) COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null; return ;;
            text) return ;;
            *) COMPREPLY=($(compgen -W "${kind//|/ }" -- "$cur")); return ;;
        esac
    fi
    if [[ $cur == -* ]]; then
        local names="" pair
        for pair in $opts; do names+=" ${pair%%=*}"; done
        COMPREPLY=($(compgen -W "$names" -- "$cur"))
    elif [[ -n $subs ]]; then
        COMPREPLY=($(compgen -W "$subs" -- "$cur"))
    fi
}
complete -F _qualcheck qualcheck
)";

// --- zsh ------------------------------------------------------------------------------------

// Text inside a single-quoted zsh word.
std::string quoted(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '\'') {
            out += "'\\''";
        } else {
            out.push_back(c);
        }
    }
    return out;
}

// A description inside _arguments' [...]: brackets and backslashes escaped.
std::string bracketed(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '[' || c == ']' || c == '\\') {
            out.push_back('\\');
        }
        out.push_back(c);
    }
    return quoted(out);
}

// A message field of an _arguments spec, where a colon would end the field.
std::string message(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == ':' || c == '\\') {
            out.push_back('\\');
        }
        out.push_back(c);
    }
    return quoted(out);
}

std::string zsh_function(const Command& command) {
    std::string name = join(command.path, "_");
    for (char& c : name) {
        c = c == '-' ? '_' : c;
    }
    return "_" + name;
}

std::string zsh_action(const Option& option) {
    if (!option.choices().empty()) {
        return "(" + join(option.choices(), " ") + ")";
    }
    return option.takes_path() ? "_files" : " ";
}

// One _arguments spec: '(-o --output)'{-o,--output}'[Write to FILE]:FILE:_files' or
// '*--rules[...]:PATH:_files' or, for a positional, ':Candidate number: '.
std::string zsh_spec(const Option& option) {
    if (option.positional) {
        return fmt::format("'{}:{}:{}'", option.required ? "" : ":", message(option.description),
                           quoted(zsh_action(option)));
    }
    std::string spec;
    if (option.names.size() > 1) {
        spec = "'(" + join(option.names, " ") + ")" + (option.repeatable ? "*" : "") + "'{" +
               join(option.names, ",") + "}'";
    } else {
        spec = std::string("'") + (option.repeatable ? "*" : "") + option.names.front();
    }
    spec += "[" + bracketed(option.description) + "]";
    if (!option.value_name.empty()) {
        spec += ":" + message(option.value_name) + ":" + quoted(zsh_action(option));
    }
    return spec + "'";
}

std::string zsh_command(const Command& command) {
    std::string out = zsh_function(command) + "() {\n";
    if (!command.subcommands.empty()) {
        out += "    local curcontext=$curcontext state line\n";
        out += "    _arguments -C -s -S \\\n";
    } else {
        out += "    _arguments -s -S \\\n";
    }
    for (const Option& option : command.options) {
        out += "        " + zsh_spec(option) + " \\\n";
    }
    if (command.subcommands.empty()) {
        out.erase(out.size() - 3);
        out += "\n}\n";
        return out;
    }
    out += "        '1: :->command' \\\n        '*:: :->arguments'\n";
    out += "    case $state in\n        command)\n            local -a commands\n            "
           "commands=(\n";
    for (const Command& sub : command.subcommands) {
        out += "                '" + message(sub.path.back()) + ":" + quoted(sub.purpose) + "'\n";
    }
    out += fmt::format("            )\n            _describe -t commands '{}' commands ;;\n",
                       quoted(join(command.path, " ") + " subcommand"));
    out += "        arguments)\n            case $line[1] in\n";
    for (const Command& sub : command.subcommands) {
        out += "                " + sub.path.back() + ") " + zsh_function(sub) + " ;;\n";
    }
    out += "            esac ;;\n    esac\n}\n";
    return out;
}

} // namespace

std::string render_bash_completion(const Command& root) {
    std::string out = "# bash completion for qualcheck, generated from its command-line "
                      "definitions; do not edit.\n"
                      "# Installed where bash-completion finds it; or: source this file.\n\n"
                      "# Sets subs and opts (NAME=KIND ...) for the command named by $1.\n"
                      "_qualcheck_spec() {\n    case $1 in\n";
    for (const Command* command : all_commands(root)) {
        out += bash_arm(*command);
    }
    out += "    esac\n}\n";
    out += k_bash_body;
    return out;
}

std::string render_zsh_completion(const Command& root) {
    std::string out = "#compdef qualcheck\n"
                      "# zsh completion for qualcheck, generated from its command-line "
                      "definitions; do not edit.\n\n";
    std::vector<const Command*> commands = all_commands(root);
    for (auto it = commands.rbegin(); it != commands.rend(); ++it) {
        out += zsh_command(**it) + "\n";
    }
    out += zsh_function(root) + " \"$@\"\n";
    return out;
}

} // namespace qc::clidoc
