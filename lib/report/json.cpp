// JSON output: the CSV fields plus, per entry, each unit's outcome, why each reason holds,
// pathway standing, the units that count towards the grade, and notes. One entry per line, so that large outputs stay greppable.
#include "report/cells.hpp"
#include "report/results.hpp"

#include <fmt/format.h>

namespace qc::report {

namespace {

void key(std::string& out, std::string_view name) {
    append_json_string(out, name);
    out.push_back(':');
}

void field(std::string& out, std::string_view name, std::string_view value) {
    key(out, name);
    append_json_string(out, value);
    out.push_back(',');
}

void field(std::string& out, std::string_view name, long value) {
    key(out, name);
    out += std::to_string(value);
    out.push_back(',');
}

void field(std::string& out, std::string_view name, bool value) {
    key(out, name);
    out += value ? "true" : "false";
    out.push_back(',');
}

void int_list(std::string& out, std::string_view name, const std::vector<int>& values) {
    key(out, name);
    out.push_back('[');
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0) {
            out.push_back(',');
        }
        out += std::to_string(values[i]);
    }
    out += "],";
}

void close_object(std::string& out) {
    if (out.back() == ',') {
        out.pop_back();
    }
    out.push_back('}');
}

void units(std::string& out, const engine::Explanation& why) {
    key(out, "units");
    out.push_back('[');
    for (std::size_t i = 0; i < why.units.size(); ++i) {
        const engine::UnitLine& line = why.units[i];
        out += i > 0 ? ",{" : "{";
        field(out, "number", static_cast<long>(line.unit->number));
        field(out, "title", line.unit->title);
        field(out, "glh", static_cast<long>(line.unit->glh));
        field(out, "assessment", model::info(line.unit->assessment).code);
        field(out, "mandatory", line.mandatory);
        field(out, "in_qualification", line.in_qualification);
        field(out, "status", model::info(line.state.status()).code);
        field(out, "grade", model::info(line.state.grade()).code);
        field(out, "outcome", model::info(line.state.outcome()).code);
        field(out, "taken_at_centre", line.taken_at_centre);
        close_object(out);
    }
    out += "],";
}

void reasons(std::string& out, const ResultRow& row) {
    key(out, "reasons");
    out.push_back('[');
    std::size_t i = 0;
    for (model::ReasonCode code : row.result.reason_list()) {
        out += i > 0 ? ",{" : "{";
        field(out, "code", model::info(code).code);
        field(out, "label", model::info(code).label);
        if (row.why != nullptr && i < row.why->reasons.size()) {
            const engine::ReasonDetail& detail = row.why->reasons[i];
            field(out, "detail", detail.text);
            int_list(out, "units", detail.units);
            if (code == model::ReasonCode::insufficient_glh) {
                field(out, "glh_short", static_cast<long>(detail.glh_short));
            }
        }
        close_object(out);
        ++i;
    }
    out += "],";
}

void pathways(std::string& out, const engine::Explanation& why) {
    key(out, "pathways");
    out.push_back('[');
    for (std::size_t i = 0; i < why.pathways.size(); ++i) {
        const engine::PathwayLine& line = why.pathways[i];
        out += i > 0 ? ",{" : "{";
        field(out, "id", line.pathway->id);
        field(out, "title", line.pathway->title);
        field(out, "declared", line.declared);
        field(out, "met_achieved", line.met_achieved);
        field(out, "met_in_progress", line.met_in_progress);
        int_list(out, "still_needed", line.still_needed);
        int_list(out, "awaiting", line.awaiting);
        close_object(out);
    }
    out += "],";
}

// "points" (null when not graded) and "predicted_grade" always; with a fresh prediction also the
// grade so far and which units count.
void grading(std::string& out, const ResultRow& row) {
    key(out, "points");
    out += row.points < 0 ? "null" : std::to_string(row.points);
    out.push_back(',');
    field(out, "predicted_grade", row.predicted_grade);
    if (row.grading == nullptr || !row.grading->graded) {
        return;
    }
    field(out, "grade_complete", row.grading->complete);
    field(out, "predicted_grade_so_far", row.grading->grade_so_far);
    int_list(out, "counted_mandatory_units", row.grading->counted_mandatory);
    int_list(out, "counted_optional_units", row.grading->counted_optional);
    int_list(out, "not_counted_units", row.grading->not_counted);
}

void code_list(std::string& out, std::string_view name,
               const std::vector<const model::Qualification*>& qualifications) {
    key(out, name);
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
    key(out, "options");
    out.push_back('{');
    code_list(out, "met_achieved", options.met_achieved);
    code_list(out, "met_in_progress", options.met_in_progress);
    close_object(out);
    out.push_back(',');
}

class JsonWriter final : public ResultWriter {
public:
    JsonWriter(Output& out, const RunInfo& run) : m_out(out) {
        std::string head = "{";
        field(head, "today", util::to_iso(run.today));
        field(head, "current_series", run.current.label());
        head += "\"entries\":[";
        m_out.write(head);
    }

    void row(const ResultRow& r) override {
        m_line = m_count++ > 0 ? ",\n{" : "\n{";
        const engine::EntryResult& e = r.result;
        field(m_line, "centre_number", r.centre);
        field(m_line, "candidate_number", r.candidate);
        field(m_line, "surname", r.surname);
        field(m_line, "forename", r.forename);
        field(m_line, "qualification_code", r.qualification_code);
        field(m_line, "qualification_title", r.qualification_title);
        field(m_line, "suite", r.suite_id);
        field(m_line, "estimated_completion", r.ecd.label());
        field(m_line, "result_status", model::info(e.status).code);
        field(m_line, "at_risk", e.at_risk);
        field(m_line, "acknowledged", e.acknowledged);
        auto main = e.main_reason();
        field(m_line, "main_reason", main ? model::info(*main).label : std::string_view());
        reasons(m_line, r);
        key(m_line, "reason_codes");
        m_line.push_back('[');
        std::size_t i = 0;
        for (model::ReasonCode code : e.reason_list()) {
            m_line += i++ > 0 ? "," : "";
            append_json_string(m_line, model::info(code).code);
        }
        m_line += "],";
        field(m_line, "glh_required", static_cast<long>(e.glh_required));
        field(m_line, "glh_counted", static_cast<long>(e.glh_counted));
        field(m_line, "glh_achieved", static_cast<long>(e.glh_achieved));
        grading(m_line, r);
        if (r.why != nullptr) {
            units(m_line, *r.why);
            pathways(m_line, *r.why);
        }
        if (r.options != nullptr) {
            options(m_line, *r.options);
        }
        field(m_line, "suggestion", r.suggestion);
        key(m_line, "notes");
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
        field(tail, "entries", static_cast<long>(m_tally.entries));
        field(tail, "eligible", static_cast<long>(m_tally.eligible));
        field(tail, "not_eligible", static_cast<long>(m_tally.not_eligible));
        field(tail, "withdrawn", static_cast<long>(m_tally.withdrawn));
        field(tail, "at_risk", static_cast<long>(m_tally.at_risk));
        field(tail, "acknowledged", static_cast<long>(m_tally.acknowledged));
        close_object(tail);
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
