#pragma once
// `qualcheck declare ACTION`: the centre's statements (amend an ECD, acknowledge, withdraw,
// declare a pathway, tick a subject, submit a checkpoint). Each is checked against the acting user's role and
// the date window, recorded in the declarations log, and followed by a fresh judgement so
// that stored results reflect it.

#include "common.hpp"

#include <CLI/CLI.hpp>

#include <string>

namespace qc::cmd {

struct DeclareOptions {
    CommonOptions common;
    std::string user;          ///< --user, else the login name
    std::string candidate;
    std::string qualification;
    std::string series;        ///< for `ecd`
    std::string reason;        ///< for `withdraw`
    std::string suite;         ///< for `subject-checked`
    std::string what;          ///< for `submit`: term-time or checkpoint-2
    std::string pathway;       ///< for `pathway`: id or title
    bool undo = false;
};

void register_declare(CLI::App& app, DeclareOptions& options);
/// Runs the action named on the command line; exit 3 when refused, nothing changed.
int run_declare(const CLI::App& declare, const DeclareOptions& options);

} // namespace qc::cmd
