// JSON output: the CSV fields plus, per entry, each unit's outcome, why each reason holds,
// pathway standing, the units that count towards the grade, and notes. One entry per line, so that large outputs stay greppable.
#include "report/cells.hpp"
#include "report/columns.hpp"
#include "report/results.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace qc::report {

namespace {

void units(std::string& out, const engine::Explanation& why) {
    append_json_key(out, "units");
    out.push_back('[');
    for (std::size_t i = 0; i < why.units.size(); ++i) {
        const engine::UnitLine& line = why.units[i];
        out += i > 0 ? ",{" : "{";
        append_json_member(out, "number", static_cast<long>(line.unit->number));
        append_json_member(out, "title", line.unit->title);
        append_json_member(out, "glh", static_cast<long>(line.unit->glh));
        append_json_member(out, "assessment", model::info(line.unit->assessment).code);
        append_json_member(out, "mandatory", line.mandatory);
        append_json_member(out, "in_qualification", line.in_qualification);
        append_json_member(out, "status", model::info(line.state.status()).code);
        append_json_member(out, "grade", model::info(line.state.grade()).code);
        append_json_member(out, "outcome", model::info(line.state.outcome()).code);
        append_json_member(out, "taken_at_centre", line.taken_at_centre);
        close_json_object(out);
    }
    out += "],";
}

// Each reason with its detail and evidence, paired by code.
void reasons(std::string& out, const assess::Assessment& record) {
    append_json_key(out, "reasons");
    out.push_back('[');
    std::size_t i = 0;
    for (model::ReasonCode code : record.result.reason_list()) {
        out += i++ > 0 ? ",{" : "{";
        append_json_member(out, "code", model::info(code).code);
        append_json_member(out, "label", model::info(code).label);
        if (const assess::Reason* detail = record.explained ? record.reason(code) : nullptr) {
            append_json_member(out, "detail", detail->text);
            append_json_member(out, "units", detail->units);
            if (code == model::ReasonCode::insufficient_glh) {
                append_json_member(out, "glh_short", static_cast<long>(detail->glh_short));
            }
        }
        close_json_object(out);
    }
    out += "],";
}

void reason_codes(std::string& out, const assess::Assessment& record) {
    append_json_key(out, "reason_codes");
    out.push_back('[');
    std::size_t i = 0;
    for (model::ReasonCode code : record.result.reason_list()) {
        out += i++ > 0 ? "," : "";
        append_json_string(out, model::info(code).code);
    }
    out += "],";
}

void pathways(std::string& out, const engine::Explanation& why) {
    append_json_key(out, "pathways");
    out.push_back('[');
    for (std::size_t i = 0; i < why.pathways.size(); ++i) {
        const engine::PathwayLine& line = why.pathways[i];
        out += i > 0 ? ",{" : "{";
        append_json_member(out, "id", line.pathway->id);
        append_json_member(out, "title", line.pathway->title);
        append_json_member(out, "declared", line.declared);
        append_json_member(out, "met_achieved", line.met_achieved);
        append_json_member(out, "met_in_progress", line.met_in_progress);
        append_json_member(out, "still_needed", line.still_needed);
        append_json_member(out, "awaiting", line.awaiting);
        close_json_object(out);
    }
    out += "],";
}

// With a fresh prediction: the grade so far and which units count.
void grading(std::string& out, const assess::Assessment& record) {
    const engine::GradePrediction& grade = record.grade;
    if (!record.explained || !grade.graded) {
        return;
    }
    append_json_member(out, "grade_complete", grade.complete);
    append_json_member(out, "predicted_grade_so_far", grade.grade_so_far);
    append_json_member(out, "counted_mandatory_units", grade.counted_mandatory);
    append_json_member(out, "counted_optional_units", grade.counted_optional);
    append_json_member(out, "not_counted_units", grade.not_counted);
}

void code_list(std::string& out, std::string_view name,
               const std::vector<const model::Qualification*>& qualifications) {
    append_json_key(out, name);
    out.push_back('[');
    for (std::size_t i = 0; i < qualifications.size(); ++i) {
        if (i > 0) {
            out.push_back(',');
        }
        append_json_string(out, qualifications[i]->code);
    }
    out += "],";
}

void options(std::string& out, const engine::Options& options) {
    append_json_key(out, "options");
    out.push_back('{');
    code_list(out, "met_achieved", options.met_achieved);
    code_list(out, "met_in_progress", options.met_in_progress);
    close_json_object(out);
    out.push_back(',');
}

void notes(std::string& out, const assess::Assessment& record) {
    append_json_key(out, "notes");
    out.push_back('[');
    for (std::size_t n = 0; n < record.notes.size(); ++n) {
        out += n > 0 ? "," : "";
        append_json_string(out, record.notes[n]);
    }
    out += "],";
}

// One member of an entry's object: a column of the table, written by its type, or a member of
// JSON's own (`own` set), which may stand for a column that JSON writes richer.
struct Member {
    std::string_view name;
    void (*own)(std::string& out, const assess::Assessment& record) = nullptr;
};

// The order of an entry's members. Columns of the table not named here follow "suggestion".
const Member k_members[] = {
    {"centre_number"},
    {"candidate_number"},
    {"surname"},
    {"forename"},
    {"qualification_code"},
    {"qualification_title"},
    {"suite", [](std::string& o, const assess::Assessment& a) { append_json_member(o, "suite", a.suite_id); }},
    {"estimated_completion"},
    {"result_status"},
    {"at_risk"},
    {"acknowledged"},
    {"main_reason"},
    {"reasons", reasons},
    {"reason_codes", reason_codes},
    {"glh_required"},
    {"glh_counted"},
    {"glh_achieved"},
    {"points"},
    {"predicted_grade"},
    {"grading", grading},
    {"units", [](std::string& o, const assess::Assessment& a) {
         if (a.explained) {
             units(o, a.why);
         }
     }},
    {"pathways", [](std::string& o, const assess::Assessment& a) {
         if (a.explained) {
             pathways(o, a.why);
         }
     }},
    {"options", [](std::string& o, const assess::Assessment& a) {
         if (a.explained) {
             options(o, a.options);
         }
     }},
    {"suggestion"},
    {"", nullptr}, // the columns not named above
    {"notes", notes},
};

// The members in order, each with its column when it is written from one.
struct Step {
    const Member* member = nullptr;
    const Column<assess::Assessment>* column = nullptr;
};

std::vector<Step> steps() {
    std::vector<Step> out;
    for (const Member& member : k_members) {
        if (!member.name.empty()) {
            out.push_back({&member, member.own ? nullptr : find_result_column(member.name)});
            continue;
        }
        for (const Column<assess::Assessment>& column : result_columns()) {
            const bool named = std::any_of(std::begin(k_members), std::end(k_members),
                                           [&](const Member& m) { return m.name == column.name; });
            if (!named) {
                out.push_back({nullptr, &column});
            }
        }
    }
    return out;
}

class JsonWriter final : public ResultWriter {
public:
    JsonWriter(Output& out, const RunInfo& run) : m_out(out), m_steps(steps()) {
        std::string head = "{";
        append_json_member(head, "today", util::to_iso(run.today));
        append_json_member(head, "current_series", run.current.label());
        head += "\"entries\":[";
        m_out.write(head);
    }

