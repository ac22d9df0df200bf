#pragma once
// Opening and replacing files safely when run as root from cron: why a path cannot be
// reached (naming the folder that refuses), reading only regular files of a sane size, and
// telling whether two paths are the same file.

#include <cstddef>
#include <optional>
#include <string>

namespace qc::util {

/// The largest rules or config file read: 16 MiB, far above any real one.
inline constexpr std::size_t k_max_text_file = 16u << 20;

/// Why `path` could not be opened or examined, given the errno value `error`, in lower case
/// and without the path: "no such file or directory", or, when a folder on the way may not
/// be entered by the user running (which the system reports as "no such file" or
/// "permission denied" alike), "permission denied on the folder DIR".
std::string open_error(const std::string& path, int error);

/// Reads a whole regular file of at most `max_bytes` bytes. Returns nullopt and sets
/// `error` (a phrase without the path, e.g. "it is a FIFO, not a regular file" or "it is
/// larger than 16 MB") when it is missing, unreadable, a folder, a device, a FIFO or too big.
/// Never blocks on a FIFO and never reads more than `max_bytes` + 1 bytes. When `access` is
/// given, it receives the owner and permission bits of the file read.
struct FileAccess {
    unsigned owner = 0; ///< user id
    unsigned mode = 0;  ///< permission bits (07777)
};
std::optional<std::string> read_regular_file(const std::string& path, std::size_t max_bytes,
                                             std::string& error, FileAccess* access = nullptr);

/// A file's identity: device and inode, or nullopt when it does not exist (symbolic links
/// are followed).
struct FileId {
    unsigned long long device = 0;
    unsigned long long inode = 0;
    bool operator==(const FileId&) const = default;
};
std::optional<FileId> file_id(const std::string& path);

} // namespace qc::util
