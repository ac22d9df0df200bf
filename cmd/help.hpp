#pragma once
// Help that teaches: every command's --help opens with its purpose and two or three examples,
// then the usage, the options and any notes. The examples kept here also feed the man page
// and the completions (cmd/describe.cpp), so that --help, qualcheck(1) and the completions
// are made from one set of definitions.

#include "clidoc/command.hpp"
#include "diag/failure.hpp"

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace qc::cmd {

/// Installs qualcheck's help formatter on the root `app`, before any subcommand is added
/// (subcommands share their parent's formatter).
void use_help_formatter(CLI::App& app);

/// Sets the examples `app`'s --help shows under its purpose, and the notes after its options.
void set_help(CLI::App& app, std::vector<clidoc::Example> examples, std::string notes = {});

/// The examples set for `app` (empty when none were).
const std::vector<clidoc::Example>& examples_of(const CLI::App& app);

/// "qualcheck report summary": the words that select `app`.
std::string command_path(const CLI::App& app);

/// The usage line --help shows, without "Usage: ": "qualcheck report candidate [OPTIONS] NUMBER".
std::string usage_of(const CLI::App& app);

/// "did you mean 'X'?" for a misspelt name or the start of exactly one name, else empty.
std::string suggest(const std::string& word, const std::vector<std::string>& names);

/// Every option name of `app`: "--rules", "-o", "--output", ...
std::vector<std::string> option_names(const CLI::App& app);

/// The usage failure for arguments left over after parsing `app` (not empty): the first
/// unknown option (with the option meant, when one is close), else the first unexpected word.
diag::Failure unexpected_argument(const CLI::App& app, const std::vector<std::string>& arguments);

/// CLI11's parse error message in words a person understands ("--today was given 2 times;
/// give it once" for "--today: At Most 1 required but received 2"); other texts unchanged.
/// `app` is the command being parsed: it tells a switch (a flag) from an option with a value.
std::string plain_parse_error(const CLI::App& app, const std::string& what);

/// The usage failure for a word that names none of `app`'s subcommands (`what`: "view",
/// "action", "subcommand"), or for no word at all when `word` is empty.
diag::Failure unknown_subcommand(const CLI::App& app, const std::string& what,
                                 const std::string& word);

} // namespace qc::cmd
