#pragma once
// The one exception type of qualcheck: an abort with an exit status and the reasons for it.
// Loaders collect expected problems as Diagnostics; when they cannot go on they throw a
// Failure, and cmd/main.cpp's single catch prints it and exits with its status.

#include "diag/diagnostic.hpp"

#include <exception>
#include <string>

namespace qc::diag {

/// Exit statuses of the contract (spec/contract.md section 5).
enum class ExitStatus : int {
    ok = 0,          ///< done; for `check`, no unacknowledged at-risk entry
    at_risk = 1,     ///< `check` found at least one unacknowledged at-risk entry
    bad_input = 2,   ///< bad usage or bad input; nothing written to the store
    refused = 3,     ///< the user's role may not do this, or the window is closed
    io_failure = 4,  ///< the store or an output file could not be read or written
};

class Failure : public std::exception {
public:
    Failure(ExitStatus status, Diagnostics diagnostics);
    /// A failure with one message (no file position) and an optional hint.
    Failure(ExitStatus status, std::string message, std::string hint = {});
    /// A failure about one place in one file.
    static Failure at(ExitStatus status, Diagnostic diagnostic);

    ExitStatus status() const { return m_status; }
    const Diagnostics& diagnostics() const { return m_diagnostics; }
    const char* what() const noexcept override;

private:
    ExitStatus m_status;
    Diagnostics m_diagnostics;
    std::string m_what;
};

/// Throws a bad_input Failure holding `diagnostics` when there are any.
void throw_if_any(const Diagnostics& diagnostics);

} // namespace qc::diag
