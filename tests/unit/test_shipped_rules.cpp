// Tests for the rules shipped in rules/ (not a lib/ module): every file there must load, alone
// and with the others, name its source document (in [suite], and in [suite.grading] when it
// grades), and carry a comment citing that document above each [[unit]], [[qualification]],
// [[qualification.pathway]], [[suite.grading.points]] and [qualification.grading]
// (rules/README.md). The example centre's copy of a shipped file must match it.
// The same checks are first run on small texts, so that they are known to catch what they must.
#include "diag/failure.hpp"
#include "rulesfile/load.hpp"
#include "util/strings.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace qc;

namespace {

using Lines = std::vector<std::string>;

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

bool is_cited_table(std::string_view line) {
    return line == "[[unit]]" || line == "[[qualification]]" || line == "[[qualification.pathway]]" ||
           line == "[[suite.grading.points]]" || line == "[qualification.grading]";
}

// Each table header in `text` that has no comment on the line just above it.
Lines uncited_tables(const std::string& name, const std::string& text) {
    Lines problems;
    std::istringstream in(text);
    std::string line;
    std::string previous;
    for (int number = 1; std::getline(in, line); ++number) {
        const std::string_view header = util::trim(line);
        if (is_cited_table(header) && !util::trim(previous).starts_with('#')) {
            problems.push_back(name + ":" + std::to_string(number) + ": " + std::string(header) +
                               " has no comment above it citing the source");
        }
        previous = line;
    }
    return problems;
}

// Why the rules file `name` with this text may not be shipped; empty when it may.
Lines shipping_problems(const std::string& name, const std::string& text) {
    diag::Diagnostics diagnostics;
    const std::unique_ptr<model::Suite> suite = rulesfile::parse_suite(name, text, diagnostics);
    if (!suite) {
        Lines problems;
        for (const diag::Diagnostic& diagnostic : diagnostics.recorded()) {
            problems.push_back(first_line(diag::format(diagnostic)));
        }
        return problems;
    }
    Lines problems = uncited_tables(name, text);
    if (suite->grading && util::trim(suite->grading->source).empty()) {
        problems.insert(problems.begin(), name + ": [suite.grading] has no source");
    }
    if (util::trim(suite->source).empty()) {
        problems.insert(problems.begin(), name + ": [suite] has no source");
    }
    return problems;
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The *.toml files of the shipped rules folder, in name order.
std::vector<std::filesystem::path> shipped_rules_files() {
    std::vector<std::filesystem::path> files;
    for (const auto& item : std::filesystem::directory_iterator(QC_SOURCE_DIR "/rules")) {
        if (item.is_regular_file() && item.path().extension() == ".toml") {
            files.push_back(item.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

const std::string k_cited = R"([suite]
id = "s"
title = "S"
level = 3
source = "A handbook, version 1, 2016, An awarding body"

[suite.grading]
source = "A handbook, version 1, 2016, section 9"

# Handbook section 9, table 1
[[suite.grading.points]]
glh = 60
P = 6

# Handbook section 2, table 1
[[unit]]
number = 1
title = "One"
glh = 60
assessment = "examined"

# Handbook section 2, table 2
[[qualification]]
code = "00001"
title = "Q"
glh = 60
mandatory = []
optional = [1]

# Handbook section 9, table 2
[qualification.grading]
thresholds = { P = 6 }

# Handbook section 2, table 3
[[qualification.pathway]]
id = "p"
title = "P"
mandatory = [1]
)";

// The text with the first `from` replaced by `to`.
std::string edit(std::string text, const std::string& from, const std::string& to) {
    const std::size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

} // namespace

TEST_CASE("a loading file with a source and a citation above each table may be shipped") {
    CHECK(shipping_problems("s.toml", k_cited).empty());
}

TEST_CASE("a file without a source, or with an uncited table, may not be shipped") {
    std::string text = edit(k_cited, "source = \"A handbook, version 1, 2016, An awarding body\"\n", "");
    text = edit(text, "source = \"A handbook, version 1, 2016, section 9\"\n", "");
    text = edit(text, "# Handbook section 9, table 1\n", "\n");
    text = edit(text, "# Handbook section 2, table 1\n", "\n");
    text = edit(text, "# Handbook section 9, table 2\n", "\n");
    text = edit(text, "# Handbook section 2, table 3\n", "");
    CHECK(shipping_problems("s.toml", text) ==
          Lines{"s.toml: [suite] has no source", "s.toml: [suite.grading] has no source",
                "s.toml:9: [[suite.grading.points]] has no comment above it citing the source",
                "s.toml:14: [[unit]] has no comment above it citing the source",
                "s.toml:29: [qualification.grading] has no comment above it citing the source",
                "s.toml:32: [[qualification.pathway]] has no comment above it citing the source"});
}

TEST_CASE("a file that does not load may not be shipped") {
    CHECK(shipping_problems("s.toml", edit(k_cited, "glh = 60\nmandatory", "glh = 90\nmandatory")) ==
          Lines{"s.toml:26:7: qualification 00001 needs 90 GLH, but its mandatory and optional units "
                "add up to only 60"});
}

TEST_CASE("every rules file shipped in rules/ may be shipped, and they load together") {
    const std::vector<std::filesystem::path> files = shipped_rules_files();
    for (const std::filesystem::path& file : files) {
        for (const std::string& problem : shipping_problems(file.filename().string(), read_file(file))) {
            FAIL_CHECK(problem);
        }
    }
    if (!files.empty()) {
        CHECK_NOTHROW(rulesfile::load_rules({QC_SOURCE_DIR "/rules"}));
    }
}

TEST_CASE("the example centre's copy of a shipped rules file is the shipped file, unchanged") {
    // examples/rules holds a copy (not a link: the examples are installed apart from the rules)
    // so that the demo shows a real qualification; a fix to rules/ must be copied there too.
    int copies = 0;
    for (const std::filesystem::path& file : shipped_rules_files()) {
        const std::filesystem::path copy =
            std::filesystem::path(QC_SOURCE_DIR "/examples/rules") / file.filename();
        if (std::filesystem::exists(copy)) {
            ++copies;
            CHECK_MESSAGE(read_file(copy) == read_file(file),
                          "examples/rules/" << file.filename().string() << " differs from rules/; copy it again");
        }
    }
    CHECK(copies >= 1);
}
