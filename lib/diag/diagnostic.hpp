#pragma once
// What went wrong with an input, where, and what to do about it.

#include <cstddef>
#include <string>
#include <vector>

namespace qc::diag {

/// One problem found in an input file (or on the command line when `file` is empty).
struct Diagnostic {
    std::string file;        ///< as the user named it; "-" reads as "<stdin>"
    long line = 0;           ///< 1-based; 0 when the problem is with the whole file
    long column = 0;         ///< 1-based; 0 when unknown
    std::string message;     ///< what is wrong, naming the column or key and the bad value
    std::string hint;        ///< what to do, or empty
    std::string source_line; ///< the offending line, shown with a caret when column is known
};

/// "FILE:LINE:COL: message" (parts left out when unknown), then, on following lines, the
/// source line with a caret under the column and "hint: ..." where present.
std::string format(const Diagnostic& diagnostic);

/// Diagnostics collected while reading inputs; loaders keep going after a bad row so that the
/// user sees every problem at once, up to a limit.
class Diagnostics {
public:
    /// Stop recording after this many; the rest are only counted.
    static constexpr std::size_t k_limit = 50;

    Diagnostics() = default;
    /// A list that records up to `limit` diagnostics (e.g. every rejected row of an import).
    explicit Diagnostics(std::size_t limit) : m_limit(limit) {}

    void add(Diagnostic diagnostic);
    bool empty() const { return m_count == 0; }
    std::size_t count() const { return m_count; }
    const std::vector<Diagnostic>& recorded() const { return m_recorded; }
    /// True when the next diagnostic added would only be counted, not recorded.
    bool full() const { return m_recorded.size() >= m_limit; }
    /// Moves everything from `other` into this list.
    void merge(Diagnostics&& other);

private:
    std::vector<Diagnostic> m_recorded;
    std::size_t m_count = 0;
    std::size_t m_limit = k_limit;
};

} // namespace qc::diag
