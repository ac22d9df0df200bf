// Tests for lib/engine/grade.cpp: choosing the units that count, exactly; points and predicted
// grades; and the published figures (tests/e2e/data/grading/*.toml cite their sources).
#include "diag/diagnostic.hpp"
#include "engine/grade.hpp"
#include "rulesfile/load.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <climits>
#include <random>

using namespace qc;
using model::Grade;

namespace {

const std::string k_data = std::string(QC_SOURCE_DIR) + "/tests/e2e/data/grading/";

// A unit's state for the facts: achieved with a grade, or a row without a result.
struct Given {
    int unit = 0;
    Grade grade = Grade::none;
    model::UnitStatus status = model::UnitStatus::result_achieved;
};

Given in_progress(int unit) {
    return {unit, Grade::none, model::UnitStatus::entry_received};
}

struct Case {
    model::RuleBook rules;

    explicit Case(const std::string& file) { rules = rulesfile::load_rules({file}); }
    Case(std::string_view name, std::string_view text) {
        diag::Diagnostics problems;
        auto suite = rulesfile::parse_suite(name, text, problems);
        REQUIRE(suite != nullptr);
        rules.add(std::move(suite));
    }

    // Predicts the grade of an entry for `code` whose units stand as given.
    engine::GradePrediction predict(const std::string& code, const std::vector<Given>& given,
                                    const std::string& pathway = {},
                                    model::EntryStatus status = model::EntryStatus::active) const {
        const model::Qualification* qualification = rules.find_qualification(code);
        REQUIRE(qualification != nullptr);
        std::vector<engine::UnitState> states(qualification->suite->units.size());
        for (const Given& each : given) {
            auto slot = qualification->suite->slot_of(each.unit);
            REQUIRE(slot.has_value());
            states[*slot].combine(each.status, each.grade, false);
        }
        model::Entry entry;
        entry.qualification = qualification;
        entry.status = status;
        entry.declared_pathway = pathway.empty() ? nullptr : qualification->find_pathway(pathway);
        engine::Grader grader;
        return grader.predict(entry, engine::EntryFacts{states});
    }
};

std::vector<Given> graded(std::initializer_list<std::pair<int, Grade>> units) {
    std::vector<Given> out;
    for (const auto& [unit, grade] : units) {
        out.push_back({unit, grade});
    }
    return out;
}

// Every subset, for checking choose_optional: the most points among sets that reach the GLH
// and from which no unit can be dropped; on a tie the fewest GLH.
std::pair<int, int> brute_force(const std::vector<engine::OptionalUnit>& units, int needed) {
    int best_points = -1;
    int best_glh = INT_MAX;
    for (unsigned mask = 1; mask < (1u << units.size()); ++mask) {
        int glh = 0;
        int points = 0;
        int smallest = INT_MAX;
        for (std::size_t i = 0; i < units.size(); ++i) {
            if ((mask >> i) & 1u) {
                glh += units[i].glh;
                points += units[i].points;
                smallest = std::min(smallest, units[i].glh);
            }
        }
        if (glh < needed || glh - smallest >= needed) {
            continue;
        }
        if (points > best_points || (points == best_points && glh < best_glh)) {
            best_points = points;
            best_glh = glh;
        }
    }
    return {best_points, best_glh};
}

} // namespace

TEST_CASE("overall grade: the highest threshold reached, U below the lowest") {
    const std::vector<model::GradeThreshold> certificate{
        {"P", 18}, {"M", 26}, {"D", 42}, {"D*", 48}};
    CHECK(engine::overall_grade(certificate, 0) == "U");
    CHECK(engine::overall_grade(certificate, 17) == "U");
    CHECK(engine::overall_grade(certificate, 18) == "P");
    CHECK(engine::overall_grade(certificate, 25) == "P");
    CHECK(engine::overall_grade(certificate, 26) == "M");
    CHECK(engine::overall_grade(certificate, 48) == "D*");
    CHECK(engine::overall_grade(certificate, 480) == "D*");
    CHECK(engine::overall_grade({}, 100).empty());
}

