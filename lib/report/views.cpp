// The list views: at-risk, summary, changes, alert and declarations.
#include "report/views.hpp"

#include "report/cells.hpp"
#include "report/columns.hpp"
#include "report/table.hpp"

#include <fmt/format.h>

#include <map>

namespace qc::report {

std::string display_name(std::string_view surname, std::string_view forename) {
    std::string name(surname);
    if (!forename.empty()) {
        name += (name.empty() ? "" : ", ") + std::string(forename);
    }
    return name;
}

std::string glh_text(const engine::EntryResult& result) {
    return fmt::format("{}/{}", result.glh_counted, result.glh_required);
}

namespace {

std::string main_text(const engine::EntryResult& result) { return std::string(main_label(result)); }

// The reasons after the main one; the main reason has its own column.
std::string other_reasons(const engine::EntryResult& result) {
    std::string out;
    const auto reasons = result.reason_list();
    for (std::size_t i = 1; i < reasons.size(); ++i) {
        out += out.empty() ? "" : "; ";
        out += model::info(reasons[i]).label;
    }
    return out;
}

RowTone tone_of(const engine::EntryResult& result) {
    if (result.at_risk) {
        return result.acknowledged ? RowTone::muted : RowTone::alert;
    }
    if (result.status == model::ResultStatus::eligible) {
        return RowTone::good;
    }
    return result.status == model::ResultStatus::withdrawn ? RowTone::muted : RowTone::plain;
}

std::string risk_cell(const engine::EntryResult& result) {
    return result.at_risk ? (result.acknowledged ? "ack" : "YES") : "";
}

} // namespace

std::string render_at_risk_table(const std::vector<EntryLine>& lines, model::Series current,
                                 bool colour) {
    if (lines.empty()) {
        return fmt::format("No candidates at risk for {}\n", current.label());
    }
    Table table({"CENTRE", "CAND", "NAME", "QUAL", "GLH", "ACK", "MAIN REASON",
                 "OTHER REASONS"});
    std::size_t acknowledged = 0;
    for (const EntryLine& line : lines) {
        const engine::EntryResult& e = line.result;
        acknowledged += e.acknowledged ? 1 : 0;
        table.add({line.centre, line.candidate, display_name(line.surname, line.forename),
                   line.qualification_code, glh_text(e), e.acknowledged ? "ack" : "",
                   main_text(e), other_reasons(e)},
                  e.acknowledged ? RowTone::muted : RowTone::alert);
    }
    std::string out = table.render(colour);
    out += fmt::format("\n{} entr{} at risk for {}", lines.size(), lines.size() == 1 ? "y" : "ies",
                       current.label());
    out += acknowledged > 0 ? fmt::format(" ({} acknowledged).\n", acknowledged) : ".\n";
    return out;
}

std::string render_summary_table(const SummaryView& view, bool colour) {
    std::string out;
    if (!view.imported_at.empty()) {
        out += fmt::format("Data last imported: {}\n\n", view.imported_at);
    }
    Table entries({"CENTRE", "CAND", "NAME", "QUAL", "ECD", "STATUS", "AT RISK", "GLH COUNTED",
                   "GLH ACHIEVED", "GLH REQUIRED"});
    for (const EntryLine& line : view.entries) {
        const engine::EntryResult& e = line.result;
        entries.add({line.centre, line.candidate, display_name(line.surname, line.forename),
                     line.qualification_code, line.ecd.label(),
                     std::string(model::info(e.status).label), risk_cell(e),
                     std::to_string(e.glh_counted), std::to_string(e.glh_achieved),
                     std::to_string(e.glh_required)},
                    tone_of(e));
    }
    out += entries.empty() ? "No entries.\n" : entries.render(colour);
    Table suites({"SUITE", "ENTRIES", "ELIGIBLE", "NOT ELIGIBLE", "AT RISK", "ACKNOWLEDGED",
                  "FROM OTHER CENTRES"});
    Tally all;
    std::size_t transferred = 0;
    for (const SuiteCounts& suite : view.suites) {
        const Tally& t = suite.tally;
        suites.add({suite.suite_id, std::to_string(t.entries), std::to_string(t.eligible),
                    std::to_string(t.not_eligible), std::to_string(t.at_risk),
                    std::to_string(t.acknowledged), std::to_string(suite.transferred)});
        transferred += suite.transferred;
        all.entries += t.entries;
        all.eligible += t.eligible;
        all.not_eligible += t.not_eligible;
        all.withdrawn += t.withdrawn;
        all.at_risk += t.at_risk;
        all.acknowledged += t.acknowledged;
    }
    out += "\n" + suites.render(colour);
    out += "\n" + tally_sentence(all, view.current) + "\n";
    if (transferred > 0) {
        out += fmt::format("{} entr{} count{} units taken at another centre ('report candidate' "
                           "marks them).\n",
                           transferred, transferred == 1 ? "y" : "ies", transferred == 1 ? "s" : "");
    }
    return out;
}

std::string render_summary_json(const SummaryView& view) {
    std::string out = "{\"current_series\":";
    append_json_string(out, view.current.label());
    out += ",\"imported_at\":";
    append_json_string(out, view.imported_at);
    out += ",\"entries\":[";
    for (std::size_t i = 0; i < view.entries.size(); ++i) {
        const EntryLine& line = view.entries[i];
        const engine::EntryResult& e = line.result;
        out += i > 0 ? ",\n{" : "\n{";
        out += "\"centre_number\":";
        append_json_string(out, line.centre);
        out += ",\"candidate_number\":";
        append_json_string(out, line.candidate);
        out += ",\"surname\":";
        append_json_string(out, line.surname);
        out += ",\"forename\":";
        append_json_string(out, line.forename);
        out += ",\"qualification_code\":";
        append_json_string(out, line.qualification_code);
        out += ",\"suite\":";
        append_json_string(out, line.suite_id);
        out += ",\"estimated_completion\":";
        append_json_string(out, line.ecd.label());
        out += fmt::format(",\"result_status\":\"{}\",\"at_risk\":{},\"acknowledged\":{}",
                           model::info(e.status).code, e.at_risk, e.acknowledged);
        out += ",\"main_reason\":";
        append_json_string(out, main_text(e));
        out += fmt::format(",\"glh_required\":{},\"glh_counted\":{},\"glh_achieved\":{},"
                           "\"transferred_units\":{}}}",
                           e.glh_required, e.glh_counted, e.glh_achieved, line.transferred_units);
    }
    out += "\n],\"suites\":[";
    for (std::size_t i = 0; i < view.suites.size(); ++i) {
        const Tally& t = view.suites[i].tally;
        out += i > 0 ? ",\n{\"suite\":" : "\n{\"suite\":";
        append_json_string(out, view.suites[i].suite_id);
        out += fmt::format(",\"entries\":{},\"eligible\":{},\"not_eligible\":{},\"withdrawn\":{},"
                           "\"at_risk\":{},\"acknowledged\":{},\"transferred\":{}}}",
                           t.entries, t.eligible, t.not_eligible, t.withdrawn, t.at_risk,
                           t.acknowledged, view.suites[i].transferred);
    }
    out += "\n]}\n";
    return out;
}

std::string_view change_label(ChangeKind kind) {
    switch (kind) {
    case ChangeKind::now_at_risk:
        return "now at risk";
    case ChangeKind::no_longer_at_risk:
        return "no longer at risk";
    case ChangeKind::reasons_changed:
        return "reasons changed";
    }
    return "";
}

std::string render_changes_table(const std::vector<Change>& changes, const std::string& since,
                                 bool colour) {
    if (changes.empty()) {
        return fmt::format("No changes since {}.\n", since);
    }
    Table table({"CHANGE", "CENTRE", "CAND", "NAME", "QUAL", "REASONS NOW", "REASONS BEFORE",
                 "GLH"});
    for (const Change& change : changes) {
        const engine::EntryResult& e = change.line.result;
        table.add({std::string(change_label(change.kind)), change.line.centre,
                   change.line.candidate, display_name(change.line.surname, change.line.forename),
                   change.line.qualification_code, reason_labels(e), change.was_reasons,
                   glh_text(e)},
                  change.kind == ChangeKind::no_longer_at_risk ? RowTone::good : RowTone::alert);
    }
    return fmt::format("Changes since {}:\n\n", since) + table.render(colour);
}

std::string render_changes_csv(const std::vector<Change>& changes, bool excel) {
    std::string out = "change,";
    append_csv_header(out, result_columns());
    out += "\r\n";
    std::string scratch;
    for (const Change& change : changes) {
        append_csv_cell(out, change_label(change.kind));
        out.push_back(',');
        append_csv_cells(out, result_columns(), change.line, excel, scratch);
        out += "\r\n";
    }
    return out;
}

std::string render_alert(const AlertView& view) {
    std::string out = fmt::format("To: {}\n", view.to);
    out += fmt::format("Subject: qualcheck: {} candidate{} at risk for {} at {} ({})\n\n",
                       view.entries.size(), view.entries.size() == 1 ? "" : "s",
                       view.current.label(), view.centre_name, view.centre_number);
    out += fmt::format("These entries will not get a result in {} unless something changes:\n\n",
                       view.current.label());
    Table table({"CAND", "NAME", "QUAL", "MAIN REASON", "GLH"});
    for (const EntryLine& line : view.entries) {
        table.add({line.candidate, display_name(line.surname, line.forename),
                   line.qualification_code, main_text(line.result), glh_text(line.result)});
    }
    out += table.render(false);
    out += fmt::format("\nFor every reason and unit, run:\n  {}\n", view.more_command);
    out += "An exams officer can acknowledge an entry whose result is no longer expected this\n"
           "summer with 'qualcheck declare acknowledge CANDIDATE QUALIFICATION'; it then leaves\n"
           "this message.\n";
    return out;
}

std::string render_declarations_table(const std::vector<store::Declaration>& log) {
    if (log.empty()) {
        return "No declarations yet.\n";
    }
    Table table({"ID", "AT", "USER", "ROLE", "ACTION", "DETAILS", "DATA SHA256"});
    for (const store::Declaration& d : log) {
        table.add({std::to_string(d.id), d.at, d.user, d.role, d.action, d.details,
                   d.data_sha256.substr(0, 12)});
    }
    return table.render(false);
}

std::string render_declarations_csv(const std::vector<store::Declaration>& log) {
    std::string out = "id,at,user,role,action,details,data_sha256,hash\r\n";
    for (const store::Declaration& d : log) {
        out += std::to_string(d.id);
        for (const std::string* cell : {&d.at, &d.user, &d.role, &d.action, &d.details,
                                        &d.data_sha256, &d.hash}) {
            out.push_back(',');
            append_csv_cell(out, *cell);
        }
        out += "\r\n";
    }
    return out;
}

std::string render_declarations_json(const std::vector<store::Declaration>& log) {
    std::string out = "{\"declarations\":[";
    for (std::size_t i = 0; i < log.size(); ++i) {
        const store::Declaration& d = log[i];
        out += fmt::format("{}\n{{\"id\":{}", i > 0 ? "," : "", d.id);
        const std::pair<const char*, const std::string*> fields[] = {
            {"at", &d.at},         {"user", &d.user},       {"role", &d.role},
            {"action", &d.action}, {"details", &d.details}, {"data_sha256", &d.data_sha256},
            {"hash", &d.hash}};
        for (const auto& [name, value] : fields) {
            out += fmt::format(",\"{}\":", name);
            append_json_string(out, *value);
        }
        out += "}";
    }
    out += "\n]}\n";
    return out;
}

} // namespace qc::report
