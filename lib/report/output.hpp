#pragma once
// Where data goes: standard output or a file given with -o. A regular file is written to a
// fresh temporary name beside it (made exclusively, mode 0600: it holds students' names) and
// renamed into place on close, so a failed run never leaves half a file. A device, FIFO or
// the program's own standard output (/dev/stdout) is written directly, never replaced.

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace qc::report {

/// A file an output must never overwrite: the store or an input, by what it is to the user.
struct Protected {
    std::string what; ///< e.g. "the store", "the candidates export"
    std::string path;
};

/// Refuses (diag::Failure, bad_input) when `path`, written by `option` (e.g. "-o"), is the
/// same file (device and inode) as one of `inputs`, before anything is written. Nothing is
/// checked for standard output or a path that does not exist yet.
void refuse_overwriting(const std::string& option, const std::string& path, const std::vector<Protected>& inputs);

class Output {
public:
    /// Standard output when path is empty or "-" (or names standard output itself), else the
    /// file at path. Throws diag::Failure(io_failure) when it cannot be written, or is a folder.
    explicit Output(std::string path = {});
    ~Output();
    Output(const Output&) = delete;
    Output& operator=(const Output&) = delete;

    void write(std::string_view text);
    /// Flushes and, for a file, renames it into place. Throws diag::Failure(io_failure).
    void close();
    /// True when writing to a terminal (for colour and the default format).
    bool is_terminal() const { return m_terminal; }
    /// CSV for opening in Excel by double-click (--excel): writes the UTF-8 byte order mark
    /// now, and CSV writers then write all-digit identifiers as ="0042" so that they keep
    /// their leading zeros (docs/reliability.md).
    void start_excel_csv();
    bool excel() const { return m_excel; }
    /// True when writing to standard output (no -o FILE, or -o -).
    bool is_stdout() const { return m_file == stdout; }
    /// For a writer that writes a whole file by name (an xlsx workbook): the path to write,
    /// which close() then commits exactly as it commits text written with write(). Only for a
    /// file (see is_stdout); nothing may be written with write() as well.
    const std::string& path_for_file_writer() const;
    /// The file the user named with -o, for messages.
    const std::string& path() const { return m_path; }

private:
    void flush();

    std::string m_path;
    std::string m_temp_path;
    std::FILE* m_file = nullptr;
    std::string m_buffer;
    bool m_terminal = false;
    bool m_closed = false;
    bool m_excel = false;
    bool m_direct = false; ///< a device or FIFO, written in place
};

} // namespace qc::report
