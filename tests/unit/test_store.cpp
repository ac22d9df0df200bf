// Tests for lib/store/: the centre's SQLite store.
#include "diag/failure.hpp"
#include "store/store.hpp"
#include "util/sha256.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

using namespace qc;
using store::OpenMode;
using store::Store;

namespace {

// A fresh folder under /tmp, removed with everything in it at the end of the test.
struct TempDir {
    std::string path;
    TempDir() {
        char name[] = "/tmp/qc_store_XXXXXX";
        REQUIRE(mkdtemp(name) != nullptr);
        path = name;
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    std::string file(const std::string& name) const { return path + "/" + name; }
};

model::RuleBook make_rules() {
    auto suite = std::make_unique<model::Suite>();
    suite->id = "ct-l3-it";
    suite->title = "IT";
    for (int number : {1, 2, 6}) {
        suite->units.push_back(model::Unit{number, "Unit", 60, model::Assessment::examined, {}});
    }
    model::Qualification qualification;
    qualification.code = "05839";
    qualification.title = "Extended Certificate in IT";
    qualification.glh = 120;
    qualification.mandatory = {1, 2};
    qualification.pathways.push_back(model::Pathway{"app-dev", "Application Developer", {6}, {}, {}});
    suite->qualifications.push_back(qualification);
    model::RuleBook rules;
    rules.add(std::move(suite));
    return rules;
}

model::Entry make_entry(const model::RuleBook& rules, std::string candidate, long line) {
    model::Entry entry;
    entry.centre = "61234";
    entry.candidate = std::move(candidate);
    entry.surname = "Smith";
    entry.forename = "Ann";
    entry.qualification = rules.find_qualification("05839");
    entry.ecd = model::Series{2025};
    entry.entry_date = util::Date{2023, 9, 12};
    entry.ecd_derived = true;
    entry.declared_pathway = entry.qualification->find_pathway("app-dev");
    entry.line = line;
    return entry;
}

model::UnitRow make_row(std::string_view candidate, int unit, long line) {
    model::UnitRow row;
    row.centre = "61234";
    row.candidate = candidate;
    row.unit = unit;
    row.status = model::UnitStatus::result_achieved;
    row.grade = model::Grade::m;
    row.series = "June 2024";
    row.date = util::Date{2024, 6, 3};
    row.line = line;
    return row;
}

// Imports two entries and three unit rows, tagging the surname so imports can be told apart.
std::int64_t import_sample(Store& store, const model::RuleBook& rules, const std::string& at,
                           const std::string& sha) {
    auto import = store.begin_import(at, "alice");
    import.add_entry(make_entry(rules, "0042", 2));
    import.add_entry(make_entry(rules, "0043", 3));
    import.add_unit_row(make_row("0042", 1, 2));
    import.add_unit_row(make_row("0042", 2, 3));
    import.add_unit_row(make_row("0043", 1, 4));
    return import.commit({{"candidates", "candidates.csv", sha, 2, 100},
                          {"units", "units.csv", sha, 3, 200}});
}

struct RecordingSink : model::FactSink {
    std::vector<model::Entry> entries;
    std::vector<std::string> rows; // "candidate unit status grade series date line"
    std::optional<model::Problem> add_entry(model::Entry entry) override {
        entries.push_back(std::move(entry));
        return std::nullopt;
    }
    std::optional<model::Problem> add_unit_row(const model::UnitRow& row) override {
        rows.push_back(std::string(row.candidate) + " " + std::to_string(row.unit) + " " +
                       std::string(model::info(row.status).code) + " " +
                       std::string(model::info(row.grade).code) + " " + std::string(row.series) +
                       " " + util::to_iso(row.date) + " " + std::to_string(row.line));
        return std::nullopt;
    }
};

std::string failure_text(const std::function<void()>& action, diag::ExitStatus* status = nullptr) {
    try {
        action();
    } catch (const diag::Failure& failure) {
        if (status != nullptr) {
            *status = failure.status();
        }
        return failure.diagnostics().recorded().at(0).message;
    }
    return "(no failure)";
}

store::Actor officer() {
    return store::Actor{"alice", "exams_officer", "2025-03-02T09:00:00"};
}

} // namespace

TEST_CASE("a new store is created with mode 0600 at the current schema version") {
    TempDir dir;
    auto store = Store::open(dir.file("q.db"), OpenMode::create_if_missing);
    struct stat info {};
    REQUIRE(::stat(dir.file("q.db").c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
    CHECK(store.schema_version() == store::k_schema_version);
    CHECK_FALSE(store.last_import().has_value());
    CHECK(store.data_sha256() == "");
}

TEST_CASE("a store that must exist but does not is an io failure naming import") {
    TempDir dir;
    diag::ExitStatus status{};
    CHECK(failure_text([&] { Store::open(dir.file("q.db"), OpenMode::must_exist); }, &status) ==
          "no store at " + dir.file("q.db") + "; run `qualcheck import` first");
    CHECK(status == diag::ExitStatus::io_failure);
    CHECK_FALSE(std::filesystem::exists(dir.file("q.db")));
}

TEST_CASE("a store in a folder that does not exist names the folder") {
    TempDir dir;
    std::string path = dir.file("nowhere/q.db");
    CHECK(failure_text([&] { Store::open(path, OpenMode::create_if_missing); }) ==
          "no folder " + dir.file("nowhere") + " for the store " + path);
}

TEST_CASE("a file that is not a store is named and never overwritten") {
    TempDir dir;
    std::string path = dir.file("notes.db");
    std::string garbage(8192, 'x');
    std::ofstream(path) << garbage;
    diag::ExitStatus status{};
    CHECK(failure_text([&] { Store::open(path, OpenMode::create_if_missing); }, &status) ==
          path + " is not a qualcheck store (or is damaged)");
    CHECK(status == diag::ExitStatus::io_failure);
    CHECK(util::sha256_file(path) == util::sha256_hex(garbage));
}

TEST_CASE("another program's SQLite database is not taken for a store") {
    TempDir dir;
    std::string path = dir.file("other.db");
    {
        auto other = Store::open(path, OpenMode::create_if_missing);
        other.run_sql_for_tests("PRAGMA application_id = 42");
    }
    CHECK(failure_text([&] { Store::open(path, OpenMode::must_exist); }) ==
          path + " is not a qualcheck store (or is damaged)");
}

TEST_CASE("a store from a newer qualcheck is refused") {
    TempDir dir;
    std::string path = dir.file("q.db");
    Store::open(path, OpenMode::create_if_missing).run_sql_for_tests("PRAGMA user_version = 99");
    CHECK(failure_text([&] { Store::open(path, OpenMode::must_exist); }) ==
          "store " + path + " was made by a newer qualcheck (schema version 99; this one knows "
                            "up to " + std::to_string(store::k_schema_version) + ")");
}

TEST_CASE("a version 1 store is migrated and keeps its data") {
    TempDir dir;
    std::string path = dir.file("q.db");
    {
        auto old = Store::create_at_version(path, 1);
        CHECK(old.schema_version() == 1);
        old.run_sql_for_tests(
            "INSERT INTO imports (id, at, user, first_unit_row, last_unit_row) "
            "VALUES (1, '2024-09-01T08:00:00', 'alice', 1, 0);"
            "INSERT INTO import_files VALUES (1, 'candidates', 'c.csv', 'abc', 1, 10);"
            "INSERT INTO entry_statements VALUES ('61234', '0042', '05839', 2026, 1, NULL);"
            "INSERT INTO declarations VALUES (1, '2024-09-02', 'alice', 'exams_officer', 'ecd',"
            " 'moved', '');"
            "INSERT INTO declarations VALUES (2, '2024-09-03', 'alice', 'exams_officer',"
            " 'acknowledge', 'ok', '');");
    }
    auto store = Store::open(path, OpenMode::must_exist);
    CHECK(store.schema_version() == store::k_schema_version);
    REQUIRE(store.last_import().has_value());
    CHECK(store.last_import()->files.at(0).name == "c.csv");
    auto overrides = store.overrides();
    auto& statement = overrides.at(store::EntryKey{"61234", "0042", "05839"});
    CHECK(statement.ecd_year == 2026);
    CHECK(statement.acknowledged == true);
    CHECK_FALSE(statement.declared_pathway.has_value());
    auto log = store.declarations();
    REQUIRE(log.size() == 2);
    CHECK(log[0].prev_hash == std::string(64, '0'));
    CHECK(log[1].prev_hash == log[0].hash);
    CHECK_FALSE(store.verify_declarations().has_value());
}

TEST_CASE("a version 2 store is migrated to 3: unit rows and results keep their data") {
    TempDir dir;
    std::string path = dir.file("q.db");
    {
        auto old = Store::create_at_version(path, 2);
        old.run_sql_for_tests(
            "INSERT INTO imports (id, at, user, first_unit_row, last_unit_row) "
            "VALUES (1, '2025-01-10T06:00:00', 'alice', 1, 1);"
            "INSERT INTO import_files VALUES (1, 'candidates', 'c.csv', 'abc', 1, 10);"
            "INSERT INTO entries VALUES (1, 2, '61234', '0042', NULL, 'Smith', 'Ann', '05839', 2025,"
            " 0, 0, NULL, 0);"
            "INSERT INTO unit_rows VALUES (1, 2, '61234', '0042', 1, 1, 4, NULL, NULL, 'June 2024', 0);"
            "INSERT INTO runs VALUES (1, 1, '2025-01-10');"
            "INSERT INTO results VALUES (1, '61234', '0042', '05839', 'Smith', 'Ann', 'Ext', 2025, 0,"
            " 0, 0, 0, 120, 120, 60, NULL, NULL, -1, NULL);");
    }
    auto store = Store::open(path, OpenMode::must_exist);
    CHECK(store.schema_version() == 3);
    auto rules = make_rules();
    RecordingSink sink;
    store.load_current(rules, sink);
    CHECK(sink.rows == std::vector<std::string>{"0042 1 result_achieved M June 2024 0000-00-00 2"});
    auto results = store.run_results(1);
    REQUIRE(results.size() == 1);
    CHECK(results[0].transferred_units == 0);
}

TEST_CASE("a unit row's UCI is stored and given back") {
    TempDir dir;
    auto rules = make_rules();
    auto store = Store::open(dir.file("q.db"), OpenMode::create_if_missing);
    auto import = store.begin_import("2025-01-10T06:00:00", "alice");
    import.add_entry(make_entry(rules, "0042", 2));
    model::UnitRow row = make_row("0333", 1, 2);
    row.centre = "68420";
    row.uci = "684202500333K";
    import.add_unit_row(row);
    import.add_unit_row(make_row("0042", 2, 3));
    import.commit({{"candidates", "c.csv", std::string(64, 'a'), 1, 10}});
    struct UciSink : model::FactSink {
        std::vector<std::string> ucis;
        std::optional<model::Problem> add_entry(model::Entry) override { return std::nullopt; }
        std::optional<model::Problem> add_unit_row(const model::UnitRow& r) override {
            ucis.push_back(std::string(r.centre) + "/" + std::string(r.candidate) + " " + std::string(r.uci));
            return std::nullopt;
        }
    } sink;
    store.load_current(rules, sink);
    CHECK(sink.ucis == std::vector<std::string>{"68420/0333 684202500333K", "61234/0042 "});
}

TEST_CASE("imports keep history and the latest is current") {
    TempDir dir;
    auto rules = make_rules();
    auto store = Store::open(dir.file("q.db"), OpenMode::create_if_missing);
    auto first = import_sample(store, rules, "2025-01-10T06:00:00", std::string(64, 'a'));
    auto second = store.begin_import("2025-01-11T06:00:00", "cron");
    second.add_entry(make_entry(rules, "0099", 2));
    second.add_unit_row(make_row("0099", 6, 2));
    auto second_id = second.commit({{"candidates", "c2.csv", std::string(64, 'b'), 1, 50}});
    CHECK(second_id == first + 1);
    auto history = store.imports();
    REQUIRE(history.size() == 2);
    CHECK(history[0].files.size() == 2);
    CHECK(history[0].files[1].role == "units");
    auto last = store.last_import();
    CHECK(last->id == second_id);
    CHECK(last->user == "cron");
    CHECK(store.data_sha256() == util::sha256_hex("candidates " + std::string(64, 'b') + "\n"));
    RecordingSink sink;
    store.load_current(rules, sink);
    REQUIRE(sink.entries.size() == 1);
    CHECK(sink.entries[0].candidate == "0099");
    CHECK(sink.rows == std::vector<std::string>{"0099 6 result_achieved M June 2024 2024-06-03 2"});
    CHECK(store.unit_rows_for("61234", "0042").empty());
}

TEST_CASE("load_current gives back what was imported, in line order") {
    TempDir dir;
    auto rules = make_rules();
    auto store = Store::open(dir.file("q.db"), OpenMode::create_if_missing);
    import_sample(store, rules, "2025-01-10T06:00:00", std::string(64, 'a'));
    RecordingSink sink;
    store.load_current(rules, sink);
    REQUIRE(sink.entries.size() == 2);
    const auto& entry = sink.entries[0];
    CHECK(entry.centre == "61234");
    CHECK(entry.candidate == "0042");
    CHECK(entry.surname == "Smith");
    CHECK(entry.qualification == rules.find_qualification("05839"));
    CHECK(entry.ecd.year == 2025);
    CHECK(entry.ecd_derived);
    CHECK(entry.entry_date == util::Date{2023, 9, 12});
    REQUIRE(entry.declared_pathway != nullptr);
    CHECK(entry.declared_pathway->id == "app-dev");
    CHECK(entry.line == 2);
    CHECK(sink.entries[1].candidate == "0043");
    CHECK(sink.rows.size() == 3);
    CHECK(sink.rows[1] == "0042 2 result_achieved M June 2024 2024-06-03 3");
    auto rows = store.unit_rows_for("61234", "0042");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].unit == 1);
    CHECK(rows[1].grade == model::Grade::m);
    CHECK(rows[1].series == "June 2024");
    CHECK(rows[1].taken_at_centre == "");
}

TEST_CASE("load_current refuses data whose qualification the rules no longer define") {
    TempDir dir;
    auto rules = make_rules();
    auto store = Store::open(dir.file("q.db"), OpenMode::create_if_missing);
    import_sample(store, rules, "2025-01-10T06:00:00", std::string(64, 'a'));
    model::RuleBook empty;
    RecordingSink sink;
    diag::ExitStatus status{};
    CHECK(failure_text([&] { store.load_current(empty, sink); }, &status) ==
          "stored entry 61234/0042 is for qualification '05839', which the rules no longer "
          "define");
    CHECK(status == diag::ExitStatus::bad_input);
}

TEST_CASE("an import that is not committed leaves the file byte for byte as it was") {
    TempDir dir;
    auto rules = make_rules();
    std::string path = dir.file("q.db");
    {
        auto store = Store::open(path, OpenMode::create_if_missing);
        import_sample(store, rules, "2025-01-10T06:00:00", std::string(64, 'a'));
    }
    std::string before = util::sha256_file(path);
    {
        auto store = Store::open(path, OpenMode::must_exist);
        auto import = store.begin_import("2025-01-11T06:00:00", "alice");
        for (int i = 0; i < 20000; ++i) { // enough to spill pages out of the cache
            import.add_unit_row(make_row("0042", 1, i + 2));
        }
        // destroyed here without commit
    }
    CHECK(util::sha256_file(path) == before);
    auto store = Store::open(path, OpenMode::must_exist);
    CHECK(store.imports().size() == 1);
    CHECK(store.unit_rows_for("61234", "0042").size() == 2);
}

TEST_CASE("statements survive a later import") {
    TempDir dir;
    auto rules = make_rules();
    auto store = Store::open(dir.file("q.db"), OpenMode::create_if_missing);
    import_sample(store, rules, "2025-01-10T06:00:00", std::string(64, 'a'));
    store::EntryKey key{"61234", "0042", "05839"};
    store.amend_ecd(key, 2026, officer());
    store.set_acknowledged(key, true, officer());
    store.withdraw(store::EntryKey{"61234", "0043", "05839"}, "left the college", officer());
    store.declare_pathway(key, "app-dev", officer());
    import_sample(store, rules, "2025-01-11T06:00:00", std::string(64, 'c'));
    auto overrides = store.overrides();
    REQUIRE(overrides.size() == 2);
    CHECK(overrides[key].ecd_year == 2026);
    CHECK(overrides[key].acknowledged == true);
    CHECK(overrides[key].declared_pathway == "app-dev");
    CHECK_FALSE(overrides[key].withdrawal.has_value());
    CHECK(overrides[store::EntryKey{"61234", "0043", "05839"}].withdrawal == "left the college");
    store.set_acknowledged(key, false, officer());
    CHECK(store.overrides()[key].acknowledged == false);
}

TEST_CASE("repeating an entry statement changes nothing and logs nothing") {
    TempDir dir;
    auto rules = make_rules();
    auto store = Store::open(dir.file("q.db"), OpenMode::create_if_missing);
    import_sample(store, rules, "2025-01-10T06:00:00", std::string(64, 'a'));
    store::EntryKey key{"61234", "0042", "05839"};
    CHECK_FALSE(store.set_acknowledged(key, false, officer())); // never acknowledged
    CHECK(store.amend_ecd(key, 2026, officer()));
    CHECK_FALSE(store.amend_ecd(key, 2026, officer()));
    CHECK(store.set_acknowledged(key, true, officer()));
    CHECK_FALSE(store.set_acknowledged(key, true, officer()));
    CHECK(store.declare_pathway(key, "app-dev", officer()));
    CHECK_FALSE(store.declare_pathway(key, "app-dev", officer()));
    CHECK(store.withdraw(key, "left", officer()));
    CHECK_FALSE(store.withdraw(key, "left", officer()));
    CHECK(store.declarations().size() == 4);
    CHECK(store.amend_ecd(key, 2027, officer()));
    CHECK(store.declarations().size() == 5);
    CHECK_FALSE(store.verify_declarations().has_value());
}

TEST_CASE("subject ticks are kept per academic year and can be undone") {
    TempDir dir;
    auto store = Store::open(dir.file("q.db"), OpenMode::create_if_missing);
    store::Actor teacher{"bob", "teacher", "2025-03-03T10:00:00"};
    store.set_subject_checked(2025, "ct-l3-it", true, teacher);
    store.set_subject_checked(2025, "btec-sport", true, teacher);
    store.set_subject_checked(2025, "btec-sport", false, teacher);
    auto ticks = store.subject_ticks(2025);
    REQUIRE(ticks.size() == 1);
    CHECK(ticks[0].suite_id == "ct-l3-it");
    CHECK(ticks[0].user == "bob");
    CHECK(store.subject_ticks(2026).empty());
    CHECK(store.declarations().size() == 3);
    CHECK(store.declarations()[2].action == "subject-checked --undo");
}

TEST_CASE("declarations form a hash chain that detects tampering") {
    TempDir dir;
    auto rules = make_rules();
    auto store = Store::open(dir.file("q.db"), OpenMode::create_if_missing);
    import_sample(store, rules, "2025-01-10T06:00:00", std::string(64, 'a'));
    store::EntryKey key{"61234", "0042", "05839"};
    store.amend_ecd(key, 2026, officer());
    store.record_declaration(officer(), "submit term-time", "all subjects checked");
    store.set_acknowledged(key, true, officer());
    auto log = store.declarations();
    REQUIRE(log.size() == 3);
    CHECK(log[0].details == "61234/0042 05839: estimated completion Summer 2026");
    CHECK(log[0].data_sha256 == store.data_sha256());
    CHECK(log[1].action == "submit term-time");
    CHECK(log[2].prev_hash == log[1].hash);
    CHECK_FALSE(store.verify_declarations().has_value());
    // qualcheck's own SQL cannot edit the log...
    diag::ExitStatus status{};
    CHECK(failure_text([&] { store.run_sql_for_tests("DELETE FROM declarations"); }, &status) ==
          "store " + store.path() + ": the declarations log is append-only");
    CHECK(store.declarations().size() == 3);
    // ...and an edit made behind its back is found.
    store.run_sql_for_tests("DROP TRIGGER declarations_no_update;"
                            "UPDATE declarations SET details = 'nothing' WHERE id = 2;");
    CHECK(store.verify_declarations() == 2);
}

TEST_CASE("check runs are kept with their results in order") {
    TempDir dir;
    auto rules = make_rules();
    auto store = Store::open(dir.file("q.db"), OpenMode::create_if_missing);
    auto first_import = import_sample(store, rules, "2025-01-10T06:00:00", std::string(64, 'a'));
    store::StoredResult risky{"61234", "0042", "05839", "Smith", "Ann", "Ext Cert", 2025,
                              model::ResultStatus::not_eligible, 0b100100, true, false,
                              360, 180, 120, "", "", -1, ""};
    store::StoredResult fine = risky;
    fine.candidate = "0043";
    fine.result_status = model::ResultStatus::eligible;
    fine.reasons = 0;
    fine.at_risk = false;
    fine.points = 42;
    fine.predicted_grade = "M";
    fine.pathways = "app-dev (declared): met";
    fine.suggestion = "top up to 05840 Diploma possible now";
    fine.transferred_units = 2;
    auto run1 = store.save_results(first_import, "2025-01-10", {risky, fine});
    auto second_import = import_sample(store, rules, "2025-02-10T06:00:00", std::string(64, 'b'));
    auto run2 = store.save_results(second_import, "2025-02-10", {fine, risky});
    auto run3 = store.save_results(second_import, "2025-02-11", {fine});
    CHECK(store.latest_run()->id == run3);
    CHECK(store.previous_run(run3)->id == run1);
    CHECK_FALSE(store.previous_run(run1).has_value());
    CHECK(store.run_at_or_before("2025-02-10")->id == run2);
    CHECK_FALSE(store.run_at_or_before("2025-01-09").has_value());
    auto all = store.run_results(run2);
    REQUIRE(all.size() == 2);
    CHECK(all[0].candidate == "0043");
    CHECK(all[0].points == 42);
    CHECK(all[0].predicted_grade == "M");
    CHECK(all[0].pathways == "app-dev (declared): met");
    CHECK(all[0].suggestion == "top up to 05840 Diploma possible now");
    CHECK(all[0].transferred_units == 2);
    CHECK(all[1].transferred_units == 0);
    auto at_risk = store.run_results(run2, true);
    REQUIRE(at_risk.size() == 1);
    CHECK(at_risk[0].candidate == "0042");
    CHECK(at_risk[0].reasons == 0b100100);
    CHECK(at_risk[0].glh_counted == 180);
    CHECK(store.latest_run()->results == 1);
}

TEST_CASE("a second writer gets a clear busy error") {
    TempDir dir;
    std::string path = dir.file("q.db");
    auto first = Store::open(path, OpenMode::create_if_missing);
    auto holding = first.begin_import("2025-01-10T06:00:00", "cron");
    auto second = Store::open(path, OpenMode::must_exist, store::OpenOptions{50});
    diag::ExitStatus status{};
    CHECK(failure_text([&] { second.begin_import("2025-01-10T06:00:01", "alice"); }, &status) ==
          "store " + path + " is busy (another qualcheck is writing); try again");
    CHECK(status == diag::ExitStatus::io_failure);
    CHECK_FALSE(second.last_import().has_value()); // readers are not blocked
}

TEST_CASE("a read-only store gives an io failure when written") {
    TempDir dir;
    std::string path = dir.file("q.db");
    Store::open(path, OpenMode::create_if_missing);
    ::chmod(path.c_str(), 0400);
    if (::access(path.c_str(), W_OK) == 0) {
        MESSAGE("running as root: chmod does not stop writes, read-only check skipped");
        return;
    }
    diag::ExitStatus status{};
    std::string message = failure_text(
        [&] {
            auto store = Store::open(path, OpenMode::must_exist);
            store.begin_import("2025-01-10T06:00:00", "alice").commit({});
        },
        &status);
    CHECK(message == "cannot write the store " + path + ": it is read-only");
    CHECK(status == diag::ExitStatus::io_failure);
}

TEST_CASE("load_current hands many unit rows over in batches, in order, with the sink's problems") {
    TempDir dir;
    auto rules = make_rules();
    auto store = Store::open(dir.file("q.db"), OpenMode::create_if_missing);
    constexpr int k_rows = 5000; // several batches of the reader thread
    {
        auto import = store.begin_import("2025-01-10T06:00:00", "alice");
        import.add_entry(make_entry(rules, "0042", 2));
        std::vector<std::string> series(k_rows);
        for (int i = 0; i < k_rows; ++i) {
            series[i] = "June " + std::to_string(1000 + i) + std::string(static_cast<std::size_t>(i % 200), 'x');
            model::UnitRow row = make_row(i % 7 == 0 ? "0999" : "0042", 1 + i % 3, 2 + i);
            row.series = series[i];
            import.add_unit_row(row);
        }
        import.commit({{"candidates", "c.csv", std::string(64, 'a'), 1, 10},
                       {"units", "u.csv", std::string(64, 'a'), k_rows, 10}});
    }
    // Refuses candidate 0999 (as the grouping table does a row with no entry), and takes
    // batches as they come, copying what it needs while each batch lasts.
    struct BatchSink : model::FactSink {
        std::vector<std::string> rows;
        std::size_t batches = 0;
        std::optional<model::Problem> add_entry(model::Entry) override { return std::nullopt; }
        std::optional<model::Problem> add_unit_row(const model::UnitRow& row) override {
            rows.push_back(std::string(row.candidate) + " " + std::to_string(row.unit) + " " +
                           std::string(row.series) + " " + std::to_string(row.line));
            if (row.candidate == "0999") {
                return model::Problem{"candidate_number", "no entry " + std::to_string(row.line), ""};
            }
            return std::nullopt;
        }
        void add_unit_rows(std::span<const model::UnitRow> batch,
                           std::vector<model::RowProblem>& problems) override {
            ++batches;
            model::FactSink::add_unit_rows(batch, problems);
        }
    } sink;
    std::vector<diag::Diagnostic> problems;
    try {
        store.load_current(rules, sink);
        FAIL("no failure");
    } catch (const diag::Failure& failure) {
        problems = failure.diagnostics().recorded();
    }
    REQUIRE(sink.rows.size() == k_rows);
    CHECK(sink.batches >= k_rows / 1024);
    for (int i = 0; i < k_rows; ++i) {
        const std::string series = "June " + std::to_string(1000 + i) + std::string(static_cast<std::size_t>(i % 200), 'x');
        const std::string expected = std::string(i % 7 == 0 ? "0999" : "0042") + " " +
                                     std::to_string(1 + i % 3) + " " + series + " " + std::to_string(2 + i);
        if (sink.rows[static_cast<std::size_t>(i)] != expected) {
            CHECK(sink.rows[static_cast<std::size_t>(i)] == expected);
            break;
        }
    }
    REQUIRE(problems.size() == diag::Diagnostics::k_limit); // the first ones, in row order
    for (std::size_t p = 0; p < problems.size(); ++p) {
        CHECK(problems[p].file == "u.csv");
        CHECK(problems[p].line == static_cast<long>(2 + 7 * p));
    }
}

TEST_CASE("a damaged unit row code found by the reader thread is a failure, not a crash") {
    TempDir dir;
    auto rules = make_rules();
    auto store = Store::open(dir.file("q.db"), OpenMode::create_if_missing);
    import_sample(store, rules, "2025-01-10T06:00:00", std::string(64, 'a'));
    store.run_sql_for_tests("UPDATE unit_rows SET status = 99 WHERE line = 3");
    RecordingSink sink;
    diag::ExitStatus status{};
    CHECK(failure_text([&] { store.load_current(rules, sink); }, &status).find("is not a qualcheck store") !=
          std::string::npos);
    CHECK(status == diag::ExitStatus::io_failure);
}
