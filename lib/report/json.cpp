// JSON output: the CSV fields plus, per entry, each unit's outcome, why each reason holds,
// pathway standing, the units that count towards the grade, and notes. One entry per line, so that large outputs stay greppable.
#include "report/cells.hpp"
#include "report/results.hpp"

#include <fmt/format.h>

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

void reasons(std::string& out, const ResultRow& row) {
    append_json_key(out, "reasons");
    out.push_back('[');
    std::size_t i = 0;
    for (model::ReasonCode code : row.result.reason_list()) {
        out += i > 0 ? ",{" : "{";
        append_json_member(out, "code", model::info(code).code);
        append_json_member(out, "label", model::info(code).label);
        if (row.why != nullptr && i < row.why->reasons.size()) {
            const engine::ReasonDetail& detail = row.why->reasons[i];
            append_json_member(out, "detail", detail.text);
            append_json_member(out, "units", detail.units);
            if (code == model::ReasonCode::insufficient_glh) {
                append_json_member(out, "glh_short", static_cast<long>(detail.glh_short));
            }
        }
        close_json_object(out);
        ++i;
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

// "points" (null when not graded) and "predicted_grade" always; with a fresh prediction also the
// grade so far and which units count.
void grading(std::string& out, const ResultRow& row) {
    append_json_key(out, "points");
    out += row.points < 0 ? "null" : std::to_string(row.points);
    out.push_back(',');
    append_json_member(out, "predicted_grade", row.predicted_grade);
    if (row.grading == nullptr || !row.grading->graded) {
        return;
    }
    append_json_member(out, "grade_complete", row.grading->complete);
    append_json_member(out, "predicted_grade_so_far", row.grading->grade_so_far);
    append_json_member(out, "counted_mandatory_units", row.grading->counted_mandatory);
    append_json_member(out, "counted_optional_units", row.grading->counted_optional);
    append_json_member(out, "not_counted_units", row.grading->not_counted);
    if (row.grading->unclassified != engine::UnclassifiedRule::none) {
        append_json_member(out, "unclassified_rule", engine::rule_code(row.grading->unclassified));
        append_json_member(out, "unclassified_reason", row.grading->unclassified_text);
    }
    if (row.grading->lower_bound) {
        append_json_member(out, "points_are_minimum", true);
    }
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

class JsonWriter final : public ResultWriter {
public:
    JsonWriter(Output& out, const RunInfo& run) : m_out(out) {
        std::string head = "{";
        append_json_member(head, "today", util::to_iso(run.today));
        append_json_member(head, "current_series", run.current.label());
        head += "\"entries\":[";
        m_out.write(head);
    }

    void row(const ResultRow& r) override {
        m_line = m_count++ > 0 ? ",\n{" : "\n{";
        const engine::EntryResult& e = r.result;
        append_json_member(m_line, "centre_number", r.centre);
        append_json_member(m_line, "candidate_number", r.candidate);
        append_json_member(m_line, "surname", r.surname);
        append_json_member(m_line, "forename", r.forename);
        append_json_member(m_line, "qualification_code", r.qualification_code);
        append_json_member(m_line, "qualification_title", r.qualification_title);
        append_json_member(m_line, "suite", r.suite_id);
        append_json_member(m_line, "estimated_completion", r.ecd.label());
        append_json_member(m_line, "result_status", model::info(e.status).code);
        append_json_member(m_line, "at_risk", e.at_risk);
        append_json_member(m_line, "acknowledged", e.acknowledged);
        auto main = e.main_reason();
        append_json_member(m_line, "main_reason", main ? model::info(*main).label : std::string_view());
        reasons(m_line, r);
        append_json_key(m_line, "reason_codes");
        m_line.push_back('[');
        std::size_t i = 0;
        for (model::ReasonCode code : e.reason_list()) {
            m_line += i++ > 0 ? "," : "";
            append_json_string(m_line, model::info(code).code);
        }
        m_line += "],";
        append_json_member(m_line, "glh_required", static_cast<long>(e.glh_required));
        append_json_member(m_line, "glh_counted", static_cast<long>(e.glh_counted));
        append_json_member(m_line, "glh_achieved", static_cast<long>(e.glh_achieved));
        grading(m_line, r);
        if (r.why != nullptr) {
            units(m_line, *r.why);
            pathways(m_line, *r.why);
        }
        if (r.options != nullptr) {
            options(m_line, *r.options);
        }
        append_json_member(m_line, "suggestion", r.suggestion);
        append_json_key(m_line, "notes");
        m_line.push_back('[');
        for (std::size_t n = 0; n < r.notes.size(); ++n) {
            m_line += n > 0 ? "," : "";
            append_json_string(m_line, r.notes[n]);
        }
        m_line += "]}";
        m_out.write(m_line);
        m_tally.add(e);
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
    std::string m_line;
    std::size_t m_count = 0;
    Tally m_tally;
};

} // namespace

std::unique_ptr<ResultWriter> make_json_writer(Output& out, const RunInfo& run) {
    return std::make_unique<JsonWriter>(out, run);
}

} // namespace qc::report
