// Tests for lib/rulesfile/: the schema, every message class with its exact text and position,
// and loading files and folders.
#include "diag/failure.hpp"
#include "rulesfile/load.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace qc;

namespace {

// Line numbers matter: the messages below name them.
const std::string k_suite_table = R"([suite]
id = "ct-l3-it"
title = "Cambridge Technicals IT"
level = 3
source = "OCR handbook v1"
)";

const std::string k_body = R"(
[[unit]]
number = 1
title = "Fundamentals of IT"
glh = 90
assessment = "examined"

[[unit]]
number = 2
title = "Global information"
glh = 90
assessment = "examined"

[[unit]]
number = 3
title = "Cyber security"
glh = 60
assessment = "moderated"

[[unit]]
number = 4
title = "Web design"
glh = 60
assessment = "moderated"

[[qualification]]
code = "05839"
title = "Extended Certificate in IT"
glh = 240
mandatory = [1, 2]
optional = [3, 4]
)";

// Appended after k_body: lines 37 to 41.
const std::string k_pathway = R"(
[[qualification.pathway]]
id = "web"
title = "Web developer"
mandatory = [4]
)";

const std::string k_valid = k_suite_table + k_body;

// The text with the first `from` replaced by `to`.
std::string edit(std::string text, const std::string& from, const std::string& to) {
    const std::size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

std::string first_line(const diag::Diagnostic& diagnostic) {
    const std::string text = diag::format(diagnostic);
    return text.substr(0, text.find('\n'));
}

struct Parsed {
    std::unique_ptr<model::Suite> suite;
    std::vector<std::string> messages; ///< "FILE:LINE:COL: message", as printed
    std::vector<std::string> hints;
};

Parsed parse(const std::string& text) {
    diag::Diagnostics problems;
    Parsed parsed;
    parsed.suite = rulesfile::parse_suite("ct.toml", text, problems);
    for (const diag::Diagnostic& diagnostic : problems.recorded()) {
        parsed.messages.push_back(first_line(diagnostic));
        parsed.hints.push_back(diagnostic.hint);
    }
    CHECK((parsed.suite == nullptr) == !parsed.messages.empty());
    return parsed;
}

using Lines = std::vector<std::string>;

} // namespace

TEST_CASE("the minimal schema loads into a suite") {
    Parsed parsed = parse(k_valid + k_pathway);
    REQUIRE(parsed.suite);
    const model::Suite& suite = *parsed.suite;
    CHECK(suite.id == "ct-l3-it");
    CHECK(suite.title == "Cambridge Technicals IT");
    CHECK(suite.level == 3);
    CHECK(suite.source == "OCR handbook v1");
    REQUIRE(suite.units.size() == 4);
    CHECK(suite.units[2].number == 3);
    CHECK(suite.units[2].glh == 60);
    CHECK(suite.units[2].assessment == model::Assessment::moderated);
    CHECK(suite.units[0].assessment == model::Assessment::examined);
    CHECK(suite.units[2].where.line == 19);
    REQUIRE(suite.qualifications.size() == 1);
    const model::Qualification& qualification = suite.qualifications[0];
    CHECK(qualification.code == "05839");
    CHECK(qualification.glh == 240);
    CHECK(qualification.mandatory == std::vector<int>{1, 2});
    CHECK(qualification.optional == std::vector<int>{3, 4});
    CHECK_FALSE(qualification.pathway_required);
    CHECK(qualification.where.line == 31);
    REQUIRE(qualification.pathways.size() == 1);
    CHECK(qualification.pathways[0].id == "web");
    CHECK(qualification.pathways[0].mandatory == std::vector<int>{4});
    CHECK(qualification.pathways[0].where.line == 38);
}