TEST_CASE("choose_optional: nothing needed, too little, and exactly enough") {
    CHECK(engine::choose_optional({{60, 16}}, 0).chosen.empty());
    CHECK(engine::choose_optional({{60, 16}}, -60).chosen.empty());
    const auto shortfall = engine::choose_optional({{60, 16}, {30, 5}}, 120);
    CHECK(shortfall.short_of_glh);
    CHECK(shortfall.chosen == std::vector<std::size_t>{0, 1});
    CHECK(shortfall.points == 21);
    CHECK(shortfall.glh == 90);
    const auto exact = engine::choose_optional({{60, 6}, {60, 16}, {60, 10}}, 120);
    CHECK_FALSE(exact.short_of_glh);
    CHECK(exact.chosen == std::vector<std::size_t>{1, 2});
    CHECK(exact.points == 26);
    CHECK(exact.glh == 120);
}

TEST_CASE("choose_optional: a surplus unit never adds points") {
    // 240 needed: 120 + 120 reach it; adding the 90 as well would count a unit not needed.
    const auto choice = engine::choose_optional({{90, 24}, {120, 32}, {120, 12}}, 240);
    CHECK(choice.chosen == std::vector<std::size_t>{1, 2});
    CHECK(choice.points == 44);
    // A set may pass the GLH needed when no unit of it can go: 90 + 120 + 90 for 240.
    const auto over = engine::choose_optional({{90, 24}, {120, 32}, {90, 9}, {60, 6}}, 240);
    CHECK(over.points == 65);
    CHECK(over.glh == 300);
}

TEST_CASE("choose_optional: on equal points, the fewest GLH") {
    // 90 + 60 and 120 alone both reach 120 with 20 points; the 120 alone passes it by less.
    const auto choice = engine::choose_optional({{90, 14}, {60, 6}, {120, 20}}, 120);
    CHECK(choice.chosen == std::vector<std::size_t>{2});
    CHECK(choice.points == 20);
    CHECK(choice.glh == 120);
}

TEST_CASE("choose_optional matches every subset on random cases") {
    std::mt19937 random(20261125);
    const int sizes[] = {30, 60, 60, 90, 120};
    for (int trial = 0; trial < 3000; ++trial) {
        std::vector<engine::OptionalUnit> units(1 + random() % 10);
        int total = 0;
        for (auto& unit : units) {
            unit.glh = sizes[random() % 5];
            unit.points = static_cast<int>(random() % 40);
            total += unit.glh;
        }
        const int needed =
            30 * static_cast<int>(random() % 12) + static_cast<int>(random() % 3) * 7;
        const auto choice = engine::choose_optional(units, needed);
        int points = 0;
        int glh = 0;
        for (std::size_t i : choice.chosen) {
            points += units[i].points;
            glh += units[i].glh;
        }
        CAPTURE(trial);
        CHECK(points == choice.points);
        CHECK(glh == choice.glh);
        if (needed <= 0) {
            CHECK(choice.chosen.empty());
        } else if (total < needed) {
            CHECK(choice.short_of_glh);
            CHECK(choice.chosen.size() == units.size());
        } else {
            const auto [best_points, best_glh] = brute_force(units, needed);
            CHECK_FALSE(choice.short_of_glh);
            CHECK(choice.points == best_points);
            CHECK(choice.glh == best_glh);
        }
    }
}

