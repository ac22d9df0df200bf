#include "readiness.hpp"

#include "assess/readiness.hpp"
#include "moderation/moderation.hpp"
#include "stored.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>

namespace qc::cmd {

namespace {

// Per suite, why its final moderation visit is not booked (moderation::final_visit_blocker).
using VisitBlockers = std::map<const model::Suite*, std::optional<std::string>>;

VisitBlockers visit_blockers(store::Store& store, const Setup& setup, int academic_year) {
    const std::vector<model::Visit> visits = store.load_visits(setup.rules);
    VisitBlockers blockers;
    for (const auto& suite : setup.rules.suites()) {
        blockers[suite.get()] = moderation::final_visit_blocker(*suite, visits, academic_year);
    }
    return blockers;
}

std::vector<report::SubjectLine> subjects(const engine::EntryBook& book, store::Store& store,
                                          const Setup& setup, int academic_year) {
    std::vector<report::SubjectLine> lines;
    const std::vector<store::SubjectTick> ticks = store.subject_ticks(academic_year);
    for (const auto& suite : setup.rules.suites()) {
        report::SubjectLine line{suite->id, suite->title, 0, false, {}, {}};
        for (std::size_t i = 0; i < book.size(); ++i) {
            const model::Entry& entry = book.entry(i);
            line.entries += entry.qualification->suite == suite.get() &&
                            entry.status == model::EntryStatus::active;
        }
        for (const store::SubjectTick& tick : ticks) {
            if (tick.suite_id == suite->id) {
                line.checked = true;
                line.by = tick.user;
                line.at = tick.at;
            }
        }
        if (line.entries > 0) {
            lines.push_back(std::move(line));
        }
    }
    return lines;
}

} // namespace

std::string submission(const std::vector<store::Declaration>& log, std::string_view action,
                       int academic_year) {
    std::string found;
    for (const store::Declaration& d : log) {
        auto date = util::parse_date(std::string_view(d.at).substr(0, 10)).date;
        if (d.action == action && date && model::academic_year(*date) == academic_year) {
            found = fmt::format("on {} by {}", d.at, d.user);
        }
    }
    return found;
}

report::CheckpointView build_checkpoint(store::Store& store, const Setup& setup) {
    engine::EntryBook book(setup.rules);
    const CurrentData data = load_current_data(store, setup.rules, book);
    report::CheckpointView view;
    view.academic_year = model::academic_year(setup.today);
    view.current = setup.current;
    view.subjects = subjects(book, store, setup, view.academic_year);
    const auto log = store.declarations();
    view.term_time_submitted = submission(log, "submit term-time", view.academic_year);
    view.checkpoint2_submitted = submission(log, "submit checkpoint-2", view.academic_year);
    const VisitBlockers booked = visit_blockers(store, setup, view.academic_year);
    for (std::size_t i = 0; i < book.size(); ++i) {
        const model::Entry& e = book.entry(i);
        if (e.ecd != setup.current || e.status == model::EntryStatus::withdrawn) {
            continue;
        }
        assess::Assessment record = assess::assess(
            book, i, {setup.current, assess::Depth::explained}, data.acknowledged[i]);
        record.blockers = assess::readiness_blockers(record, booked.at(e.qualification->suite));
        view.due.push_back(std::move(record));
    }
    return view;
}

} // namespace qc::cmd
