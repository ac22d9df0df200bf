// The `report moderation` view: each suite's visits with their deadlines, then what needs
// action and whom it affects.
#include "report/beyond.hpp"

#include "report/cells.hpp"
#include "report/columns.hpp"
#include "report/table.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace qc::report {

namespace {

using moderation::FindingKind;

std::string_view kind_word(model::VisitKind kind) {
    return kind == model::VisitKind::final ? "final" : "interim";
}

std::string_view status_word(model::VisitStatus status) {
    return status == model::VisitStatus::completed ? "completed" : "scheduled";
}

std::string iso_or_empty(const util::Date& date) {
    return date.valid() ? util::to_iso(date) : std::string();
}

std::string affected_line(const ModerationEntry& entry) {
    std::string out = fmt::format("{} {} {}", entry.candidate, entry.qualification_code,
                                  display_name(entry.surname, entry.forename));
    return entry.detail.empty() ? out : out + ": " + entry.detail;
}

void visits_table(std::string& out, const ModerationSuite& suite, bool colour) {
    if (suite.visits.empty()) {
        out += "No visits booked.\n";
        return;
    }
    Table table({"VISIT", "KIND", "STATUS", "ENTRIES DUE", "CLAIMS DUE"});
    for (const model::Visit& visit : suite.visits) {
        table.add({util::to_iso(visit.date), std::string(kind_word(visit.kind)),
                   std::string(status_word(visit.status)),
                   util::to_iso(util::add_days(visit.date, -moderation::k_entry_days)),
                   util::to_iso(util::add_days(visit.date, -moderation::k_claim_days))});
    }
    out += table.render(colour);
}

std::size_t finding_list(std::string& out, const ModerationView& view, const std::string& suite_id,
                         bool colour) {
    std::size_t shown = 0;
    for (const ModerationFinding& finding : view.findings) {
        if (finding.suite_id != suite_id || !moderation::needs_action(finding.kind)) {
            continue;
        }
        ++shown;
        const std::string heading =
            fmt::format("{}: {}", moderation::info(finding.kind).label, finding.text);
        out += colour ? fmt::format("\n\x1b[31m{}\x1b[0m\n", heading) : "\n" + heading + "\n";
        for (std::size_t i = 0; i < finding.affected.size() && i < k_listed; ++i) {
            out += "  - " + affected_line(finding.affected[i]) + "\n";
        }
        if (finding.affected.size() > k_listed) {
            out += fmt::format("  ... and {} more (--format csv lists every one)\n",
                               finding.affected.size() - k_listed);
        }
    }
    return shown;
}

} // namespace

ModerationView moderation_view(const engine::EntryBook& book, const model::RuleBook& rules,
                               const std::vector<model::Visit>& visits,
                               const std::vector<moderation::Finding>& findings,
                               const util::Date& today) {
    ModerationView view;
    view.today = today;
    for (const moderation::Finding& finding : findings) {
        ModerationFinding line{finding.suite->id, finding.kind, finding.visit, finding.due,
                               finding.text, {}};
        for (const moderation::Affected& affected : finding.affected) {
            const model::Entry& entry = book.entry(affected.entry);
            line.affected.push_back({entry.centre, entry.candidate, entry.surname, entry.forename,
                                     entry.qualification->code, affected.units, affected.detail});
        }
        view.findings.push_back(std::move(line));
    }
    for (const auto& suite : rules.suites()) {
        ModerationSuite one{suite->id, suite->title, {}};
        for (const model::Visit& visit : visits) {
            if (visit.suite == suite.get()) {
                one.visits.push_back(visit);
            }
        }
        std::stable_sort(one.visits.begin(), one.visits.end(),
                         [](const model::Visit& a, const model::Visit& b) { return a.date < b.date; });
        const bool has_findings = std::any_of(view.findings.begin(), view.findings.end(),
                                              [&](const auto& f) { return f.suite_id == suite->id; });
        if (!one.visits.empty() || has_findings) {
            view.suites.push_back(std::move(one));
        }
    }
    return view;
}

std::string render_moderation_table(const ModerationView& view, bool colour) {
    std::string out = fmt::format("Moderation on {}: claims are due {} days and entries {} days "
                                  "before each visit.\n",
                                  util::to_iso(view.today), moderation::k_claim_days,
                                  moderation::k_entry_days);
    if (view.suites.empty()) {
        return out + "\nNo visits booked and nothing to report.\n";
    }
    std::size_t needing_action = 0;
    for (const ModerationSuite& suite : view.suites) {
        out += fmt::format("\n{}: {}\n\n", suite.suite_id, suite.title);
        visits_table(out, suite, colour);
        needing_action += finding_list(out, view, suite.suite_id, colour);
    }
    out += needing_action == 0 ? "\nNothing needs action.\n"
                               : fmt::format("\n{} finding{} need{} action.\n", needing_action,
                                             needing_action == 1 ? "" : "s",
                                             needing_action == 1 ? "s" : "");
    return out;
}

