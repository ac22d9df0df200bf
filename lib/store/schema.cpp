#include "store/schema.hpp"

#include "diag/failure.hpp"
#include "util/sha256.hpp"

#include <fmt/format.h>

#include <string>
#include <vector>

namespace qc::store::detail {

namespace {

// Version 1: imports with their files and rows, check runs, statements, the log.
// Codes are the stable integer values of lib/model/codes.hpp; dates are YYYYMMDD integers
// (0: none). unit_rows has no index and no foreign key on purpose: an import's rows are one
// rowid range recorded in imports, which keeps bulk loading fast.
constexpr const char* k_schema_v1 = R"sql(
CREATE TABLE imports (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    user TEXT NOT NULL,
    first_unit_row INTEGER NOT NULL DEFAULT 1,
    last_unit_row INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE import_files (
    import_id INTEGER NOT NULL REFERENCES imports(id),
    role TEXT NOT NULL CHECK (role IN ('candidates', 'units', 'visits')),
    name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    rows INTEGER NOT NULL,
    bytes INTEGER NOT NULL,
    PRIMARY KEY (import_id, role)
);
CREATE TABLE entries (
    import_id INTEGER NOT NULL REFERENCES imports(id),
    line INTEGER NOT NULL,
    centre TEXT NOT NULL,
    candidate TEXT NOT NULL,
    uci TEXT,
    surname TEXT,
    forename TEXT,
    qualification_code TEXT NOT NULL,
    ecd_year INTEGER NOT NULL,
    ecd_derived INTEGER NOT NULL,
    entry_date INTEGER NOT NULL,
    pathway TEXT,
    status INTEGER NOT NULL
);
CREATE INDEX entries_by_import ON entries (import_id);
CREATE TABLE unit_rows (
    import_id INTEGER NOT NULL,
    line INTEGER NOT NULL,
    centre TEXT NOT NULL,
    candidate TEXT NOT NULL,
    unit INTEGER NOT NULL,
    status INTEGER NOT NULL,
    grade INTEGER NOT NULL,
    qualification_code TEXT,
    taken_at_centre TEXT,
    series TEXT,
    date INTEGER NOT NULL
);
CREATE TABLE visits (
    import_id INTEGER NOT NULL REFERENCES imports(id),
    line INTEGER NOT NULL,
    suite TEXT NOT NULL,
    date INTEGER NOT NULL,
    kind INTEGER NOT NULL,
    status INTEGER NOT NULL
);
CREATE INDEX visits_by_import ON visits (import_id);
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    import_id INTEGER NOT NULL REFERENCES imports(id),
    today TEXT NOT NULL
);
CREATE TABLE results (
    run_id INTEGER NOT NULL REFERENCES runs(id),
    centre TEXT NOT NULL,
    candidate TEXT NOT NULL,
    qualification_code TEXT NOT NULL,
    surname TEXT,
    forename TEXT,
    qualification_title TEXT,
    ecd_year INTEGER NOT NULL,
    result_status INTEGER NOT NULL,
    reasons INTEGER NOT NULL,
    at_risk INTEGER NOT NULL,
    acknowledged INTEGER NOT NULL,
    glh_required INTEGER NOT NULL,
    glh_counted INTEGER NOT NULL,
    glh_achieved INTEGER NOT NULL,
    pathways TEXT,
    suggestion TEXT,
    points INTEGER NOT NULL,
    predicted_grade TEXT
);
CREATE INDEX results_by_run ON results (run_id, at_risk);
CREATE TABLE entry_statements (
    centre TEXT NOT NULL,
    candidate TEXT NOT NULL,
    qualification_code TEXT NOT NULL,
    ecd_year INTEGER,
    acknowledged INTEGER,
    withdrawal TEXT,
    PRIMARY KEY (centre, candidate, qualification_code)
);
CREATE TABLE subject_ticks (
    academic_year INTEGER NOT NULL,
    suite_id TEXT NOT NULL,
    user TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (academic_year, suite_id)
);
CREATE TABLE declarations (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    user TEXT NOT NULL,
    role TEXT NOT NULL,
    action TEXT NOT NULL,
    details TEXT NOT NULL,
    data_sha256 TEXT NOT NULL
);
)sql";

// Version 2: declared pathways, and the declarations log becomes a hash chain that SQL
// cannot edit. Records made under version 1 are chained in id order by chain_declarations.
constexpr const char* k_schema_v2 = R"sql(
ALTER TABLE entry_statements ADD COLUMN declared_pathway TEXT;
ALTER TABLE declarations ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE declarations ADD COLUMN hash TEXT NOT NULL DEFAULT '';
)sql";

