// Tests for lib/clidoc/: the man page and the completions rendered from a command tree.
#include "clidoc/command.hpp"

#include <doctest/doctest.h>

using namespace qc::clidoc;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// qualcheck with one plain subcommand and one with a view, as cmd/describe.cpp makes them.
Command sample() {
    Command check{
        {"qualcheck", "check"},
        "Judge every entry",
        "qualcheck check [OPTIONS]",
        {{"qualcheck check --candidates c.csv --units u.csv", "judge two exports"}},
        "Exit status: 0 or 1.\n\n.dotted line",
        {{{"-h", "--help"}, "", "Print help", false, false, false},
         {{"--rules"}, "PATH", "Rules file (default: the installed rules)", false, false, true},
         {{"--format"}, "table|csv|json", "Output format", false, false, false},
         {{"-o", "--output"}, "FILE", "Write to FILE", false, false, false},
         {{"--store"}, "FILE", "The centre's store [from the config]", false, true, false}},
        {}};
    Command view{{"qualcheck", "report", "candidate"},
                 "One candidate",
                 "qualcheck report candidate [OPTIONS] NUMBER",
                 {{"qualcheck report candidate 0019", ""}},
                 "",
                 {{{"--help"}, "", "Print help", false, false, false},
                  {{"NUMBER"}, "TEXT", "Candidate number, e.g. 0019", true, true, false}},
                 {}};
    Command report{{"qualcheck", "report"},
                   "Views",
                   "qualcheck report [OPTIONS] [SUBCOMMAND]",
                   {},
                   "",
                   {{{"--help"}, "", "Print help", false, false, false}},
                   {view}};
    return Command{{"qualcheck"},
                   "qualcheck: which students, and why",
                   "qualcheck [OPTIONS] SUBCOMMAND",
                   {{"qualcheck check", "judge"}},
                   "",
                   {{{"--version"}, "", "Show the version", false, false, false}},
                   {check, report}};
}

} // namespace

TEST_CASE("clidoc: choices and paths from the value name") {
    Option format{{"--format"}, "table|csv|json", "", false, false, false};
    CHECK(format.choices() == std::vector<std::string>{"table", "csv", "json"});
    CHECK_FALSE(format.takes_path());
    Option output{{"-o"}, "FILE", "", false, false, false};
    CHECK(output.choices().empty());
    CHECK(output.takes_path());
    CHECK(Option{{"--rules"}, "PATH", "", false, false, false}.takes_path());
    CHECK_FALSE(Option{{"--today"}, "DATE", "", false, false, false}.takes_path());
    CHECK(sample().subcommands[1].subcommands[0].full_name() == "qualcheck report candidate");
}

TEST_CASE("man page: sections, options, examples, escaping") {
    const std::string man =
        render_man_page(sample(), {"1.2.3", "2026-11-25", "/usr/share/qualcheck/rules",
                                   "/usr/share/doc/qualcheck"});
    CHECK(contains(man, ".TH QUALCHECK 1 \"2026-11-25\" \"qualcheck 1.2.3\" \"User Commands\"\n"));
    CHECK(contains(man, ".SH NAME\nqualcheck \\- which students, and why\n"));
    // A subcommand is a section, a view a subsection; hyphens are escaped so they copy as typed.
    CHECK(contains(man,
                   ".SH CHECK\n.PP\n\\fBqualcheck check [OPTIONS]\\fR\n.PP\nJudge every entry.\n"));
    CHECK(contains(man, ".SS \"report candidate\"\n"));
    CHECK(contains(man, ".TP\n\\fB\\-o\\fR, \\fB\\-\\-output\\fR \\fIFILE\\fR\nWrite to FILE.\n"));
    CHECK(contains(man, ".TP\n\\fB\\-\\-rules\\fR \\fIPATH\\fR ...\n"));
    CHECK(contains(man, ".TP\n\\fB\\-\\-store\\fR \\fIFILE\\fR\nThe centre's store [from the "
                        "config]. Required.\n"));
    CHECK(contains(man, ".TP\n\\fINUMBER\\fR\nCandidate number, e.g. 0019.\n"));
    // Notes: a blank line is a new paragraph; a line starting with a dot is not a request.
    CHECK(contains(man, "Exit status: 0 or 1.\n.PP\n\\&.dotted line\n"));
    CHECK(contains(man, ".nf\n# judge two exports\n\\fBqualcheck check \\-\\-candidates c.csv "
                        "\\-\\-units u.csv\\fR\n.fi\n"));
    CHECK(contains(man, ".SH EXIT STATUS\n"));
    CHECK(contains(man, ".SH FILES\n"));
    CHECK(contains(man, ".I /usr/share/qualcheck/rules\n"));
    CHECK(contains(man, "/usr/share/doc/qualcheck/tutorial.md"));
}

TEST_CASE("bash completion: one arm per command with its subcommands and option kinds") {
    const std::string bash = render_bash_completion(sample());
    CHECK(contains(bash, "        \"\") subs=\"check report\" opts=\"--version=flag\" ;;\n"));
    CHECK(contains(bash, "        \"check\") subs=\"\" opts=\"-h=flag --help=flag --rules=path "
                         "--format=table|csv|json -o=path --output=path --store=path\" ;;\n"));
    CHECK(contains(bash, "        \"report\") subs=\"candidate\" opts=\"--help=flag\" ;;\n"));
    CHECK(contains(bash, "        \"report candidate\") subs=\"\" opts=\"--help=flag\" ;;\n"));
    CHECK(contains(bash, "complete -F _qualcheck qualcheck\n"));
}

TEST_CASE("zsh completion: a function per command, quoted and escaped specs") {
    const std::string zsh = render_zsh_completion(sample());
    CHECK(zsh.rfind("#compdef qualcheck\n", 0) == 0);
    CHECK(contains(
        zsh, "_qualcheck_check() {\n    _arguments -s -S \\\n"
             "        '(-h --help)'{-h,--help}'[Print help]' \\\n"
             "        '*--rules[Rules file (default: the installed rules)]:PATH:_files' \\\n"
             "        '--format[Output format]:table|csv|json:(table csv json)' \\\n"
             "        '(-o --output)'{-o,--output}'[Write to FILE]:FILE:_files' \\\n"
             "        '--store[The centre'\\''s store \\[from the config\\]]:FILE:_files'\n}\n"));
    CHECK(contains(zsh, "_qualcheck_report_candidate() {\n    _arguments -s -S \\\n"
                        "        '--help[Print help]' \\\n"
                        "        ':Candidate number, e.g. 0019: '\n}\n"));
    CHECK(contains(zsh, "                'candidate:One candidate'\n"));
    CHECK(contains(zsh, "                candidate) _qualcheck_report_candidate ;;\n"));
    CHECK(contains(zsh, "\n_qualcheck \"$@\"\n"));
}
