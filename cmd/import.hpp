#pragma once
// `qualcheck import`: validate the exports and load them into the store in one transaction.

#include "common.hpp"
#include "evaluate.hpp"

#include <CLI/CLI.hpp>

namespace qc::cmd {

struct ImportOptions {
    CommonOptions common;
    CsvInputs inputs;
    std::string user;
    bool dry_run = false;
    bool skip_invalid = false;
    bool allow_shrink = false; ///< accept a units export with no rows or far fewer than last time
    std::string rejects;
};

void register_import(CLI::App& app, ImportOptions& options);
int run_import(const ImportOptions& options);

} // namespace qc::cmd
