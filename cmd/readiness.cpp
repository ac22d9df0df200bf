#include "readiness.hpp"

#include "engine/judge.hpp"
#include "moderation/moderation.hpp"
#include "stored.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace qc::cmd {

namespace {

using model::UnitStatus;

// The awarding body wants examined units achieved or entered and moderated units achieved
// or claimed; any other status (absent, RIA) needs the exams officer's attention first.
bool unit_ready(model::Assessment assessment, UnitStatus status) {
    if (status == UnitStatus::result_achieved) {
        return true;
    }
    if (assessment == model::Assessment::examined) {
        return status == UnitStatus::entry_received;
    }
    return status == UnitStatus::claim_submitted || status == UnitStatus::claim_sampled;
}

// Per suite, why its final moderation visit is not booked (moderation::final_visit_blocker).
using VisitBlockers = std::map<const model::Suite*, std::optional<std::string>>;

std::vector<std::string> blockers_of(const engine::EntryBook& book, std::size_t index,
                                     const engine::EntryResult& result,
                                     const VisitBlockers& visit_blockers) {
    const engine::Explanation why = engine::explain(book, index, result);
    std::vector<std::string> blockers;
    std::set<int> named; // units a reason already names are not listed twice
    for (const engine::ReasonDetail& detail : why.reasons) {
        blockers.push_back(detail.text);
        named.insert(detail.units.begin(), detail.units.end());
    }
    for (const engine::UnitLine& line : why.units) {
        const model::Unit& unit = *line.unit;
        if (!line.in_qualification || !line.state.has_row() || named.contains(unit.number) ||
            unit_ready(unit.assessment, line.state.status())) {
            continue;
        }
        const bool examined = unit.assessment == model::Assessment::examined;
        blockers.push_back(fmt::format("{} unit {}: {}, not {}", model::info(unit.assessment).code,
                                       unit.number, model::info(line.state.status()).label,
                                       examined ? "achieved or entered" : "achieved or claimed"));
    }
    const model::Qualification& qualification = *book.entry(index).qualification;
    if (qualification.needs_visits()) {
        if (const auto& visit = visit_blockers.at(qualification.suite); visit) {
            blockers.push_back(*visit);
        }
    }
    return blockers;
}

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
        const engine::EntryResult result =
            engine::judge(e, book.facts(i), setup.current, data.acknowledged[i]);
        report::EntryLine line{e.centre, e.candidate, e.surname, e.forename,
                               e.qualification->code, e.qualification->title,
                               e.qualification->suite->id, e.ecd, result};
        view.due.push_back({std::move(line), blockers_of(book, i, result, booked)});
    }
    return view;
}

} // namespace qc::cmd
