#include "report/progress.hpp"

#include <fmt/format.h>

#include <cmath>

namespace qc::report {

std::string thousands(std::uint64_t number) {
    std::string digits = std::to_string(number);
    for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3) {
        digits.insert(static_cast<std::size_t>(at), 1, ',');
    }
    return digits;
}

std::string duration_text(double seconds) {
    const auto whole = static_cast<long>(std::ceil(seconds));
    if (whole < 60) {
        return fmt::format("{}s", whole);
    }
    if (whole < 3600) {
        return fmt::format("{}m {:02}s", whole / 60, whole % 60);
    }
    return fmt::format("{}h {:02}m", whole / 3600, whole % 3600 / 60);
}

std::string progress_text(std::string_view name, const ProgressFigures& f) {
    std::string text =
        fmt::format("{}: {} rows", name == "-" ? "standard input" : name, thousands(f.rows));
    const double megabytes = static_cast<double>(f.bytes) / 1e6;
    if (f.total_bytes > 0) {
        const double total = static_cast<double>(f.total_bytes) / 1e6;
        text +=
            fmt::format(", {:.0f} of {:.0f} MB ({:.0f}%)", megabytes, total,
                        100.0 * static_cast<double>(f.bytes) / static_cast<double>(f.total_bytes));
    } else {
        text += fmt::format(", {:.0f} MB", megabytes);
    }
    if (f.rows_per_second > 0) {
        text +=
            fmt::format(", {} rows/s", thousands(static_cast<std::uint64_t>(f.rows_per_second)));
    }
    if (f.total_bytes > f.bytes && f.bytes_per_second > 0) {
        text += ", about " +
                duration_text(static_cast<double>(f.total_bytes - f.bytes) / f.bytes_per_second) +
                " left";
    }
    return text;
}

ProgressLine::ProgressLine(std::FILE* terminal, bool enabled, int width)
    : m_terminal(terminal), m_enabled(enabled),
      m_width(width > 1 ? static_cast<std::size_t>(width) - 1 : 79) {}

ProgressLine::~ProgressLine() {
    clear();
}

// Spaces rather than an erase-line escape: works on any terminal, TERM=dumb included.
void ProgressLine::show(std::string_view text) {
    if (!m_enabled) {
        return;
    }
    const std::lock_guard<std::mutex> lock(m_mutex);
    text = text.substr(0, m_width);
    std::string line = "\r";
    line += text;
    if (text.size() < m_shown) {
        line.append(m_shown - text.size(), ' ');
    }
    std::fwrite(line.data(), 1, line.size(), m_terminal);
    std::fflush(m_terminal);
    m_shown = text.size();
}

void ProgressLine::clear() {
    const std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_enabled || m_shown == 0) {
        return;
    }
    std::string line = "\r";
    line.append(m_shown, ' ');
    line += '\r';
    std::fwrite(line.data(), 1, line.size(), m_terminal);
    std::fflush(m_terminal);
    m_shown = 0;
}

} // namespace qc::report
