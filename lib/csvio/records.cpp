#include "csvio/records.hpp"

#include "csvio/sources.hpp"

#include "diag/failure.hpp"
#include "util/strings.hpp"

// Threaded mode on purpose: reading the next 16 MB block overlaps with parsing, and Debian's
// header does not compile on GCC 12 with CSV_IO_NO_THREAD unless <limits> comes first.
// Its file-name copies trip -Wstringop-truncation once inlined at -O2; they are fine.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstringop-truncation"
#include <libfccp/csv.h>
#pragma GCC diagnostic pop

#include <algorithm>
#include <array>
#include <cstring>
#include <string>

namespace qc::csvio {

namespace {

using diag::Diagnostic;
using diag::ExitStatus;
using diag::Failure;

constexpr std::string_view k_save_as_utf8 = "save it as \"CSV UTF-8 (Comma delimited)\"";


// LineReader destroys its source after the first read when the input is small, but the
// reader still asks it about NULs and read errors afterwards, so the reader owns the source
// and LineReader gets this forwarder.
class Forwarder : public io::ByteSourceBase {
public:
    explicit Forwarder(WatchedSource& target) : m_target(target) {}
    int read(char* buffer, int size) override { return m_target.read(buffer, size); }

private:
    WatchedSource& m_target;
};


bool is_blank(const char* line) {
    for (; *line != '\0'; ++line) {
        if (*line != ' ' && *line != '\t') {
            return false;
        }
    }
    return true;
}

} // namespace

struct RecordReader::Impl {
    std::string name;
    std::unique_ptr<WatchedSource> source; // declared first: outlives `lines` and its thread
    std::unique_ptr<io::LineReader> lines;
    diag::Diagnostics problems;
    long physical_line = 0;

    std::vector<std::string_view> fields;
    std::vector<FieldPosition> positions;
    std::vector<std::pair<std::size_t, std::size_t>> spans; // slow path: [begin, end) in scratch
    std::string scratch;
    std::string raw_copy;
    std::string_view raw;
    long record_line = 0;
    bool spans_lines = false;
    bool plain = true; // fields are views into `raw`, positions are implied
    bool unterminated = false;
    bool has_high_bytes = false;
    bool check_utf8 = true;
    std::optional<std::size_t> bad_utf8;

    char* next_physical_line();
    bool split_plain(const char* line);
    void split_quoted(char* line);
    void check_encoding();
    void report_nul();
};

char* RecordReader::Impl::next_physical_line() {
    try {
        char* line = lines->next_line();
        if (line != nullptr) {
            ++physical_line;
        }
        return line;
    } catch (const io::error::base&) {
        // Only LineReader's length limit is thrown from here (our sources never throw).
        problems.add(Diagnostic{name, physical_line + 1, 0, "line is longer than 16 MB",
                                "this does not look like a CSV export", {}});
        throw Failure(ExitStatus::bad_input, problems);
    }
}

// Bytes that stop the fast path's scan: the separator, a quote and the line's end.
constexpr std::array<bool, 256> k_stops = [] {
    std::array<bool, 256> stops{};
    stops[','] = stops['"'] = stops[0] = true;
    return stops;
}();

// The fast path: split on commas without copying; bails out (false) at the first quote.
// Positions are not stored here: position() derives them from the views into the line.
bool RecordReader::Impl::split_plain(const char* line) {
    fields.clear();
    unsigned char high = 0;
    const char* start = line;
    const char* at = line;
    for (;; ++at) {
        auto c = static_cast<unsigned char>(*at);
        high |= c;
        if (!k_stops[c]) {
            continue;
        }
        if (c == '"') {
            return false;
        }
        fields.emplace_back(start, static_cast<std::size_t>(at - start));
        if (c == 0) {
            break;
        }
        start = at + 1;
    }
    plain = true;
    has_high_bytes = (high & 0x80) != 0;
    raw = std::string_view(line, static_cast<std::size_t>(at - line));
    return true;
}

// The slow path, RFC 4180 with two leniencies: a quote inside an unquoted field is kept as
// text, and text after a closing quote is appended to the field.
void RecordReader::Impl::split_quoted(char* line) {
    plain = false;
    scratch.clear();
    spans.clear();
    positions.clear();
    raw = line;
    unsigned char high = 0;
    std::size_t i = 0;
    for (;;) {
        positions.push_back({physical_line, static_cast<long>(i) + 1});
        std::size_t begin = scratch.size();
        if (line[i] == '"') {
            const long opened = physical_line;
            for (++i;;) {
                char c = line[i];
                if (c == '\0') {
                    if (!spans_lines) {
                        raw_copy.assign(raw);
                        raw = raw_copy;
                        spans_lines = true;
                    }
                    line = next_physical_line();
                    if (line == nullptr) {
                        unterminated = true;
                        problems.add(Diagnostic{name, opened, positions.back().column,
                                                "quoted field is never closed",
                                                "a field that starts with a double quote must end with one", {}});
                        spans.emplace_back(begin, scratch.size());
                        break;
                    }
                    scratch.push_back('\n');
                    i = 0;
                } else if (c == '"' && line[i + 1] == '"') {
                    scratch.push_back('"');
                    i += 2;
                } else if (c == '"') {
                    ++i;
                    break;
                } else {
                    high |= static_cast<unsigned char>(c);
                    scratch.push_back(c);
                    ++i;
                }
            }
            if (line == nullptr) {
                break;
            }
        }
        while (line[i] != ',' && line[i] != '\0') {
            high |= static_cast<unsigned char>(line[i]);
            scratch.push_back(line[i++]);
        }
        spans.emplace_back(begin, scratch.size());
        if (line[i] == '\0') {
            break;
        }
        ++i;
    }
    has_high_bytes = (high & 0x80) != 0;
    fields.clear();
    for (const auto& [begin, end] : spans) {
        fields.emplace_back(scratch.data() + begin, end - begin);
    }
}

// Only lines with a byte >= 0x80 are validated, so plain ASCII exports pay nothing.
void RecordReader::Impl::check_encoding() {
    bad_utf8.reset();
    if (!has_high_bytes || !check_utf8) {
        return;
    }
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (!util::is_valid_utf8(fields[i])) {
            bad_utf8 = i;
            check_utf8 = false;
            return;
        }
    }
}

