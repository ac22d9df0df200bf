#pragma once
// Wiring between the store and the engine: load the current import (with the centre's
// statements applied) into the grouping table, and keep the results of a run.

#include "common.hpp"
#include "engine/book.hpp"
#include "report/results.hpp"
#include "store/store.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace qc::cmd {

/// Opens the store named by the options and config.
store::Store open_store(const CommonOptions& options, const Setup& setup, store::OpenMode mode);

/// What load_current_data found.
struct CurrentData {
    store::ImportRecord import;
    std::vector<bool> acknowledged; ///< per entry of the book
};

/// Loads the store's current import into `book`, applying ECD amendments, withdrawals and
/// declared pathways. Facts pass through `through` when given (which must hand them on to
/// `book`), so that a view can see the rows too. Throws diag::Failure(io_failure) when
/// nothing has been imported.
CurrentData load_current_data(store::Store& store, const model::RuleBook& rules,
                              engine::EntryBook& book, model::FactSink* through = nullptr);

/// Applies the centre's statements (ECD amendments, withdrawals, declared pathways) to the
/// entries of `book`; returns, per entry, whether it is acknowledged.
std::vector<bool> apply_statements(store::Store& store, engine::EntryBook& book);

/// A ResultWriter that keeps every row as a StoredResult, and may pass rows on to another.
class ResultKeeper final : public report::ResultWriter {
public:
    explicit ResultKeeper(report::ResultWriter* next = nullptr) : m_next(next) {}
    void row(const assess::Assessment& record) override;
    void finish() override;
    std::vector<store::StoredResult>& results() { return m_results; }

private:
    report::ResultWriter* m_next;
    std::vector<store::StoredResult> m_results;
};

/// A ResultWriter that saves each row as it comes into a run being written.
class ResultSaver final : public report::ResultWriter {
public:
    explicit ResultSaver(store::Store::Results& run) : m_run(run) {}
    void row(const assess::Assessment& record) override;
    void finish() override {}

private:
    store::Store::Results& m_run;
    store::StoredResult m_result; ///< reused, so that its strings keep their memory
};

/// Judges the current import as it stands now and saves the run; returns the run id, or 0
/// when nothing has been imported yet. Used after imports and statements so that stored
/// results always reflect the data and the centre's statements.
std::int64_t rejudge_and_save(store::Store& store, const Setup& setup);

/// The same for an import just committed whose entries and rows are still in `book`, as
/// loaded: applies the statements to it, judges it and saves the run, without reading the
/// rows back from the store. Returns the run id.
std::int64_t judge_and_save(store::Store& store, const Setup& setup, std::int64_t import_id,
                            engine::EntryBook& book);

/// An ISO timestamp for records: --today's date with the current time of day.
std::string timestamp(const Setup& setup);

/// The acting user: --user, else the login name.
std::string acting_user(const std::string& given);

} // namespace qc::cmd