TEST_CASE("optional keys take their defaults, and the rule book indexes the suite") {
    std::string text = edit(k_valid, "source = \"OCR handbook v1\"\n", "");
    text = edit(text, "optional = [3, 4]\n", "");
    text = edit(text, "glh = 240", "glh = 180");
    Parsed parsed = parse(text);
    REQUIRE(parsed.suite);
    CHECK(parsed.suite->source.empty());
    CHECK(parsed.suite->qualifications[0].optional.empty());
    model::RuleBook book;
    book.add(std::move(parsed.suite));
    const model::Qualification* qualification = book.find_qualification("05839");
    REQUIRE(qualification);
    CHECK(qualification->suite == book.find_suite("ct-l3-it"));
    CHECK(qualification->mandatory_slots.size() == 2);
}

TEST_CASE("unknown keys, with did you mean or the known keys") {
    Parsed parsed = parse(edit(k_valid, "mandatory = [1, 2]", "mandatroy = [1, 2]"));
    CHECK(parsed.messages == Lines{"ct.toml:35:1: unknown key 'mandatroy' in [[qualification]]",
                                   "ct.toml:31:1: [[qualification]] is missing required key "
                                   "'mandatory'"});
    CHECK(parsed.hints == Lines{"did you mean 'mandatory'?", "add e.g. mandatory = [1, 2]"});

    parsed = parse(edit(k_valid, "level = 3\n", "level = 3\ncolour = \"red\"\n"));
    CHECK(parsed.messages == Lines{"ct.toml:5:1: unknown key 'colour' in [suite]"});
    CHECK(parsed.hints == Lines{"known keys: id, title, level, source, awarding_body, moderation, grading"});

    parsed = parse(edit(k_valid, "[[unit]]", "[[units]]"));
    CHECK(parsed.messages == Lines{"ct.toml:7:3: unknown key 'units' at the top level"});
    CHECK(parsed.hints == Lines{"did you mean 'unit'?"});
}

TEST_CASE("unknown keys are reported in file order") {
    Parsed parsed = parse(edit(k_valid, "level = 3\n", "level = 3\nzebra = 1\napple = 2\n"));
    CHECK(parsed.messages == Lines{"ct.toml:5:1: unknown key 'zebra' in [suite]",
                                   "ct.toml:6:1: unknown key 'apple' in [suite]"});
}

TEST_CASE("'grading' in [suite] must be a table (test_rulesfile_grading.cpp has the rest)") {
    Parsed parsed = parse(edit(k_valid, "level = 3\n", "level = 3\ngrading = 1\n"));
    CHECK(parsed.messages == Lines{"ct.toml:5:11: 'grading' must be a table, not an integer (1)"});
    CHECK(parsed.hints == Lines{"write it as [suite.grading]"});
}

TEST_CASE("a diagnostic shows the source line with a caret and the hint") {
    diag::Diagnostics problems;
    rulesfile::parse_suite("ct.toml", edit(k_valid, "optional =", "optionl ="), problems);
    REQUIRE(problems.count() == 1);
    CHECK(diag::format(problems.recorded()[0]) ==
          "ct.toml:36:1: unknown key 'optionl' in [[qualification]]\n"
          "    optionl = [3, 4]\n"
          "    ^\n"
          "  hint: did you mean 'optional'?");
}

