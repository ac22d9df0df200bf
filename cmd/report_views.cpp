// The report views that need more than the latest run's results: candidate (units from the
// grouping table and the rows themselves), changes (two runs) and checkpoint (readiness).
#include "report.hpp"

#include "assess/cells.hpp"
#include "assess/stored.hpp"
#include "csvio/exports.hpp"
#include "engine/grade.hpp"
#include "diag/failure.hpp"
#include "readiness.hpp"
#include "stored.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <map>

namespace qc::cmd {

namespace {

// Forwards rows to the grouping table and keeps a copy of one candidate's, for the series
// column of the candidate view when reading CSV exports.
class CandidateRows final : public model::FactSink {
public:
    CandidateRows(engine::EntryBook& book, std::string candidate)
        : m_book(book), m_candidate(std::move(candidate)) {}

    std::optional<model::Problem> add_entry(model::Entry entry) override {
        return m_book.add_entry(std::move(entry));
    }
    std::optional<model::Problem> add_unit_row(const model::UnitRow& row) override {
        if (row.candidate == m_candidate) {
            rows.push_back({row.line, row.unit, row.status, row.grade,
                            std::string(row.qualification_code), std::string(row.taken_at_centre),
                            std::string(row.series), row.date});
        }
        return m_book.add_unit_row(row);
    }

