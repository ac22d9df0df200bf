#pragma once
// TOML rules files -> a validated RuleBook. The only place toml++ is included.

#include "diag/diagnostic.hpp"
#include "model/rules.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace qc::rulesfile {

/// Loads every suite named by `paths`: each is a .toml file, or a folder whose *.toml files
/// (not recursive) are read in name order. Validates each file and then the set (suite ids
/// and qualification codes unique across files). Throws diag::Failure (bad_input) listing
/// every problem as FILE:LINE:COL; a missing path or a folder with no .toml is also an error.
model::RuleBook load_rules(const std::vector<std::string>& paths);

/// Parses and validates one suite from TOML text; `name` is used in messages. Problems are
/// appended to `problems`; returns nullptr when there were any.
std::unique_ptr<model::Suite> parse_suite(std::string_view name, std::string_view text,
                                          diag::Diagnostics& problems);

} // namespace qc::rulesfile
