#pragma once
// Where a CSV export comes from: a file, standard input ("-"), or text in memory (tests).

#include "diag/diagnostic.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace qc::csvio {

/// How far the reading of one input has got, for a progress line.
struct ReadProgress {
    std::uint64_t bytes = 0;       ///< read so far (the reader reads ahead of the rows it parses)
    std::uint64_t lines = 0;       ///< line ends in those bytes: rows, header and quoted breaks included
    std::uint64_t total_bytes = 0; ///< the input's size, or 0 when unknown (a pipe)
    double seconds = 0;            ///< since the input was opened
};

/// Told how far a read has got. Called on the reading thread, between blocks of bytes, at most
/// once per Input::progress_interval and never before one interval has passed, so that a
/// short read calls it not at all.
using ProgressCallback = std::function<void(const ReadProgress&)>;

struct Input {
    std::string name;                     ///< path as given, "-" for stdin; used in messages
    std::optional<std::string_view> text; ///< when set, read this instead of opening `name`
    ProgressCallback progress;            ///< when set, told how far the read has got
    std::chrono::milliseconds progress_interval{250};

    static Input file(std::string path) { return Input{std::move(path), std::nullopt, {}}; }
    static Input memory(std::string name, std::string_view text) { return Input{std::move(name), text, {}}; }
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
