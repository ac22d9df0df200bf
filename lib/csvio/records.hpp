#pragma once
// RFC 4180 records read from a file, standard input or memory, over csvio's LineSource.
// Positions are physical lines (1-based) and byte columns (1-based) within them, so that a
// Diagnostic can show the line with a caret under the field.

#include "csvio/input.hpp"
#include "diag/diagnostic.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace qc::csvio {

/// Where a field starts: the physical line and the byte column of its first byte.
struct FieldPosition {
    long line = 0;
    long column = 0;
};

/// Reads one record at a time. Blank lines are skipped. Lines without a double quote are split
/// in place (no copy); quoted fields are unquoted into a scratch buffer, joining the physical
/// lines of a field that spans them with "\n". Views stay valid until the next call to next().
class RecordReader {
public:
    /// Opens the input. Throws diag::Failure(bad_input) when it cannot be opened or read, is a
    /// directory, or starts with NUL bytes (UTF-16 and other non-text files).
    explicit RecordReader(const Input& input);
    ~RecordReader();
    RecordReader(const RecordReader&) = delete;
    RecordReader& operator=(const RecordReader&) = delete;

    /// Moves to the next record; false at the end of the input. Problems found on the way
    /// (a quote never closed, a NUL byte later in the file) are added to diagnostics(); a line
    /// longer than 16 MB throws diag::Failure(bad_input) with everything found so far.
    bool next();

    /// The fields of the current record, untrimmed.
    const std::vector<std::string_view>& fields() const;
    /// Where field `index` of the current record starts.
    FieldPosition position(std::size_t index) const;
    /// The physical line on which the current record starts.
    long line() const;
    /// That line's text as read (without its line end), for carets in messages.
    std::string_view raw_line() const;
    /// True when the current record was split in place: its fields are views into raw_line()
    /// and their positions follow from it.
    bool plain() const;
    /// Where each field of the current record starts, when it is not plain() (else empty).
    std::span<const FieldPosition> positions() const;
    /// True when the current record spans more than one physical line.
    bool multi_line() const;
    /// The first field of the current record holding bytes that are not UTF-8, if any. Only
    /// the first such record in a file is reported; later ones are not checked.
    std::optional<std::size_t> bad_utf8_field() const;

    /// Calls `hook` (when set) before the lines read so far are moved or overwritten. Until
    /// then the views of plain() records (fields, raw_line()) stay valid after next().
    void before_lines_move(std::function<void()> hook);

    /// Problems the reader found by itself (see next()).
    diag::Diagnostics& diagnostics();
    /// The input's name, as given ("-" for stdin).
    const std::string& name() const;
    /// Bytes read from the input so far.
    std::uint64_t bytes() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace qc::csvio
