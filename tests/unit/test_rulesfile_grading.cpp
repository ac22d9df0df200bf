// Tests for the grading keys of rules files (lib/rulesfile/read_grading.cpp and
// check_grading.cpp): what loads, and every message with its exact text and position.
#include "diag/failure.hpp"
#include "rulesfile/load.hpp"

#include <doctest/doctest.h>

using namespace qc;

namespace {

// Line numbers matter: the messages below name them.
const std::string k_graded = R"([suite]
id = "fx"
title = "Fictional"
level = 3

[suite.grading]
source = "made up for tests"

[[suite.grading.points]]
glh = 60
R = 2
P = 6
M = 10
D = 16

[[suite.grading.points]]
glh = 90
R = 3
P = 9
M = 15
D = 24

[[unit]]
number = 1
title = "One"
glh = 90
assessment = "examined"

[[unit]]
number = 2
title = "Two"
glh = 60
assessment = "moderated"

[[unit]]
number = 3
title = "Three"
glh = 60
assessment = "moderated"

[[qualification]]
code = "F150"
title = "One fifty"
glh = 150
mandatory = [1]
optional = [2, 3]
grading.thresholds = { P = 15, M = 25, D = 40, "D*" = 45 }

[[qualification]]
code = "F210"
title = "Two ten"
glh = 210
mandatory = [1, 2, 3]

[qualification.grading]
thresholds = { MP = 30, PP = 21, MM = 39 }
)";

std::string edit(std::string text, const std::string& from, const std::string& to) {
    const std::size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

struct Parsed {
    std::unique_ptr<model::Suite> suite;
    std::vector<std::string> messages; ///< "FILE:LINE:COL: message"
    std::vector<std::string> hints;
};

Parsed parse(const std::string& text) {
    diag::Diagnostics problems;
    Parsed parsed;
    parsed.suite = rulesfile::parse_suite("fx.toml", text, problems);
    for (const diag::Diagnostic& diagnostic : problems.recorded()) {
        const std::string line = diag::format(diagnostic);
        parsed.messages.push_back(line.substr(0, line.find('\n')));
        parsed.hints.push_back(diagnostic.hint);
    }
    CHECK((parsed.suite == nullptr) == !parsed.messages.empty());
    return parsed;
}

using Lines = std::vector<std::string>;

} // namespace

TEST_CASE("grading loads: points by size and grade, thresholds lowest first") {
    Parsed parsed = parse(k_graded);
    REQUIRE(parsed.suite);
    REQUIRE(parsed.suite->grading.has_value());
    const model::SuiteGrading& grading = *parsed.suite->grading;
    CHECK(grading.source == "made up for tests");
    CHECK(grading.points_for(60, model::Assessment::examined, model::Grade::r) == 2);
    CHECK(grading.points_for(90, model::Assessment::examined, model::Grade::d) == 24);
    CHECK_FALSE(grading.points_for(90, model::Assessment::examined, model::Grade::dstar).has_value());
    CHECK_FALSE(grading.points_for(30, model::Assessment::examined, model::Grade::p).has_value());
    const auto& first = parsed.suite->qualifications[0].thresholds;
    REQUIRE(first.size() == 4);
    CHECK(first[3].grade == "D*");
    CHECK(first[3].points == 45);
    // Written MP, PP, MM: kept lowest first.
    const auto& second = parsed.suite->qualifications[1].thresholds;
    REQUIRE(second.size() == 3);
    CHECK(second[0].grade == "PP");
    CHECK(second[1].grade == "MP");
    CHECK(second[2].grade == "MM");
}

TEST_CASE("grading is optional: the contract's minimal schema has none") {
    std::string text = k_graded.substr(0, k_graded.find("[suite.grading]"));
    text += k_graded.substr(k_graded.find("[[unit]]"));
    text = edit(text, "grading.thresholds = { P = 15, M = 25, D = 40, \"D*\" = 45 }\n", "");
    text = text.substr(0, text.find("[qualification.grading]"));
    Parsed parsed = parse(text);
    REQUIRE(parsed.suite);
    CHECK_FALSE(parsed.suite->grading.has_value());
    CHECK(parsed.suite->qualifications[0].thresholds.empty());
}

TEST_CASE("a qualification without thresholds loads: points, no grade") {
    Parsed parsed = parse(edit(
        k_graded, "[qualification.grading]\nthresholds = { MP = 30, PP = 21, MM = 39 }\n", ""));
    REQUIRE(parsed.suite);
    CHECK(parsed.suite->qualifications[1].thresholds.empty());
}

