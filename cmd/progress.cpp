#include "progress.hpp"

#include <cstdio>
#include <optional>
#include <sys/ioctl.h>
#include <unistd.h>

namespace qc::cmd {

namespace {

int terminal_width() {
    winsize size{};
    return ::ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0 ? size.ws_col : 80;
}

} // namespace

ProgressDisplay::ProgressDisplay(const CommonOptions& options)
    : m_line(stderr, !options.quiet && ::isatty(STDERR_FILENO) == 1, terminal_width()) {}

// The reader fills two 16 MB blocks at once before it parses a row, so rates counted from the
// start would be too high: they are measured from the first report on.
csvio::Input ProgressDisplay::watch(csvio::Input input) {
    if (!m_line.enabled()) {
        return input;
    }
    input.progress = [this, name = input.name, first = std::optional<csvio::ReadProgress>()](
                         const csvio::ReadProgress& read) mutable {
        report::ProgressFigures figures{read.bytes, read.total_bytes,
                                        read.lines > 0 ? read.lines - 1 : 0, 0, 0};
        if (!first) {
            first = read;
        } else if (const double seconds = read.seconds - first->seconds; seconds > 0) {
            figures.rows_per_second = static_cast<double>(read.lines - first->lines) / seconds;
            figures.bytes_per_second = static_cast<double>(read.bytes - first->bytes) / seconds;
        }
        m_line.show(report::progress_text(name, figures));
    };
    return input;
}

} // namespace qc::cmd
