// The result columns: one row per column of `check --format csv`.
#include "report/columns.hpp"

#include "report/cells.hpp"
#include "report/results.hpp"

#include <array>

namespace qc::report {

namespace {

using assess::Assessment;
using Col = Column<Assessment>;

void yes_no(bool value, std::string& out) { out = value ? "yes" : "no"; }
void number(int value, std::string& out) { out = std::to_string(value); }

void joined(const std::vector<std::string>& parts, std::string& out) {
    for (const std::string& part : parts) {
        out += out.empty() ? "" : "; ";
        out += part;
    }
}

const std::array k_result_columns = {
    Col{"centre_number", CellType::identifier, [](const Assessment& a, std::string& o) { o = a.centre; }},
    Col{"candidate_number", CellType::identifier, [](const Assessment& a, std::string& o) { o = a.candidate; }},
    Col{"surname", CellType::text, [](const Assessment& a, std::string& o) { o = a.surname; }},
    Col{"forename", CellType::text, [](const Assessment& a, std::string& o) { o = a.forename; }},
    Col{"qualification_code", CellType::identifier,
        [](const Assessment& a, std::string& o) { o = a.qualification_code; }},
    Col{"qualification_title", CellType::text,
        [](const Assessment& a, std::string& o) { o = a.qualification_title; }},
    Col{"estimated_completion", CellType::text, [](const Assessment& a, std::string& o) { o = a.ecd.label(); }},
    Col{"result_status", CellType::text,
        [](const Assessment& a, std::string& o) { o = model::info(a.result.status).code; }},
    Col{"at_risk", CellType::flag, [](const Assessment& a, std::string& o) { yes_no(a.result.at_risk, o); }},
    Col{"acknowledged", CellType::flag,
        [](const Assessment& a, std::string& o) { yes_no(a.result.acknowledged, o); }},
    Col{"main_reason", CellType::text, [](const Assessment& a, std::string& o) { o = main_label(a.result); }},
    Col{"reasons", CellType::long_text, [](const Assessment& a, std::string& o) { o = reason_labels(a.result); }},
    Col{"reason_codes", CellType::text, [](const Assessment& a, std::string& o) { o = reason_codes(a.result); }},
    Col{"glh_required", CellType::integer,
        [](const Assessment& a, std::string& o) { number(a.result.glh_required, o); }},
    Col{"glh_counted", CellType::integer,
        [](const Assessment& a, std::string& o) { number(a.result.glh_counted, o); }},
    Col{"glh_achieved", CellType::integer,
        [](const Assessment& a, std::string& o) { number(a.result.glh_achieved, o); }},
    Col{"notes", CellType::long_text, [](const Assessment& a, std::string& o) { joined(a.notes, o); }},
    Col{"pathways", CellType::text, [](const Assessment& a, std::string& o) { o = a.pathways; }},
    Col{"suggestion", CellType::long_text, [](const Assessment& a, std::string& o) { o = a.suggestion; }},
    Col{"points", CellType::integer, [](const Assessment& a, std::string& o) { o = points_cell(a.points); }},
    Col{"predicted_grade", CellType::text, [](const Assessment& a, std::string& o) { o = a.predicted_grade; }},
};

} // namespace

std::span<const Column<Assessment>> result_columns() { return k_result_columns; }

const Column<Assessment>* find_result_column(std::string_view name) {
    for (const Col& column : k_result_columns) {
        if (column.name == name) {
            return &column;
        }
    }
    return nullptr;
}

void append_csv_typed(std::string& out, CellType type, std::string_view text, bool excel) {
    if (excel && type == CellType::identifier) {
        append_excel_identifier(out, text);
    } else {
        append_csv_cell(out, text);
    }
}

void append_json_typed(std::string& out, std::string_view name, CellType type,
                       std::string_view text) {
    switch (type) {
    case CellType::integer:
        append_json_key(out, name);
        out += text.empty() ? std::string_view("null") : text;
        out.push_back(',');
        return;
    case CellType::flag:
        append_json_member(out, name, text == "yes");
        return;
    default:
        append_json_member(out, name, text);
        return;
    }
}

} // namespace qc::report
