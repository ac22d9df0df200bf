#pragma once
// `qualcheck rules`: check rules files on their own, and show a suite as a specification's
// tables.

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace qc::cmd {

struct RulesOptions {
    std::vector<std::string> files; ///< rules check: files or folders
    std::string file;               ///< rules show: one file
    std::string code;               ///< rules show: one qualification, optional
};

void register_rules(CLI::App& app, RulesOptions& options);
int run_rules(const CLI::App& rules, const RulesOptions& options);

} // namespace qc::cmd
