// Reading the current import back: its entries, unit rows (in batches, read from SQLite on a
// thread of their own) and visits.
#include "store/store.hpp"

#include "store/columns.hpp"
#include "store/row_loader.hpp"
#include "store/sqlite.hpp"

#include <fmt/format.h>

namespace qc::store {

using detail::add_problem;
using detail::code_from;
using detail::Connection;
using detail::date_from_number;
using detail::file_name;
using detail::k_largest_grade;
using detail::k_largest_unit_status;
using detail::Statement;
using diag::ExitStatus;
using diag::Failure;

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
    detail::load_unit_rows(*m_connection, record->id, sink, file_name(record, "units"), problems);
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
