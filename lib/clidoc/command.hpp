#pragma once
// The command line described as plain data, for the man page and the shell completions. cmd/
// fills it in by walking the same CLI11 definitions that print --help, so the three cannot
// drift apart; nothing here knows CLI11.

#include <string>
#include <vector>

namespace qc::clidoc {

/// One example command line, with an optional comment shown above it.
struct Example {
    std::string command; ///< "qualcheck report at-risk --format csv -o at-risk.csv"
    std::string comment; ///< "what it does", or empty
};

/// One option or positional argument of a command.
struct Option {
    std::vector<std::string> names; ///< "-o", "--output"; for a positional, its name ("NUMBER")
    std::string value_name;         ///< "FILE", "DATE", or choices "table|csv|json"; empty: a flag
    std::string description;
    bool positional = false;
    bool required = false;
    bool repeatable = false;

    /// The choices when value_name lists them ("table|csv|json"), else nothing.
    std::vector<std::string> choices() const;
    /// True when the value names a file or folder (completed from the file system).
    bool takes_path() const;
};

/// A command: qualcheck itself, a subcommand, or a view or action of one.
struct Command {
    std::vector<std::string> path; ///< {"qualcheck", "report", "summary"}
    std::string purpose;           ///< one line
    std::string usage;             ///< "qualcheck report candidate [OPTIONS] NUMBER"
    std::vector<Example> examples;
    std::string notes;           ///< paragraphs after the options (exit statuses, caveats)
    std::vector<Option> options; ///< in definition order, positionals included
    std::vector<Command> subcommands;

    /// "qualcheck report summary".
    std::string full_name() const;
};

/// Facts about the installation that the man page names.
struct ManPageInfo {
    std::string version;   ///< "0.1.0"
    std::string date;      ///< "2026-11-25"
    std::string rules_dir; ///< where the shipped rules are installed
    std::string docs_dir;  ///< where the documentation and examples are installed
};

/// qualcheck(1) in roff: NAME, SYNOPSIS, DESCRIPTION, a section per subcommand (and a
/// subsection per view or action) with options and examples, EXIT STATUS, ENVIRONMENT,
/// FILES, SEE ALSO.
std::string render_man_page(const Command& root, const ManPageInfo& info);

/// A bash completion script (for bash-completion's `complete -F`): subcommands, views,
/// actions, every option of each, choices and file names for option values.
std::string render_bash_completion(const Command& root);

/// A zsh completion function (#compdef qualcheck) with one _arguments list per command.
std::string render_zsh_completion(const Command& root);

} // namespace qc::clidoc