TEST_CASE("wrong types name the key, the wanted type and the value") {
    Parsed parsed = parse(edit(k_valid, "glh = 90", "glh = \"90\""));
    CHECK(parsed.messages == Lines{"ct.toml:10:7: 'glh' must be an integer, not a string (\"90\")"});
    CHECK(parsed.hints == Lines{"write it without quotes: glh = 90"});

    parsed = parse(edit(k_valid, "code = \"05839\"", "code = 5839"));
    CHECK(parsed.messages == Lines{"ct.toml:32:8: 'code' must be a string, not an integer (5839)"});
    CHECK(parsed.hints ==
          Lines{"codes are strings that keep their leading zeros; quote it, e.g. code = \"05839\""});

    parsed = parse(edit(k_valid, "mandatory = [1, 2]", "mandatory = 1"));
    CHECK(parsed.messages ==
          Lines{"ct.toml:35:13: 'mandatory' must be a list of unit numbers, not an integer (1)"});
    CHECK(parsed.hints == Lines{"write it as a list: mandatory = [1]"});

    parsed = parse(edit(k_valid, "mandatory = [1, 2]", "mandatory = [1, \"2\"]"));
    CHECK(parsed.messages == Lines{"ct.toml:35:17: each entry of 'mandatory' must be a unit "
                                   "number from 1 to 9999, not a string (\"2\")"});
    CHECK(parsed.hints == Lines{"write unit numbers without quotes"});

    parsed = parse(edit(k_valid, "[suite]", "[[suite]]"));
    CHECK(parsed.messages == Lines{"ct.toml:1:1: 'suite' must be a table, not an array"});
    CHECK(parsed.hints == Lines{"write it as [suite]"});

    parsed = parse(edit(k_valid, "optional = [3, 4]", "optional = [3, 4]\npathway_required = 1"));
    CHECK(parsed.messages ==
          Lines{"ct.toml:37:20: 'pathway_required' must be true or false, not an integer (1)"});
}

TEST_CASE("TOML syntax errors keep toml++'s position and description") {
    Parsed parsed = parse(edit(k_valid, "code = \"05839\"", "code = 05839"));
    CHECK(parsed.messages == Lines{"ct.toml:32:13: invalid TOML: error while parsing decimal "
                                   "integer: leading zeroes are prohibited"});
    CHECK(parsed.hints == Lines{"quote numbers that keep their leading zeros, e.g. code = \"05839\""});

    parsed = parse(edit(k_valid, "title = \"Web design\"", "title = \"Web design"));
    REQUIRE(parsed.messages.size() == 1);
    CHECK(parsed.messages[0].rfind("ct.toml:27:", 0) == 0);
    CHECK(parsed.messages[0].find("invalid TOML: ") != std::string::npos);
}

TEST_CASE("missing keys and tables") {
    Parsed parsed = parse(edit(k_valid, "glh = 90\n", ""));
    CHECK(parsed.messages == Lines{"ct.toml:7:1: [[unit]] is missing required key 'glh'"});
    CHECK(parsed.hints == Lines{"add e.g. glh = 60"});

    parsed = parse(k_body);
    CHECK(parsed.messages == Lines{"ct.toml: missing required table [suite]"});
    CHECK(parsed.hints == Lines{"a rules file needs a [suite] table, at least one [[unit]] and at "
                                "least one [[qualification]]"});
}

TEST_CASE("values out of range") {
    CHECK(parse(edit(k_valid, "level = 3", "level = 4")).messages ==
          Lines{"ct.toml:4:9: 'level' must be 2 or 3, not 4"});
    CHECK(parse(edit(k_valid, "glh = 90", "glh = 0")).messages ==
          Lines{"ct.toml:10:7: 'glh' must be a whole number from 1 to 10000, not 0"});
    CHECK(parse(edit(k_valid, "number = 1", "number = -1")).messages ==
          Lines{"ct.toml:8:10: 'number' must be a whole number from 1 to 9999, not -1"});
    CHECK(parse(edit(k_valid, "title = \"Cambridge Technicals IT\"", "title = \" \"")).messages ==
          Lines{"ct.toml:3:9: 'title' must not be empty"});
    Parsed parsed = parse(edit(k_valid, "\"examined\"", "\"examned\""));
    CHECK(parsed.messages == Lines{"ct.toml:11:14: 'assessment' must be \"examined\" or "
                                   "\"moderated\", not \"examned\""});
    CHECK(parsed.hints == Lines{"did you mean 'examined'?"});
}