TEST_CASE("unknown keys in grading tables, with did you mean") {
    Parsed parsed = parse(edit(k_graded, "source = \"made up for tests\"", "sauce = \"x\""));
    CHECK(parsed.messages == Lines{"fx.toml:7:1: unknown key 'sauce' in [suite.grading]"});
    CHECK(parsed.hints == Lines{"did you mean 'source'?"});

    parsed = parse(edit(k_graded, "M = 10", "m = 10"));
    CHECK(parsed.messages == Lines{"fx.toml:13:1: unknown key 'm' in [[suite.grading.points]]"});
    CHECK(parsed.hints == Lines{"did you mean 'M'?"});

    parsed = parse(edit(k_graded, "R = 2\n", "U = 0\n"));
    CHECK(parsed.messages == Lines{"fx.toml:11:1: unknown key 'U' in [[suite.grading.points]]"});
    CHECK(parsed.hints == Lines{"a U earns no points; leave it out"});

    parsed = parse(edit(k_graded, "[qualification.grading]\nthresholds",
                        "[qualification.grading]\nthreshold"));
    CHECK(parsed.messages ==
          Lines{"fx.toml:56:1: unknown key 'threshold' in [qualification.grading]",
                "fx.toml:55:1: [qualification.grading] is missing required key 'thresholds'"});
    CHECK(parsed.hints[0] == "did you mean 'thresholds'?");

    parsed = parse(edit(k_graded, "[suite.grading]\n", "[suite.grading]\npoint = 1\n"));
    CHECK(parsed.messages[0] == "fx.toml:7:1: unknown key 'point' in [suite.grading]");
    CHECK(parsed.hints[0] == "did you mean 'points'?");
}

TEST_CASE("unknown grades in thresholds, each with the fix") {
    auto thresholds = [](const std::string& written) {
        return parse(edit(k_graded, "{ MP = 30, PP = 21, MM = 39 }", written));
    };
    Parsed parsed = thresholds("{ PP = 21, PM = 30 }");
    CHECK(parsed.messages ==
          Lines{"fx.toml:56:25: unknown grade 'PM' in the thresholds of qualification F210"});
    CHECK(parsed.hints == Lines{"write the highest letter first: 'MP'"});

    parsed = thresholds("{ DP = 30 }");
    CHECK(parsed.messages ==
          Lines{"fx.toml:56:16: unknown grade 'DP' in the thresholds of qualification F210"});
    CHECK(parsed.hints == Lines{"neighbouring letters of a grade are at most one step apart "
                                "(P, M, D, D*), as in DM or D*D"});

    parsed = thresholds("{ U = 0, PP = 21 }");
    CHECK(parsed.messages ==
          Lines{"fx.toml:56:16: unknown grade 'U' in the thresholds of qualification F210"});
    CHECK(parsed.hints ==
          Lines{"U is what a candidate gets below the lowest threshold; leave it out"});

    parsed = thresholds("{ dd = 30 }");
    CHECK(parsed.hints == Lines{"did you mean 'DD'?"});

    parsed = thresholds("{ Distinction = 30 }");
    CHECK(parsed.hints == Lines{"grades are P, M, D and D*, or two or three of them highest "
                                "first, e.g. MP or D*DD"});

    parsed = thresholds("{ PPPP = 30 }");
    CHECK(parsed.messages ==
          Lines{"fx.toml:56:16: unknown grade 'PPPP' in the thresholds of qualification F210"});
}

TEST_CASE("wrong types and values out of range in grading tables") {
    Parsed parsed = parse(edit(k_graded, "P = 6", "P = \"6\""));
    CHECK(parsed.messages == Lines{"fx.toml:12:5: 'P' must be an integer, not a string (\"6\")"});
    CHECK(parsed.hints == Lines{"write it without quotes: P = 6"});

    parsed = parse(edit(k_graded, "D = 16", "D = -1"));
    CHECK(parsed.messages ==
          Lines{"fx.toml:14:5: 'D' must be a whole number from 0 to 100000, not -1"});

    parsed =
        parse(edit(k_graded, "{ MP = 30, PP = 21, MM = 39 }", "{ MP = 30, PP = \"21\", MM = 39 }"));
    CHECK(parsed.messages == Lines{"fx.toml:56:30: the threshold for PP must be a whole number of "
                                   "points from 0 to 100000, not a string (\"21\")"});
    CHECK(parsed.hints == Lines{"write it without quotes: PP = 21"});

    parsed = parse(edit(k_graded, "\"D*\" = 45", "\"D*\" = 4.5"));
    CHECK(parsed.messages == Lines{"fx.toml:47:55: the threshold for D* must be a whole number of "
                                   "points from 0 to 100000, not a floating-point number (4.5)"});

    parsed = parse(
        edit(k_graded, "[[suite.grading.points]]\nglh = 60", "[suite.grading.points]\nglh = 60"));
    CHECK(parsed.messages[0].rfind("fx.toml:", 0) == 0); // TOML itself refuses [x] after [[x]]

    parsed = parse(
        edit(k_graded, "[suite.grading]\nsource = \"made up for tests\"\n", "[suite.grading]\n"));
    REQUIRE(parsed.suite);

    parsed = parse(edit(k_graded, "grading.thresholds = { P = 15, M = 25, D = 40, \"D*\" = 45 }",
                        "grading.thresholds = [15, 25]"));
    CHECK(parsed.messages == Lines{"fx.toml:47:22: 'thresholds' must be a table, not an array"});
}

