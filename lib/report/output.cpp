#include "report/output.hpp"

#include "diag/failure.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

namespace qc::report {

using diag::ExitStatus;
using diag::Failure;

namespace {
constexpr std::size_t k_flush_at = 1 << 20;
}

Output::Output(std::string path) : m_path(std::move(path)) {
    if (m_path.empty() || m_path == "-") {
        m_file = stdout;
        m_terminal = isatty(STDOUT_FILENO) != 0;
        return;
    }
    m_temp_path = m_path + ".qualcheck-tmp";
    int fd = ::open(m_temp_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0 || (m_file = ::fdopen(fd, "w")) == nullptr) {
        throw Failure(ExitStatus::io_failure,
                      fmt::format("cannot write {}: {}", m_path, std::strerror(errno)),
                      "check that the folder exists and you may write to it");
    }
}

Output::~Output() {
    if (!m_closed && m_file != nullptr && m_file != stdout) {
        std::fclose(m_file);
        ::unlink(m_temp_path.c_str());
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
