#pragma once
// Where LineSource's bytes come from: a file, standard input or memory, watched for NUL bytes
// and read errors so that the record reader can name them.

#include "csvio/input.hpp"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace qc::csvio {

/// Feeds LineSource (lines.hpp) and watches every block for a NUL byte, which never occurs in
/// a UTF-8 CSV export. An input whose first block has CR line ends and no LF (old Mac exports)
/// is passed on with each CR as LF, so that it reads as written rather than as one line. The stream is cut at the start of the NUL's line so that no line holds
/// one; the reader reports it. read() may run on the thread that reads a large units file
/// (row_batch.hpp), hence the atomics.
class WatchedSource {
public:
    virtual ~WatchedSource() = default;
    /// Reads up to `size` bytes; 0 at the end, after a read error, or from the NUL's line on.
    int read(char* buffer, int size);

    /// True once a NUL byte has been seen.
    bool nul_found() const { return m_nul_found.load(); }
    /// True when the input starts like UTF-16 (a UTF-16 BOM or a NUL in its first two bytes).
    bool looks_utf16() const { return m_looks_utf16; }
    /// True when the input starts like an Excel workbook (.xlsx, a zip; or .xls), not text.
    bool looks_workbook() const { return m_looks_workbook; }
    /// True when the NUL's line was withheld whole; false when its start, from an earlier
    /// block, already went to LineSource as a line of its own.
    bool nul_line_clean() const { return m_nul_line_clean; }
    /// The line of a NUL found in the first block read, else 0.
    long first_block_nul_line() const { return m_first_block_nul_line; }
    /// Bytes passed on so far.
    std::uint64_t bytes() const { return m_bytes.load(); }
    /// Calls `progress` after blocks are read, as Input::progress promises; `total_bytes` is
    /// the input's size (0 when unknown).
    void watch(ProgressCallback progress, std::uint64_t total_bytes, std::chrono::milliseconds interval);
    /// True when a read failed; read_errno() says why.
    bool read_failed() const { return m_read_errno.load() != 0; }
    int read_errno() const { return m_read_errno.load(); }

protected:
    virtual int raw_read(char* buffer, int size) = 0;
    std::atomic<int> m_read_errno{0};

private:
    void cut_at_nul(const char* buffer, std::size_t& n, std::size_t nul);
    void tell_progress(const char* buffer, std::size_t n);

    // Progress: counted only when watched, so that an unwatched read pays nothing per block.
    ProgressCallback m_progress;
    ReadProgress m_done;
    std::chrono::steady_clock::time_point m_opened;
    std::chrono::steady_clock::time_point m_last_told;
    std::chrono::milliseconds m_interval{0};

    std::atomic<bool> m_nul_found{false};
    std::atomic<std::uint64_t> m_bytes{0};
    bool m_looks_utf16 = false;
    bool m_looks_workbook = false;
    bool m_cr_only = false; ///< the first block has CRs and no LF: every CR is passed on as LF
    bool m_nul_line_clean = true;
    long m_first_block_nul_line = 0;
    char m_last_byte = '\n';
};

/// Opens `input`. Throws diag::Failure(bad_input) when the file does not exist, is a
/// directory or cannot be opened.
std::unique_ptr<WatchedSource> open_source(const Input& input);

/// "cannot read: <the system's reason>", for a read that failed with `error` (an errno).
std::string read_error_message(int error);

} // namespace qc::csvio
