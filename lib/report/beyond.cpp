// Pathway cells and sentences, suggestions, and the `report options` view.
#include "report/beyond.hpp"

#include "report/cells.hpp"
#include "report/columns.hpp"
#include "report/table.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace qc::report {

namespace {

std::string_view plural(const std::vector<int>& units) { return units.size() == 1 ? "" : "s"; }

} // namespace

std::string pathway_standing_words(const engine::PathwayLine& line) {
    if (line.met_achieved) {
        return "met";
    }
    if (line.met_in_progress) {
        return fmt::format("met once unit{} {} {} achieved (in progress)", plural(line.awaiting),
                           fmt::join(line.awaiting, ", "), line.awaiting.size() == 1 ? "is" : "are");
    }
    return fmt::format("not met, needs unit{} {}", plural(line.still_needed),
                       fmt::join(line.still_needed, ", "));
}

std::string pathway_sentence(const engine::PathwayLine& line) {
    return fmt::format("{} ({}){}: {}", line.pathway->id, line.pathway->title,
                       line.declared ? ", declared" : "", pathway_standing_words(line));
}

std::string render_options_table(const std::vector<OptionsLine>& lines, bool colour) {
    if (lines.empty()) {
        return "No entry can move down or top up.\n";
    }
    Table table({"CENTRE", "CAND", "NAME", "QUAL", "STATUS", "MET NOW", "MET WITH IN PROGRESS",
                 "SUGGESTION"});
    for (const OptionsLine& option : lines) {
        const EntryLine& line = option.line;
        table.add({line.centre, line.candidate, display_name(line.surname, line.forename),
                   line.qualification_code, std::string(model::info(line.result.status).label),
                   fmt::format("{}", fmt::join(option.met_achieved, " ")),
                   fmt::format("{}", fmt::join(option.met_in_progress, " ")), option.suggestion},
                  line.result.at_risk ? RowTone::alert : RowTone::plain);
    }
    return table.render(colour) + fmt::format("\n{} entr{} can move down or top up.\n", lines.size(),
                                              lines.size() == 1 ? "y" : "ies");
}

namespace {

using OptionsColumn = Column<OptionsLine>;

void codes(const std::vector<std::string>& list, std::string& out) {
    out = fmt::format("{}", fmt::join(list, ";"));
}

// The options CSV's columns.
const OptionsColumn k_options_columns[] = {
    {"centre_number", CellType::identifier, [](const OptionsLine& l, std::string& o) { o = l.line.centre; }},
    {"candidate_number", CellType::identifier,
     [](const OptionsLine& l, std::string& o) { o = l.line.candidate; }},
    {"surname", CellType::text, [](const OptionsLine& l, std::string& o) { o = l.line.surname; }},
    {"forename", CellType::text, [](const OptionsLine& l, std::string& o) { o = l.line.forename; }},
    {"qualification_code", CellType::identifier,
     [](const OptionsLine& l, std::string& o) { o = l.line.qualification_code; }},
    {"result_status", CellType::text,
     [](const OptionsLine& l, std::string& o) { o = model::info(l.line.result.status).code; }},
    {"at_risk", CellType::flag,
     [](const OptionsLine& l, std::string& o) { o = l.line.result.at_risk ? "yes" : "no"; }},
    {"met_achieved", CellType::text, [](const OptionsLine& l, std::string& o) { codes(l.met_achieved, o); }},
    {"met_in_progress", CellType::text,
     [](const OptionsLine& l, std::string& o) { codes(l.met_in_progress, o); }},
    {"suggestion", CellType::long_text, [](const OptionsLine& l, std::string& o) { o = l.suggestion; }},
};

} // namespace

std::string render_options_csv(const std::vector<OptionsLine>& lines, bool excel) {
    return render_csv(std::span<const OptionsColumn>(k_options_columns), lines, excel);
}

std::string render_options_json(const std::vector<OptionsLine>& lines, const util::Date& today) {
    std::string out = "{\"today\":";
    append_json_string(out, util::to_iso(today));
    out += ",\"entries\":[";
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const EntryLine& line = lines[i].line;
        out += i > 0 ? ",\n{" : "\n{";
        append_json_member(out, "centre_number", line.centre);
        append_json_member(out, "candidate_number", line.candidate);
        append_json_member(out, "surname", line.surname);
        append_json_member(out, "forename", line.forename);
        append_json_member(out, "qualification_code", line.qualification_code);
        append_json_member(out, "result_status", model::info(line.result.status).code);
        append_json_member(out, "at_risk", line.result.at_risk);
        append_json_member(out, "met_achieved", lines[i].met_achieved);
        append_json_member(out, "met_in_progress", lines[i].met_in_progress);
        append_json_member(out, "suggestion", lines[i].suggestion);
        close_json_object(out);
    }
    out += "\n]}\n";
    return out;
}

} // namespace qc::report