    std::vector<store::StoredUnitRow> rows;

private:
    engine::EntryBook& m_book;
    std::string m_candidate;
};

// The series of the row that won for this unit, as the engine combines rows.
std::string best_series(const std::vector<store::StoredUnitRow>& rows, const model::Entry& entry,
                        int unit) {
    const store::StoredUnitRow* best = nullptr;
    for (const store::StoredUnitRow& row : rows) {
        if (row.unit != unit ||
            (!row.qualification_code.empty() && row.qualification_code != entry.qualification->code)) {
            continue;
        }
        if (best == nullptr || model::better_row(row.status, row.grade, best->status, best->grade)) {
            best = &row;
        }
    }
    return best != nullptr ? best->series : std::string();
}

// The candidate view's grade, when there is grading data (and the entry is not withdrawn).
std::optional<report::GradeView> grade_view(const engine::GradePrediction& grade) {
    if (!grade.graded && grade.problem.empty()) {
        return std::nullopt;
    }
    return report::GradeView{grade.points,
                             std::string(grade.predicted_grade()),
                             std::string(grade.grade_so_far),
                             grade.counted_mandatory,
                             grade.counted_optional,
                             grade.not_counted,
                             grade.pathway != nullptr ? grade.pathway->id : std::string(),
                             grade.problem,
                             grade.complete,
                             std::string(engine::rule_code(grade.unclassified)),
                             grade.unclassified_text,
                             grade.lower_bound};
}

report::CandidateEntryView candidate_entry(const engine::EntryBook& book, std::size_t i,
                                           bool acknowledged, const Setup& setup,
                                           const std::vector<store::StoredUnitRow>& rows,
                                           const engine::EntryNotes& notes) {
    const model::Entry& e = book.entry(i);
    assess::Assessment record =
        assess::assess(book, i, {setup.current, assess::Depth::explained, &notes}, acknowledged);
    report::CandidateEntryView view{{}, {}, {}, record.why.pathways, record.options, record.notes,
                                    grade_view(record.grade)};
    for (const engine::UnitLine& line : record.why.units) {
        // A unit from another centre shows that row's series; the others, the best own row's.
        std::string series = line.taken_at_centre.empty() ? best_series(rows, e, line.unit->number)
                                                          : line.transfer_series;
        view.units.push_back({line.unit->number, line.unit->title, line.unit->glh,
                              line.unit->assessment, line.mandatory, line.in_qualification,
                              line.state.status(), line.state.grade(), std::move(series),
                              line.taken_at_centre});
    }
    for (const assess::Reason& detail : record.reasons()) {
        view.needs.push_back(fmt::format("{}: {}", model::info(detail.code).label, detail.text));
    }
    view.line = std::move(record);
    return view;
}

// The candidate's entries: at --centre when given, else at the configured centre when the
// candidate has entries there, else at any centre.
std::vector<std::size_t> entries_of(const engine::EntryBook& book, const std::string& candidate,
                                    const std::string& centre, bool centre_given) {
    std::vector<std::size_t> all;
    std::vector<std::size_t> here;
    for (std::size_t i = 0; i < book.size(); ++i) {
        if (book.entry(i).candidate == candidate) {
            all.push_back(i);
            if (book.entry(i).centre == centre) {
                here.push_back(i);
            }
        }
    }
    return centre_given || !here.empty() ? here : all;
}

void write_candidate(const ReportOptions& o, const Setup& setup,
                     const std::vector<report::CandidateEntryView>& views) {
    report::Output out(o.common.output);
    const report::Format format = resolve_format(o.common.format, out, true);
    if (format == report::Format::table) {
        out.write(report::render_candidate(views, setup.current, use_colour(out)));
    } else if (format == report::Format::json) {
        out.write(report::render_candidate_json(views));
    } else {
        auto writer = make_writer(format, out, setup, "Candidate " + o.candidate,
                                  "qualcheck report candidate " + o.candidate);
        for (const report::CandidateEntryView& view : views) {
            writer->row(view.line);
        }
        writer->finish();
    }
    out.close();
}

} // namespace

int run_candidate_view(const ReportOptions& o) {
    Setup setup = prepare(o.common);
    const std::string centre = default_centre(o.common, setup.config);
    engine::EntryBook book(setup.rules);
    std::vector<store::StoredUnitRow> rows;
    std::vector<bool> acknowledged;
    std::string where;
    if (reads_csv(o)) {
        csvio::ReadOptions read{centre};
        csvio::read_candidates(csvio::Input::file(o.inputs.candidates), setup.rules, read, book);
        CandidateRows sink(book, o.candidate);
        csvio::read_units(csvio::Input::file(o.inputs.units), read, sink);
        rows = std::move(sink.rows);
        acknowledged.assign(book.size(), false);
        where = o.inputs.candidates;
    } else {
        store::Store store = open_store(o.common, setup, store::OpenMode::must_exist);
        acknowledged = load_current_data(store, setup.rules, book).acknowledged;
        where = "the current import";
        for (std::size_t i : entries_of(book, o.candidate, centre, !o.common.centre.empty())) {
            rows = store.unit_rows_for(book.entry(i).centre, o.candidate);
            break;
        }
    }
    const auto found = entries_of(book, o.candidate, centre, !o.common.centre.empty());
    if (found.empty()) {
        throw diag::Failure(
            diag::ExitStatus::bad_input,
            fmt::format("candidate '{}' is not in {}{}", o.candidate, where,
                        o.common.centre.empty() ? "" : " at centre " + o.common.centre),
            "candidate numbers have 4 digits with their leading zeros, e.g. 0019");
    }
    const engine::EntryNotes notes(book, o.inputs.units);
    std::vector<report::CandidateEntryView> views;
    for (std::size_t i : found) {
        views.push_back(candidate_entry(book, i, acknowledged[i], setup, rows, notes));
    }
    write_candidate(o, setup, views);
    return 0;
}

namespace {

std::vector<report::Change> compare_runs(const std::vector<assess::Assessment>& before,
                                         const std::vector<assess::Assessment>& now) {
    std::map<store::EntryKey, const assess::Assessment*> was;
    for (const assess::Assessment& line : before) {
        was[{line.centre, line.candidate, line.qualification_code}] = &line;
    }
    std::vector<report::Change> changes;
    for (const assess::Assessment& line : now) {
        auto found = was.find({line.centre, line.candidate, line.qualification_code});
        const assess::Assessment* old = found == was.end() ? nullptr : found->second;
        const bool was_at_risk = old != nullptr && old->result.at_risk;
        const std::string was_reasons = old != nullptr ? report::reason_labels(old->result) : "";
        if (line.result.at_risk && !was_at_risk) {
            changes.push_back({report::ChangeKind::now_at_risk, line, was_reasons});
        } else if (!line.result.at_risk && was_at_risk) {
            changes.push_back({report::ChangeKind::no_longer_at_risk, line, was_reasons});
        } else if (line.result.at_risk && old->result.reasons != line.result.reasons) {
            changes.push_back({report::ChangeKind::reasons_changed, line, was_reasons});
        }
        if (found != was.end()) {
            was.erase(found);
        }
    }
    for (const auto& [key, old] : was) {
        if (old->result.at_risk) { // the entry is no longer in the data at all
            changes.push_back({report::ChangeKind::no_longer_at_risk, *old,
                               report::reason_labels(old->result) + " (entry no longer imported)"});
        }
    }
    return changes;
}

std::vector<assess::Assessment> run_lines(store::Store& store, std::int64_t run, const Setup& setup) {
    std::vector<assess::Assessment> lines;
    for (const store::StoredResult& stored : store.run_results(run)) {
        lines.push_back(assess::from_stored(stored, setup.rules, setup.current));
    }
    return lines;
}

} // namespace

int run_changes_view(const ReportOptions& o) {
    Setup setup = prepare(o.common);
    if (!o.since.empty()) {
        option_date("--since", o.since);
    }
    store::Store store = open_store(o.common, setup, store::OpenMode::must_exist);
    const std::vector<assess::Assessment> now = latest_lines(store, setup);
    const auto latest = store.latest_run();
    const auto baseline = o.since.empty() ? store.previous_run(latest->id)
                                          : store.run_at_or_before(o.since);
    std::vector<report::Change> changes;
    std::string since = o.since.empty() ? "the first import" : o.since;
    if (baseline) {
        changes = compare_runs(run_lines(store, baseline->id, setup), now);
        since = o.since.empty() ? fmt::format("import {} (checked {})", baseline->import_id, baseline->today)
                                : fmt::format("{} (import {}, checked {})", o.since,
                                              baseline->import_id, baseline->today);
    }
    report::Output out(o.common.output);
    const report::Format format = resolve_format(o.common.format, out);
    out.write(format == report::Format::table
                  ? report::render_changes_table(changes, since, use_colour(out))
                  : report::render_changes_csv(changes, out.excel()));
    out.close();
    return 0;
}

int run_checkpoint_view(const ReportOptions& o) {
    Setup setup = prepare(o.common);
    store::Store store = open_store(o.common, setup, store::OpenMode::must_exist);
    const report::CheckpointView view = build_checkpoint(store, setup);
    report::Output out(o.common.output);
    const report::Format format = resolve_format(o.common.format, out);
    out.write(format == report::Format::table ? report::render_checkpoint(view, use_colour(out))
                                              : report::render_checkpoint_csv(view, out.excel()));
    out.close();
    return 0;
}

} // namespace qc::cmd
