// visits.csv: moderation visits (contract section 3).
#include "csvio/exports.hpp"
#include "csvio/values.hpp"

#include "util/spell.hpp"
#include "util/strings.hpp"

#include <fmt/format.h>

namespace qc::csvio {

namespace {

const std::vector<ColumnSpec> k_visit_columns = {
    {Column::suite, true},
    {Column::visit_date, true},
    {Column::kind, true},
    {Column::status, true},
};

bool read_suite(Sheet& sheet, const model::RuleBook& rules, model::Visit& visit) {
    std::string_view suite = sheet.get(Column::suite);
    if (!require(sheet, Column::suite, suite)) {
        return false;
    }
    visit.suite = rules.find_suite(suite);
    if (visit.suite != nullptr) {
        return true;
    }
    const std::vector<std::string> ids = rules.suite_ids();
    std::string guess = util::did_you_mean(suite, ids);
    std::string list = "known suites: " + util::join(ids, ", ");
    sheet.error(Column::suite, fmt::format("unknown suite '{}'", util::excerpt(suite)), guess.empty() ? list : guess + " " + list);
    return false;
}

bool read_date(Sheet& sheet, model::Visit& visit) {
    if (!require(sheet, Column::visit_date, sheet.get(Column::visit_date))) {
        return false;
    }
    auto date = optional_date(sheet, Column::visit_date);
    if (date) {
        visit.date = *date;
    }
    return date.has_value();
}

bool read_kind(Sheet& sheet, model::Visit& visit) {
    std::string_view kind = sheet.get(Column::kind);
    if (util::iequals(kind, "interim")) {
        visit.kind = model::VisitKind::interim;
    } else if (util::iequals(kind, "final")) {
        visit.kind = model::VisitKind::final;
    } else {
        sheet.error(Column::kind, fmt::format("kind '{}' is not interim or final", util::excerpt(kind)));
        return false;
    }
    return true;
}

bool read_status(Sheet& sheet, model::Visit& visit) {
    std::string_view status = sheet.get(Column::status);
    if (util::iequals(status, "scheduled")) {
        visit.status = model::VisitStatus::scheduled;
    } else if (util::iequals(status, "completed")) {
        visit.status = model::VisitStatus::completed;
    } else {
        sheet.error(Column::status, fmt::format("status '{}' is not scheduled or completed", util::excerpt(status)));
        return false;
    }
    return true;
}

} // namespace

std::vector<model::Visit> read_visits(const Input& input, const model::RuleBook& rules) {
    Sheet sheet(input, FileKind::visits, k_visit_columns);
    std::vector<model::Visit> visits;
    while (sheet.next()) {
        model::Visit visit;
        visit.line = sheet.line();
        bool ok = read_suite(sheet, rules, visit);
        ok = read_date(sheet, visit) && ok;
        ok = read_kind(sheet, visit) && ok;
        ok = read_status(sheet, visit) && ok;
        if (ok) {
            visits.push_back(visit);
        }
    }
    sheet.finish();
    return visits;
}

} // namespace qc::csvio