TEST_CASE("Pearson BTEC International L3 IT: unit points as published") {
    // Specification Issue 3, September 2022, section 9, "Points available for units" (p. 369).
    const Case pearson(k_data + "pearson-btec-intl-l3-it.toml");
    const model::SuiteGrading& grading =
        *pearson.rules.find_suite("test-pearson-intl-l3-it")->grading;
    const int expected[3][4] = {{60, 6, 10, 16}, {90, 9, 15, 24}, {120, 12, 20, 32}};
    for (const auto& row : expected) {
        CAPTURE(row[0]);
        CHECK(grading.points_for(row[0], model::Assessment::examined, Grade::p) == row[1]);
        CHECK(grading.points_for(row[0], model::Assessment::examined, Grade::m) == row[2]);
        CHECK(grading.points_for(row[0], model::Assessment::examined, Grade::d) == row[3]);
        CHECK_FALSE(grading.points_for(row[0], model::Assessment::examined, Grade::dstar).has_value());
        CHECK_FALSE(grading.points_for(row[0], model::Assessment::examined, Grade::r).has_value());
    }
}

TEST_CASE("Pearson BTEC International L3 IT: every threshold of every size, exactly") {
    // "Calculation of qualification grade", registrations from 1 April 2020 (p. 370).
    const Case pearson(k_data + "pearson-btec-intl-l3-it.toml");
    const std::vector<std::pair<std::string, std::vector<model::GradeThreshold>>> published = {
        {"T180", {{"P", 18}, {"M", 26}, {"D", 42}, {"D*", 48}}},
        {"T360", {{"P", 36}, {"M", 52}, {"D", 74}, {"D*", 90}}},
        {"T540", {{"P", 54}, {"M", 78}, {"D", 108}, {"D*", 138}}},
        {"T720",
         {{"PP", 72},
          {"MP", 88},
          {"MM", 104},
          {"DM", 124},
          {"DD", 144},
          {"D*D", 162},
          {"D*D*", 180}}},
        {"T1080",
         {{"PPP", 108},
          {"MPP", 124},
          {"MMP", 140},
          {"MMM", 156},
          {"DMM", 176},
          {"DDM", 196},
          {"DDD", 216},
          {"D*DD", 234},
          {"D*D*D", 252},
          {"D*D*D*", 270}}},
    };
    for (const auto& [code, thresholds] : published) {
        CAPTURE(code);
        const model::Qualification& qualification = *pearson.rules.find_qualification(code);
        REQUIRE(qualification.thresholds.size() == thresholds.size());
        std::string_view below = "U";
        for (std::size_t i = 0; i < thresholds.size(); ++i) {
            CHECK(qualification.thresholds[i].grade == thresholds[i].grade);
            CHECK(qualification.thresholds[i].points == thresholds[i].points);
            CHECK(engine::overall_grade(qualification.thresholds, thresholds[i].points) ==
                  thresholds[i].grade);
            CHECK(engine::overall_grade(qualification.thresholds, thresholds[i].points - 1) ==
                  below);
            below = thresholds[i].grade;
        }
    }
}

TEST_CASE("Pearson Example 1: a Certificate with a P grade") {
    // p. 370, Example 1: Unit 1 (120 GLH) Pass 12 + Unit 5 (60 GLH) Pass 6 = 180 GLH, 18, P.
    const Case pearson(k_data + "pearson-btec-intl-l3-it.toml");
    const auto prediction = pearson.predict("T180", graded({{1, Grade::p}, {5, Grade::p}}));
    CHECK(prediction.graded);
    CHECK(prediction.complete);
    CHECK(prediction.points == 18);
    CHECK(prediction.predicted_grade() == "P");
    CHECK(prediction.counted_mandatory == std::vector<int>{1});
    CHECK(prediction.counted_optional == std::vector<int>{5});
}

