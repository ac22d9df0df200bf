#pragma once
// Physical lines of an input, read block by block through its WatchedSource.
//
// It keeps fast-cpp-csv-parser LineReader's contract (lines end at "\n", a "\r" before it is
// dropped, a last line without a line end is still a line, a line of 16 MB or more is an
// error), but finds line ends with memchr in 1 MB blocks that stay in the cache while they are
// parsed, and moves only the unfinished line when it reads the next block. LineReader scans
// byte by byte and copies every byte twice more through its 16 MB window; on a 580 MB export
// that was a sixth of `check`'s time (docs/performance.md).

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

    /// Reads the first block at once (skipping a UTF-8 byte order mark), so that the source's first-block checks (UTF-16, a NUL
    /// in the header, a read error) can be made before any line is asked for.
    explicit LineSource(WatchedSource& source);

    /// The next line, `length` bytes without its line end, followed by at least k_padding
    /// readable bytes (the first of which may be overwritten, see terminate()); nullptr at the
    /// end of the input or after a line that is too long (too_long() then says so). Valid
    /// until the next call, and beyond it until the before_refill hook runs.
    char* next(std::size_t& length);
    /// Writes a NUL after a line returned by next(), for code that scans to a terminator.
    static void terminate(char* line, std::size_t length) { line[length] = '\0'; }
    /// True when next() stopped at a line of k_max_line bytes or more.
    bool too_long() const { return m_too_long; }
    /// Calls `hook` (when set) before bytes already returned are moved or overwritten: lines
    /// returned earlier stay valid until then, so a reader may keep views of many of them.
    void before_refill(std::function<void()> hook) { m_before_refill = std::move(hook); }

private:
    bool read_more();

    WatchedSource& m_source;
    std::unique_ptr<char[]> m_buffer;
    std::size_t m_size = 0;  ///< usable bytes of m_buffer (k_padding more are allocated)
    std::size_t m_begin = 0; ///< first byte not yet returned
    std::size_t m_end = 0;   ///< end of the bytes read
    bool m_eof = false;
    bool m_too_long = false;
    std::function<void()> m_before_refill;
};

} // namespace qc::csvio