namespace {

// One row of the moderation CSV: a finding and one entry it affects (or none).
struct FindingRow {
    const ModerationFinding* finding = nullptr;
    const ModerationEntry* entry = nullptr;
};

using FindingColumn = Column<FindingRow>;

const FindingColumn k_moderation_columns[] = {
    {"suite", CellType::text, [](const FindingRow& r, std::string& o) { o = r.finding->suite_id; }},
    {"visit_date", CellType::date,
     [](const FindingRow& r, std::string& o) { o = r.finding->visit ? util::to_iso(r.finding->visit->date) : ""; }},
    {"visit_kind", CellType::text,
     [](const FindingRow& r, std::string& o) { o = r.finding->visit ? kind_word(r.finding->visit->kind) : ""; }},
    {"visit_status", CellType::text,
     [](const FindingRow& r, std::string& o) { o = r.finding->visit ? status_word(r.finding->visit->status) : ""; }},
    {"finding", CellType::text,
     [](const FindingRow& r, std::string& o) { o = moderation::info(r.finding->kind).code; }},
    {"label", CellType::text,
     [](const FindingRow& r, std::string& o) { o = moderation::info(r.finding->kind).label; }},
    {"due", CellType::date, [](const FindingRow& r, std::string& o) { o = iso_or_empty(r.finding->due); }},
    {"message", CellType::long_text, [](const FindingRow& r, std::string& o) { o = r.finding->text; }},
    {"centre_number", CellType::identifier, [](const FindingRow& r, std::string& o) { o = r.entry->centre; }},
    {"candidate_number", CellType::identifier,
     [](const FindingRow& r, std::string& o) { o = r.entry->candidate; }},
    {"surname", CellType::text, [](const FindingRow& r, std::string& o) { o = r.entry->surname; }},
    {"forename", CellType::text, [](const FindingRow& r, std::string& o) { o = r.entry->forename; }},
    {"qualification_code", CellType::identifier,
     [](const FindingRow& r, std::string& o) { o = r.entry->qualification_code; }},
    {"units", CellType::text,
     [](const FindingRow& r, std::string& o) { o = fmt::format("{}", fmt::join(r.entry->units, ";")); }},
    {"detail", CellType::long_text, [](const FindingRow& r, std::string& o) { o = r.entry->detail; }},
};

} // namespace

std::string render_moderation_csv(const ModerationView& view, bool excel) {
    static const ModerationEntry none;
    std::vector<FindingRow> rows;
    for (const ModerationFinding& finding : view.findings) {
        if (finding.affected.empty()) {
            rows.push_back({&finding, &none});
        }
        for (const ModerationEntry& entry : finding.affected) {
            rows.push_back({&finding, &entry});
        }
    }
    return render_csv(std::span<const FindingColumn>(k_moderation_columns), rows, excel);
}

namespace {

std::string visit_json(const model::Visit& visit) {
    std::string out = "{";
    append_json_member(out, "date", util::to_iso(visit.date));
    append_json_member(out, "kind", kind_word(visit.kind));
    append_json_member(out, "status", status_word(visit.status));
    append_json_member(out, "entries_due", util::to_iso(util::add_days(visit.date, -moderation::k_entry_days)));
    append_json_member(out, "claims_due", util::to_iso(util::add_days(visit.date, -moderation::k_claim_days)));
    close_json_object(out);
    return out;
}

std::string entry_json(const ModerationEntry& entry) {
    std::string out = "{";
    append_json_member(out, "centre_number", entry.centre);
    append_json_member(out, "candidate_number", entry.candidate);
    append_json_member(out, "surname", entry.surname);
    append_json_member(out, "forename", entry.forename);
    append_json_member(out, "qualification_code", entry.qualification_code);
    append_json_member(out, "units", entry.units);
    append_json_member(out, "detail", entry.detail);
    close_json_object(out);
    return out;
}

// "name":[a,b], from objects already written as JSON.
template <typename Item, typename ToJson>
void json_array(std::string& out, std::string_view name, const std::vector<Item>& items, ToJson to_json) {
    append_json_key(out, name);
    out.push_back('[');
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) {
            out.push_back(',');
        }
        out += to_json(items[i]);
    }
    out += "],";
}

} // namespace

std::string render_moderation_json(const ModerationView& view) {
    std::string out = "{";
    append_json_member(out, "today", util::to_iso(view.today));
    out += "\"suites\":[";
    for (std::size_t s = 0; s < view.suites.size(); ++s) {
        const ModerationSuite& suite = view.suites[s];
        out += s > 0 ? ",\n{" : "\n{";
        append_json_member(out, "suite", suite.suite_id);
        append_json_member(out, "title", suite.title);
        json_array(out, "visits", suite.visits, visit_json);
        close_json_object(out);
    }
    out += "\n],\"findings\":[";
    for (std::size_t f = 0; f < view.findings.size(); ++f) {
        const ModerationFinding& finding = view.findings[f];
        out += f > 0 ? ",\n{" : "\n{";
        append_json_member(out, "suite", finding.suite_id);
        append_json_member(out, "finding", moderation::info(finding.kind).code);
        append_json_member(out, "label", moderation::info(finding.kind).label);
        append_json_member(out, "needs_action", moderation::needs_action(finding.kind));
        append_json_key(out, "visit");
        out += finding.visit ? visit_json(*finding.visit) : "null";
        out.push_back(',');
        append_json_member(out, "due", iso_or_empty(finding.due));
        append_json_member(out, "message", finding.text);
        json_array(out, "entries", finding.affected, entry_json);
        close_json_object(out);
    }
    out += "\n]}\n";
    return out;
}

} // namespace qc::report