// Version 3: the UCI a unit row may carry (rows matched to entries by UCI), and how many
// of a result's counted units came from other centres.
constexpr const char* k_schema_v3 = R"sql(
ALTER TABLE unit_rows ADD COLUMN uci TEXT;
ALTER TABLE results ADD COLUMN transferred_units INTEGER NOT NULL DEFAULT 0;
)sql";

constexpr const char* k_schema_v2_after = R"sql(
CREATE TRIGGER declarations_no_update BEFORE UPDATE ON declarations
BEGIN SELECT RAISE(ABORT, 'the declarations log is append-only'); END;
CREATE TRIGGER declarations_no_delete BEFORE DELETE ON declarations
BEGIN SELECT RAISE(ABORT, 'the declarations log is append-only'); END;
)sql";

void chain_declarations(Connection& connection) {
    Statement select(connection, "SELECT id, at, user, role, action, details, data_sha256 "
                                 "FROM declarations ORDER BY id");
    Statement update(connection, "UPDATE declarations SET prev_hash = ?, hash = ? WHERE id = ?");
    std::string prev(64, '0');
    while (select.step()) {
        std::string hash = declaration_hash(prev, select.integer(0), select.text(1),
                                            select.text(2), select.text(3), select.text(4),
                                            select.text(5), select.text(6));
        update.bind(1, prev).bind(2, hash).bind(3, select.integer(0)).run();
        prev = std::move(hash);
    }
}

/// One step of the schema. Add new steps at the end; never edit a released one.
struct Migration {
    int version;
    const char* sql;
    void (*fix)(Connection&); ///< data changes after `sql`, or null
    const char* sql_after;    ///< run after `fix`, or null
};

const std::vector<Migration>& migrations() {
    static const std::vector<Migration> k_migrations = {
        {1, k_schema_v1, nullptr, nullptr},
        {2, k_schema_v2, chain_declarations, k_schema_v2_after},
        {3, k_schema_v3, nullptr, nullptr},
    };
    return k_migrations;
}

bool is_empty_file(Connection& connection) {
    return query_integer(connection, "SELECT count(*) FROM sqlite_schema") == 0;
}

void check_identity(Connection& connection, int version, int newest) {
    auto application_id = query_integer(connection, "PRAGMA application_id");
    if (application_id != k_application_id && !(application_id == 0 && is_empty_file(connection))) {
        throw diag::Failure(diag::ExitStatus::io_failure,
                            fmt::format("{} is not a qualcheck store (or is damaged)",
                                        connection.path()),
                            "give the right file with --store, or restore it from a backup");
    }
    if (version > newest) {
        throw diag::Failure(
            diag::ExitStatus::io_failure,
            fmt::format("store {} was made by a newer qualcheck (schema version {}; this one "
                        "knows up to {})",
                        connection.path(), version, newest),
            "use the newer qualcheck, or restore a backup made with this one");
    }
}

} // namespace

int check_store(Connection& connection) {
    // Reading first also makes SQLite look at the file: garbage fails here as NOTADB.
    auto version = static_cast<int>(query_integer(connection, "PRAGMA user_version"));
    check_identity(connection, version, migrations().back().version);
    return version;
}

void migrate(Connection& connection, int target) {
    if (check_store(connection) >= target) {
        return;
    }
    Transaction transaction(connection, true);
    // Another process may have migrated while this one waited for the lock.
    int version = check_store(connection);
    for (const auto& step : migrations()) {
        if (step.version <= version || step.version > target) {
            continue;
        }
        connection.exec(step.sql);
        if (step.fix != nullptr) {
            step.fix(connection);
        }
        if (step.sql_after != nullptr) {
            connection.exec(step.sql_after);
        }
    }
    connection.exec(fmt::format("PRAGMA application_id = {}; PRAGMA user_version = {};",
                                k_application_id, target));
    transaction.commit();
}

} // namespace qc::store::detail
