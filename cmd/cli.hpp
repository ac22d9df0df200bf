#pragma once
// The whole command line, built in one place: qualcheck's --help, its man page and its shell
// completions are all made from the App this returns (see cmd/describe.hpp).

#include "check.hpp"
#include "declare.hpp"
#include "import.hpp"
#include "report.hpp"
#include "rules.hpp"

#include <CLI/CLI.hpp>

#include <memory>

namespace qc::cmd {

/// Where each subcommand's options land when the command line is parsed.
struct Commands {
    ImportOptions import;
    CheckOptions check;
    ReportOptions report;
    DeclareOptions declare;
    RulesOptions rules;
};

/// Every subcommand, view and action with its options, help and examples, writing into
/// `commands` (which must outlive the App).
std::unique_ptr<CLI::App> make_app(Commands& commands);

/// Runs the subcommand that `app` (made by make_app) has parsed. Throws diag::Failure.
int run_parsed(const CLI::App& app, const Commands& commands);

} // namespace qc::cmd