TEST_CASE("OCR's published Diploma in IT example: 200 points") {
    // OCR support article 360022020100: units 1, 2 (90 GLH) M = 24 each; 3, 4, 8, 12, 16
    // (60 GLH) M = 16 each; 17-20 (60 GLH) D = 18 each; 200 points. OCR's thresholds could not
    // be sourced, so no grade is predicted from them (the article names the grade DD).
    const Case ocr(k_data + "ocr-ct-l3-it-diploma-example.toml");
    auto units = graded({{1, Grade::m},
                         {2, Grade::m},
                         {3, Grade::m},
                         {4, Grade::m},
                         {8, Grade::m},
                         {12, Grade::m},
                         {16, Grade::m},
                         {17, Grade::d},
                         {18, Grade::d},
                         {19, Grade::d},
                         {20, Grade::d}});
    const auto prediction = ocr.predict("TDIP720", units);
    CHECK(prediction.graded);
    CHECK(prediction.complete);
    CHECK(prediction.points == 200);
    CHECK(prediction.counted_mandatory == std::vector<int>{1, 2});
    CHECK(prediction.counted_optional == std::vector<int>{3, 4, 8, 12, 16, 17, 18, 19, 20});
    CHECK(prediction.grade_so_far.empty());
    CHECK(prediction.predicted_grade().empty());

    SUBCASE("a twelfth unit is surplus: the strongest units count, still 200") {
        units.push_back({21, Grade::m});
        const auto more = ocr.predict("TDIP720", units);
        CHECK(more.points == 200);
        CHECK(more.counted_optional.size() == 9);
        REQUIRE(more.not_counted.size() == 1);
        CHECK(more.not_counted[0] != 17); // the Distinctions all count
        CHECK(std::count(more.counted_optional.begin(), more.counted_optional.end(), 17) == 1);
    }
    SUBCASE("a grade its row gives no points for is reported, not guessed") {
        units[0].grade = Grade::d;
        const auto unknown = ocr.predict("TDIP720", units);
        CHECK_FALSE(unknown.graded);
        CHECK(unknown.problem ==
              "the grading of test-ocr-ct-l3-it gives no points for D on a 90-GLH unit (unit 1)");
    }
}

TEST_CASE("greedy choices give the wrong grade; the exact choice does not") {
    const Case pearson(k_data + "pearson-btec-intl-l3-it.toml");
    SUBCASE("taking the highest points until the GLH is reached counts a surplus unit") {
        // Subsidiary Diploma (360): unit 1 D = 32; 240 GLH more from 4 (90) D, 2 (120) D,
        // 3 (120) P. Greedy: 2, 4, then 3 = 68, total 100 (D*); but unit 4 is then surplus.
        const auto prediction = pearson.predict(
            "T360", graded({{1, Grade::d}, {4, Grade::d}, {2, Grade::d}, {3, Grade::p}}));
        CHECK(prediction.counted_optional == std::vector<int>{2, 3});
        CHECK(prediction.not_counted == std::vector<int>{4});
        CHECK(prediction.points == 76);
        CHECK(prediction.predicted_grade() == "D");
    }
    SUBCASE("taking the highest points first, then dropping surplus, misses a better set") {
        // Unit 1 M = 20; 240 GLH more from 5 (60) D, 2 (120) D, 3 (120) M, 6 (60) M. Greedy:
        // 2 + 3 = 52, total 72 (M). Exact: 2 + 5 + 6 = 58, total 78 (D).
        const auto prediction = pearson.predict(
            "T360",
            graded({{1, Grade::m}, {5, Grade::d}, {2, Grade::d}, {3, Grade::m}, {6, Grade::m}}));
        CHECK(prediction.counted_optional == std::vector<int>{2, 5, 6});
        CHECK(prediction.not_counted == std::vector<int>{3});
        CHECK(prediction.points == 78);
        CHECK(prediction.predicted_grade() == "D");
    }
}