    void row(const assess::Assessment& record) override {
        m_line = m_count++ > 0 ? ",\n{" : "\n{";
        for (const Step& step : m_steps) {
            if (step.column != nullptr) {
                m_cell.clear();
                step.column->cell(record, m_cell);
                append_json_typed(m_line, step.column->name, step.column->type, m_cell);
            } else if (step.member->own != nullptr) {
                step.member->own(m_line, record);
            }
        }
        close_json_object(m_line);
        m_out.write(m_line);
        m_tally.add(record.result);
    }

    void finish() override {
        std::string tail = "\n],\"summary\":{";
        append_json_member(tail, "entries", static_cast<long>(m_tally.entries));
        append_json_member(tail, "eligible", static_cast<long>(m_tally.eligible));
        append_json_member(tail, "not_eligible", static_cast<long>(m_tally.not_eligible));
        append_json_member(tail, "withdrawn", static_cast<long>(m_tally.withdrawn));
        append_json_member(tail, "at_risk", static_cast<long>(m_tally.at_risk));
        append_json_member(tail, "acknowledged", static_cast<long>(m_tally.acknowledged));
        close_json_object(tail);
        tail += "}\n";
        m_out.write(tail);
    }

private:
    Output& m_out;
    std::vector<Step> m_steps;
    std::string m_line;
    std::string m_cell;
    std::size_t m_count = 0;
    Tally m_tally;
};

} // namespace

std::unique_ptr<ResultWriter> make_json_writer(Output& out, const RunInfo& run) {
    return std::make_unique<JsonWriter>(out, run);
}

} // namespace qc::report
