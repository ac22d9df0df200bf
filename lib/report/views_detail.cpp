// The detailed views: one candidate's entries unit by unit, and checkpoint readiness.
#include "report/views.hpp"

#include "report/beyond.hpp"

#include "report/cells.hpp"
#include "report/columns.hpp"
#include "report/table.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace qc::report {

namespace {

std::string status_sentence(const engine::EntryResult& e, model::Series current) {
    std::string out(model::info(e.status).label);
    if (e.at_risk) {
        out += fmt::format(", at risk for {}", current.label());
    }
    if (e.acknowledged) {
        out += " (acknowledged: result not expected this summer)";
    }
    return out + fmt::format(". GLH counted {} of {} required (achieved {}).", e.glh_counted,
                             e.glh_required, e.glh_achieved);
}

std::string unit_note(const UnitView& unit) {
    std::string note = unit.taken_at_centre.empty()
                           ? std::string()
                           : fmt::format("from centre {}", unit.taken_at_centre);
    if (!unit.in_qualification) {
        note += (note.empty() ? "" : "; ") + std::string("not part of this qualification");
    }
    return note;
}

Table unit_table(const std::vector<UnitView>& units) {
    Table table({"UNIT", "TITLE", "GLH", "ASSESSED", "REQUIRED", "STATUS", "GRADE", "SERIES",
                 "NOTE"});
    for (const UnitView& unit : units) {
        const bool achieved =
            model::outcome_of(unit.status, unit.grade) == model::Outcome::achieved;
        const std::string required =
            !unit.in_qualification ? "-" : (unit.mandatory ? "mandatory" : "optional");
        table.add({std::to_string(unit.number), unit.title, std::to_string(unit.glh),
                   std::string(model::info(unit.assessment).code), required,
                   unit.status == model::UnitStatus::none
                       ? "-"
                       : std::string(model::info(unit.status).label),
                   std::string(model::info(unit.grade).code), unit.series, unit_note(unit)},
                  achieved ? RowTone::good : RowTone::plain);
    }
    return table;
}

void bullet_list(std::string& out, std::string_view heading, const std::vector<std::string>& items) {
    if (items.empty()) {
        return;
    }
    out += fmt::format("\n{}\n", heading);
    for (const std::string& item : items) {
        out += fmt::format("  - {}\n", item);
    }
}

std::vector<std::string> codes(const std::vector<const model::Qualification*>& qualifications) {
    std::vector<std::string> out;
    for (const model::Qualification* qualification : qualifications) {
        out.push_back(qualification->code);
    }
    return out;
}

std::string code_words(const std::vector<const model::Qualification*>& qualifications) {
    return qualifications.empty() ? std::string("none")
                                  : fmt::format("{}", fmt::join(codes(qualifications), ", "));
}

// What the units meet in the suite, then the suggestion, when there is anything to say.
std::vector<std::string> option_lines(const CandidateEntryView& entry) {
    const engine::Options& options = entry.options;
    if (options.met_achieved.empty() && options.met_in_progress.empty() &&
        entry.line.suggestion.empty()) {
        return {};
    }
    std::vector<std::string> lines{fmt::format("the units meet now: {}; with units in progress: {}",
                                               code_words(options.met_achieved),
                                               code_words(options.met_in_progress))};
    if (!entry.line.suggestion.empty()) {
        lines.push_back(entry.line.suggestion);
    }
    return lines;
}

std::string pathway_json(const engine::PathwayLine& line) {
    std::string out = "{";
    append_json_member(out, "id", line.pathway->id);
    append_json_member(out, "title", line.pathway->title);
    out += fmt::format("\"declared\":{},\"met_achieved\":{},\"met_in_progress\":{},"
                       "\"still_needed\":[{}],\"awaiting\":[{}]}}",
                       line.declared, line.met_achieved, line.met_in_progress,
                       fmt::join(line.still_needed, ","), fmt::join(line.awaiting, ","));
    return out;
}

std::string unit_json(const UnitView& unit) {
    std::string out = fmt::format("{{\"number\":{},", unit.number);
    append_json_member(out, "title", unit.title);
    out += fmt::format("\"glh\":{},\"mandatory\":{},\"in_qualification\":{},", unit.glh,
                       unit.mandatory, unit.in_qualification);
    append_json_member(out, "assessment", model::info(unit.assessment).code);
    append_json_member(out, "status", model::info(unit.status).code);
    append_json_member(out, "grade", model::info(unit.grade).code);
    append_json_member(out, "series", unit.series);
    append_json_member(out, "taken_at_centre", unit.taken_at_centre);
    out.back() = '}';
    return out;
}

// "units 1, 2" or "unit 1".
std::string unit_numbers(const std::vector<int>& units) {
    std::string out = units.size() == 1 ? "unit " : "units ";
    for (std::size_t i = 0; i < units.size(); ++i) {
        out += fmt::format("{}{}", i > 0 ? ", " : "", units[i]);
    }
    return out;
}

std::string grade_json(const GradeView& grade) {
    std::string out = "{";
    if (grade.problem.empty()) {
        out += fmt::format("\"points\":{},", grade.points);
    } else {
        out += "\"points\":null,";
    }
    append_json_member(out, "predicted_grade", grade.predicted_grade);
    append_json_member(out, "predicted_grade_so_far", grade.grade_so_far);
    append_json_member(out, "counted_mandatory_units", grade.counted_mandatory);
    append_json_member(out, "counted_optional_units", grade.counted_optional);
    append_json_member(out, "not_counted_units", grade.not_counted);
    append_json_member(out, "pathway", grade.pathway);
    append_json_member(out, "problem", grade.problem);
    out += fmt::format("\"complete\":{}}}", grade.complete);
    return out;
}

} // namespace

