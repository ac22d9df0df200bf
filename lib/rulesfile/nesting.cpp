#include "rulesfile/nesting.hpp"

#include <string>
#include <vector>

namespace qc::rulesfile {

namespace {

// Scans TOML well enough to tell structure from strings and comments; whatever it misreads in
// an invalid file, toml++ then refuses with a proper message.
class Scanner {
public:
    explicit Scanner(std::string_view text) : m_text(text) {}

    std::optional<TooDeep> run() {
        while (m_at < m_text.size()) {
            const char c = m_text[m_at];
            if (c == '#') {
                skip_to_line_end();
            } else if (c == '"' || c == '\'') {
                skip_string(c);
            } else if (!structural(c)) {
                return TooDeep{m_line, static_cast<long>(m_at - m_line_start) + 1};
            } else {
                advance();
            }
        }
        return std::nullopt;
    }

private:
    // Updates the nesting for one character; false when it goes too deep.
    bool structural(char c) {
        switch (c) {
        case '[':
        case '{':
            m_bases.push_back(m_dots);
            break;
        case ']':
        case '}':
            if (!m_bases.empty()) {
                m_dots = m_bases.back();
                m_bases.pop_back();
            }
            break;
        case '.':
            ++m_dots;
            break;
        case ',':
            m_dots = m_bases.empty() ? 0 : m_bases.back();
            break;
        case '\n':
            m_dots = m_bases.empty() ? 0 : m_bases.back();
            break;
        default:
            break;
        }
        return m_dots + static_cast<int>(m_bases.size()) <= k_max_toml_nesting;
    }

    void advance() {
        if (m_text[m_at] == '\n') {
            ++m_line;
            m_line_start = m_at + 1;
        }
        ++m_at;
    }

    void skip_to_line_end() {
        while (m_at < m_text.size() && m_text[m_at] != '\n') {
            ++m_at;
        }
    }

    void skip_string(char quote) {
        const bool multiline = m_text.substr(m_at, 3) == std::string(3, quote);
        m_at += multiline ? 3 : 1;
        while (m_at < m_text.size()) {
            const char c = m_text[m_at];
            if (c == '\\' && quote == '"') {
                m_at += 2;
                continue;
            }
            if (c == quote && (!multiline || m_text.substr(m_at, 3) == std::string(3, quote))) {
                m_at += multiline ? 3 : 1;
                return;
            }
            if (c == '\n' && !multiline) {
                return;
            }
            advance();
        }
    }

    std::string_view m_text;
    std::size_t m_at = 0;
    std::size_t m_line_start = 0;
    long m_line = 1;
    int m_dots = 0;
    std::vector<int> m_bases; // m_dots when each open array or inline table began
};

} // namespace

std::optional<TooDeep> find_too_deep(std::string_view text) {
    return Scanner(text).run();
}

} // namespace qc::rulesfile
