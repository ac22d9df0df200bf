#pragma once
// Physical lines of an input, read through fast-cpp-csv-parser's io::LineReader over the
// input's WatchedSource.
//
// LineReader gives each line NUL-terminated in its own 48 MB window (lines end at "\n", a
// "\r" before it is dropped, a last line without a line end is still a line, a UTF-8 byte
// order mark is skipped, a line of 16 MB or more is an error) and reads the next 16 MB block
// on a thread of its own while this one parses. Its window moves without notice, so each line
// is copied into an arena here: lines stay valid, and are followed by padding for the record
// reader's 16-byte loads, until the arena is reused, which before_refill announces. That copy
// is what lets a batch of rows (row_batch.hpp) keep views of many lines at once.

#include "csvio/sources.hpp"

#include <cstddef>
#include <functional>
#include <memory>

namespace qc::csvio {

class LineSource {
public:
    /// Lines no shorter than this are refused (LineReader's limit).
    static constexpr std::size_t k_max_line = std::size_t{1} << 24;
    /// Bytes after the end of every line that may be read (not used): room for word-wide scans.
    static constexpr std::size_t k_padding = 64;

    /// Reads the first block at once (LineReader does), so that the source's first-block
    /// checks (UTF-16, a NUL in the header, a read error, a workbook) can be made before any
    /// line is asked for. `name` is the input's name as given.
    LineSource(const std::string& name, WatchedSource& source);
    ~LineSource();
    LineSource(const LineSource&) = delete;
    LineSource& operator=(const LineSource&) = delete;

    /// The next line, `length` bytes without its line end, followed by at least k_padding
    /// readable bytes (the first of which may be overwritten, see terminate()); nullptr at the
    /// end of the input or after a line that is too long (too_long() then says so). Valid
    /// until the before_refill hook runs.
    char* next(std::size_t& length);
    /// Writes a NUL after a line returned by next(), for code that scans to a terminator.
    static void terminate(char* line, std::size_t length) { line[length] = '\0'; }
    /// True when next() stopped at a line of k_max_line bytes or more.
    bool too_long() const { return m_too_long; }
    /// Calls `hook` (when set) before lines already returned are overwritten: lines returned
    /// earlier stay valid until then, so a reader may keep views of many of them.
    void before_refill(std::function<void()> hook) { m_before_refill = std::move(hook); }

private:
    struct Reader; // io::LineReader, kept out of this header
    char* room_for(std::size_t length);

    std::unique_ptr<Reader> m_reader;
    std::unique_ptr<char[]> m_arena;
    std::size_t m_size = 0; ///< usable bytes of m_arena (k_padding more are allocated)
    std::size_t m_used = 0;
    bool m_too_long = false;
    std::function<void()> m_before_refill;
};

} // namespace qc::csvio