TEST_CASE("points rows: duplicates, empty rows and points that do not rise") {
    Parsed parsed = parse(edit(k_graded, "glh = 90\nR = 3", "glh = 60\nR = 3"));
    CHECK(parsed.messages[0] ==
          "fx.toml:17:7: duplicate [[suite.grading.points]] row for 60 GLH; first defined at "
          "fx.toml:10:7");

    parsed = parse(edit(k_graded, "glh = 90\nR = 3\nP = 9\nM = 15\nD = 24\n", "glh = 90\n"));
    CHECK(parsed.messages ==
          Lines{"fx.toml:16:1: the [[suite.grading.points]] row for 90 GLH gives no points"});
    CHECK(parsed.hints == Lines{"give the points of each unit grade, e.g. P = 6, M = 10, D = 16"});

    parsed = parse(edit(k_graded, "M = 10", "M = 6"));
    CHECK(
        parsed.messages ==
        Lines{"fx.toml:13:5: points for M (6) must be more than for P (6) in the row for 60 GLH"});
    CHECK(parsed.hints == Lines{"a higher unit grade earns more points"});
}

TEST_CASE("every unit size needs a points row") {
    // A unit of 30 GLH, in no qualification, still needs a row.
    Parsed parsed = parse(edit(k_graded, "[[qualification]]\ncode = \"F150\"",
                               "[[unit]]\nnumber = 4\ntitle = \"Four\"\nglh = 30\n"
                               "assessment = \"moderated\"\n\n[[qualification]]\ncode = \"F150\""));
    CHECK(parsed.messages ==
          Lines{"fx.toml:6:1: [suite.grading] has no points row for 30 GLH, the size of unit 4"});
    CHECK(parsed.hints == Lines{"add [[suite.grading.points]] with glh = 30"});
}

TEST_CASE("R (near pass) only where the contract allows it") {
    Parsed parsed = parse(edit(k_graded, "level = 3", "level = 2"));
    CHECK(parsed.messages ==
          Lines{"fx.toml:11:1: points for R (near pass) in a Level 2 suite; R exists only in "
                "Level 3 suites",
                "fx.toml:18:1: points for R (near pass) in a Level 2 suite; R exists only in "
                "Level 3 suites"});
    CHECK(parsed.hints[0] == "remove R from the points rows");

    parsed = parse(edit(k_graded, "assessment = \"examined\"", "assessment = \"moderated\""));
    CHECK(parsed.messages[0] == "fx.toml:11:1: points for R (near pass), but no unit of this "
                                "suite is examined; R is given only on examined units");
}

TEST_CASE("thresholds: one length of grade, rising, and only with suite points") {
    Parsed parsed = parse(edit(k_graded, "{ MP = 30, PP = 21, MM = 39 }", "{ PP = 21, M = 30 }"));
    CHECK(parsed.messages == Lines{"fx.toml:56:25: grade 'M' has 1 letter, but 'PP' in the same "
                                   "thresholds has 2"});
    CHECK(parsed.hints == Lines{"a qualification's grades all have the same number of letters"});

    parsed =
        parse(edit(k_graded, "{ MP = 30, PP = 21, MM = 39 }", "{ MP = 30, PP = 21, MM = 30 }"));
    CHECK(parsed.messages == Lines{"fx.toml:56:39: the threshold for MM (30) must be more than "
                                   "for MP (30) in qualification F210"});
    CHECK(parsed.hints == Lines{"each grade needs more points than the grade below it"});

    parsed = parse(edit(k_graded, "{ MP = 30, PP = 21, MM = 39 }", "{ }"));
    CHECK(parsed.messages ==
          Lines{"fx.toml:56:14: the thresholds of qualification F210 give no grades"});

    std::string text = k_graded.substr(0, k_graded.find("[suite.grading]"));
    text += k_graded.substr(k_graded.find("[[unit]]"));
    parsed = parse(text);
    CHECK(parsed.messages ==
          Lines{"fx.toml:30:22: qualification F150 has grade thresholds, but the suite has no "
                "[suite.grading] points",
                "fx.toml:39:14: qualification F210 has grade thresholds, but the suite has no "
                "[suite.grading] points"});
    CHECK(parsed.hints[0] == "add [suite.grading] with the unit points table");
}

TEST_CASE("the published fixtures load") {
    const std::string data = std::string(QC_SOURCE_DIR) + "/tests/e2e/data/grading/";
    model::RuleBook book = rulesfile::load_rules({data});
    CHECK(book.suite_ids() == Lines{"test-ocr-ct-l3-it", "test-pearson-intl-l3-it"});
}
