#include "stored.hpp"

#include "diag/failure.hpp"
#include "evaluate.hpp"

#include <cstdlib>
#include <ctime>
#include <fmt/format.h>
#include <pwd.h>
#include <unistd.h>

namespace qc::cmd {

store::Store open_store(const CommonOptions& options, const Setup& setup, store::OpenMode mode) {
    return store::Store::open(store_path(options, setup.config), mode);
}

CurrentData load_current_data(store::Store& store, const model::RuleBook& rules,
                              engine::EntryBook& book, model::FactSink* through) {
    CurrentData data;
    auto last = store.last_import();
    if (!last) {
        throw diag::Failure(diag::ExitStatus::io_failure,
                            fmt::format("nothing imported yet in {}", store.path()),
                            "run 'qualcheck import --candidates FILE --units FILE' first");
    }
    data.import = *last;
    store.load_current(rules, through != nullptr ? *through : book);
    data.acknowledged = apply_statements(store, book);
    return data;
}

std::vector<bool> apply_statements(store::Store& store, engine::EntryBook& book) {
    std::vector<bool> acknowledged(book.size(), false);
    for (const auto& [key, statement] : store.overrides()) {
        const long at = book.find(key.centre, key.candidate, key.qualification_code);
        if (at < 0) {
            continue; // the entry is not in the current import; the statement waits for it
        }
        model::Entry& entry = book.entry(static_cast<std::size_t>(at));
        if (statement.ecd_year) {
            entry.ecd = model::Series{*statement.ecd_year};
            entry.ecd_derived = false;
        }
        if (statement.withdrawal) {
            entry.status = model::EntryStatus::withdrawn;
        }
        if (statement.declared_pathway) {
            if (const model::Pathway* pathway = entry.qualification->find_pathway(*statement.declared_pathway)) {
                entry.declared_pathway = pathway;
            }
        }
        acknowledged[static_cast<std::size_t>(at)] = statement.acknowledged.value_or(false);
    }
    return acknowledged;
}

namespace {

void to_stored(const report::ResultRow& r, store::StoredResult& s) {
    s.centre = r.centre;
    s.candidate = r.candidate;
    s.qualification_code = r.qualification_code;
    s.surname = r.surname;
    s.forename = r.forename;
    s.qualification_title = r.qualification_title;
    s.ecd_year = r.ecd.year;
    s.result_status = r.result.status;
    s.reasons = r.result.reasons;
    s.at_risk = r.result.at_risk;
    s.acknowledged = r.result.acknowledged;
    s.glh_required = r.result.glh_required;
    s.glh_counted = r.result.glh_counted;
    s.glh_achieved = r.result.glh_achieved;
    s.pathways = r.pathways;
    s.suggestion = r.suggestion;
    s.transferred_units = r.transferred_units;
    s.points = r.points;
    s.predicted_grade = r.predicted_grade;
}

} // namespace

void ResultSaver::row(const report::ResultRow& r) {
    to_stored(r, m_result);
    m_run.add(m_result);
    if (m_next != nullptr) {
        m_next->row(r);
    }
}

void ResultSaver::finish() {
    if (m_next != nullptr) {
        m_next->finish();
    }
}

namespace {

// Judges every entry of `book` and saves each result as it comes, in one transaction.
std::int64_t save_judged(store::Store& store, const Setup& setup, std::int64_t import_id,
                         const engine::EntryBook& book, const std::vector<bool>& acknowledged) {
    store::Store::Results run = store.begin_results(import_id, util::to_iso(setup.today));
    ResultSaver saver(run);
    judge_all(book, setup.current, engine::EntryNotes{}, saver, false,
              [&](std::size_t i) { return static_cast<bool>(acknowledged[i]); }, {});
    return run.commit();
}

} // namespace

std::int64_t rejudge_and_save(store::Store& store, const Setup& setup) {
    if (!store.last_import()) {
        return 0;
    }
    engine::EntryBook book(setup.rules);
    CurrentData data = load_current_data(store, setup.rules, book);
    return save_judged(store, setup, data.import.id, book, data.acknowledged);
}

std::int64_t judge_and_save(store::Store& store, const Setup& setup, std::int64_t import_id,
                            engine::EntryBook& book) {
    return save_judged(store, setup, import_id, book, apply_statements(store, book));
}

std::string timestamp(const Setup& setup) {
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return fmt::format("{}T{:02}:{:02}:{:02}", util::to_iso(setup.today), local.tm_hour,
                       local.tm_min, local.tm_sec);
}

std::string acting_user(const std::string& given) {
    if (!given.empty()) {
        return given;
    }
    for (const char* variable : {"LOGNAME", "USER"}) {
        if (const char* name = std::getenv(variable); name != nullptr && *name != '\0') {
            return name;
        }
    }
    if (const char* name = getlogin(); name != nullptr && *name != '\0') {
        return name;
    }
    if (const passwd* entry = getpwuid(geteuid()); entry != nullptr) {
        return entry->pw_name;
    }
    return "unknown";
}

} // namespace qc::cmd
