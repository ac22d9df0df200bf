#include "csvio/records.hpp"

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
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <sys/stat.h>

namespace qc::csvio {

namespace {

using diag::Diagnostic;
using diag::ExitStatus;
using diag::Failure;

constexpr std::string_view k_save_as_utf8 = "save it as \"CSV UTF-8 (Comma delimited)\"";

// Feeds LineReader and watches every block for a NUL byte, which never occurs in a UTF-8
// CSV export. The stream is cut at the first NUL so that LineReader never sees one (it
// would silently shorten the line); the reader reports it. read() may run on LineReader's
// worker thread, hence the atomics.
class WatchedSource : public io::ByteSourceBase {
public:
    int read(char* buffer, int size) override {
        if (m_nul_found.load()) {
            return 0;
        }
        int count = raw_read(buffer, size);
        if (count <= 0) {
            return 0;
        }
        auto n = static_cast<std::size_t>(count);
        if (m_bytes.load() == 0) {
            m_looks_utf16 = (n >= 2 && ((buffer[0] == '\xFF' && buffer[1] == '\xFE') ||
                                        (buffer[0] == '\xFE' && buffer[1] == '\xFF') ||
                                        buffer[0] == '\0' || buffer[1] == '\0'));
        }
        if (const void* nul = std::memchr(buffer, '\0', n)) {
            cut_at_nul(buffer, n, static_cast<std::size_t>(static_cast<const char*>(nul) - buffer));
        }
        if (n > 0) {
            m_last_byte = buffer[n - 1];
        }
        m_bytes.fetch_add(n);
        return static_cast<int>(n);
    }

    // Cuts the stream at the start of the NUL's line, so that the reader never sees a
    // truncated row. When that line started in an earlier block, its first part has already
    // gone to LineReader and the line is not "clean".
    void cut_at_nul(const char* buffer, std::size_t& n, std::size_t nul) {
        const char* begin = buffer;
        const char* newline = static_cast<const char*>(memrchr(begin, '\n', nul));
        if (m_bytes.load() == 0) {
            m_first_block_nul_line = 1 + static_cast<long>(std::count(begin, begin + nul, '\n'));
        }
        n = newline != nullptr ? static_cast<std::size_t>(newline - begin) + 1 : 0;
        m_nul_line_clean = newline != nullptr || m_last_byte == '\n';
        m_nul_found.store(true);
    }

    bool nul_found() const { return m_nul_found.load(); }
    bool looks_utf16() const { return m_looks_utf16; }
    bool nul_line_clean() const { return m_nul_line_clean; }
    long first_block_nul_line() const { return m_first_block_nul_line; }
    std::uint64_t bytes() const { return m_bytes.load(); }
    bool read_failed() const { return m_read_errno.load() != 0; }
    int read_errno() const { return m_read_errno.load(); }

protected:
    virtual int raw_read(char* buffer, int size) = 0;
    std::atomic<int> m_read_errno{0};

private:
    std::atomic<bool> m_nul_found{false};
    std::atomic<std::uint64_t> m_bytes{0};
    bool m_looks_utf16 = false;
    bool m_nul_line_clean = true;
    long m_first_block_nul_line = 0;
    char m_last_byte = '\n';
};

class FileSource : public WatchedSource {
public:
    FileSource(std::FILE* file, bool owned) : m_file(file), m_owned(owned) {
        std::setvbuf(file, nullptr, _IONBF, 0);
    }
    ~FileSource() override {
        if (m_owned) {
            std::fclose(m_file);
        }
    }

protected:
    int raw_read(char* buffer, int size) override {
        std::size_t count = std::fread(buffer, 1, static_cast<std::size_t>(size), m_file);
        if (count == 0 && std::ferror(m_file)) {
            m_read_errno.store(errno != 0 ? errno : EIO);
        }
        return static_cast<int>(count);
    }

private:
    std::FILE* m_file;
    bool m_owned;
};

class MemorySource : public WatchedSource {
public:
    explicit MemorySource(std::string_view text) : m_rest(text) {}

protected:
    int raw_read(char* buffer, int size) override {
        std::size_t count = std::min(m_rest.size(), static_cast<std::size_t>(size));
        std::memcpy(buffer, m_rest.data(), count);
        m_rest.remove_prefix(count);
        return static_cast<int>(count);
    }

private:
    std::string_view m_rest;
};

// LineReader destroys its source after the first read when the input is small, but the
// reader still asks it about NULs and read errors afterwards, so the reader owns the source
// and LineReader gets this forwarder.
class Forwarder : public io::ByteSourceBase {
public:
    explicit Forwarder(io::ByteSourceBase& target) : m_target(target) {}
    int read(char* buffer, int size) override { return m_target.read(buffer, size); }

private:
    io::ByteSourceBase& m_target;
};

std::string lower_first(std::string text) {
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') {
        text[0] = static_cast<char>(text[0] - 'A' + 'a');
    }
    return text;
}

[[noreturn]] void fail_whole_file(const std::string& name, std::string message, std::string hint = {}) {
    throw Failure::at(ExitStatus::bad_input, Diagnostic{name, 0, 0, std::move(message), std::move(hint), {}});
}

// Opens a path with messages that say what to do; directories open fine with fopen on Linux
// and only fail on the first read, so they are caught here.
std::unique_ptr<WatchedSource> open_source(const Input& input) {
    if (input.text) {
        return std::make_unique<MemorySource>(*input.text);
    }
    if (input.name == "-") {
        return std::make_unique<FileSource>(stdin, false);
    }
    struct stat info {};
    if (::stat(input.name.c_str(), &info) != 0) {
        if (errno == ENOENT || errno == ENOTDIR) {
            fail_whole_file(input.name, "file not found", "check the path; use - to read standard input");
        }
        fail_whole_file(input.name, "cannot read: " + lower_first(std::strerror(errno)));
    }
    if (S_ISDIR(info.st_mode)) {
        fail_whole_file(input.name, "cannot read: it is a directory, not a CSV file");
    }
    std::FILE* file = std::fopen(input.name.c_str(), "rb");
    if (file == nullptr) {
        fail_whole_file(input.name, "cannot read: " + lower_first(std::strerror(errno)));
    }
    return std::make_unique<FileSource>(file, true);
}

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
        fail_whole_file(input.name, "cannot read: " + lower_first(std::strerror(watched.read_errno())));
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
                                          "cannot read: " + lower_first(std::strerror(s.source->read_errno())), {}, {}});
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
bool RecordReader::multi_line() const { return m_impl->spans_lines; }
std::optional<std::size_t> RecordReader::bad_utf8_field() const { return m_impl->bad_utf8; }
diag::Diagnostics& RecordReader::diagnostics() { return m_impl->problems; }
const std::string& RecordReader::name() const { return m_impl->name; }
std::uint64_t RecordReader::bytes() const { return m_impl->source->bytes(); }

} // namespace qc::csvio
