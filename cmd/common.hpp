#pragma once
// Options and set-up shared by every subcommand: rules, today, format, output, config, store.

#include "model/rules.hpp"
#include "model/series.hpp"
#include "report/output.hpp"
#include "report/results.hpp"
#include "report/workbook.hpp"
#include "rulesfile/config.hpp"
#include "util/date.hpp"

#include <CLI/CLI.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace qc::cmd {

struct CommonOptions {
    std::vector<std::string> rules;
    std::string today;
    std::string format;
    std::string output;
    std::string config;
    std::string store;
    std::string centre;
    bool quiet = false;
};

/// Adds --rules, --today, --config, --store, --centre, --quiet and, when `data_output`, --format
/// and -o.
void add_common_options(CLI::App& app, CommonOptions& options, bool data_output);

/// What every run needs, resolved from the options, the config file and the system.
struct Setup {
    util::Date today;
    model::Series current;
    rulesfile::CentreConfig config;
    model::RuleBook rules;
};

/// Reads the config, the date and the rules, and refuses an -o that names the store, the
/// config or a rules file. Throws diag::Failure on bad input.
Setup prepare(const CommonOptions& options);

/// The files no output may overwrite: the store, the config file and the rules files named.
std::vector<report::Protected> protected_files(const CommonOptions& options, const rulesfile::CentreConfig& config,
                                               const std::vector<std::string>& rules);

/// The date for --today (or the system date when empty).
util::Date resolve_today(const std::string& text);

/// The date given to a command-line option, which must be YYYY-MM-DD: otherwise a bad-input
/// Failure naming the option ("--since: no such date: '2027-02-30'").
util::Date option_date(std::string_view option, const std::string& text);

/// The output format: --format when given, else table on a terminal and csv otherwise.
/// `excel` (--excel) is csv made for Excel: it starts `out` with a byte order mark. `xlsx`
/// only where the caller can write a `workbook`, and only to a file (-o FILE).
report::Format resolve_format(const std::string& text, report::Output& out, bool workbook = false);

/// What a workbook's "About" sheet says: `title`, the centre, today, the rules files, when
/// the data was imported (empty: judged from CSV exports) and now.
report::WorkbookAbout workbook_about(const Setup& setup, std::string title, std::string imported_at = {});

/// The writer of entry results for `format`; for xlsx a workbook whose one sheet of entries is
/// named `sheet`, then an "About" sheet titled `title`.
std::unique_ptr<report::ResultWriter> make_writer(report::Format format, report::Output& out,
                                                  const Setup& setup, std::string_view sheet,
                                                  std::string title, std::string imported_at = {},
                                                  report::TableStyle style = {});

/// Refuses --format xlsx without -o FILE (a workbook is not for a terminal or a pipe).
void require_file_for_workbook(const CommonOptions& options);

/// Adds --excel, which sets `format` to "excel" (CSV for Excel; it wins over --format).
CLI::Option* add_excel_option(CLI::App& app, std::string& format);

/// Colour only on a terminal and only when NO_COLOR is not set.
bool use_colour(const report::Output& out);

/// The store file: --store, else the config's [store] path, else qualcheck.db here.
std::string store_path(const CommonOptions& options, const rulesfile::CentreConfig& config);

/// The default centre number for rows without one: --centre, else the config's.
std::string default_centre(const CommonOptions& options, const rulesfile::CentreConfig& config);

} // namespace qc::cmd