std::vector<std::string> grade_sentences(const GradeView& grade) {
    if (!grade.problem.empty()) {
        return {"not predicted: " + grade.problem};
    }
    std::vector<std::string> out;
    const bool complete = grade.complete;
    if (grade.grade_so_far.empty()) {
        out.push_back(fmt::format("{} points{}; the rules give no grade thresholds for this "
                                  "qualification",
                                  grade.points, complete ? "" : " so far"));
    } else if (complete) {
        out.push_back(fmt::format("{} points; predicted grade {}", grade.points,
                                  grade.predicted_grade));
    } else {
        out.push_back(fmt::format("{} points so far, grade so far {}; predicted grade once every "
                                  "unit that counts has a grade",
                                  grade.points, grade.grade_so_far));
    }
    std::vector<std::string> counted;
    if (!grade.counted_mandatory.empty()) {
        counted.push_back(fmt::format("mandatory {}{}", unit_numbers(grade.counted_mandatory),
                                      grade.pathway.empty()
                                          ? std::string()
                                          : fmt::format(" (with pathway {})", grade.pathway)));
    }
    if (!grade.counted_optional.empty()) {
        counted.push_back("optional " + unit_numbers(grade.counted_optional));
    }
    if (!counted.empty()) {
        out.push_back(fmt::format("counted{}: {}", complete ? "" : " so far",
                                  fmt::join(counted, "; ")));
    }
    if (!grade.not_counted.empty()) {
        out.push_back(fmt::format("not counted: optional {} (stronger units make up the GLH)",
                                  unit_numbers(grade.not_counted)));
    }
    return out;
}

