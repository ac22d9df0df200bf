#include "report/output.hpp"

#include "diag/failure.hpp"
#include "util/files.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

namespace qc::report {

using diag::ExitStatus;
using diag::Failure;

namespace {
constexpr std::size_t k_flush_at = 1 << 20;
}

namespace {

[[noreturn]] void cannot_write(const std::string& path, int error) {
    throw Failure(ExitStatus::io_failure, fmt::format("cannot write {}: {}", path, util::open_error(path, error)),
                  "check that the folder exists and you may write to it");
}

std::string folder_of(const std::string& path) {
    const auto slash = path.find_last_of('/');
    if (slash == std::string::npos) {
        return ".";
    }
    return slash == 0 ? "/" : path.substr(0, slash);
}

bool same_as_stdout(const struct stat& target) {
    struct stat out {};
    return ::fstat(STDOUT_FILENO, &out) == 0 && out.st_dev == target.st_dev && out.st_ino == target.st_ino;
}

} // namespace

Output::Output(std::string path) : m_path(std::move(path)) {
    struct stat target {};
    const bool exists = !m_path.empty() && m_path != "-" && ::stat(m_path.c_str(), &target) == 0;
    if (m_path.empty() || m_path == "-" || (exists && same_as_stdout(target))) {
        m_file = stdout;
        m_terminal = isatty(STDOUT_FILENO) != 0;
        return;
    }
    if (exists && S_ISDIR(target.st_mode)) {
        throw Failure(ExitStatus::io_failure, fmt::format("cannot write {}: it is a folder", m_path),
                      "name a file in it, e.g. -o " + m_path + "/results.csv");
    }
    if (exists && !S_ISREG(target.st_mode)) {
        // A device or FIFO is written as it is: renaming over it would replace /dev/null
        // with a file of students' names, or leave a FIFO's reader waiting for ever.
        const int fd = ::open(m_path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
        if (fd < 0 || (m_file = ::fdopen(fd, "w")) == nullptr) {
            cannot_write(m_path, errno);
        }
        m_direct = true;
        return;
    }
    // A fresh, unpredictable name made exclusively (never through a planted symbolic link),
    // mode 0600, beside the target so that the rename stays on one file system; short, so a
    // long target name still fits.
    std::string temp = folder_of(m_path) + "/.qualcheck-XXXXXX";
    const int fd = ::mkostemp(temp.data(), O_CLOEXEC);
    if (fd < 0 || (m_file = ::fdopen(fd, "w")) == nullptr) {
        cannot_write(m_path, errno);
    }
    ::fchmod(fd, 0600);
    m_temp_path = std::move(temp);
}

Output::~Output() {
    if (!m_closed && m_file != nullptr && m_file != stdout) {
        std::fclose(m_file);
        if (!m_temp_path.empty()) {
            ::unlink(m_temp_path.c_str());
        }
    }
}

const std::string& Output::path_for_file_writer() const {
    // The temporary file exists (made here, mode 0600); the writer replaces its contents.
    return m_temp_path.empty() ? m_path : m_temp_path;
}

void Output::start_excel_csv() {
    m_excel = true;
    write("\xEF\xBB\xBF");
}

void Output::write(std::string_view text) {
    m_buffer.append(text);
    if (m_buffer.size() >= k_flush_at) {
        flush();
    }
}

void Output::flush() {
    if (!m_buffer.empty() && std::fwrite(m_buffer.data(), 1, m_buffer.size(), m_file) != m_buffer.size()) {
        throw Failure(ExitStatus::io_failure,
                      fmt::format("cannot write {}: {}", m_path.empty() ? "standard output" : m_path,
                                  std::strerror(errno)));
    }
    m_buffer.clear();
}

void Output::close() {
    if (m_closed) {
        return;
    }
    flush();
    m_closed = true;
    if (m_file == stdout) {
        if (std::fflush(stdout) != 0 && errno != EPIPE) {
            throw Failure(ExitStatus::io_failure,
                          fmt::format("cannot write standard output: {}", std::strerror(errno)));
        }
        return;
    }
    if (m_direct) {
        const bool flushed = std::fflush(m_file) == 0;
        const int error = errno;
        if (std::fclose(m_file) != 0 || !flushed) {
            throw Failure(ExitStatus::io_failure, fmt::format("cannot write {}: {}", m_path, std::strerror(error)));
        }
        return;
    }
    const bool written = std::fflush(m_file) == 0 && ::fsync(fileno(m_file)) == 0;
    const bool closed = std::fclose(m_file) == 0;
    if (!written || !closed || std::rename(m_temp_path.c_str(), m_path.c_str()) != 0) {
        const int error = errno;
        ::unlink(m_temp_path.c_str());
        throw Failure(ExitStatus::io_failure,
                      fmt::format("cannot write {}: {}", m_path, std::strerror(error)));
    }
}

} // namespace qc::report

namespace qc::report {

void refuse_overwriting(const std::string& option, const std::string& path, const std::vector<Protected>& inputs) {
    if (path.empty() || path == "-") {
        return;
    }
    const std::optional<util::FileId> target = util::file_id(path);
    if (!target) {
        return;
    }
    for (const Protected& input : inputs) {
        if (input.path.empty() || input.path == "-" || util::file_id(input.path) != target) {
            continue;
        }
        throw Failure(ExitStatus::bad_input,
                      fmt::format("{} {}: this is {} ({}); writing there would destroy it", option, path,
                                  input.what, input.path),
                      "name another file for the output");
    }
}

} // namespace qc::report