TEST_CASE("duplicate unit numbers, qualification codes and pathway ids") {
    Parsed parsed = parse(edit(k_valid, "number = 2", "number = 1"));
    CHECK(parsed.messages ==
          Lines{"ct.toml:14:10: duplicate unit number 1; first defined at ct.toml:8:10",
                "ct.toml:35:17: qualification 05839 names unit 2, which [[unit]] does not define"});

    parsed = parse(k_valid + "\n[[qualification]]\ncode = \"05839\"\ntitle = \"Again\"\n"
                             "glh = 180\nmandatory = [1, 2]\n");
    CHECK(parsed.messages ==
          Lines{"ct.toml:39:8: duplicate qualification code 05839; first defined at ct.toml:32:8"});

    parsed = parse(k_valid + k_pathway + k_pathway);
    CHECK(parsed.messages == Lines{"ct.toml:44:6: duplicate pathway id 'web' in qualification "
                                   "05839; first defined at ct.toml:39:6"});
}

TEST_CASE("units listed twice, or both mandatory and optional") {
    Parsed parsed = parse(edit(k_valid, "mandatory = [1, 2]", "mandatory = [1, 2, 1]"));
    CHECK(parsed.messages ==
          Lines{"ct.toml:35:20: unit 1 is listed twice in 'mandatory' of qualification 05839"});

    parsed = parse(edit(k_valid, "optional = [3, 4]", "optional = [3, 4, 2]"));
    CHECK(parsed.messages == Lines{"ct.toml:36:19: unit 2 is in both 'mandatory' and 'optional' "
                                   "of qualification 05839"});
    CHECK(parsed.hints == Lines{"a unit is either mandatory or optional, not both"});

    parsed = parse(k_valid + edit(k_pathway, "[4]", "[4, 4]"));
    CHECK(parsed.messages == Lines{"ct.toml:41:17: unit 4 is listed twice in 'mandatory' of "
                                   "pathway 'web' of qualification 05839"});
}

TEST_CASE("qualifications and pathways naming undefined units") {
    Parsed parsed = parse(edit(k_valid, "optional = [3, 4]", "optional = [3, 9]"));
    CHECK(parsed.messages ==
          Lines{"ct.toml:36:16: qualification 05839 names unit 9, which [[unit]] does not define"});
    CHECK(parsed.hints == Lines{"this suite defines units 1-4"});

    parsed = parse(k_valid + edit(k_pathway, "[4]", "[7]"));
    CHECK(parsed.messages == Lines{"ct.toml:41:14: pathway 'web' of qualification 05839 names "
                                   "unit 7, which [[unit]] does not define"});
}

TEST_CASE("a pathway unit outside its qualification") {
    Parsed parsed = parse(edit(k_valid, "optional = [3, 4]", "optional = [3]") + k_pathway);
    CHECK(parsed.messages == Lines{"ct.toml:41:14: pathway 'web' names unit 4, which is neither "
                                   "mandatory nor optional in qualification 05839"});
    CHECK(parsed.hints == Lines{"add 4 to the qualification's 'optional' list"});
}

TEST_CASE("GLH that cannot add up") {
    Parsed parsed = parse(edit(k_valid, "glh = 240", "glh = 150"));
    CHECK(parsed.messages == Lines{"ct.toml:34:7: mandatory units of qualification 05839 add up "
                                   "to 180 GLH, above its total of 150"});

    parsed = parse(edit(k_valid, "glh = 240", "glh = 360"));
    CHECK(parsed.messages == Lines{"ct.toml:34:7: qualification 05839 needs 360 GLH, but its "
                                   "mandatory and optional units add up to only 300"});
    CHECK(parsed.hints == Lines{"add units to 'optional' or correct 'glh'"});
}

TEST_CASE("pathway_required needs pathways") {
    const std::string required = "optional = [3, 4]\npathway_required = true";
    Parsed parsed = parse(edit(k_valid, "optional = [3, 4]", required));
    CHECK(parsed.messages == Lines{"ct.toml:37:20: qualification 05839 has pathway_required = "
                                   "true but no [[qualification.pathway]]"});
    CHECK(parse(edit(k_valid, "optional = [3, 4]", required) + k_pathway).suite != nullptr);
}

