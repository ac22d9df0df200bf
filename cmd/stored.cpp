#include "stored.hpp"

#include "assess/stored.hpp"
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

void ResultKeeper::row(const assess::Assessment& r) {
    store::StoredResult s;
    assess::to_stored(r, s);
    m_results.push_back(std::move(s));
    if (m_next != nullptr) {
        m_next->row(r);
    }
}

void ResultKeeper::finish() {
    if (m_next != nullptr) {
        m_next->finish();
    }
}

void ResultSaver::row(const assess::Assessment& r) {
    assess::to_stored(r, m_result);
    m_run.add(m_result);
}

namespace {

// Judges every entry of `book` and saves each result as it comes, in one transaction.
std::int64_t save_judged(store::Store& store, const Setup& setup, std::int64_t import_id,
                         const engine::EntryBook& book, const std::vector<bool>& acknowledged) {
    store::Store::Results run = store.begin_results(import_id, util::to_iso(setup.today));
    ResultSaver saver(run);
    judge_all(book, {setup.current, assess::Depth::row, nullptr}, saver,
              [&](std::size_t i) { return static_cast<bool>(acknowledged[i]); });
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