namespace {

// A made-up Level 3 suite: 1 examined 90, 2 examined 60, 3-8 moderated 60, 9 moderated 30.
// F360: mandatory 1, 3; optional 2, 4-9; pathways x (4, 5) and y (6, 7), not required.
// F420: mandatory 1, 3; optional 2, 4-9; a pathway required: x (4, 5) or y (6, 7).
// F180: no thresholds.
const std::string k_fictional = R"([suite]
id = "fx"
title = "Fictional"
level = 3

[suite.grading]
[[suite.grading.points]]
glh = 30
P = 3
M = 5
D = 8
"D*" = 9
[[suite.grading.points]]
glh = 60
R = 2
P = 6
M = 10
D = 16
"D*" = 18
[[suite.grading.points]]
glh = 90
R = 3
P = 9
M = 15
D = 24
"D*" = 27

[[unit]]
number = 1
title = "One"
glh = 90
assessment = "examined"
[[unit]]
number = 2
title = "Two"
glh = 60
assessment = "examined"
[[unit]]
number = 3
title = "Three"
glh = 60
assessment = "moderated"
[[unit]]
number = 4
title = "Four"
glh = 60
assessment = "moderated"
[[unit]]
number = 5
title = "Five"
glh = 60
assessment = "moderated"
[[unit]]
number = 6
title = "Six"
glh = 60
assessment = "moderated"
[[unit]]
number = 7
title = "Seven"
glh = 60
assessment = "moderated"
[[unit]]
number = 8
title = "Eight"
glh = 60
assessment = "moderated"
[[unit]]
number = 9
title = "Nine"
glh = 30
assessment = "moderated"

[[qualification]]
code = "F360"
title = "Three sixty"
glh = 360
mandatory = [1, 3]
optional = [2, 4, 5, 6, 7, 8, 9]
grading.thresholds = { P = 36, M = 52, D = 74, "D*" = 90 }
[[qualification.pathway]]
id = "x"
title = "Ex"
mandatory = [4, 5]
[[qualification.pathway]]
id = "y"
title = "Why"
mandatory = [6, 7]

[[qualification]]
code = "F420"
title = "Four twenty"
glh = 420
mandatory = [1, 3]
optional = [2, 4, 5, 6, 7, 8, 9]
pathway_required = true
[qualification.grading]
thresholds = { PP = 42, MP = 51, MM = 60, DM = 72, DD = 84, "D*D" = 96, "D*D*" = 108 }
[[qualification.pathway]]
id = "x"
title = "Ex"
mandatory = [4, 5]
[[qualification.pathway]]
id = "y"
title = "Why"
mandatory = [6, 7]

[[qualification]]
code = "F180"
title = "One eighty"
glh = 180
mandatory = [1]
optional = [3, 4]
)";

const std::string k_ungraded = R"([suite]
id = "plain"
title = "No grading"
level = 3
[[unit]]
number = 1
title = "One"
glh = 60
assessment = "moderated"
[[qualification]]
code = "N60"
title = "Sixty"
glh = 60
mandatory = [1]
)";

} // namespace

TEST_CASE("no grading data: nothing is graded") {
    const Case plain("plain.toml", k_ungraded);
    const auto prediction = plain.predict("N60", graded({{1, Grade::d}}));
    CHECK_FALSE(prediction.graded);
    CHECK(prediction.problem.empty());
    CHECK(prediction.predicted_grade().empty());
}

TEST_CASE("a withdrawn entry is not graded") {
    const Case fx("fx.toml", k_fictional);
    const auto prediction =
        fx.predict("F180", graded({{1, Grade::d}, {3, Grade::d}, {4, Grade::d}}), {},
                   model::EntryStatus::withdrawn);
    CHECK_FALSE(prediction.graded);
}

TEST_CASE("no thresholds for the size: points, but no grade") {
    const Case fx("fx.toml", k_fictional);
    const auto prediction =
        fx.predict("F180", graded({{1, Grade::m}, {3, Grade::d}, {4, Grade::p}}));
    CHECK(prediction.graded);
    CHECK(prediction.complete);
    CHECK(prediction.points == 37);
    CHECK(prediction.grade_so_far.empty());
    CHECK(prediction.predicted_grade().empty());
}