void RecordReader::Impl::report_nul() {
    long line = physical_line + (source->nul_line_clean() ? 1 : 0);
    if (source->looks_utf16()) {
        problems.add(Diagnostic{name, line, 0, "the file contains NUL bytes: it looks like UTF-16",
                                std::string(k_save_as_utf8), {}});
    } else {
        problems.add(Diagnostic{name, line, 0, "the file contains a NUL byte",
                                "this does not look like a CSV text export; " + std::string(k_save_as_utf8), {}});
    }
}

RecordReader::RecordReader(const Input& input) : m_impl(std::make_unique<Impl>()) {
    m_impl->name = input.name;
    m_impl->source = open_source(input);
    m_impl->lines = std::make_unique<io::LineReader>(input.name, std::make_unique<Forwarder>(*m_impl->source));
    WatchedSource& watched = *m_impl->source;
    if (watched.read_failed()) {
        throw Failure::at(ExitStatus::bad_input, Diagnostic{input.name, 0, 0, read_error_message(watched.read_errno()), {}, {}});
    }
    if (watched.nul_found() && watched.first_block_nul_line() == 1) {
        // A NUL in the header means the whole file is not UTF-8 text (UTF-16 has one in
        // every other byte); say so before the header is misread as missing columns.
        m_impl->physical_line = 0;
        m_impl->report_nul();
        throw Failure(ExitStatus::bad_input, m_impl->problems);
    }
}

RecordReader::~RecordReader() = default;

bool RecordReader::next() {
    Impl& s = *m_impl;
    char* line = nullptr;
    do {
        line = s.next_physical_line();
        if (line == nullptr) {
            if (s.source->read_failed()) {
                s.problems.add(Diagnostic{s.name, s.physical_line, 0,
                                          read_error_message(s.source->read_errno()), {}, {}});
            } else if (s.source->nul_found()) {
                s.report_nul();
            }
            return false;
        }
    } while (is_blank(line));
    s.record_line = s.physical_line;
    s.spans_lines = false;
    if (!s.split_plain(line)) {
        s.split_quoted(line);
        if (s.unterminated) {
            return false; // the rest of the file was swallowed by the quote: nothing to read
        }
    }
    s.check_encoding();
    return true;
}

const std::vector<std::string_view>& RecordReader::fields() const { return m_impl->fields; }
FieldPosition RecordReader::position(std::size_t index) const {
    const Impl& s = *m_impl;
    if (s.plain) {
        return {s.record_line, static_cast<long>(s.fields[index].data() - s.raw.data()) + 1};
    }
    return s.positions[index];
}
long RecordReader::line() const { return m_impl->record_line; }
std::string_view RecordReader::raw_line() const { return m_impl->raw; }
bool RecordReader::plain() const { return m_impl->plain; }
std::span<const FieldPosition> RecordReader::positions() const {
    if (m_impl->plain) {
        return {};
    }
    return m_impl->positions;
}
bool RecordReader::multi_line() const { return m_impl->spans_lines; }
std::optional<std::size_t> RecordReader::bad_utf8_field() const { return m_impl->bad_utf8; }
diag::Diagnostics& RecordReader::diagnostics() { return m_impl->problems; }
const std::string& RecordReader::name() const { return m_impl->name; }
std::uint64_t RecordReader::bytes() const { return m_impl->source->bytes(); }

} // namespace qc::csvio
