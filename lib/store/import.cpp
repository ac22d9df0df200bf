// Writing an import.
#include "store/store.hpp"

#include "store/columns.hpp"
#include "store/sqlite.hpp"

namespace qc::store {

using detail::Connection;
using detail::Statement;
using detail::date_number;

struct Store::Import::State {
    Connection& connection;
    detail::Transaction transaction;
    std::int64_t import_id = 0;
    std::int64_t first_unit_row = 0; ///< 0 until the first unit row
    std::int64_t last_unit_row = 0;
    Statement insert_entry{connection,
                           "INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"};
    Statement insert_unit_row{connection,
                              "INSERT INTO unit_rows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"};
    Statement insert_visit{connection, "INSERT INTO visits VALUES (?, ?, ?, ?, ?, ?)"};

    explicit State(Connection& c) : connection(c), transaction(c, true) {}
};

Store::Import Store::begin_import(const std::string& at, const std::string& user) {
    // A large page cache keeps a big import's pages in memory instead of spilling them to the
    // WAL one by one; SQLite only takes the memory it needs.
    m_connection->exec("PRAGMA cache_size = -131072");
    auto state = std::make_unique<Import::State>(*m_connection);
    Statement insert(*m_connection, "INSERT INTO imports (at, user) VALUES (?, ?)");
    insert.bind(1, at).bind(2, user).run();
    state->import_id = m_connection->last_insert_rowid();
    return Import(std::move(state));
}

Store::Import::Import(std::unique_ptr<State> state) : m_state(std::move(state)) {}
Store::Import::Import(Import&&) noexcept = default;
// Destroying the State destroys its Transaction, which rolls back unless committed.
Store::Import::~Import() = default;

void Store::Import::add_entry(const model::Entry& entry) {
    auto& insert = m_state->insert_entry;
    insert.bind(1, m_state->import_id).bind(2, std::int64_t{entry.line});
    insert.bind(3, entry.centre).bind(4, entry.candidate);
    insert.bind_or_null(5, entry.uci).bind_or_null(6, entry.surname).bind_or_null(7, entry.forename);
    insert.bind(8, entry.qualification != nullptr ? std::string_view(entry.qualification->code)
                                                  : std::string_view());
    insert.bind(9, std::int64_t{entry.ecd.year}).bind(10, std::int64_t{entry.ecd_derived});
    insert.bind(11, date_number(entry.entry_date));
    insert.bind_or_null(12, entry.declared_pathway != nullptr
                                ? std::string_view(entry.declared_pathway->id)
                                : std::string_view());
    insert.bind(13, std::int64_t{static_cast<int>(entry.status)});
    insert.run();
}

void Store::Import::add_unit_row(const model::UnitRow& row) {
    auto& insert = m_state->insert_unit_row;
    insert.bind(1, m_state->import_id).bind(2, std::int64_t{row.line});
    insert.bind(3, row.centre).bind(4, row.candidate).bind(5, std::int64_t{row.unit});
    insert.bind(6, std::int64_t{static_cast<int>(row.status)});
    insert.bind(7, std::int64_t{static_cast<int>(row.grade)});
    insert.bind_or_null(8, row.qualification_code).bind_or_null(9, row.taken_at_centre);
    insert.bind_or_null(10, row.series).bind(11, date_number(row.date));
    insert.bind_or_null(12, row.uci);
    insert.run();
    m_state->last_unit_row = m_state->connection.last_insert_rowid();
    if (m_state->first_unit_row == 0) {
        m_state->first_unit_row = m_state->last_unit_row;
    }
}

void Store::Import::add_visit(const model::Visit& visit) {
    auto& insert = m_state->insert_visit;
    insert.bind(1, m_state->import_id).bind(2, std::int64_t{visit.line});
    insert.bind(3, visit.suite != nullptr ? std::string_view(visit.suite->id) : std::string_view());
    insert.bind(4, date_number(visit.date));
    insert.bind(5, std::int64_t{static_cast<int>(visit.kind)});
    insert.bind(6, std::int64_t{static_cast<int>(visit.status)});
    insert.run();
}

std::int64_t Store::Import::commit(const std::vector<ImportedFile>& files) {
    auto& connection = m_state->connection;
    Statement insert(connection, "INSERT INTO import_files VALUES (?, ?, ?, ?, ?, ?)");
    for (const auto& file : files) {
        insert.bind(1, m_state->import_id).bind(2, file.role).bind(3, file.name);
        insert.bind(4, file.sha256).bind(5, file.rows).bind(6, file.bytes).run();
    }
    // An import's unit rows are one rowid range: rows are appended inside one write
    // transaction, so nobody else can interleave.
    std::int64_t first = m_state->first_unit_row;
    Statement range(connection,
                    "UPDATE imports SET first_unit_row = ?, last_unit_row = ? WHERE id = ?");
    range.bind(1, first == 0 ? 1 : first).bind(2, m_state->last_unit_row);
    range.bind(3, m_state->import_id).run();
    m_state->transaction.commit();
    return m_state->import_id;
}

} // namespace qc::store
