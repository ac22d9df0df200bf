#include "evaluate.hpp"

#include "csvio/exports.hpp"
#include "diag/failure.hpp"

#include <fmt/format.h>

#include <filesystem>

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
                  engine::EntryBook& book) {
    if (inputs.candidates == "-" && inputs.units == "-") {
        throw diag::Failure(diag::ExitStatus::bad_input,
                            "--candidates and --units cannot both read standard input",
                            "give at least one of them as a file");
    }
    csvio::ReadOptions options{centre};
    reserve_for(inputs.candidates, book);
    csvio::read_candidates(csvio::Input::file(inputs.candidates), rules, options, book);
    csvio::read_units(csvio::Input::file(inputs.units), options, book);
}

std::vector<std::vector<std::string>> notes_by_entry(const engine::EntryBook& book,
                                                     const std::string& units_file) {
    std::vector<std::vector<std::string>> notes(book.size());
    const std::string file = units_file.empty() || units_file == "-" ? "units" : units_file;
    for (const engine::Note& note : book.notes()) {
        const model::Qualification& qualification = *book.entry(note.entry).qualification;
        std::string where = note.line > 0 ? fmt::format(" ({} line {})", file, note.line) : "";
        notes[note.entry].push_back(
            note.kind == engine::NoteKind::unit_not_in_suite
                ? fmt::format("unit {}{} is not a unit of {}; not counted", note.unit, where,
                              qualification.suite->id)
                : fmt::format("unit {}{} is not part of {}; not counted", note.unit, where,
                              qualification.code));
    }
    return notes;
}

report::Tally judge_all(const engine::EntryBook& book, model::Series current,
                        const std::vector<std::vector<std::string>>& notes,
                        report::ResultWriter& writer, bool explain,
                        const std::function<bool(std::size_t)>& acknowledged,
                        const ResultFilter& keep) {
    report::Tally tally;
    report::ResultRow row;
    engine::Explanation why;
    for (std::size_t i = 0; i < book.size(); ++i) {
        const model::Entry& entry = book.entry(i);
        const bool ack = acknowledged && acknowledged(i);
        row.result = engine::judge(entry, book.facts(i), current, ack);
        tally.add(row.result);
        if (keep && !keep(row.result)) {
            continue;
        }
        row.centre = entry.centre;
        row.candidate = entry.candidate;
        row.surname = entry.surname;
        row.forename = entry.forename;
        row.qualification_code = entry.qualification->code;
        row.qualification_title = entry.qualification->title;
        row.suite_id = entry.qualification->suite->id;
        row.ecd = entry.ecd;
        row.notes = i < notes.size() ? notes[i] : std::vector<std::string>{};
        if (explain) {
            why = engine::explain(book, i, row.result);
            row.why = &why;
        }
        writer.row(row);
    }
    writer.finish();
    return tally;
}

} // namespace qc::cmd
