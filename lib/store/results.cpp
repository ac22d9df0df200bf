// The results of check runs, kept for `report changes` and a fast `report at-risk`.
#include "store/store.hpp"

#include "store/sqlite.hpp"

namespace qc::store {

using detail::Statement;

namespace {

constexpr const char* k_run_columns = "SELECT r.id, r.import_id, r.today,"
                                      " (SELECT count(*) FROM results WHERE run_id = r.id)"
                                      " FROM runs AS r ";

std::optional<RunRecord> read_run(Statement& select) {
    if (!select.step()) {
        return std::nullopt;
    }
    return RunRecord{select.integer(0), select.integer(1), std::string(select.text(2)),
                     select.integer(3)};
}

void bind_result(Statement& insert, std::int64_t run_id, const StoredResult& result) {
    insert.bind(1, run_id).bind(2, result.centre).bind(3, result.candidate);
    insert.bind(4, result.qualification_code).bind_or_null(5, result.surname);
    insert.bind_or_null(6, result.forename).bind_or_null(7, result.qualification_title);
    insert.bind(8, std::int64_t{result.ecd_year});
    insert.bind(9, std::int64_t{static_cast<int>(result.result_status)});
    insert.bind(10, std::int64_t{result.reasons}).bind(11, std::int64_t{result.at_risk});
    insert.bind(12, std::int64_t{result.acknowledged});
    insert.bind(13, std::int64_t{result.glh_required}).bind(14, std::int64_t{result.glh_counted});
    insert.bind(15, std::int64_t{result.glh_achieved}).bind_or_null(16, result.pathways);
    insert.bind_or_null(17, result.suggestion).bind(18, std::int64_t{result.points});
    insert.bind_or_null(19, result.predicted_grade);
    insert.bind(20, std::int64_t{result.transferred_units});
}

void read_result(const Statement& select, StoredResult& result) {
    result.centre = select.text(0);
    result.candidate = select.text(1);
    result.qualification_code = select.text(2);
    result.surname = select.text(3);
    result.forename = select.text(4);
    result.qualification_title = select.text(5);
    result.ecd_year = static_cast<int>(select.integer(6));
    result.result_status = static_cast<model::ResultStatus>(select.integer(7));
    result.reasons = static_cast<std::uint32_t>(select.integer(8));
    result.at_risk = select.integer(9) != 0;
    result.acknowledged = select.integer(10) != 0;
    result.glh_required = static_cast<int>(select.integer(11));
    result.glh_counted = static_cast<int>(select.integer(12));
    result.glh_achieved = static_cast<int>(select.integer(13));
    result.pathways = select.text(14);
    result.suggestion = select.text(15);
    result.points = static_cast<int>(select.integer(16));
    result.predicted_grade = select.text(17);
    result.transferred_units = static_cast<int>(select.integer(18));
}

} // namespace

struct Store::Results::State {
    detail::Connection& connection;
    detail::Transaction transaction;
    std::int64_t run_id = 0;
    Statement insert{connection, "INSERT INTO results VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                                 " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"};

    explicit State(detail::Connection& c) : connection(c), transaction(c, true) {}
};

Store::Results::Results(std::unique_ptr<State> state) : m_state(std::move(state)) {}
Store::Results::Results(Results&&) noexcept = default;
Store::Results::~Results() = default; // an uncommitted transaction rolls back

void Store::Results::add(const StoredResult& result) {
    bind_result(m_state->insert, m_state->run_id, result);
    m_state->insert.run();
}

std::int64_t Store::Results::commit() {
    m_state->transaction.commit();
    return m_state->run_id;
}

Store::Results Store::begin_results(std::int64_t import_id, const std::string& today_iso) {
    auto state = std::make_unique<Results::State>(*m_connection);
    Statement run(*m_connection, "INSERT INTO runs (import_id, today) VALUES (?, ?)");
    run.bind(1, import_id).bind(2, today_iso).run();
    state->run_id = m_connection->last_insert_rowid();
    return Results(std::move(state));
}

std::int64_t Store::save_results(std::int64_t import_id, const std::string& today_iso,
                                 const std::vector<StoredResult>& results) {
    Results run = begin_results(import_id, today_iso);
    for (const auto& result : results) {
        run.add(result);
    }
    return run.commit();
}

std::optional<RunRecord> Store::latest_run() {
    Statement select(*m_connection, std::string(k_run_columns) + "ORDER BY r.id DESC LIMIT 1");
    return read_run(select);
}

std::optional<RunRecord> Store::previous_run(std::int64_t run_id) {
    Statement select(*m_connection,
                     std::string(k_run_columns) +
                         "WHERE r.import_id < (SELECT import_id FROM runs WHERE id = ?)"
                         " ORDER BY r.id DESC LIMIT 1");
    select.bind(1, run_id);
    return read_run(select);
}

std::optional<RunRecord> Store::run_at_or_before(const std::string& date_iso) {
    Statement select(*m_connection, std::string(k_run_columns) +
                                        "WHERE r.today <= ? ORDER BY r.today DESC, r.id DESC"
                                        " LIMIT 1");
    select.bind(1, date_iso);
    return read_run(select);
}

std::vector<StoredResult> Store::run_results(std::int64_t run_id, bool at_risk_only) {
    std::vector<StoredResult> results;
    for_each_run_result(run_id, at_risk_only,
                        [&](const StoredResult& result) { results.push_back(result); });
    return results;
}

void Store::for_each_run_result(std::int64_t run_id, bool at_risk_only,
                                const std::function<void(const StoredResult&)>& visit) {
    // The (run_id, at_risk) index serves both forms; rowid order is the order saved.
    Statement select(*m_connection,
                     std::string("SELECT centre, candidate, qualification_code, surname, forename,"
                                 " qualification_title, ecd_year, result_status, reasons, at_risk,"
                                 " acknowledged, glh_required, glh_counted, glh_achieved,"
                                 " pathways, suggestion, points, predicted_grade, transferred_units"
                                 " FROM results"
                                 " WHERE run_id = ?") +
                         (at_risk_only ? " AND at_risk = 1" : "") + " ORDER BY rowid");
    select.bind(1, run_id);
    StoredResult result; // reused, so that its strings keep their memory
    while (select.step()) {
        read_result(select, result);
        visit(result);
    }
}

} // namespace qc::store
