#include "store/store.hpp"

#include "diag/failure.hpp"
#include "store/schema.hpp"
#include "store/sqlite.hpp"
#include "util/files.hpp"
#include "util/sha256.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace qc::store {

using detail::Connection;
using detail::Statement;
using diag::ExitStatus;
using diag::Failure;

namespace {

std::string folder_of(const std::string& path) {
    auto slash = path.find_last_of('/');
    if (slash == std::string::npos) {
        return ".";
    }
    return slash == 0 ? "/" : path.substr(0, slash);
}

void require_folder(const std::string& path) {
    std::string folder = folder_of(path);
    struct stat info {};
    if (::stat(folder.c_str(), &info) != 0 && errno != ENOENT && errno != ENOTDIR) {
        throw Failure(ExitStatus::io_failure,
                      fmt::format("cannot open the store {}: {}", path, util::open_error(folder + "/", errno)),
                      "run qualcheck as a user who may enter that folder, or move the store");
    }
    if (::stat(folder.c_str(), &info) != 0 || !S_ISDIR(info.st_mode)) {
        throw Failure(ExitStatus::io_failure,
                      fmt::format("no folder {} for the store {}", folder, path),
                      "create the folder, or name another store with --store or the config's "
                      "[store] path");
    }
}

// Creates the file ourselves so that it is 0600 before SQLite writes a byte of students' data;
// SQLite then gives its -wal and -shm files the same mode.
void create_private_file(const std::string& path) {
    int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == EEXIST) {
            return; // another qualcheck made it first; it is opened and checked as usual
        }
        throw Failure(ExitStatus::io_failure,
                      fmt::format("cannot create the store {}: {}", path, std::strerror(errno)),
                      "check the permissions of the folder");
    }
    ::fchmod(fd, 0600); // the umask may only have removed bits; make the mode exact
    ::close(fd);
}

std::unique_ptr<Connection> connect(const std::string& path, OpenMode mode, int busy_timeout_ms) {
    require_folder(path);
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        if (errno == EACCES) {
            throw Failure(ExitStatus::io_failure,
                          fmt::format("cannot open the store {}: {}", path, util::open_error(path, errno)),
                          "run qualcheck as a user who may enter that folder, or move the store");
        }
        if (mode == OpenMode::must_exist) {
            throw Failure(ExitStatus::io_failure,
                          fmt::format("no store at {}; run `qualcheck import` first", path));
        }
        create_private_file(path);
    } else if (S_ISDIR(info.st_mode)) {
        throw Failure(ExitStatus::io_failure,
                      fmt::format("the store {} is a folder, not a file", path));
    }
    auto connection = std::make_unique<Connection>(path, busy_timeout_ms);
    int version = detail::check_store(*connection);
    if (version == 0 && mode == OpenMode::must_exist) {
        throw Failure(ExitStatus::io_failure,
                      fmt::format("the store {} is empty; run `qualcheck import` first", path));
    }
    // Only now, with the file known to be ours (or empty), may its journal mode change.
    if (version == 0) {
        connection->exec("PRAGMA page_size = 16384");
    }
    connection->exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
                     "PRAGMA foreign_keys = ON;");
    return connection;
}

ImportedFile read_file_row(const Statement& statement) {
    return ImportedFile{std::string(statement.text(0)), std::string(statement.text(1)),
                        std::string(statement.text(2)), statement.integer(3),
                        statement.integer(4)};
}

} // namespace

Store Store::open(const std::string& path, OpenMode mode, OpenOptions options) {
    auto connection = connect(path, mode, options.busy_timeout_ms);
    detail::migrate(*connection, k_schema_version);
    return Store(std::move(connection));
}

Store Store::create_at_version(const std::string& path, int version) {
    auto connection = connect(path, OpenMode::create_if_missing, OpenOptions{}.busy_timeout_ms);
    detail::migrate(*connection, version);
    return Store(std::move(connection));
}

Store::Store(std::unique_ptr<Connection> connection) : m_connection(std::move(connection)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

int Store::schema_version() {
    return static_cast<int>(detail::query_integer(*m_connection, "PRAGMA user_version"));
}

const std::string& Store::path() const {
    return m_connection->path();
}

std::vector<ImportRecord> Store::imports() {
    std::vector<ImportRecord> records;
    Statement select(*m_connection, "SELECT id, at, user FROM imports ORDER BY id");
    while (select.step()) {
        records.push_back(ImportRecord{select.integer(0), std::string(select.text(1)),
                                       std::string(select.text(2)), {}});
    }
    // Role order (candidates, units, visits) happens to be alphabetical.
    Statement files(*m_connection, "SELECT role, name, sha256, rows, bytes FROM import_files "
                                   "WHERE import_id = ? ORDER BY role");
    for (auto& record : records) {
        files.bind(1, record.id);
        while (files.step()) {
            record.files.push_back(read_file_row(files));
        }
        files.reset();
    }
    return records;
}

std::optional<ImportRecord> Store::last_import() {
    Statement select(*m_connection,
                     "SELECT id, at, user FROM imports ORDER BY id DESC LIMIT 1");
    if (!select.step()) {
        return std::nullopt;
    }
    ImportRecord record{select.integer(0), std::string(select.text(1)),
                        std::string(select.text(2)), {}};
    Statement files(*m_connection, "SELECT role, name, sha256, rows, bytes FROM import_files "
                                   "WHERE import_id = ? ORDER BY role");
    files.bind(1, record.id);
    while (files.step()) {
        record.files.push_back(read_file_row(files));
    }
    return record;
}

std::string Store::data_sha256() {
    auto record = last_import();
    if (!record) {
        return {};
    }
    util::Sha256 hash;
    for (const auto& file : record->files) {
        hash.update(fmt::format("{} {}\n", file.role, file.sha256));
    }
    return hash.final_hex();
}

void Store::run_sql_for_tests(const std::string& sql) {
    m_connection->exec(sql);
}

} // namespace qc::store
