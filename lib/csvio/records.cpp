#include "csvio/records.hpp"

#include "csvio/sources.hpp"

#include "diag/failure.hpp"
#include "util/strings.hpp"

#include "csvio/lines.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace qc::csvio {

namespace {

using diag::Diagnostic;
using diag::ExitStatus;
using diag::Failure;

constexpr std::string_view k_save_as_utf8 = "save it as \"CSV UTF-8 (Comma delimited)\"";


bool is_blank(const char* line, std::size_t length) {
    for (std::size_t i = 0; i < length; ++i) {
        if (line[i] != ' ' && line[i] != '\t') {
            return false;
        }
    }
    return true;
}

} // namespace

struct RecordReader::Impl {
    std::string name;
    std::unique_ptr<WatchedSource> source; // declared first: outlives `lines`
    std::unique_ptr<LineSource> lines;
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

    char* next_physical_line(std::size_t& length);
    bool split_plain(const char* line, std::size_t length);
    void split_quoted(char* line);
    void check_encoding();
    void report_nul();
};

char* RecordReader::Impl::next_physical_line(std::size_t& length) {
    char* line = lines->next(length);
    if (line != nullptr) {
        ++physical_line;
    } else if (lines->too_long()) {
        problems.add(Diagnostic{name, physical_line + 1, 0, "line is longer than 16 MB",
                                "this does not look like a CSV export", {}});
        throw Failure(ExitStatus::bad_input, problems);
    }
    return line;
}

// The fast path: split on commas without copying; bails out (false) at the first quote.
// Positions are not stored here: position() derives them from the views into the line.
// Sixteen bytes at a time: the line is followed by LineSource::k_padding readable bytes, and
// stops found past its end are masked off.
bool RecordReader::Impl::split_plain(const char* line, std::size_t length) {
    fields.clear();
    unsigned high = 0;
    const char* start = line;
    for (std::size_t i = 0; i < length; i += 16) {
        std::uint32_t stops = 0;
        std::uint32_t top_bits = 0;
#if defined(__SSE2__)
        const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(line + i));
        const __m128i comma = _mm_cmpeq_epi8(chunk, _mm_set1_epi8(','));
        const __m128i quote = _mm_cmpeq_epi8(chunk, _mm_set1_epi8('"'));
        stops = static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_or_si128(comma, quote)));
        top_bits = static_cast<std::uint32_t>(_mm_movemask_epi8(chunk));
#else
        for (std::size_t j = 0; j < 16; ++j) {
            const auto c = static_cast<unsigned char>(line[i + j]);
            stops |= (c == ',' || c == '"') ? 1u << j : 0u;
            top_bits |= (c >> 7) << j;
        }
#endif
        if (length - i < 16) {
            const std::uint32_t inside = (1u << (length - i)) - 1;
            stops &= inside;
            top_bits &= inside;
        }
        high |= top_bits;
        for (; stops != 0; stops &= stops - 1) {
            const char* at = line + i + static_cast<std::size_t>(__builtin_ctz(stops));
            if (*at == '"') {
                return false;
            }
            fields.emplace_back(start, static_cast<std::size_t>(at - start));
            start = at + 1;
        }
    }
    fields.emplace_back(start, static_cast<std::size_t>(line + length - start));
    plain = true;
    has_high_bytes = high != 0;
    raw = std::string_view(line, length);
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
                    std::size_t length = 0;
                    line = next_physical_line(length);
                    if (line != nullptr) {
                        LineSource::terminate(line, length);
                    }
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
    m_impl->lines = std::make_unique<LineSource>(input.name, *m_impl->source);
    WatchedSource& watched = *m_impl->source;
    if (watched.read_failed()) {
        throw Failure::at(ExitStatus::bad_input, Diagnostic{input.name, 0, 0, read_error_message(watched.read_errno()), {}, {}});
    }
    if (watched.looks_workbook()) {
        throw Failure::at(ExitStatus::bad_input,
                          Diagnostic{input.name, 0, 0, "the file is an Excel workbook, not a CSV export",
                                     "save it from Excel as \"CSV UTF-8 (Comma delimited)\"", {}});
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
    std::size_t length = 0;
    do {
        line = s.next_physical_line(length);
        if (line == nullptr) {
            if (s.source->read_failed()) {
                s.problems.add(Diagnostic{s.name, s.physical_line, 0,
                                          read_error_message(s.source->read_errno()), {}, {}});
            } else if (s.source->nul_found()) {
                s.report_nul();
            }
            return false;
        }
    } while (is_blank(line, length));
    s.record_line = s.physical_line;
    s.spans_lines = false;
    if (!s.split_plain(line, length)) {
        LineSource::terminate(line, length); // the slow path scans to the terminator
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
void RecordReader::before_lines_move(std::function<void()> hook) {
    m_impl->lines->before_refill(std::move(hook));
}
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
