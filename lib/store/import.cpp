// Writing an import and reading the current one back.
#include "store/store.hpp"

#include "diag/failure.hpp"
#include "store/sqlite.hpp"

#include <fmt/format.h>

#include <cstring>
#include <span>

namespace qc::store {

using detail::Connection;
using detail::Statement;
using diag::ExitStatus;
using diag::Failure;

namespace {

std::int64_t date_number(const util::Date& date) {
    return date.valid() ? std::int64_t{date.year} * 10000 + date.month * 100 + date.day : 0;
}

util::Date date_from_number(std::int64_t number) {
    if (number <= 0) {
        return {};
    }
    return util::Date{static_cast<int>(number / 10000), static_cast<int>(number / 100 % 100),
                      static_cast<int>(number % 100)};
}

// Stored codes come from codes.hpp; a value outside the table means the file was edited or
// damaged, which is the store's problem, not the user's input.
template <typename Code>
Code code_from(const Connection& connection, std::int64_t value, int largest) {
    if (value < 0 || value > largest) {
        throw Failure(ExitStatus::io_failure,
                      fmt::format("{} is not a qualcheck store (or is damaged)",
                                  connection.path()),
                      fmt::format("a stored code ({}) is out of range", value));
    }
    return static_cast<Code>(value);
}

constexpr int k_largest_unit_status = static_cast<int>(model::UnitStatus::ria_pending);
constexpr int k_largest_grade = static_cast<int>(model::Grade::dstar);

std::string file_name(const std::optional<ImportRecord>& record, std::string_view role) {
    for (const auto& file : record->files) {
        if (file.role == role) {
            return file.name;
        }
    }
    return std::string(role) + ".csv";
}

void add_problem(diag::Diagnostics& problems, const std::string& file, long line,
                 const model::Problem& problem) {
    std::string message = problem.column.empty()
                              ? problem.message
                              : fmt::format("{}: {}", problem.column, problem.message);
    problems.add(diag::Diagnostic{file, line, 0, std::move(message), problem.hint, {}});
}

} // namespace

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

namespace {

// Rebuilds one stored entry against the rules; nullopt (with a problem added) when the rules
// no longer define its qualification or pathway.
std::optional<model::Entry> read_entry(const Connection& connection, const Statement& entries,
                                       const model::RuleBook& rules, const std::string& file,
                                       diag::Diagnostics& problems) {
    model::Entry entry;
    entry.line = static_cast<long>(entries.integer(0));
    entry.centre = entries.text(1);
    entry.candidate = entries.text(2);
    entry.uci = entries.text(3);
    entry.surname = entries.text(4);
    entry.forename = entries.text(5);
    std::string code(entries.text(6));
    entry.qualification = rules.find_qualification(code);
    if (entry.qualification == nullptr) {
        problems.add({file, entry.line, 0,
                      fmt::format("stored entry {}/{} is for qualification '{}', which the rules "
                                  "no longer define",
                                  entry.centre, entry.candidate, code),
                      "load the rules the data was imported with, or import again", {}});
        return std::nullopt;
    }
    entry.ecd = model::Series{static_cast<int>(entries.integer(7))};
    entry.ecd_derived = entries.integer(8) != 0;
    entry.entry_date = date_from_number(entries.integer(9));
    if (!entries.is_null(10)) {
        entry.declared_pathway = entry.qualification->find_pathway(entries.text(10));
        if (entry.declared_pathway == nullptr) {
            problems.add({file, entry.line, 0,
                          fmt::format("stored entry {}/{} declares pathway '{}', which the rules "
                                      "no longer define for {}",
                                      entry.centre, entry.candidate, entries.text(10), code),
                          "load the rules the data was imported with, or import again", {}});
            return std::nullopt;
        }
    }
    entry.status = code_from<model::EntryStatus>(connection, entries.integer(11), 1);
    return entry;
}

void load_entries(Connection& connection, std::int64_t import_id, const model::RuleBook& rules,
                  model::FactSink& sink, const std::string& file, diag::Diagnostics& problems) {
    Statement entries(connection,
                      "SELECT line, centre, candidate, uci, surname, forename, qualification_code,"
                      " ecd_year, ecd_derived, entry_date, pathway, status FROM entries"
                      " WHERE import_id = ? ORDER BY rowid");
    entries.bind(1, import_id);
    while (entries.step()) {
        auto entry = read_entry(connection, entries, rules, file, problems);
        if (!entry) {
            continue;
        }
        long line = entry->line;
        if (auto problem = sink.add_entry(std::move(*entry))) {
            add_problem(problems, file, line, *problem);
        }
    }
}

// Unit rows go to the sink in batches, as from a CSV file, so that a grouping table can overlap
// the lookups of many rows. SQLite's row buffers last only until the next step, so each batch
// copies the rows' text into an arena of its own.
class RowBatch {
public:
    static constexpr std::size_t k_rows = 1024;

