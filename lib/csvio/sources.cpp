#include "csvio/sources.hpp"

#include "diag/failure.hpp"
#include "util/files.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string_view>
#include <sys/stat.h>

namespace qc::csvio {

using diag::Diagnostic;
using diag::ExitStatus;
using diag::Failure;

int WatchedSource::read(char* buffer, int size) {
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
        const std::string_view start(buffer, std::min<std::size_t>(n, 4));
        m_looks_workbook = start == std::string_view("PK\x03\x04", 4) || start == "\xD0\xCF\x11\xE0";
        m_cr_only = std::memchr(buffer, '\n', n) == nullptr && std::memchr(buffer, '\r', n) != nullptr;
    }
    if (m_cr_only) {
        // Old Mac exports end lines with CR alone: read as one header line, the file would
        // look empty and every entry "No activity". Passed on as LF, it reads as written.
        std::replace(buffer, buffer + n, '\r', '\n');
    }
    if (const void* nul = std::memchr(buffer, '\0', n)) {
        cut_at_nul(buffer, n, static_cast<std::size_t>(static_cast<const char*>(nul) - buffer));
    }
    if (n > 0) {
        m_last_byte = buffer[n - 1];
    }
    m_bytes.fetch_add(n);
    if (m_progress) {
        tell_progress(buffer, n);
    }
    return static_cast<int>(n);
}

void WatchedSource::watch(ProgressCallback progress, std::uint64_t total_bytes, std::chrono::milliseconds interval) {
    m_progress = std::move(progress);
    m_done.total_bytes = total_bytes;
    m_interval = interval;
    m_opened = m_last_told = std::chrono::steady_clock::now();
}

// Once per block (LineReader reads 16 MB at a time), never per row.
void WatchedSource::tell_progress(const char* buffer, std::size_t n) {
    m_done.bytes += n;
    m_done.lines += static_cast<std::uint64_t>(std::count(buffer, buffer + n, '\n'));
    const auto now = std::chrono::steady_clock::now();
    if (now - m_last_told >= m_interval) {
        m_last_told = now;
        m_done.seconds = std::chrono::duration<double>(now - m_opened).count();
        m_progress(m_done);
    }
}

// Cuts the stream at the start of the NUL's line, so that the reader never sees a
// truncated row. When that line started in an earlier block, its first part has already
// gone to LineSource and the line is not "clean".
void WatchedSource::cut_at_nul(const char* buffer, std::size_t& n, std::size_t nul) {
    const char* begin = buffer;
    const char* newline = static_cast<const char*>(memrchr(begin, '\n', nul));
    if (m_bytes.load() == 0) {
        m_first_block_nul_line = 1 + static_cast<long>(std::count(begin, begin + nul, '\n'));
    }
    n = newline != nullptr ? static_cast<std::size_t>(newline - begin) + 1 : 0;
    m_nul_line_clean = newline != nullptr || m_last_byte == '\n';
    m_nul_found.store(true);
}

namespace {

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
        if (count == 0) {
            return 0; // an empty view may have a null data(), which memcpy must not get (fuzzing found it)
        }
        std::memcpy(buffer, m_rest.data(), count);
        m_rest.remove_prefix(count);
        return static_cast<int>(count);
    }

private:
    std::string_view m_rest;
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

// The size of a regular file (standard input redirected from one included); 0 for a pipe.
std::uint64_t input_size(const Input& input) {
    if (input.text) {
        return input.text->size();
    }
    struct stat info {};
    const int status = input.name == "-" ? ::fstat(0, &info) : ::stat(input.name.c_str(), &info);
    return status == 0 && S_ISREG(info.st_mode) ? static_cast<std::uint64_t>(info.st_size) : 0;
}

} // namespace

std::string read_error_message(int error) { return "cannot read: " + lower_first(std::strerror(error)); }

namespace {

// Opens a path with messages that say what to do; directories open fine with fopen on Linux
// and only fail on the first read, so they are caught here.
std::unique_ptr<WatchedSource> open_unwatched(const Input& input) {
    if (input.text) {
        return std::make_unique<MemorySource>(*input.text);
    }
    if (input.name == "-") {
        return std::make_unique<FileSource>(stdin, false);
    }
    struct stat info {};
    if (::stat(input.name.c_str(), &info) != 0) {
        const int error = errno;
        const std::string why = util::open_error(input.name, error);
        if ((error == ENOENT || error == ENOTDIR) && why.rfind("permission denied", 0) != 0) {
            fail_whole_file(input.name, "file not found", "check the path; use - to read standard input");
        }
        fail_whole_file(input.name, "cannot read: " + why);
    }
    if (S_ISDIR(info.st_mode)) {
        fail_whole_file(input.name, "cannot read: it is a directory, not a CSV file");
    }
    std::FILE* file = std::fopen(input.name.c_str(), "rb");
    if (file == nullptr) {
        fail_whole_file(input.name, "cannot read: " + util::open_error(input.name, errno));
    }
    return std::make_unique<FileSource>(file, true);
}

} // namespace

std::unique_ptr<WatchedSource> open_source(const Input& input) {
    std::unique_ptr<WatchedSource> source = open_unwatched(input);
    if (input.progress) {
        source->watch(input.progress, input_size(input), input.progress_interval);
    }
    return source;
}

} // namespace qc::csvio
