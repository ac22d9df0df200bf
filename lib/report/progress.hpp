#pragma once
// The progress line a long read shows on standard error: how many rows, how fast, how long
// to go. Drawn only on a terminal (cmd/ decides), redrawn in place with a carriage return and
// wiped before anything else is written, so that a terminal never keeps a half line and a
// log file never gets one.

#include <cstdint>
#include <cstdio>
#include <mutex>
#include <string>
#include <string_view>

namespace qc::report {

/// What is known about one read in progress.
struct ProgressFigures {
    std::uint64_t bytes = 0;       ///< read so far
    std::uint64_t total_bytes = 0; ///< the input's size; 0 when unknown
    std::uint64_t rows = 0;        ///< data rows read so far
    double rows_per_second = 0;    ///< the recent rate; 0 while not yet known
    double bytes_per_second = 0;   ///< likewise, for the time left
};

/// "units.csv: 1,234,567 rows, 45 of 550 MB (8%), 120,345 rows/s, about 1m 20s left"; without a
/// known size "standard input: 1,234,567 rows, 45 MB, 120,345 rows/s"; rate and time left
/// only once the rates are known.
std::string progress_text(std::string_view name, const ProgressFigures& figures);

/// "1,234,567".
std::string thousands(std::uint64_t number);

/// "45s", "1m 20s", "2h 05m".
std::string duration_text(double seconds);

/// One line on a terminal, redrawn in place. Safe to update from a reading thread.
class ProgressLine {
public:
    /// Draws on `terminal` only when `enabled`; `width` is the terminal's width in columns.
    ProgressLine(std::FILE* terminal, bool enabled, int width);
    ~ProgressLine();
    ProgressLine(const ProgressLine&) = delete;
    ProgressLine& operator=(const ProgressLine&) = delete;

    bool enabled() const { return m_enabled; }
    /// Redraws the line with `text`, cut to the terminal's width.
    void show(std::string_view text);
    /// Wipes the line, if one is shown, leaving the cursor where it began.
    void clear();

private:
    std::mutex m_mutex;
    std::FILE* m_terminal;
    bool m_enabled;
    std::size_t m_width;
    std::size_t m_shown = 0; ///< columns on the line now
};

} // namespace qc::report