    RowBatch() { m_text.resize(k_text); }
    bool full() const { return m_rows.size() == k_rows; }
    bool empty() const { return m_rows.empty(); }
    std::span<const model::UnitRow> rows() const { return m_rows; }
    /// Whether `bytes` more bytes of text fit; when the batch is empty, makes them fit.
    bool has_room(std::size_t bytes) {
        if (m_used + bytes <= m_text.size()) {
            return true;
        }
        if (!m_rows.empty()) {
            return false;
        }
        m_text.resize(bytes); // one row longer than the arena; nothing points into it yet
        return true;
    }
    /// Copies `text` into the arena; the view stays valid until clear().
    std::string_view keep(std::string_view text) {
        if (text.empty()) {
            return {};
        }
        char* at = m_text.data() + m_used;
        std::memcpy(at, text.data(), text.size());
        m_used += text.size();
        return {at, text.size()};
    }
    model::UnitRow& add() { return m_rows.emplace_back(); }
    void clear() {
        m_rows.clear();
        m_used = 0;
    }

private:
    static constexpr std::size_t k_text = std::size_t{64} << 10;
    std::vector<model::UnitRow> m_rows;
    std::vector<char> m_text;
    std::size_t m_used = 0;
};

void deliver(RowBatch& batch, model::FactSink& sink, const std::string& file,
             diag::Diagnostics& problems, std::vector<model::RowProblem>& found) {
    found.clear();
    sink.add_unit_rows(batch.rows(), found);
    for (const model::RowProblem& problem : found) {
        add_problem(problems, file, batch.rows()[problem.index].line, problem.problem);
    }
    batch.clear();
}

void load_unit_rows(Connection& connection, std::int64_t import_id, model::FactSink& sink,
                    const std::string& file, diag::Diagnostics& problems) {
    Statement range(connection, "SELECT first_unit_row, last_unit_row FROM imports WHERE id = ?");
    range.bind(1, import_id);
    range.step();
    Statement rows(connection,
                   "SELECT line, centre, candidate, unit, status, grade, qualification_code,"
                   " taken_at_centre, series, date, uci FROM unit_rows"
                   " WHERE rowid BETWEEN ? AND ? ORDER BY rowid");
    rows.bind(1, range.integer(0)).bind(2, range.integer(1));
    RowBatch batch;
    std::vector<model::RowProblem> found;
    constexpr int k_texts[] = {1, 2, 6, 7, 8, 10};
    while (rows.step()) {
        std::size_t bytes = 0;
        for (int column : k_texts) {
            bytes += rows.text(column).size();
        }
        if (batch.full() || !batch.has_room(bytes)) {
            deliver(batch, sink, file, problems, found);
            batch.has_room(bytes);
        }
        model::UnitRow& row = batch.add();
        row.line = static_cast<long>(rows.integer(0));
        row.centre = batch.keep(rows.text(1));
        row.candidate = batch.keep(rows.text(2));
        row.unit = static_cast<int>(rows.integer(3));
        row.status = code_from<model::UnitStatus>(connection, rows.integer(4),
                                                  k_largest_unit_status);
        row.grade = code_from<model::Grade>(connection, rows.integer(5), k_largest_grade);
        row.qualification_code = batch.keep(rows.text(6));
        row.taken_at_centre = batch.keep(rows.text(7));
        row.series = batch.keep(rows.text(8));
        row.date = date_from_number(rows.integer(9));
        row.uci = batch.keep(rows.text(10));
    }
    if (!batch.empty()) {
        deliver(batch, sink, file, problems, found);
    }
}

} // namespace

void Store::load_current(const model::RuleBook& rules, model::FactSink& sink) {
    auto record = last_import();
    if (!record) {
        throw Failure(ExitStatus::io_failure,
                      fmt::format("the store {} holds no import yet; run `qualcheck import` first",
                                  path()));
    }
    diag::Diagnostics problems;
    load_entries(*m_connection, record->id, rules, sink, file_name(record, "candidates"),
                 problems);
    load_unit_rows(*m_connection, record->id, sink, file_name(record, "units"), problems);
    diag::throw_if_any(problems);
}

std::vector<model::Visit> Store::load_visits(const model::RuleBook& rules) {
    std::vector<model::Visit> visits;
    auto record = last_import();
    if (!record) {
        return visits;
    }
    diag::Diagnostics problems;
    Statement select(*m_connection, "SELECT line, suite, date, kind, status FROM visits"
                                    " WHERE import_id = ? ORDER BY rowid");
    select.bind(1, record->id);
    while (select.step()) {
        model::Visit visit;
        visit.line = static_cast<long>(select.integer(0));
        visit.suite = rules.find_suite(select.text(1));
        if (visit.suite == nullptr) {
            problems.add({file_name(record, "visits"), visit.line, 0,
                          fmt::format("stored visit is for suite '{}', which the rules no longer "
                                      "define",
                                      select.text(1)),
                          "load the rules the data was imported with, or import again", {}});
            continue;
        }
        visit.date = date_from_number(select.integer(2));
        visit.kind = code_from<model::VisitKind>(*m_connection, select.integer(3), 1);
        visit.status = code_from<model::VisitStatus>(*m_connection, select.integer(4), 1);
        visits.push_back(visit);
    }
    diag::throw_if_any(problems);
    return visits;
}

std::vector<StoredUnitRow> Store::unit_rows_for(const std::string& centre,
                                                const std::string& candidate) {
    std::vector<StoredUnitRow> found;
    Statement rows(*m_connection,
                   "SELECT u.line, u.unit, u.status, u.grade, u.qualification_code,"
                   " u.taken_at_centre, u.series, u.date FROM unit_rows AS u, imports AS i"
                   " WHERE i.id = (SELECT max(id) FROM imports)"
                   " AND u.rowid BETWEEN i.first_unit_row AND i.last_unit_row"
                   " AND u.centre = ? AND u.candidate = ? ORDER BY u.rowid");
    rows.bind(1, centre).bind(2, candidate);
    while (rows.step()) {
        StoredUnitRow row;
        row.line = static_cast<long>(rows.integer(0));
        row.unit = static_cast<int>(rows.integer(1));
        row.status = code_from<model::UnitStatus>(*m_connection, rows.integer(2),
                                                  k_largest_unit_status);
        row.grade = code_from<model::Grade>(*m_connection, rows.integer(3), k_largest_grade);
        row.qualification_code = rows.text(4);
        row.taken_at_centre = rows.text(5);
        row.series = rows.text(6);
        row.date = date_from_number(rows.integer(7));
        found.push_back(std::move(row));
    }
    return found;
}

} // namespace qc::store
