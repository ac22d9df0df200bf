#include "diag/diagnostic.hpp"

#include <fmt/format.h>

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

} // namespace

std::string format(const Diagnostic& d) {
    std::string out = location(d) + d.message + excerpt(d);
    if (!d.hint.empty()) {
        out += "\n  hint: " + d.hint;
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
