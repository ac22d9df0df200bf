// qualcheck: the command line. Each subcommand lives in its own file with an options struct,
// a register_* and a run_* function; this file parses, dispatches and is the one place that
// turns failures into messages and exit statuses.

#include "check.hpp"
#include "declare.hpp"
#include "import.hpp"
#include "report.hpp"
#include "diag/failure.hpp"
#include "util/spell.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <csignal>
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

namespace {

using qc::diag::ExitStatus;

constexpr const char* k_about = "qualcheck: which students will not get a vocational qualification "
                                "result on results day, and why";

void print_failure(const qc::diag::Failure& failure) {
    for (const qc::diag::Diagnostic& d : failure.diagnostics().recorded()) {
        std::fprintf(stderr, "qualcheck: error: %s\n", qc::diag::format(d).c_str());
    }
    const std::size_t unshown = failure.diagnostics().count() - failure.diagnostics().recorded().size();
    if (unshown > 0) {
        std::fprintf(stderr, "qualcheck: error: ... and %zu more error%s not shown\n", unshown,
                     unshown == 1 ? "" : "s");
    }
}

int usage_error(const std::string& message, const std::string& hint) {
    std::fprintf(stderr, "qualcheck: error: %s\n", message.c_str());
    if (!hint.empty()) {
        std::fprintf(stderr, "  hint: %s\n", hint.c_str());
    }
    return static_cast<int>(ExitStatus::bad_input);
}

// CLI11 says "The following arguments were not expected: chek"; a misspelt subcommand
// deserves a suggestion instead.
int unknown_subcommand(const CLI::App& app, const std::string& word) {
    std::vector<std::string> names;
    for (const CLI::App* sub : app.get_subcommands({})) {
        names.push_back(sub->get_name());
    }
    std::string hint = qc::util::did_you_mean(word, names);
    return usage_error(fmt::format("unknown subcommand '{}'", word),
                       hint.empty() ? "run 'qualcheck --help' for the list" : hint);
}

} // namespace

int main(int argc, char** argv) {
    std::signal(SIGPIPE, SIG_IGN);
    std::signal(SIGXFSZ, SIG_IGN); // past `ulimit -f`, writes fail with EFBIG and are reported
    CLI::App app{k_about, "qualcheck"};
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string("qualcheck ") + QC_VERSION);
    app.footer(R"(Examples:
  qualcheck check --candidates candidates.csv --units units.csv
  qualcheck check --rules examples/rules --candidates examples/candidates.csv --units examples/units.csv --today 2027-03-10

Run 'qualcheck SUBCOMMAND --help' for each subcommand's options and examples.)");

    qc::cmd::ImportOptions import;
    qc::cmd::register_import(app, import);
    qc::cmd::CheckOptions check;
    qc::cmd::register_check(app, check);
    qc::cmd::ReportOptions report;
    qc::cmd::register_report(app, report);
    qc::cmd::DeclareOptions declare;
    qc::cmd::register_declare(app, declare);

    if (argc > 1 && argv[1][0] != '-') {
        try {
            app.get_subcommand(argv[1]);
        } catch (const CLI::OptionNotFound&) {
            return unknown_subcommand(app, argv[1]);
        }
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::string where = app.get_subcommands().empty() ? "qualcheck" : "qualcheck " + app.get_subcommands().front()->get_name();
        return usage_error(e.what(), fmt::format("run '{} --help' for usage", where));
    }

    try {
        if (app.got_subcommand("import")) {
            return qc::cmd::run_import(import);
        }
        if (app.got_subcommand("check")) {
            return qc::cmd::run_check(check);
        }
        if (app.got_subcommand("report")) {
            return qc::cmd::run_report(*app.get_subcommand("report"), report);
        }
        if (app.got_subcommand("declare")) {
            return qc::cmd::run_declare(*app.get_subcommand("declare"), declare);
        }
        return usage_error("no subcommand given", "run 'qualcheck --help'");
    } catch (const qc::diag::Failure& failure) {
        print_failure(failure);
        return static_cast<int>(failure.status());
    } catch (const std::bad_alloc&) {
        std::fprintf(stderr, "qualcheck: error: out of memory\n");
        return static_cast<int>(ExitStatus::io_failure);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "qualcheck: error: unexpected failure: %s\n", e.what());
        return static_cast<int>(ExitStatus::io_failure);
    }
}
