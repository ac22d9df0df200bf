#include "diag/failure.hpp"

namespace qc::diag {

Failure::Failure(ExitStatus status, Diagnostics diagnostics)
    : m_status(status), m_diagnostics(std::move(diagnostics)) {
    if (!m_diagnostics.recorded().empty()) {
        m_what = format(m_diagnostics.recorded().front());
    }
}

Failure::Failure(ExitStatus status, std::string message, std::string hint) : m_status(status) {
    m_diagnostics.add(Diagnostic{{}, 0, 0, std::move(message), std::move(hint), {}});
    m_what = format(m_diagnostics.recorded().front());
}

Failure Failure::at(ExitStatus status, Diagnostic diagnostic) {
    Diagnostics list;
    list.add(std::move(diagnostic));
    return Failure(status, std::move(list));
}

const char* Failure::what() const noexcept { return m_what.c_str(); }

void throw_if_any(const Diagnostics& diagnostics) {
    if (!diagnostics.empty()) {
        throw Failure(ExitStatus::bad_input, diagnostics);
    }
}

} // namespace qc::diag
