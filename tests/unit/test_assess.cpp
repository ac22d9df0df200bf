// Tests for lib/assess/: one record per entry, the at-risk and readiness rules, the stored form;
// and the result column table (lib/report/columns.hpp) that writes the record.
#include "assess/assessment.hpp"
#include "assess/readiness.hpp"
#include "assess/stored.hpp"
#include "report/cells.hpp"
#include "report/columns.hpp"

#include <doctest/doctest.h>

#include <fmt/format.h>

#include <memory>
#include <set>

using namespace qc;
using model::Grade;
using model::ReasonCode;
using model::UnitStatus;

namespace {

// One suite: unit 1 examined 90, unit 2 moderated 90, unit 3 moderated 60;
// qualification 00001 (240 GLH): mandatory 1 and 2, optional 3.
struct Fixture {
    model::RuleBook rules;
    engine::EntryBook book{rules};
    model::Series current{2027};

    Fixture() {
        auto suite = std::make_unique<model::Suite>();
        suite->id = "s1";
        suite->title = "Suite";
        suite->level = 2;
        suite->units.push_back(model::Unit{1, "Unit 1", 90, model::Assessment::examined, {}});
        suite->units.push_back(model::Unit{2, "Unit 2", 90, model::Assessment::moderated, {}});
        suite->units.push_back(model::Unit{3, "Unit 3", 60, model::Assessment::moderated, {}});
        model::Qualification q;
        q.code = "00001";
        q.title = "Diploma";
        q.glh = 240;
        q.mandatory = {1, 2};
        q.optional = {3};
        suite->qualifications.push_back(q);
        rules.add(std::move(suite));
    }

    void entry(std::string candidate, int ecd = 2027) {
        model::Entry e;
        e.centre = "61234";
        e.candidate = std::move(candidate);
        e.surname = "Jones";
        e.forename = "Siân";
        e.qualification = rules.find_qualification("00001");
        e.ecd = model::Series{ecd};
        REQUIRE_FALSE(book.add_entry(std::move(e)).has_value());
    }

    void row(std::string_view candidate, int unit, UnitStatus status, Grade grade = Grade::none) {
        model::UnitRow r;
        r.centre = "61234";
        r.candidate = candidate;
        r.unit = unit;
        r.status = status;
        r.grade = grade;
        r.line = 2;
        REQUIRE_FALSE(book.add_unit_row(r).has_value());
    }
};

std::string cell(const assess::Assessment& record, std::string_view column) {
    const auto* found = report::find_result_column(column);
    REQUIRE(found != nullptr);
    std::string out;
    found->cell(record, out);
    return out;
}

} // namespace

TEST_CASE("the at-risk rule: not eligible and due in the current series") {
    const model::Series now{2027};
    CHECK(engine::at_risk(model::ResultStatus::not_eligible, now, now));
    CHECK_FALSE(engine::at_risk(model::ResultStatus::not_eligible, model::Series{2028}, now));
    CHECK_FALSE(engine::at_risk(model::ResultStatus::eligible, now, now));
    CHECK_FALSE(engine::at_risk(model::ResultStatus::withdrawn, now, now));
}

TEST_CASE("assess: one record with identity, judgement and each reason's evidence by code") {
    Fixture f;
    f.entry("0019");
    f.row("0019", 1, UnitStatus::result_achieved, Grade::p);
    f.row("0019", 3, UnitStatus::claim_submitted);
    const assess::Assessment row = assess::assess(f.book, 0, {f.current, assess::Depth::row}, false);
    CHECK(row.candidate == "0019");
    CHECK(row.qualification_code == "00001");
    CHECK(row.suite_id == "s1");
    CHECK(row.result.at_risk);
    CHECK(row.result.has(ReasonCode::mandatory_unit_missing));
    CHECK_FALSE(row.explained);
    CHECK(row.reasons().empty());

    const assess::Assessment full =
        assess::assess(f.book, 0, {f.current, assess::Depth::explained}, true);
    CHECK(full.explained);
    CHECK(full.result.acknowledged);
    const assess::Reason* missing = full.reason(ReasonCode::mandatory_unit_missing);
    REQUIRE(missing != nullptr);
    CHECK(missing->units == std::vector<int>{2});
    const assess::Reason* glh = full.reason(ReasonCode::insufficient_glh);
    REQUIRE(glh != nullptr);
    CHECK(glh->glh_short == 90);
    CHECK(full.reason(ReasonCode::no_activity) == nullptr);
}

TEST_CASE("assess_all visits every entry once, in file order") {
    Fixture f;
    for (int i = 0; i < 5000; ++i) {
        f.entry(fmt::format("{:04}", i));
    }
    std::size_t next = 0;
    assess::assess_all(f.book, {f.current, assess::Depth::row}, {},
                       [&](std::size_t i, const assess::Assessment& record) {
                           CHECK(i == next++);
                           CHECK(record.candidate == fmt::format("{:04}", i));
                       });
    CHECK(next == 5000);
}

