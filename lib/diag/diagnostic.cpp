#include "diag/diagnostic.hpp"

#include "util/strings.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace qc::diag {

namespace {

std::string location(const Diagnostic& d) {
    if (d.file.empty()) {
        return {};
    }
    std::string where = d.file == "-" ? "<stdin>" : d.file;
    if (d.line > 0) {
        where += fmt::format(":{}", d.line);
        if (d.column > 0) {
            where += fmt::format(":{}", d.column);
        }
    }
    return where + ": ";
}

// Long or multi-line source text is cut so that the caret line stays readable.
std::string excerpt(const Diagnostic& d) {
    constexpr std::size_t k_max = 120;
    if (d.source_line.empty() || d.column <= 0 || d.source_line.size() > 4 * k_max ||
        d.source_line.find('\n') != std::string::npos) {
        return {};
    }
    std::size_t col = static_cast<std::size_t>(d.column - 1);
    if (col > d.source_line.size() || d.source_line.size() > k_max) {
        return {};
    }
    std::string caret(col, ' ');
    for (std::size_t i = 0; i < col; ++i) {
        if (d.source_line[i] == '\t') {
            caret[i] = '\t';
        }
    }
    return fmt::format("\n    {}\n    {}^", d.source_line, caret);
}

// A line holding control characters other than tab is left out (escaping it would move the
// caret off its column).
bool has_controls(const std::string& line) {
    std::string without_tabs = line;
    std::replace(without_tabs.begin(), without_tabs.end(), '\t', ' ');
    return util::inert(without_tabs) != without_tabs;
}

} // namespace

std::string format(const Diagnostic& d) {
    // Values from the input (names, file names, a whole line) reach a terminal or a cron
    // mail: their control characters are shown escaped, never sent.
    Diagnostic shown{util::inert(d.file), d.line, d.column, util::inert(d.message), util::inert(d.hint),
                     has_controls(d.source_line) ? std::string() : d.source_line};
    std::string out = location(shown) + shown.message + excerpt(shown);
    if (!shown.hint.empty()) {
        out += "\n  hint: " + shown.hint;
    }
    return out;
}

void Diagnostics::add(Diagnostic diagnostic) {
    ++m_count;
    if (m_recorded.size() < m_limit) {
        m_recorded.push_back(std::move(diagnostic));
    }
}

void Diagnostics::merge(Diagnostics&& other) {
    for (Diagnostic& d : other.m_recorded) {
        if (m_recorded.size() < m_limit) {
            m_recorded.push_back(std::move(d));
        }
    }
    m_count += other.m_count;
    other.m_recorded.clear();
    other.m_count = 0;
}

} // namespace qc::diag
