#pragma once
// A thin layer over the SQLite C API for lib/store/ only: a connection, prepared statements
// and transactions, each closing itself. sqlite3.h stays in sqlite.cpp; this header only
// names its types. Every SQLite error becomes a diag::Failure with a sentence for the user.

#include <cstdint>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace qc::store::detail {

/// One open database file. Not copyable; closes the file when destroyed. Used by one thread
/// at a time (it is opened without SQLite's per-call mutex).
class Connection {
public:
    /// Opens an existing file for reading and writing (never creates it).
    Connection(std::string path, int busy_timeout_ms);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    /// Runs one or more SQL statements that return no rows.
    void exec(std::string_view sql);
    /// The rowid of the last row inserted through this connection.
    std::int64_t last_insert_rowid() const;
    /// The path as the user named it, for messages.
    const std::string& path() const { return m_path; }
    sqlite3* handle() const { return m_db; }

    /// Throws the Failure that explains SQLite result code `rc` met while `doing` something.
    [[noreturn]] void fail(int rc) const;

private:
    sqlite3* m_db = nullptr;
    std::string m_path;
};

/// A prepared statement, reused by resetting it; bound texts must outlive the next step().
class Statement {
public:
    Statement(Connection& connection, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    /// Binds parameter `index` (1-based). Texts are not copied.
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, std::string_view text);
    /// Binds NULL when `text` is empty, so that absent values take no space.
    Statement& bind_or_null(int index, std::string_view text);
    Statement& bind_null(int index);

    /// Runs one step: true when a row is ready, false when done. Throws on error.
    bool step();
    /// Runs a statement that returns no rows to completion and makes it ready to run again.
    void run();
    /// Makes the statement ready to run again, keeping its bindings.
    void reset();

    std::int64_t integer(int column) const;
    /// The text of a column; valid until the next step() or reset(). NULL reads as "".
    std::string_view text(int column) const;
    bool is_null(int column) const;

private:
    Connection& m_connection;
    sqlite3_stmt* m_statement = nullptr;
};

/// A transaction that rolls back unless committed. `immediate` takes the write lock at once,
/// so that a busy store is reported before any work is done.
class Transaction {
public:
    Transaction(Connection& connection, bool immediate);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();

private:
    Connection& m_connection;
    bool m_open = true;
};

/// Reads a single integer: the first column of the first row of `sql`.
std::int64_t query_integer(Connection& connection, std::string_view sql);

} // namespace qc::store::detail