TEST_CASE("units without a grade yet: points and grade so far, no predicted grade") {
    const Case fx("fx.toml", k_fictional);
    // F360 needs 210 GLH beyond mandatory 1 and 3; 3 is still in progress.
    auto units =
        graded({{1, Grade::d}, {2, Grade::m}, {4, Grade::m}, {5, Grade::d}, {6, Grade::p}});
    units.push_back(in_progress(3));
    const auto prediction = fx.predict("F360", units);
    CHECK(prediction.graded);
    CHECK_FALSE(prediction.complete);
    CHECK(prediction.points == 24 + 10 + 10 + 16 + 6);
    CHECK(prediction.grade_so_far == "M");
    CHECK(prediction.predicted_grade().empty());
    CHECK(prediction.counted_mandatory == std::vector<int>{1});
    // 210 GLH are kept for optional units even though unit 3 has no grade: four 60s reach 240;
    // with nothing to drop (the 60 P is needed), all count.
    CHECK(prediction.counted_optional == std::vector<int>{2, 4, 5, 6});

    SUBCASE("once unit 3 has its grade, the prediction is complete") {
        units.back() = {3, Grade::p};
        const auto done = fx.predict("F360", units);
        CHECK(done.complete);
        CHECK(done.points == 72);
        CHECK(done.predicted_grade() == "M");
    }
}

TEST_CASE("too few optional units achieved: every one counts, and no grade yet") {
    const Case fx("fx.toml", k_fictional);
    const auto prediction =
        fx.predict("F360", graded({{1, Grade::p}, {3, Grade::p}, {4, Grade::d}}));
    CHECK_FALSE(prediction.complete);
    CHECK(prediction.points == 9 + 6 + 16);
    CHECK(prediction.counted_optional == std::vector<int>{4});
    CHECK(prediction.grade_so_far == "U");
}

TEST_CASE("U grades earn nothing and are not counted; R earns its own points") {
    const Case fx("fx.toml", k_fictional);
    // Unit 2 is a U; unit 1 a near pass R (3 points for 90 GLH).
    const auto prediction = fx.predict("F360", graded({{1, Grade::r},
                                                       {3, Grade::m},
                                                       {2, Grade::u},
                                                       {4, Grade::d},
                                                       {5, Grade::d},
                                                       {6, Grade::d},
                                                       {8, Grade::p}}));
    CHECK(prediction.complete);
    CHECK(prediction.counted_mandatory == std::vector<int>{1, 3});
    CHECK(prediction.counted_optional == std::vector<int>{4, 5, 6, 8});
    CHECK(prediction.points == 3 + 10 + 16 * 3 + 6);
    CHECK(prediction.predicted_grade() == "M");
}

TEST_CASE("a mandatory unit not achieved: its hours are kept for it, and no grade") {
    const Case fx("fx.toml", k_fictional);
    // F180 needs 90 GLH beyond unit 1; 1 is a U. Units 3 and 4 are optional: both count, since
    // the 90 GLH still needed after unit 1 take both.
    const auto prediction =
        fx.predict("F180", graded({{1, Grade::u}, {3, Grade::d}, {4, Grade::d}}));
    CHECK_FALSE(prediction.complete);
    CHECK(prediction.counted_mandatory.empty());
    CHECK(prediction.counted_optional == std::vector<int>{3, 4});
    CHECK(prediction.points == 32);
}

TEST_CASE("D* units and a unit of a size with fewer hours") {
    const Case fx("fx.toml", k_fictional);
    // 210 needed: 2, 4, 5 (180) + 9 (30) exactly; or 2, 4, 5, 6 (240).
    const auto prediction = fx.predict("F360", graded({{1, Grade::dstar},
                                                       {3, Grade::dstar},
                                                       {2, Grade::d},
                                                       {4, Grade::d},
                                                       {5, Grade::d},
                                                       {9, Grade::dstar},
                                                       {6, Grade::p}}));
    CHECK(prediction.complete);
    CHECK(prediction.points == 27 + 18 + 16 * 3 + 9);
    CHECK(prediction.counted_optional == std::vector<int>{2, 4, 5, 9});
    CHECK(prediction.not_counted == std::vector<int>{6});
    CHECK(prediction.predicted_grade() == "D*");
}

