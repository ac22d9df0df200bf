#pragma once
// Where a CSV export comes from: a file, standard input ("-"), or text in memory (tests).

#include "diag/diagnostic.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace qc::csvio {

struct Input {
    std::string name;                     ///< path as given, "-" for stdin; used in messages
    std::optional<std::string_view> text; ///< when set, read this instead of opening `name`

    static Input file(std::string path) { return Input{std::move(path), std::nullopt}; }
    static Input memory(std::string name, std::string_view text) { return Input{std::move(name), text}; }
};

/// Settings the readers need from the centre's configuration.
struct ReadOptions {
    std::string default_centre; ///< used when a row has no centre_number (5 digits, or empty)
    /// When set, a bad data row is recorded here (its whole text in source_line) and skipped
    /// instead of failing the read: `import --skip-invalid`. Problems with the file or its
    /// header still fail.
    diag::Diagnostics* rejects = nullptr;
    /// Unit rows files of at least this many bytes (and standard input) are read on a
    /// second thread while this one hands the rows to the sink (docs/performance.md).
    std::uint64_t parallel_from = std::uint64_t{4} << 20;
};

} // namespace qc::csvio