TEST_CASE("readiness: examined units entered, moderated units claimed, or achieved") {
    using model::Assessment;
    CHECK(assess::unit_ready(Assessment::examined, UnitStatus::result_achieved));
    CHECK(assess::unit_ready(Assessment::examined, UnitStatus::entry_received));
    CHECK_FALSE(assess::unit_ready(Assessment::examined, UnitStatus::claim_submitted));
    CHECK(assess::unit_ready(Assessment::moderated, UnitStatus::claim_submitted));
    CHECK(assess::unit_ready(Assessment::moderated, UnitStatus::claim_sampled));
    CHECK_FALSE(assess::unit_ready(Assessment::moderated, UnitStatus::ria_received));
    CHECK_FALSE(assess::unit_ready(Assessment::moderated, UnitStatus::absent));
}

TEST_CASE("readiness blockers: reasons, units not ready that no reason names, the final visit") {
    Fixture f;
    f.entry("0019");
    f.row("0019", 1, UnitStatus::result_achieved, Grade::p);
    f.row("0019", 2, UnitStatus::claim_submitted);
    f.row("0019", 3, UnitStatus::ria_received);
    const assess::Assessment record =
        assess::assess(f.book, 0, {f.current, assess::Depth::explained}, false);
    CHECK(record.result.status == model::ResultStatus::eligible);
    CHECK(assess::readiness_blockers(record, std::nullopt) ==
          std::vector<std::string>{"moderated unit 3: RIA received, not achieved or claimed"});
    CHECK(assess::readiness_blockers(record, std::string("no final visit booked")).back() ==
          "no final visit booked");
}

TEST_CASE("stored form: what a run keeps comes back, at risk decided for the series asked") {
    Fixture f;
    f.entry("0019");
    f.row("0019", 1, UnitStatus::result_achieved, Grade::p);
    const assess::Assessment record = assess::assess(f.book, 0, {f.current, assess::Depth::row}, true);
    store::StoredResult stored;
    assess::to_stored(record, stored);
    const assess::Assessment back = assess::from_stored(stored, f.rules, f.current);
    CHECK(back.candidate == record.candidate);
    CHECK(back.suite_id == "s1");
    CHECK(back.qualification == record.qualification);
    CHECK(back.result.reasons == record.result.reasons);
    CHECK(back.result.at_risk);
    CHECK(back.result.acknowledged);
    CHECK(back.result.glh_counted == record.result.glh_counted);
    CHECK_FALSE(assess::from_stored(stored, f.rules, model::Series{2028}).result.at_risk);
}

TEST_CASE("result columns: unique names; identifiers are the centre, candidate and qualification") {
    std::set<std::string_view> names;
    std::set<std::string_view> identifiers;
    for (const auto& column : report::result_columns()) {
        CHECK(names.insert(column.name).second);
        CHECK(static_cast<bool>(column.cell));
        if (column.type == report::CellType::identifier) {
            identifiers.insert(column.name);
        }
    }
    CHECK(identifiers == std::set<std::string_view>{"centre_number", "candidate_number", "qualification_code"});
}

TEST_CASE("result columns: cells from the record; --excel protects identifiers only") {
    Fixture f;
    f.entry("0019");
    const assess::Assessment record = assess::assess(f.book, 0, {f.current, assess::Depth::row}, false);
    CHECK(cell(record, "candidate_number") == "0019");
    CHECK(cell(record, "at_risk") == "yes");
    CHECK(cell(record, "glh_required") == "240");
    CHECK(cell(record, "points") == "");
    std::string plain;
    std::string excel;
    std::string scratch;
    report::append_csv_cells(plain, report::result_columns(), record, false, scratch);
    report::append_csv_cells(excel, report::result_columns(), record, true, scratch);
    CHECK(plain.starts_with("61234,0019,Jones,Siân,00001,Diploma,Summer 2027,"));
    CHECK(excel.starts_with("\"=\"\"61234\"\"\",\"=\"\"0019\"\"\",Jones,Siân,\"=\"\"00001\"\"\",Diploma,"));
}

TEST_CASE("JSON cells by type: integers as numbers or null, flags as booleans") {
    std::string out;
    report::append_json_typed(out, "points", report::CellType::integer, "");
    report::append_json_typed(out, "glh", report::CellType::integer, "90");
    report::append_json_typed(out, "at_risk", report::CellType::flag, "yes");
    report::append_json_typed(out, "name", report::CellType::text, "Zoë");
    CHECK(out == "\"points\":null,\"glh\":90,\"at_risk\":true,\"name\":\"Zoë\",");
}
