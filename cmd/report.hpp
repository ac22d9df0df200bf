#pragma once
// `qualcheck report VIEW`: the views an exams officer reads through the year (at-risk,
// summary, candidate, changes, checkpoint, alert, options, moderation, declarations), from
// the store or, for the views that need no history, straight from CSV exports.

#include "common.hpp"
#include "evaluate.hpp"
#include "report/views.hpp"
#include "store/store.hpp"

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

namespace qc::cmd {

struct ReportOptions {
    CommonOptions common;
    CsvInputs inputs;
    std::string candidate; ///< for `candidate NUMBER`
    std::string since;     ///< for `changes --since DATE`
    bool verify = false;   ///< for `declarations --verify`
};

void register_report(CLI::App& app, ReportOptions& options);
/// Runs the view named on the command line. Never exits 1: views report, `check` judges.
int run_report(const CLI::App& report, const ReportOptions& options);

// --- shared by the views (cmd/report*.cpp) --------------------------------------------------

/// The latest run's results (at_risk for --today), or Failure(io_failure) when nothing has
/// been imported yet.
std::vector<assess::Assessment> latest_lines(store::Store& store, const Setup& setup);

/// Calls `visit` with each of the latest run's entries at risk for --today, in the order
/// saved; reads only those rows when the run was judged in the same series. Failure
/// (io_failure) when nothing has been imported yet.
void for_each_latest_at_risk(store::Store& store, const Setup& setup,
                             const std::function<void(const assess::Assessment&)>& visit);

/// The same, as a list.
std::vector<assess::Assessment> latest_at_risk_lines(store::Store& store, const Setup& setup);

/// Every entry assessed from the CSV exports named with --candidates and --units.
std::vector<assess::Assessment> csv_lines(const ReportOptions& options, const Setup& setup);

/// True when the view reads CSV exports rather than the store; both or neither are needed.
bool reads_csv(const ReportOptions& options);

int run_candidate_view(const ReportOptions& options);
int run_changes_view(const ReportOptions& options);
int run_checkpoint_view(const ReportOptions& options);
int run_options_view(const ReportOptions& options);
int run_moderation_view(const ReportOptions& options);

} // namespace qc::cmd
