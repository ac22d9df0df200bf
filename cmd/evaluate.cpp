#include "evaluate.hpp"

#include "engine/grade.hpp"
#include "engine/notes.hpp"

#include "csvio/exports.hpp"
#include "diag/failure.hpp"
#include "report/beyond.hpp"
#include "util/pipeline.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <thread>

namespace qc::cmd {

namespace {

// Below this size, growing as rows come costs nothing worth saving.
constexpr std::uintmax_t k_reserve_from = 1 << 20;

} // namespace

void reserve_for(const std::string& candidates, engine::EntryBook& book) {
    // Candidates rows are 60 bytes or more; reserving a little too much costs address space,
    // not memory, and saves regrowing a million entries.
    std::error_code error;
    const std::uintmax_t bytes = std::filesystem::file_size(candidates, error);
    if (!error && bytes > k_reserve_from) {
        book.reserve(static_cast<std::size_t>(bytes / 48));
    }
}

void read_exports(const CsvInputs& inputs, const std::string& centre, const model::RuleBook& rules,
                  engine::EntryBook& book, ProgressDisplay* progress) {
    if (inputs.candidates == "-" && inputs.units == "-") {
        throw diag::Failure(diag::ExitStatus::bad_input,
                            "--candidates and --units cannot both read standard input",
                            "give at least one of them as a file");
    }
    csvio::ReadOptions options{centre};
    auto input = [&](const std::string& name) {
        return progress != nullptr ? progress->watch(csvio::Input::file(name)) : csvio::Input::file(name);
    };
    reserve_for(inputs.candidates, book);
    csvio::read_candidates(input(inputs.candidates), rules, options, book);
    if (progress != nullptr) {
        progress->clear();
    }
    csvio::read_units(input(inputs.units), options, book);
    if (progress != nullptr) {
        progress->clear();
    }
}

EntryExtras extras_of(const engine::EntryBook& book, std::size_t i,
                      const engine::EntryResult& result, model::Series current) {
    const model::Entry& entry = book.entry(i);
    const engine::EntryFacts facts = book.facts(i);
    EntryExtras extras;
    if (!entry.qualification->pathways.empty()) {
        extras.pathways = report::pathways_cell(engine::pathway_standing(entry, facts));
    }
    // A suite of one size has nothing to move down or top up to.
    if (entry.qualification->suite->qualifications.size() > 1) {
        extras.options = engine::options_for(entry, facts, current);
        extras.suggestion =
            report::suggestion_text(engine::suggest(entry, result, extras.options), result);
    }
    extras.transferred_units = engine::transferred_units(entry, facts);
    return extras;
}

report::EntryLine entry_line_of(const engine::EntryBook& book, std::size_t i,
                                const engine::EntryResult& result, const EntryExtras& extras) {
    const model::Entry& e = book.entry(i);
    return report::EntryLine{e.centre, e.candidate, e.surname, e.forename, e.qualification->code,
                             e.qualification->title, e.qualification->suite->id, e.ecd, result,
                             extras.pathways, extras.suggestion, extras.transferred_units};
}

namespace {

// One entry judged, with everything written with it; prepared on a worker thread.
struct Judged {
    engine::EntryResult result;
    bool kept = false;
    EntryExtras extras;
    engine::GradePrediction grade;
    engine::Explanation why;
    std::vector<std::string> notes;
};

// Entries per chunk of the judging pipeline: large enough that a chunk's thread start is
// nothing beside its work, small enough that the first output comes at once.
constexpr std::size_t k_chunk = 2048;

std::size_t judging_workers() {
    const unsigned cores = std::thread::hardware_concurrency();
    return std::clamp<std::size_t>(cores, 1, 4);
}

} // namespace

report::Tally judge_all(const engine::EntryBook& book, model::Series current,
                        const engine::EntryNotes& notes, report::ResultWriter& writer, bool explain,
                        const std::function<bool(std::size_t)>& acknowledged,
                        const ResultFilter& keep) {
    // Judging, grading and the extras run on worker threads, chunk by chunk; the results are
    // tallied and written here, in file order, as each chunk is ready. Everything a worker
    // reads (the book, the rules, `acknowledged`, `keep`) is only read while they run.
    const std::size_t workers = judging_workers();
    std::vector<std::vector<Judged>> slots(util::pipeline_slots(workers));
    auto prepare = [&](std::size_t begin, std::size_t end, std::size_t slot) {
        std::vector<Judged>& judged = slots[slot];
        judged.resize(end - begin);
        engine::Grader grader;
        for (std::size_t i = begin; i < end; ++i) {
            Judged& j = judged[i - begin];
            const model::Entry& entry = book.entry(i);
            j.result = engine::judge(entry, book.facts(i), current, acknowledged && acknowledged(i));
            j.kept = !keep || keep(j.result);
            if (!j.kept) {
                continue;
            }
            j.grade = grader.predict(entry, book.facts(i));
            j.extras = extras_of(book, i, j.result, current);
            j.notes.clear();
            notes.render(i, j.notes);
            if (explain) {
                j.why = engine::explain(book, i, j.result);
            }
        }
    };
    report::Tally tally;
    report::ResultRow row;
    auto consume = [&](std::size_t begin, std::size_t end, std::size_t slot) {
        for (std::size_t i = begin; i < end; ++i) {
            const Judged& j = slots[slot][i - begin];
            tally.add(j.result);
            if (!j.kept) {
                continue;
            }
            const model::Entry& entry = book.entry(i);
            row.result = j.result;
            row.centre = entry.centre;
            row.candidate = entry.candidate;
            row.surname = entry.surname;
            row.forename = entry.forename;
            row.qualification_code = entry.qualification->code;
            row.qualification_title = entry.qualification->title;
            row.suite_id = entry.qualification->suite->id;
            row.ecd = entry.ecd;
            row.notes = j.notes;
            row.points = j.grade.graded ? j.grade.points : -1;
            row.predicted_grade = j.grade.predicted_grade();
            row.grading = &j.grade;
            row.pathways = j.extras.pathways;
            row.suggestion = j.extras.suggestion;
            row.transferred_units = j.extras.transferred_units;
            row.options = explain ? &j.extras.options : nullptr;
            row.why = explain ? &j.why : nullptr;
            writer.row(row);
        }
    };
    util::run_ordered(book.size(), k_chunk, workers, prepare, consume);
    writer.finish();
    return tally;
}

} // namespace qc::cmd