std::string render_candidate(const std::vector<CandidateEntryView>& entries,
                             model::Series current, bool colour) {
    if (entries.empty()) {
        return {};
    }
    const EntryLine& first = entries.front().line;
    std::string out = fmt::format("Candidate {} at centre {}: {}\n", first.candidate, first.centre,
                                  display_name(first.surname, first.forename));
    for (const CandidateEntryView& entry : entries) {
        const EntryLine& line = entry.line;
        out += fmt::format("\n{} {} ({}), estimated completion {}\n", line.qualification_code,
                           line.qualification_title, line.suite_id, line.ecd.label());
        out += status_sentence(line.result, current) + "\n\n";
        out += unit_table(entry.units).render(colour);
        bullet_list(out, "Needs action:", entry.needs);
        std::vector<std::string> pathways;
        for (const engine::PathwayLine& pathway : entry.pathways) {
            pathways.push_back(pathway_sentence(pathway));
        }
        bullet_list(out, "Pathways:", pathways);
        bullet_list(out, "Move down / top up:", option_lines(entry));
        if (entry.grade) {
            bullet_list(out, "Grade:", grade_sentences(*entry.grade));
        }
        bullet_list(out, "Notes:", entry.notes);
    }
    return out;
}

std::string render_candidate_json(const std::vector<CandidateEntryView>& entries) {
    std::string out = "{";
    append_json_member(out, "candidate_number", entries.empty() ? "" : entries.front().line.candidate);
    out += "\"entries\":[";
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const CandidateEntryView& entry = entries[i];
        const engine::EntryResult& e = entry.line.result;
        out += i > 0 ? ",\n{" : "\n{";
        append_json_member(out, "centre_number", entry.line.centre);
        append_json_member(out, "surname", entry.line.surname);
        append_json_member(out, "forename", entry.line.forename);
        append_json_member(out, "qualification_code", entry.line.qualification_code);
        append_json_member(out, "qualification_title", entry.line.qualification_title);
        append_json_member(out, "estimated_completion", entry.line.ecd.label());
        append_json_member(out, "result_status", model::info(e.status).code);
        out += fmt::format("\"at_risk\":{},\"acknowledged\":{},\"glh_required\":{},"
                           "\"glh_counted\":{},\"glh_achieved\":{},\"units\":[",
                           e.at_risk, e.acknowledged, e.glh_required, e.glh_counted,
                           e.glh_achieved);
        for (std::size_t u = 0; u < entry.units.size(); ++u) {
            out += (u > 0 ? "," : "") + unit_json(entry.units[u]);
        }
        out += "],";
        append_json_member(out, "needs", entry.needs);
        out += "\"pathways\":[";
        for (std::size_t p = 0; p < entry.pathways.size(); ++p) {
            if (p > 0) {
                out.push_back(',');
            }
            out += pathway_json(entry.pathways[p]);
        }
        out += "],\"options\":{";
        append_json_member(out, "met_achieved", codes(entry.options.met_achieved));
        append_json_member(out, "met_in_progress", codes(entry.options.met_in_progress));
        close_json_object(out);
        out += ",";
        append_json_member(out, "suggestion", entry.line.suggestion);
        out += "\"grade\":";
        out += entry.grade ? grade_json(*entry.grade) : "null";
        out += ",";
        append_json_member(out, "notes", entry.notes);
        close_json_object(out);
    }
    out += "\n]}\n";
    return out;
}

std::string_view term_time_state(const std::vector<SubjectLine>& subjects) {
    std::size_t checked = 0;
    for (const SubjectLine& subject : subjects) {
        checked += subject.checked ? 1 : 0;
    }
    if (checked == 0) {
        return "Not started";
    }
    return checked == subjects.size() ? "Ready to submit" : "In progress";
}

std::size_t blocking_count(const std::vector<EntryLine>& due) {
    std::size_t blocking = 0;
    for (const EntryLine& entry : due) {
        blocking += !entry.blockers.empty() && !entry.result.acknowledged ? 1 : 0;
    }
    return blocking;
}

