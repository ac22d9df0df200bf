// The centre's statements and the declarations log that records each of them.
#include "store/store.hpp"

#include "model/series.hpp"
#include "store/schema.hpp"
#include "store/sqlite.hpp"
#include "util/sha256.hpp"

#include <fmt/format.h>

namespace qc::store {

using detail::Statement;

namespace detail {

std::string declaration_hash(std::string_view prev_hash, std::int64_t id, std::string_view at,
                             std::string_view user, std::string_view role,
                             std::string_view action, std::string_view details,
                             std::string_view data_sha256) {
    util::Sha256 hash;
    std::string id_text = std::to_string(id);
    for (std::string_view field :
         {prev_hash, std::string_view(id_text), at, user, role, action, details, data_sha256}) {
        hash.update(field);
        hash.update("\x1f");
    }
    return hash.final_hex();
}

} // namespace detail

namespace {

std::string describe(const EntryKey& key) {
    return fmt::format("{}/{} {}", key.centre, key.candidate, key.qualification_code);
}

// One row per entry; each statement sets its own column and leaves the others as they were.
void upsert(detail::Connection& connection, const EntryKey& key, std::string_view column,
            const std::optional<std::string>& text, std::optional<std::int64_t> number) {
    Statement statement(connection,
                        fmt::format("INSERT INTO entry_statements (centre, candidate,"
                                    " qualification_code, {0}) VALUES (?, ?, ?, ?)"
                                    " ON CONFLICT DO UPDATE SET {0} = excluded.{0}",
                                    column));
    statement.bind(1, key.centre).bind(2, key.candidate).bind(3, key.qualification_code);
    if (text) {
        statement.bind(4, *text);
    } else {
        statement.bind(4, *number);
    }
    statement.run();
}

// The column's value in force for the entry, as text; nullopt when it was never set.
std::optional<std::string> in_force(detail::Connection& connection, const EntryKey& key,
                                    std::string_view column) {
    Statement select(connection, fmt::format("SELECT {} FROM entry_statements WHERE centre = ?"
                                             " AND candidate = ? AND qualification_code = ?",
                                             column));
    select.bind(1, key.centre).bind(2, key.candidate).bind(3, key.qualification_code);
    if (!select.step() || select.is_null(0)) {
        return std::nullopt;
    }
    return std::string(select.text(0));
}

} // namespace

std::int64_t Store::append_declaration(const Actor& actor, const std::string& action,
                                       const std::string& details) {
    // Called inside a write transaction, so the last hash cannot change under us.
    std::string prev(64, '0');
    Statement last(*m_connection, "SELECT hash FROM declarations ORDER BY id DESC LIMIT 1");
    if (last.step()) {
        prev = last.text(0);
    }
    std::int64_t id =
        detail::query_integer(*m_connection, "SELECT coalesce(max(id), 0) + 1 FROM declarations");
    std::string data = data_sha256();
    std::string hash = detail::declaration_hash(prev, id, actor.at, actor.user, actor.role, action,
                                                details, data);
    Statement insert(*m_connection, "INSERT INTO declarations (id, at, user, role, action,"
                                    " details, data_sha256, prev_hash, hash)"
                                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, id).bind(2, actor.at).bind(3, actor.user).bind(4, actor.role);
    insert.bind(5, action).bind(6, details).bind(7, data).bind(8, prev).bind(9, hash).run();
    return id;
}

std::int64_t Store::record_declaration(const Actor& actor, const std::string& action,
                                       const std::string& details) {
    detail::Transaction transaction(*m_connection, true);
    auto id = append_declaration(actor, action, details);
    transaction.commit();
    return id;
}

bool Store::amend_ecd(const EntryKey& key, int series_year, const Actor& actor) {
    detail::Transaction transaction(*m_connection, true);
    if (in_force(*m_connection, key, "ecd_year") == std::to_string(series_year)) {
        return false;
    }
    upsert(*m_connection, key, "ecd_year", std::nullopt, series_year);
    append_declaration(actor, "ecd",
                       fmt::format("{}: estimated completion {}", describe(key),
                                   model::Series{series_year}.label()));
    transaction.commit();
    return true;
}

bool Store::set_acknowledged(const EntryKey& key, bool acknowledged, const Actor& actor) {
    detail::Transaction transaction(*m_connection, true);
    // Never acknowledged reads as not acknowledged, so a first --undo changes nothing either.
    if (in_force(*m_connection, key, "acknowledged").value_or("0") == (acknowledged ? "1" : "0")) {
        return false;
    }
    upsert(*m_connection, key, "acknowledged", std::nullopt, acknowledged ? 1 : 0);
    append_declaration(actor, acknowledged ? "acknowledge" : "acknowledge --undo",
                       fmt::format("{}: {}", describe(key),
                                   acknowledged ? "result not expected this summer"
                                                : "acknowledgement withdrawn"));
    transaction.commit();
    return true;
}

bool Store::withdraw(const EntryKey& key, const std::string& reason, const Actor& actor) {
    detail::Transaction transaction(*m_connection, true);
    if (in_force(*m_connection, key, "withdrawal") == reason) {
        return false;
    }
    upsert(*m_connection, key, "withdrawal", reason, std::nullopt);
    append_declaration(actor, "withdraw", fmt::format("{}: {}", describe(key), reason));
    transaction.commit();
    return true;
}

bool Store::declare_pathway(const EntryKey& key, const std::string& pathway_id,
                            const Actor& actor) {
    detail::Transaction transaction(*m_connection, true);
    if (in_force(*m_connection, key, "declared_pathway") == pathway_id) {
        return false;
    }
    upsert(*m_connection, key, "declared_pathway", pathway_id, std::nullopt);
    append_declaration(actor, "pathway", fmt::format("{}: pathway {}", describe(key), pathway_id));
    transaction.commit();
    return true;
}

void Store::set_subject_checked(int academic_year, const std::string& suite_id, bool checked,
                                const Actor& actor) {
    detail::Transaction transaction(*m_connection, true);
    if (checked) {
        Statement insert(*m_connection, "INSERT OR REPLACE INTO subject_ticks VALUES (?, ?, ?, ?)");
        insert.bind(1, std::int64_t{academic_year}).bind(2, suite_id).bind(3, actor.user);
        insert.bind(4, actor.at).run();
    } else {
        Statement remove(*m_connection,
                         "DELETE FROM subject_ticks WHERE academic_year = ? AND suite_id = ?");
        remove.bind(1, std::int64_t{academic_year}).bind(2, suite_id).run();
    }
    append_declaration(actor, checked ? "subject-checked" : "subject-checked --undo",
                       fmt::format("{} for the term-time checkpoint {}-{}", suite_id,
                                   academic_year - 1, academic_year));
    transaction.commit();
}

std::map<EntryKey, Override> Store::overrides() {
    std::map<EntryKey, Override> found;
    Statement select(*m_connection, "SELECT centre, candidate, qualification_code, ecd_year,"
                                    " acknowledged, withdrawal, declared_pathway"
                                    " FROM entry_statements");
    while (select.step()) {
        Override& statement = found[EntryKey{std::string(select.text(0)),
                                             std::string(select.text(1)),
                                             std::string(select.text(2))}];
        if (!select.is_null(3)) {
            statement.ecd_year = static_cast<int>(select.integer(3));
        }
        if (!select.is_null(4)) {
            statement.acknowledged = select.integer(4) != 0;
        }
        if (!select.is_null(5)) {
            statement.withdrawal = std::string(select.text(5));
        }
        if (!select.is_null(6)) {
            statement.declared_pathway = std::string(select.text(6));
        }
    }
    return found;
}

std::vector<SubjectTick> Store::subject_ticks(int academic_year) {
    std::vector<SubjectTick> ticks;
    Statement select(*m_connection, "SELECT suite_id, user, at FROM subject_ticks"
                                    " WHERE academic_year = ? ORDER BY suite_id");
    select.bind(1, std::int64_t{academic_year});
    while (select.step()) {
        ticks.push_back(SubjectTick{academic_year, std::string(select.text(0)),
                                    std::string(select.text(1)), std::string(select.text(2))});
    }
    return ticks;
}

std::vector<Declaration> Store::declarations() {
    std::vector<Declaration> log;
    Statement select(*m_connection, "SELECT id, at, user, role, action, details, data_sha256,"
                                    " prev_hash, hash FROM declarations ORDER BY id");
    while (select.step()) {
        log.push_back(Declaration{select.integer(0), std::string(select.text(1)),
                                  std::string(select.text(2)), std::string(select.text(3)),
                                  std::string(select.text(4)), std::string(select.text(5)),
                                  std::string(select.text(6)), std::string(select.text(7)),
                                  std::string(select.text(8))});
    }
    return log;
}

std::optional<std::int64_t> Store::verify_declarations() {
    std::string prev(64, '0');
    for (const auto& record : declarations()) {
        std::string expected =
            detail::declaration_hash(prev, record.id, record.at, record.user, record.role,
                                     record.action, record.details, record.data_sha256);
        if (record.prev_hash != prev || record.hash != expected) {
            return record.id;
        }
        prev = record.hash;
    }
    return std::nullopt;
}

} // namespace qc::store
