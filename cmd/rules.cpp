#include "rules.hpp"

#include "help.hpp"

#include "diag/failure.hpp"
#include "report/rules_view.hpp"
#include "rulesfile/load.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cstdio>

namespace qc::cmd {

void register_rules(CLI::App& app, RulesOptions& options) {
    CLI::App* sub = app.add_subcommand("rules", "Check rules files on their own, or show a suite "
                                                "as a specification's tables");
    sub->require_subcommand(1);
    set_help(*sub,
             {{"qualcheck rules check rules/", "check every rules file of a folder, no data needed"},
              {"qualcheck rules show rules/pearson-btec-nationals-it-2016.toml 601/7575/8",
               "one qualification as its specification prints it"}},
             "Exit status 2 when a file has a problem; every problem is listed.");
    CLI::App* check = sub->add_subcommand("check", "Load and validate rules files; report every "
                                                   "problem (exit 2) or say each is fine");
    check->add_option("FILE", options.files, "a rules file or a folder of them")->required();
    set_help(*check,
             {{"qualcheck rules check my-suite.toml", "check one file being written"},
              {"qualcheck rules check rules/ centre-rules/", "check folders of files together "
                                                             "(ids and codes unique across them)"}},
             "Prints one line per suite when all is well; otherwise every problem as\n"
             "FILE:LINE:COL with a hint, and exit status 2.");
    CLI::App* show = sub->add_subcommand("show", "Show a suite's units, points, sizes, thresholds "
                                                 "and rules of combination");
    show->add_option("FILE", options.file, "a rules file")->required();
    show->add_option("CODE", options.code, "only this qualification (entry code)");
    set_help(*show,
             {{"qualcheck rules show rules/pearson-btec-nationals-business-2016.toml",
               "the whole suite, to hold against the specification page by page"},
              {"qualcheck rules show examples/rules/fictional-l3-it.toml 90302",
               "one size of the example centre's suite"}},
             "The file is checked first, as by 'rules check'.");
}

namespace {

int run_check(const RulesOptions& options) {
    const model::RuleBook rules = rulesfile::load_rules(options.files);
    for (const auto& suite : rules.suites()) {
        std::fputs(fmt::format("{}: ok: {} ({} units, {} qualifications)\n", suite->where.file,
                               suite->id, suite->units.size(), suite->qualifications.size())
                       .c_str(),
                   stdout);
    }
    return 0;
}

int run_show(const RulesOptions& options) {
    const model::RuleBook rules = rulesfile::load_rules({options.file});
    std::string out;
    for (const auto& suite : rules.suites()) {
        if (!options.code.empty() && rules.find_qualification(options.code) == nullptr) {
            throw diag::Failure(diag::ExitStatus::bad_input,
                                fmt::format("{}: no qualification {}", options.file, options.code),
                                "codes in this file: " + fmt::format("{}", fmt::join(rules.qualification_codes(), ", ")));
        }
        out += report::render_rules(*suite, options.code);
    }
    std::fputs(out.c_str(), stdout);
    return 0;
}

} // namespace

int run_rules(const CLI::App& rules, const RulesOptions& options) {
    return rules.got_subcommand("check") ? run_check(options) : run_show(options);
}

} // namespace qc::cmd
