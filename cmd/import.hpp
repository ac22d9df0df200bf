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
    std::string rejects;
};

void register_import(CLI::App& app, ImportOptions& options);
int run_import(const ImportOptions& options);

} // namespace qc::cmd
