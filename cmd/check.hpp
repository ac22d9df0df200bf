#pragma once
// `qualcheck check`: judge every entry, from CSV exports or the store.

#include "common.hpp"
#include "evaluate.hpp"

#include <CLI/CLI.hpp>

namespace qc::cmd {

struct CheckOptions {
    CommonOptions common;
    CsvInputs inputs;
};

void register_check(CLI::App& app, CheckOptions& options);
int run_check(const CheckOptions& options);

} // namespace qc::cmd
