#include "assess/cells.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace qc::assess {

std::string pathways_cell(const std::vector<engine::PathwayLine>& lines) {
    std::string out;
    for (const engine::PathwayLine& line : lines) {
        out += out.empty() ? "" : "; ";
        out += line.pathway->id;
        out += line.declared ? " (declared): " : ": ";
        if (line.met_achieved) {
            out += "met";
        } else if (line.met_in_progress) {
            out += fmt::format("awaiting {}", fmt::join(line.awaiting, ", "));
        } else {
            out += fmt::format("needs {}", fmt::join(line.still_needed, ", "));
        }
    }
    return out;
}

std::string suggestion_text(const engine::Suggestion& suggestion, const engine::EntryResult& result) {
    if (suggestion.kind == engine::SuggestionKind::none || suggestion.to == nullptr) {
        return {};
    }
    const std::string_view move =
        suggestion.kind == engine::SuggestionKind::move_down ? "move down" : "top up";
    const std::string_view when = suggestion.now ? "now" : "once the units in progress are achieved";
    if (result.status == model::ResultStatus::eligible) {
        return fmt::format("{} to {} {} possible {}", move, suggestion.to->code, suggestion.to->title,
                           when);
    }
    return fmt::format("{} to {} {} would be eligible {}", move, suggestion.to->code,
                       suggestion.to->title, when);
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

} // namespace qc::assess
