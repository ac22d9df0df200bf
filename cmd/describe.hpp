#pragma once
// The CLI11 definitions as plain data (clidoc::Command), for the man page and completions.

#include "clidoc/command.hpp"

#include <CLI/CLI.hpp>

namespace qc::cmd {

/// `app` and all its subcommands, views and actions: purpose, usage, options (positionals
/// included, in definition order), examples and notes.
clidoc::Command describe(const CLI::App& app);

} // namespace qc::cmd
