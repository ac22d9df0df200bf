#include "util/files.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace qc::util {

namespace {

std::string lower_first(std::string text) {
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') {
        text[0] = static_cast<char>(text[0] - 'A' + 'a');
    }
    return text;
}

// The first folder on the way to `path` that the user running may not enter, or "". The
// kernel reports an unreachable file as EACCES (or, through some paths, ENOENT); naming the
// folder tells the user what to fix.
std::string closed_folder(const std::string& path) {
    std::string::size_type slash = path.find('/', path[0] == '/' ? 1 : 0);
    if (path[0] == '/' && ::faccessat(AT_FDCWD, "/", X_OK, AT_EACCESS) != 0) {
        return "/";
    }
    while (slash != std::string::npos) {
        const std::string folder = path.substr(0, slash);
        struct stat info {};
        if (::stat(folder.c_str(), &info) == 0 && S_ISDIR(info.st_mode) &&
            ::faccessat(AT_FDCWD, folder.c_str(), X_OK, AT_EACCESS) != 0) {
            return folder;
        }
        slash = path.find('/', slash + 1);
    }
    return {};
}

const char* kind_of(mode_t mode) {
    if (S_ISDIR(mode)) {
        return "a folder";
    }
    if (S_ISFIFO(mode)) {
        return "a FIFO (named pipe)";
    }
    if (S_ISCHR(mode) || S_ISBLK(mode)) {
        return "a device";
    }
    if (S_ISSOCK(mode)) {
        return "a socket";
    }
    return "not a regular file";
}

} // namespace

std::string open_error(const std::string& path, int error) {
    if (!path.empty() && (error == EACCES || error == ENOENT)) {
        if (std::string folder = closed_folder(path); !folder.empty()) {
            return "permission denied on the folder " + folder;
        }
    }
    return lower_first(std::strerror(error));
}

std::optional<std::string> read_regular_file(const std::string& path, std::size_t max_bytes,
                                             std::string& error, FileAccess* access) {
    // O_NONBLOCK: opening a FIFO for reading must not wait for a writer.
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        error = open_error(path, errno);
        return std::nullopt;
    }
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        error = std::string("it is ") + kind_of(info.st_mode) + ", not a regular file";
        ::close(fd);
        return std::nullopt;
    }
    if (access != nullptr) {
        *access = FileAccess{static_cast<unsigned>(info.st_uid), static_cast<unsigned>(info.st_mode & 07777)};
    }
    std::string text;
    if (static_cast<unsigned long long>(info.st_size) <= max_bytes) {
        text.reserve(static_cast<std::size_t>(info.st_size));
    }
    char buffer[65536];
    for (;;) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR) {
            continue;
        }
        if (got < 0) {
            error = lower_first(std::strerror(errno));
            ::close(fd);
            return std::nullopt;
        }
        if (got == 0) {
            break;
        }
        text.append(buffer, static_cast<std::size_t>(got));
        if (text.size() > max_bytes) {
            error = "it is larger than " + std::to_string(max_bytes >> 20) + " MB";
            ::close(fd);
            return std::nullopt;
        }
    }
    ::close(fd);
    return text;
}

std::optional<FileId> file_id(const std::string& path) {
    struct stat info {};
    if (path.empty() || ::stat(path.c_str(), &info) != 0) {
        return std::nullopt;
    }
    return FileId{static_cast<unsigned long long>(info.st_dev), static_cast<unsigned long long>(info.st_ino)};
}

} // namespace qc::util
