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

} // namespace qc::assess
