#include "model/codes.hpp"
#include "model/entry.hpp"
#include "model/grading.hpp"
#include "model/series.hpp"

#include <doctest/doctest.h>

using namespace qc::model;
using qc::util::Date;

TEST_CASE("unit statuses read from codes and labels") {
    CHECK(parse_unit_status("result_achieved") == UnitStatus::result_achieved);
    CHECK(parse_unit_status("Result achieved") == UnitStatus::result_achieved);
    CHECK(parse_unit_status("Claim sampled") == UnitStatus::claim_sampled);
    CHECK(parse_unit_status("RIA received") == UnitStatus::ria_received);
    CHECK(parse_unit_status("Pending") == UnitStatus::ria_pending);
    CHECK(parse_unit_status("ria_pending") == UnitStatus::ria_pending);
    CHECK_FALSE(parse_unit_status("done").has_value());
}

TEST_CASE("grades, with Not achieved, NA and 1C as U") {
    CHECK(parse_grade("D*") == Grade::dstar);
    CHECK(parse_grade("d*") == Grade::dstar);
    CHECK(parse_grade("D") == Grade::d);
    CHECK(parse_grade("Merit") == Grade::m);
    CHECK(parse_grade("Not achieved") == Grade::u);
    CHECK(parse_grade("NA") == Grade::u);
    CHECK(parse_grade("1C") == Grade::u);
    CHECK(parse_grade("R") == Grade::r);
    CHECK_FALSE(parse_grade("A").has_value());
}

TEST_CASE("outcomes rank achieved > in progress > absent > not achieved > none") {
    CHECK(outcome_of(UnitStatus::result_achieved, Grade::r) == Outcome::achieved);
    CHECK(outcome_of(UnitStatus::result_achieved, Grade::u) == Outcome::not_achieved);
    CHECK(outcome_of(UnitStatus::claim_sampled, Grade::none) == Outcome::in_progress);
    CHECK(outcome_of(UnitStatus::ria_received, Grade::none) == Outcome::in_progress);
    CHECK(outcome_of(UnitStatus::ria_pending, Grade::none) == Outcome::ria_pending);
    CHECK(better_row(UnitStatus::entry_received, Grade::none, UnitStatus::absent, Grade::none));
    CHECK(better_row(UnitStatus::absent, Grade::none, UnitStatus::result_achieved, Grade::u));
    CHECK(better_row(UnitStatus::result_achieved, Grade::d, UnitStatus::result_achieved, Grade::m));
}

TEST_CASE("reason codes keep their persisted order and labels") {
    CHECK(info(ReasonCode::no_activity).code == "no_activity");
    CHECK(info(ReasonCode::insufficient_glh).label == "Not enough guided learning hours (GLH)");
    CHECK(parse_reason_code("ria_pending") == ReasonCode::ria_pending);
    CHECK(static_cast<int>(ReasonCode::pathway_units_missing) == 4);
}

TEST_CASE("current series turns over on 1 September") {
    CHECK(current_series(Date{2025, 8, 31}).year == 2025);
    CHECK(current_series(Date{2025, 9, 1}).year == 2026);
    CHECK(current_series(Date{2026, 1, 15}).label() == "Summer 2026");
}

TEST_CASE("ECD derived from the entry date by level") {
    CHECK(derived_ecd(Date{2024, 9, 1}, 2).year == 2025);
    CHECK(derived_ecd(Date{2025, 8, 31}, 2).year == 2025);
    CHECK(derived_ecd(Date{2024, 9, 1}, 3).year == 2026);
    CHECK(derived_ecd(Date{2025, 8, 31}, 3).year == 2026);
}

TEST_CASE("series parse from 'Summer 2025' or '2025'") {
    CHECK(parse_series("Summer 2025")->year == 2025);
    CHECK(parse_series(" summer  2026 ")->year == 2026);
    CHECK(parse_series("2027")->year == 2027);
    CHECK_FALSE(parse_series("June 2025").has_value());
    CHECK_FALSE(parse_series("25").has_value());
}

TEST_CASE("candidate keys need 5 + 4 digits") {
    CHECK(candidate_key("61234", "0042") != 0);
    CHECK(candidate_key("61234", "0042") != candidate_key("61235", "0042"));
    CHECK(candidate_key("61234", "42") == 0);
    CHECK(candidate_key("6123a", "0042") == 0);
}

TEST_CASE("overall grade names: one to three letters, highest first, neighbours one step apart") {
    CHECK(parse_overall_grade("P")->rank == 0);
    CHECK(parse_overall_grade("D*")->rank == 3);
    CHECK(parse_overall_grade("MP")->letters == 2);
    CHECK(parse_overall_grade("PP")->rank < parse_overall_grade("MP")->rank);
    CHECK(parse_overall_grade("D*D")->rank < parse_overall_grade("D*D*")->rank);
    CHECK(parse_overall_grade("DDM")->rank < parse_overall_grade("DDD")->rank);
    CHECK(parse_overall_grade("DDD")->rank < parse_overall_grade("D*DD")->rank);
    GradeNameProblem problem{};
    CHECK_FALSE(parse_overall_grade("PM", &problem));
    CHECK(problem == GradeNameProblem::lowest_first);
    CHECK_FALSE(parse_overall_grade("DP", &problem));
    CHECK(problem == GradeNameProblem::too_far_apart);
    CHECK_FALSE(parse_overall_grade("D*DM", &problem));
    CHECK(problem == GradeNameProblem::too_far_apart);
    for (std::string_view bad : {"", "U", "p", "PPPP", "D**", "A"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_overall_grade(bad, &problem));
        CHECK(problem == GradeNameProblem::not_letters);
    }
    // Every listed name reads, and within each length the list runs lowest first.
    const auto& names = overall_grade_names();
    CHECK(names.size() == 21);
    for (std::size_t i = 1; i < names.size(); ++i) {
        const auto a = parse_overall_grade(names[i - 1]);
        const auto b = parse_overall_grade(names[i]);
        REQUIRE(a);
        REQUIRE(b);
        CHECK((a->letters < b->letters || a->rank + 1 == b->rank));
    }
}
