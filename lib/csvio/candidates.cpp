// candidates.csv: one row per entry (contract section 3).
#include "csvio/exports.hpp"
#include "csvio/values.hpp"

#include "model/series.hpp"
#include "util/spell.hpp"
#include "util/strings.hpp"

#include <fmt/format.h>

namespace qc::csvio {

namespace {

const std::vector<ColumnSpec> k_candidate_columns = {
    {Column::candidate_number, true},      {Column::qualification_code, true}, {Column::centre_number, false},
    {Column::uci, false},                  {Column::surname, false},           {Column::forename, false},
    {Column::estimated_completion, false}, {Column::entry_date, false},        {Column::pathway, false},
    {Column::status, false},
};

// "did you mean 'X'? " followed by `list`, or just `list`.
std::string suggest(std::string_view word, const std::vector<std::string>& known, std::string list) {
    std::string guess = util::did_you_mean(word, known);
    return guess.empty() ? list : guess + " " + list;
}

const model::Qualification* find_qualification(Sheet& sheet, const model::RuleBook& rules) {
    std::string_view code = sheet.get(Column::qualification_code);
    if (!require(sheet, Column::qualification_code, code)) {
        return nullptr;
    }
    if (const model::Qualification* found = rules.find_qualification(code)) {
        return found;
    }
    const std::vector<std::string> codes = rules.qualification_codes();
    std::string hint;
    if (util::is_digits(code) && code.size() < 5 &&
        rules.find_qualification(std::string(5 - code.size(), '0') + std::string(code))) {
        hint = fmt::format("leading zeros may have been lost in a spreadsheet: write {}{}",
                           std::string(5 - code.size(), '0'), code);
    } else {
        hint = suggest(code, codes, "known codes: " + util::join(codes, ", "));
    }
    sheet.error(Column::qualification_code, fmt::format("unknown qualification_code '{}'", util::excerpt(code)), std::move(hint));
    return nullptr;
}

// The ECD as given, else derived from the entry date by the suite's level.
bool read_ecd(Sheet& sheet, model::Entry& entry) {
    std::string_view ecd = sheet.get(Column::estimated_completion);
    if (!ecd.empty()) {
        if (auto series = model::parse_series(ecd)) {
            entry.ecd = *series;
            return true;
        }
        sheet.error(Column::estimated_completion, fmt::format("estimated_completion '{}' is not a series", util::excerpt(ecd)),
                    "write it as Summer 2026 or 2026");
        return false;
    }
    if (!entry.entry_date.valid()) {
        sheet.error(Column::estimated_completion, "no estimated_completion and no entry_date",
                    "fill in estimated_completion (e.g. Summer 2026) or entry_date");
        return false;
    }
    entry.ecd = model::derived_ecd(entry.entry_date, entry.qualification->suite->level);
    entry.ecd_derived = true;
    return true;
}

bool read_pathway(Sheet& sheet, model::Entry& entry) {
    std::string_view pathway = sheet.get(Column::pathway);
    if (pathway.empty()) {
        return true;
    }
    entry.declared_pathway = entry.qualification->find_pathway(pathway);
    if (entry.declared_pathway != nullptr) {
        return true;
    }
    std::vector<std::string> ids;
    for (const model::Pathway& known : entry.qualification->pathways) {
        ids.push_back(known.id);
    }
    std::string hint = ids.empty() ? fmt::format("{} has no pathways", entry.qualification->code)
                                   : suggest(pathway, ids, "its pathways: " + util::join(ids, ", "));
    sheet.error(Column::pathway,
                fmt::format("unknown pathway '{}' for qualification {}", util::excerpt(pathway), entry.qualification->code),
                std::move(hint));
    return false;
}

bool read_status(Sheet& sheet, model::Entry& entry) {
    std::string_view status = sheet.get(Column::status);
    if (auto parsed = model::parse_entry_status(status)) {
        entry.status = *parsed;
        return true;
    }
    sheet.error(Column::status, fmt::format("unknown status '{}'", util::excerpt(status)), "use active or withdrawn");
    return false;
}

// Reads every column, reporting each bad one, so that one pass shows all of a row's faults.
std::optional<model::Entry> read_entry(Sheet& sheet, const model::RuleBook& rules, const ReadOptions& options) {
    model::Entry entry;
    entry.line = sheet.line();
    std::string_view candidate = sheet.get(Column::candidate_number);
    bool ok = require(sheet, Column::candidate_number, candidate) &&
              check_candidate_number(sheet, Column::candidate_number, candidate);
    auto centre = row_centre(sheet, options.default_centre);
    ok = centre.has_value() && ok;
    auto entry_date = optional_date(sheet, Column::entry_date);
    entry.entry_date = entry_date.value_or(util::Date{});
    entry.qualification = find_qualification(sheet, rules);
    ok = entry_date.has_value() && entry.qualification != nullptr && ok;
    if (entry.qualification != nullptr) {
        ok = (!entry_date || read_ecd(sheet, entry)) && ok;
        ok = read_pathway(sheet, entry) && ok;
    }
    ok = read_status(sheet, entry) && ok;
    if (!ok) {
        return std::nullopt;
    }
    entry.centre = std::string(*centre);
    entry.candidate = std::string(candidate);
    entry.uci = std::string(sheet.get(Column::uci));
    entry.surname = std::string(sheet.get(Column::surname));
    entry.forename = std::string(sheet.get(Column::forename));
    return entry;
}

} // namespace

ReadStats read_candidates(const Input& input, const model::RuleBook& rules, const ReadOptions& options,
                          model::FactSink& sink) {
    Sheet sheet(input, FileKind::candidates, k_candidate_columns);
    sheet.divert_row_problems(options.rejects);
    check_centre_available(sheet, options.default_centre);
    while (sheet.next()) {
        std::optional<model::Entry> entry = read_entry(sheet, rules, options);
        if (!entry) {
            continue;
        }
        if (auto problem = sink.add_entry(std::move(*entry))) {
            sheet.error(problem->column, std::move(problem->message), std::move(problem->hint));
        }
    }
    sheet.finish();
    return sheet.stats();
}

} // namespace qc::csvio
