#pragma once
// The centre's store: one SQLite file holding every import (history kept), the results of
// check runs, the centre's statements (ECD amendments, acknowledgements, withdrawals,
// declared pathways, subject ticks) and the append-only declarations log. docs/store.md
// describes the file. Every failure is a diag::Failure; SQLite's own errors never escape.

#include "model/entry.hpp"
#include "model/facts.hpp"
#include "model/rules.hpp"
#include "store/records.hpp"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace qc::store {

namespace detail {
class Connection;
} // namespace detail

/// Whether Store::open may create the file.
enum class OpenMode {
    create_if_missing, ///< import, declare: a new store is made (mode 0600)
    must_exist,        ///< check, report: a missing store is an error (exit 4)
};

/// Settings of one connection; the defaults are right for users, tests shorten the wait.
struct OpenOptions {
    int busy_timeout_ms = 5000; ///< how long to wait for another writer before "busy"
};

/// The schema version this code writes; Store::open migrates older stores up to it.
inline constexpr int k_schema_version = 3;

class Store {
public:
    class Import;

    /// Opens (or creates, by `mode`) the store at `path`, migrating an older schema. Throws
    /// Failure(io_failure) for a missing folder or store, a busy, read-only or damaged file,
    /// a file that is not a qualcheck store (never overwritten) or one from a newer qualcheck.
    static Store open(const std::string& path, OpenMode mode, OpenOptions options = {});
    /// Test hook: creates a new store at `path` with only the migrations up to `version`, so
    /// that tests can show an old store being migrated.
    static Store create_at_version(const std::string& path, int version);

    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;
    ~Store();

    /// The file's schema version (PRAGMA user_version).
    int schema_version();
    const std::string& path() const;

    // --- imports --------------------------------------------------------------------------

    /// Starts an import in one write transaction (taken at once: a busy store fails here).
    /// `at` is an ISO timestamp, `user` who imports. Only one import at a time per Store.
    Import begin_import(const std::string& at, const std::string& user);
    /// The latest committed import (the current data), if any.
    std::optional<ImportRecord> last_import();
    /// Every committed import, oldest first.
    std::vector<ImportRecord> imports();
    /// The sha256 of the current import's files together ("" when nothing is imported):
    /// sha256 of "role sha256\n" per file in role order. Declarations record it.
    std::string data_sha256();

    /// Pushes the current import's entries, then its unit rows, to `sink` in their original
    /// order, rebuilding each against `rules`. Throws Failure(bad_input) when a stored
    /// qualification or pathway is no longer defined by the rules or the sink finds problems
    /// (each named with the imported file and line).
    void load_current(const model::RuleBook& rules, model::FactSink& sink);
    /// The current import's visits, their suites looked up in `rules` (Failure(bad_input) when
    /// the rules no longer define one).
    std::vector<model::Visit> load_visits(const model::RuleBook& rules);
    /// The current import's unit rows for one candidate, in line order.
    std::vector<StoredUnitRow> unit_rows_for(const std::string& centre,
                                             const std::string& candidate);

    // --- check runs -----------------------------------------------------------------------

    /// Stores the results of a check of import `import_id` made on `today_iso`, in order, in
    /// one transaction. Returns the run id.
    std::int64_t save_results(std::int64_t import_id, const std::string& today_iso,
                              const std::vector<StoredResult>& results);
    class Results;
    /// Starts saving a run's results one at a time (in one write transaction, taken at once),
    /// so that a million results need not be held in memory first.
    Results begin_results(std::int64_t import_id, const std::string& today_iso);
    std::optional<RunRecord> latest_run();
    /// The latest run made on an earlier import than `run_id`'s (for `report changes`).
    std::optional<RunRecord> previous_run(std::int64_t run_id);
    /// The latest run whose date is on or before `date_iso` (for `changes --since DATE`).
    std::optional<RunRecord> run_at_or_before(const std::string& date_iso);
    /// A run's results in the order they were saved; only the at-risk ones when asked.
    std::vector<StoredResult> run_results(std::int64_t run_id, bool at_risk_only = false);
    /// The same, one at a time, without holding them all: `visit` sees each result (valid
    /// only during the call).
    void for_each_run_result(std::int64_t run_id, bool at_risk_only,
                             const std::function<void(const StoredResult&)>& visit);

    // --- the centre's statements, each recorded in the declarations log -------------------

    // Each entry statement returns false, and changes and logs nothing, when the same
    // statement is already in force (repeating a statement is a no-op).

    /// Amends an entry's estimated completion to Summer `series_year`.
    bool amend_ecd(const EntryKey& key, int series_year, const Actor& actor);
    /// Acknowledges an at-risk entry, or undoes the acknowledgement.
    bool set_acknowledged(const EntryKey& key, bool acknowledged, const Actor& actor);
    /// Asks for the entry's withdrawal, for `reason`.
    bool withdraw(const EntryKey& key, const std::string& reason, const Actor& actor);
    /// Declares the pathway (by id) the candidate follows for this entry.
    bool declare_pathway(const EntryKey& key, const std::string& pathway_id, const Actor& actor);
    /// Ticks a subject for the term-time checkpoint of `academic_year`, or undoes the tick.
    void set_subject_checked(int academic_year, const std::string& suite_id, bool checked,
                             const Actor& actor);
    /// Every entry statement, for the engine to apply to the current data.
    std::map<EntryKey, Override> overrides();
    /// The subjects ticked for one academic year, by suite id.
    std::vector<SubjectTick> subject_ticks(int academic_year);

    // --- declarations log ------------------------------------------------------------------

    /// Appends a declaration that changes nothing else (e.g. "submit checkpoint-2"). Returns
    /// its id.
    std::int64_t record_declaration(const Actor& actor, const std::string& action,
                                    const std::string& details);
    /// The whole log, oldest first.
    std::vector<Declaration> declarations();
    /// The id of the first record whose hash does not match its contents or whose prev_hash
    /// does not match the record before; nullopt when the chain is intact.
    std::optional<std::int64_t> verify_declarations();

    /// Test and maintenance hook: runs raw SQL (e.g. to tamper with a file in a test).
    void run_sql_for_tests(const std::string& sql);

private:
    explicit Store(std::unique_ptr<detail::Connection> connection);
    std::int64_t append_declaration(const Actor& actor, const std::string& action,
                                    const std::string& details);

    std::unique_ptr<detail::Connection> m_connection;
};

/// One run's results being written. Destroying it without commit() rolls back. Must not
/// outlive its Store.
class Store::Results {
public:
    Results(Results&&) noexcept;
    ~Results();

    /// Adds the next result (results are kept in the order added).
    void add(const StoredResult& result);
    /// Commits; returns the run id.
    std::int64_t commit();

private:
    friend class Store;
    struct State;
    explicit Results(std::unique_ptr<State> state);
    std::unique_ptr<State> m_state;
};

/// One import being written. Destroying it without commit() rolls everything back, leaving
/// the store file as it was. Must not outlive its Store.
class Store::Import {
public:
    Import(Import&&) noexcept;
    ~Import();

    void add_entry(const model::Entry& entry);
    void add_unit_row(const model::UnitRow& row);
    void add_visit(const model::Visit& visit);
    /// Records the files and commits; the import becomes the current data. Returns its id.
    std::int64_t commit(const std::vector<ImportedFile>& files);

private:
    friend class Store;
    struct State;
    explicit Import(std::unique_ptr<State> state);
    std::unique_ptr<State> m_state;
};

} // namespace qc::store