namespace {

/// A fresh folder under /tmp, removed when the test ends.
class TempFolder {
public:
    TempFolder() {
        std::string pattern = "/tmp/qc-rules-XXXXXX";
        REQUIRE(mkdtemp(pattern.data()) != nullptr);
        m_path = pattern;
    }
    ~TempFolder() { std::filesystem::remove_all(m_path); }
    const std::string& path() const { return m_path; }
    std::string write(const std::string& name, const std::string& text) const {
        const std::string file = m_path + "/" + name;
        std::ofstream(file) << text;
        return file;
    }

private:
    std::string m_path;
};

// The messages of the Failure that load_rules throws, or none.
Lines load_failure(const std::vector<std::string>& paths) {
    try {
        rulesfile::load_rules(paths);
    } catch (const diag::Failure& failure) {
        CHECK(failure.status() == diag::ExitStatus::bad_input);
        Lines messages;
        for (const diag::Diagnostic& diagnostic : failure.diagnostics().recorded()) {
            messages.push_back(first_line(diagnostic));
        }
        return messages;
    }
    return {};
}

std::string other_suite(const std::string& id, const std::string& code) {
    return edit(edit(k_valid, "id = \"ct-l3-it\"", "id = \"" + id + "\""), "code = \"05839\"",
                "code = \"" + code + "\"");
}

} // namespace

TEST_CASE("a folder loads its .toml files in name order, not recursively") {
    TempFolder folder;
    folder.write("b.toml", other_suite("second", "05840"));
    folder.write("a.toml", other_suite("first", "05839"));
    folder.write("notes.txt", "not rules");
    folder.write(".draft.toml", "not = [valid");
    std::filesystem::create_directory(folder.path() + "/old.toml");
    model::RuleBook book = rulesfile::load_rules({folder.path()});
    CHECK(book.suite_ids() == Lines{"first", "second"});
    CHECK(book.find_qualification("05840")->suite->id == "second");
    CHECK(book.suites()[0]->where.file == folder.path() + "/a.toml");
}

TEST_CASE("a file can be named directly, alongside a folder") {
    TempFolder folder;
    TempFolder other;
    folder.write("a.toml", other_suite("first", "05839"));
    const std::string file = other.write("extra.toml", other_suite("extra", "05900"));
    model::RuleBook book = rulesfile::load_rules({folder.path(), file});
    CHECK(book.suite_ids() == Lines{"first", "extra"});
}

TEST_CASE("a file named directly and through its folder is read once") {
    TempFolder folder;
    const std::string file = folder.write("a.toml", other_suite("first", "05839"));
    model::RuleBook book = rulesfile::load_rules({file, folder.path(), folder.path() + "/"});
    CHECK(book.suite_ids() == Lines{"first"});
}

TEST_CASE("suite ids and qualification codes must be unique across files") {
    TempFolder folder;
    const std::string a = folder.write("a.toml", other_suite("same", "05839"));
    const std::string b = folder.write("b.toml", other_suite("same", "05839"));
    CHECK(load_failure({folder.path()}) ==
          Lines{b + ":2:6: duplicate suite id 'same'; first defined at " + a + ":2:6",
                b + ":32:8: duplicate qualification code 05839; first defined at " + a + ":32:8"});
}

TEST_CASE("problems in several files are all reported") {
    TempFolder folder;
    const std::string a = folder.write("a.toml", edit(k_valid, "level = 3", "level = 1"));
    const std::string b = folder.write("b.toml", edit(k_valid, "glh = 240", "glh = 0"));
    CHECK(load_failure({folder.path()}) ==
          Lines{a + ":4:9: 'level' must be 2 or 3, not 1",
                b + ":34:7: 'glh' must be a whole number from 1 to 10000, not 0"});
}

TEST_CASE("missing paths, empty folders and no paths at all") {
    TempFolder folder;
    const std::string missing = folder.path() + "/nothing.toml";
    CHECK(load_failure({missing}) == Lines{missing + ": no such file or folder"});
    CHECK(load_failure({folder.path()}) == Lines{folder.path() + ": folder has no .toml rules files"});
    CHECK(load_failure({}) == Lines{"no rules files given"});
}