namespace {

std::string term_time_part(const CheckpointView& view, bool colour) {
    std::string out = fmt::format("Term-time checkpoint {}-{} (1 March to 30 April): {}\n\n",
                                  view.academic_year - 1, view.academic_year,
                                  view.term_time_submitted.empty()
                                      ? std::string(term_time_state(view.subjects))
                                      : "Submitted");
    Table table({"SUBJECT", "TITLE", "ENTRIES", "CHECKED", "BY", "AT"});
    for (const SubjectLine& subject : view.subjects) {
        table.add({subject.suite_id, subject.title, std::to_string(subject.entries),
                   subject.checked ? "yes" : "no", subject.by, subject.at},
                  subject.checked ? RowTone::good : RowTone::alert);
    }
    out += table.empty() ? "No subjects with entries.\n" : table.render(colour);
    out += view.term_time_submitted.empty()
               ? "Not submitted.\n"
               : fmt::format("Submitted {}.\n", view.term_time_submitted);
    return out;
}

std::string checkpoint2_part(const CheckpointView& view, bool colour) {
    std::size_t ready = 0;
    std::size_t acknowledged = 0;
    Table table({"CAND", "NAME", "QUAL", "STATE", "BLOCKERS"});
    for (const EntryLine& entry : view.due) {
        if (entry.blockers.empty()) {
            ++ready;
            continue;
        }
        const bool ack = entry.result.acknowledged;
        acknowledged += ack ? 1 : 0;
        std::string blockers;
        for (const std::string& blocker : entry.blockers) {
            blockers += (blockers.empty() ? "" : "; ") + blocker;
        }
        table.add({entry.candidate,
                   display_name(entry.surname, entry.forename),
                   entry.qualification_code, ack ? "acknowledged" : "blocked", blockers},
                  ack ? RowTone::muted : RowTone::alert);
    }
    const std::size_t blocking = blocking_count(view.due);
    std::string out = fmt::format(
        "\nCheckpoint 2 for {} (15 to 23 June): {} entr{} due, {} ready, {} blocked, {} "
        "acknowledged\n",
        view.current.label(), view.due.size(), view.due.size() == 1 ? "y" : "ies", ready, blocking,
        acknowledged);
    if (!table.empty()) {
        out += "\n" + table.render(colour);
    }
    if (!view.checkpoint2_submitted.empty()) {
        out += fmt::format("Submitted {}.\n", view.checkpoint2_submitted);
    } else {
        out += blocking == 0 ? "Ready to submit.\n" : "Not ready: resolve or acknowledge each blocked entry.\n";
    }
    return out;
}

} // namespace

std::string render_checkpoint(const CheckpointView& view, bool colour) {
    return term_time_part(view, colour) + checkpoint2_part(view, colour);
}

namespace {

using Due = Column<EntryLine>;

// The checkpoint CSV's columns.
const Due k_checkpoint_columns[] = {
    {"centre_number", CellType::identifier, [](const EntryLine& e, std::string& o) { o = e.centre; }},
    {"candidate_number", CellType::identifier, [](const EntryLine& e, std::string& o) { o = e.candidate; }},
    {"surname", CellType::text, [](const EntryLine& e, std::string& o) { o = e.surname; }},
    {"forename", CellType::text, [](const EntryLine& e, std::string& o) { o = e.forename; }},
    {"qualification_code", CellType::identifier,
     [](const EntryLine& e, std::string& o) { o = e.qualification_code; }},
    {"state", CellType::text,
     [](const EntryLine& e, std::string& o) {
         o = e.blockers.empty() ? "ready" : e.result.acknowledged ? "acknowledged" : "blocked";
     }},
    {"blockers", CellType::long_text,
     [](const EntryLine& e, std::string& o) {
         for (const std::string& blocker : e.blockers) {
             o += (o.empty() ? "" : "; ") + blocker;
         }
     }},
};

} // namespace

std::string render_checkpoint_csv(const CheckpointView& view, bool excel) {
    return render_csv(std::span<const Due>(k_checkpoint_columns), view.due, excel);
}

} // namespace qc::report
