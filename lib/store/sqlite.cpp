#include "store/sqlite.hpp"

#include "diag/failure.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <cerrno>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>

namespace qc::store::detail {

using diag::ExitStatus;
using diag::Failure;

Connection::Connection(std::string path, int busy_timeout_ms) : m_path(std::move(path)) {
    // No SQLITE_OPEN_CREATE: Store::open decides whether and how (mode 0600) to create.
    // NOMUTEX: a connection is only ever used by one thread, so SQLite's per-call locking
    // (a tenth of a 12-million-row import) buys nothing.
    int rc = sqlite3_open_v2(m_path.c_str(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        fail(rc);
    }
    sqlite3_extended_result_codes(m_db, 0);
    sqlite3_busy_timeout(m_db, busy_timeout_ms);
}

Connection::~Connection() {
    sqlite3_close_v2(m_db);
}

void Connection::exec(std::string_view sql) {
    std::string text(sql);
    int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        fail(rc);
    }
}

std::int64_t Connection::last_insert_rowid() const {
    return sqlite3_last_insert_rowid(m_db);
}

namespace {

// SQLite says "unable to open database file" when a store in WAL mode sits on a read-only file
// system (it cannot make the -shm file); the user deserves the real reason.
bool on_read_only_file_system(const std::string& path) {
    const auto slash = path.find_last_of('/');
    const std::string folder = slash == std::string::npos ? "." : path.substr(0, slash == 0 ? 1 : slash);
    struct statvfs info {};
    return ::statvfs(folder.c_str(), &info) == 0 && (info.f_flag & ST_RDONLY) != 0;
}

// Past `ulimit -f` a write fails with EFBIG, which SQLite only reports as an I/O error (and
// errno is gone by then): the store or its -wal at the limit is the sign.
bool at_file_size_limit(const std::string& path) {
    struct rlimit limit {};
    if (::getrlimit(RLIMIT_FSIZE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) {
        return false;
    }
    for (const std::string& file : {path, path + "-wal", path + "-journal"}) {
        struct stat info {};
        if (::stat(file.c_str(), &info) == 0 && static_cast<rlim_t>(info.st_size) + 65536 >= limit.rlim_cur) {
            return true;
        }
    }
    return false;
}

} // namespace

void Connection::fail(int rc) const {
    // Only the primary code decides the message; SQLite's own text goes in the hint where
    // it adds something the user can act on.
    std::string detail = m_db != nullptr ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
    const int primary = rc & 0xff;
    if ((primary == SQLITE_CANTOPEN || primary == SQLITE_READONLY) && on_read_only_file_system(m_path)) {
        throw Failure(ExitStatus::io_failure,
                      fmt::format("cannot use the store {}: it is on a read-only file system", m_path),
                      "copy the store to a folder qualcheck may write to, or mount it read-write");
    }
    if (primary == SQLITE_IOERR) {
        const int error = m_db != nullptr ? sqlite3_system_errno(m_db) : 0;
        if (error == ENOSPC || error == EDQUOT) {
            rc = SQLITE_FULL; // a full disk met while syncing or growing the -shm file
        } else if (error == EFBIG || at_file_size_limit(m_path)) {
            throw Failure(ExitStatus::io_failure,
                          fmt::format("cannot write the store {}: it has reached the largest file size "
                                      "allowed (ulimit -f)",
                                      m_path),
                          "raise the limit and try again; the store is unchanged");
        }
    }
    switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        throw Failure(ExitStatus::io_failure,
                      fmt::format("store {} is busy (another qualcheck is writing); try again",
                                  m_path));
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
        throw Failure(ExitStatus::io_failure,
                      fmt::format("{} is not a qualcheck store (or is damaged)", m_path),
                      "give the right file with --store, or restore it from a backup");
    case SQLITE_READONLY:
        throw Failure(ExitStatus::io_failure,
                      fmt::format("cannot write the store {}: it is read-only", m_path),
                      "check the permissions of the file and its folder");
    case SQLITE_FULL:
        throw Failure(ExitStatus::io_failure,
                      fmt::format("cannot write the store {}: the disk is full", m_path),
                      "free some space and try again; the store is unchanged");
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_AUTH:
        throw Failure(ExitStatus::io_failure,
                      fmt::format("cannot open the store {}: {}", m_path, detail),
                      "check the permissions of the file and its folder");
    case SQLITE_IOERR:
        throw Failure(ExitStatus::io_failure,
                      fmt::format("cannot read or write the store {}: {}", m_path, detail));
    case SQLITE_ERROR:
        if (detail.rfind("no such table", 0) == 0 || detail.rfind("no such column", 0) == 0 ||
            detail.find("has no column") != std::string::npos) {
            // A file stamped as ours whose tables are not what this version expects.
            throw Failure(ExitStatus::io_failure,
                          fmt::format("{} is not a qualcheck store, or one from another version: {}", m_path, detail),
                          "give the right file with --store, or restore it from a backup");
        }
        throw Failure(ExitStatus::io_failure, fmt::format("store {}: {}", m_path, detail));
    default:
        throw Failure(ExitStatus::io_failure, fmt::format("store {}: {}", m_path, detail));
    }
}

Statement::Statement(Connection& connection, std::string_view sql) : m_connection(connection) {
    int rc = sqlite3_prepare_v2(connection.handle(), sql.data(), static_cast<int>(sql.size()),
                                &m_statement, nullptr);
    if (rc != SQLITE_OK) {
        connection.fail(rc);
    }
}

Statement::~Statement() {
    sqlite3_finalize(m_statement);
}

Statement& Statement::bind(int index, std::int64_t value) {
    sqlite3_bind_int64(m_statement, index, value);
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    sqlite3_bind_text(m_statement, index, text.data(), static_cast<int>(text.size()),
                      SQLITE_STATIC);
    return *this;
}

Statement& Statement::bind_or_null(int index, std::string_view text) {
    return text.empty() ? bind_null(index) : bind(index, text);
}

Statement& Statement::bind_null(int index) {
    sqlite3_bind_null(m_statement, index);
    return *this;
}

bool Statement::step() {
    int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc == SQLITE_DONE) {
        return false;
    }
    sqlite3_reset(m_statement);
    m_connection.fail(rc);
}

void Statement::run() {
    while (step()) {
    }
    reset();
}

void Statement::reset() {
    sqlite3_reset(m_statement);
}

std::int64_t Statement::integer(int column) const {
    return sqlite3_column_int64(m_statement, column);
}

std::string_view Statement::text(int column) const {
    const auto* bytes = sqlite3_column_text(m_statement, column);
    if (bytes == nullptr) {
        return {};
    }
    return {reinterpret_cast<const char*>(bytes),
            static_cast<std::size_t>(sqlite3_column_bytes(m_statement, column))};
}

bool Statement::is_null(int column) const {
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

Transaction::Transaction(Connection& connection, bool immediate) : m_connection(connection) {
    connection.exec(immediate ? "BEGIN IMMEDIATE" : "BEGIN");
}

Transaction::~Transaction() {
    if (m_open) {
        // Never throws: a failed rollback leaves SQLite to undo the journal on next open.
        sqlite3_exec(m_connection.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
}

void Transaction::commit() {
    m_connection.exec("COMMIT");
    m_open = false;
}

std::int64_t query_integer(Connection& connection, std::string_view sql) {
    Statement statement(connection, sql);
    return statement.step() ? statement.integer(0) : 0;
}

} // namespace qc::store::detail