TEST_CASE("a declared pathway's units count even when weaker") {
    const Case fx("fx.toml", k_fictional);
    const auto units = graded({{1, Grade::p},
                               {3, Grade::p},
                               {4, Grade::p},
                               {5, Grade::p},
                               {6, Grade::d},
                               {7, Grade::d},
                               {8, Grade::d},
                               {2, Grade::d}});
    // Without a pathway, the four Distinctions (240 GLH for the 210 needed) count.
    const auto free = fx.predict("F360", units);
    CHECK(free.counted_optional == std::vector<int>{2, 6, 7, 8});
    CHECK(free.points == 9 + 6 + 64);
    CHECK(free.pathway == nullptr);
    // Declared x: 4 and 5 count as mandatory, then 90 GLH more: two Distinctions.
    const auto declared = fx.predict("F360", units, "x");
    REQUIRE(declared.pathway != nullptr);
    CHECK(declared.pathway->id == "x");
    CHECK(declared.counted_mandatory == std::vector<int>{1, 3, 4, 5});
    CHECK(declared.counted_optional.size() == 2);
    CHECK(declared.points == 9 + 6 + 12 + 32);
    CHECK(declared.complete);
}

TEST_CASE("a required pathway: the one that serves the candidate best") {
    const Case fx("fx.toml", k_fictional);
    // F420 needs 150 GLH beyond 1, 3 and the pathway's two units. With x, its two Passes count
    // and three of 2, 6, 7, 8 (42); with y, its two Distinctions count and 2, 8 and a Pass (26):
    // x gives 79, y 83.
    const auto units = graded({{1, Grade::m},
                               {3, Grade::m},
                               {4, Grade::p},
                               {5, Grade::p},
                               {6, Grade::d},
                               {7, Grade::d},
                               {2, Grade::m},
                               {8, Grade::m},
                               {9, Grade::m}});
    const auto prediction = fx.predict("F420", units);
    REQUIRE(prediction.pathway != nullptr);
    CHECK(prediction.pathway->id == "y");
    CHECK(prediction.complete);
    CHECK(prediction.counted_mandatory == std::vector<int>{1, 3, 6, 7});
    CHECK(prediction.points == 15 + 10 + 16 + 16 + 10 + 10 + 6);
    CHECK(prediction.predicted_grade() == "DM");

    SUBCASE("a complete pathway wins over one with more points but a unit without a grade") {
        auto partial = graded({{1, Grade::m},
                               {3, Grade::m},
                               {4, Grade::p},
                               {5, Grade::p},
                               {6, Grade::d},
                               {2, Grade::m},
                               {8, Grade::m},
                               {9, Grade::m}});
        partial.push_back(in_progress(7));
        const auto only_x = fx.predict("F420", partial);
        REQUIRE(only_x.pathway != nullptr);
        CHECK(only_x.pathway->id == "x");
        CHECK(only_x.complete);
        CHECK(only_x.points == 15 + 10 + 6 + 6 + 16 + 10 + 10);
    }
    SUBCASE("while incomplete, a pathway with all its units achieved is named first") {
        // Only y's units 6 and 7 are achieved, both at Pass; x's 4 and 5 have no rows. Neither
        // set is complete (too few hours), both count the same points so far; y is the one met.
        const auto so_far = fx.predict("F420", graded({{1, Grade::m}, {3, Grade::m}, {6, Grade::p}, {7, Grade::p}}));
        REQUIRE(so_far.pathway != nullptr);
        CHECK(so_far.pathway->id == "y");
        CHECK_FALSE(so_far.complete);
        CHECK(so_far.counted_mandatory == std::vector<int>{1, 3, 6, 7});
    }
    SUBCASE("declaring a pathway counts its units, even when another would give more") {
        const auto declared = fx.predict("F420", units, "x");
        CHECK(declared.pathway->id == "x");
        CHECK(declared.points == 79);
        CHECK(declared.predicted_grade() == "DM");
    }
}
