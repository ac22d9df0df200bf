#pragma once
// The progress line of long reads (import, check, views read from CSV files): on standard
// error, only when it is a terminal and --quiet is not given, so that cron output and
// redirected logs stay clean.

#include "common.hpp"
#include "csvio/input.hpp"
#include "report/progress.hpp"

namespace qc::cmd {

class ProgressDisplay {
public:
    explicit ProgressDisplay(const CommonOptions& options);

    /// `input`, set to draw its progress on the line when the line is shown at all.
    csvio::Input watch(csvio::Input input);
    /// Wipes the line: call when a read ends, before anything else is printed.
    void clear() { m_line.clear(); }

private:
    report::ProgressLine m_line;
};

} // namespace qc::cmd
