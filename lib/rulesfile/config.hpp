#pragma once
// The centre's configuration file (TOML): centre number and name, store path, users and
// their roles, alert address, and optionally where the rules are.

#include <map>
#include <string>
#include <vector>

namespace qc::rulesfile {

struct CentreConfig {
    std::string file;          ///< the config file read, or empty when none
    std::string centre_number; ///< 5 digits, or empty
    std::string centre_name;
    std::string store_path;    ///< resolved against the config file's folder; empty if unset
    std::map<std::string, std::string> users; ///< login name -> "exams_officer" or "teacher"
    std::string alerts_to;
    std::vector<std::string> rules; ///< [rules] paths, resolved like store_path
};

/// Reads the config at `path`; when `path` is empty, reads qualcheck.toml in the current
/// folder if there is one, else returns an empty config. Unknown keys, wrong types and bad
/// values are errors (diag::Failure, bad_input) with file, line and column.
CentreConfig load_config(const std::string& path);

/// Parses config text; `name` is used in messages and `folder` to resolve relative paths.
CentreConfig parse_config(const std::string& name, const std::string& text, const std::string& folder);

} // namespace qc::rulesfile
