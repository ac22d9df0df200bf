// qualcheck: the command line. cmd/cli.cpp builds it and each subcommand lives in its own
// file; this file parses, dispatches and is the one place that turns failures into messages
// and exit statuses.

#include "cli.hpp"
#include "help.hpp"
#include "diag/failure.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <csignal>
#include <cstdio>
#include <exception>
#include <optional>
#include <string>
#include <vector>

namespace {

using qc::diag::ExitStatus;
using qc::diag::Failure;

void print_failure(const Failure& failure) {
    for (const qc::diag::Diagnostic& d : failure.diagnostics().recorded()) {
        std::fprintf(stderr, "qualcheck: error: %s\n", qc::diag::format(d).c_str());
    }
    const std::size_t unshown = failure.diagnostics().count() - failure.diagnostics().recorded().size();
    if (unshown > 0) {
        std::fprintf(stderr, "qualcheck: error: ... and %zu more error%s not shown\n", unshown,
                     unshown == 1 ? "" : "s");
    }
}

// The subcommand, view or action that was being parsed when parsing stopped.
const CLI::App& deepest(const CLI::App& app) {
    const CLI::App* at = &app;
    while (!at->get_subcommands().empty()) {
        at = at->get_subcommands().front();
    }
    return *at;
}

// CLI11's own parse errors become usage failures (exit 2) that say what to do; --help and
// --version end the run with their status.
std::optional<int> parse(CLI::App& app, int argc, char** argv) {
    // CLI11 says "The following arguments were not expected: chek"; a misspelt subcommand
    // deserves a suggestion instead.
    if (argc < 2) {
        throw qc::cmd::unknown_subcommand(app, "subcommand", {});
    }
    if (argv[1][0] != '-') {
        try {
            app.get_subcommand(argv[1]);
        } catch (const CLI::OptionNotFound&) {
            throw qc::cmd::unknown_subcommand(app, "subcommand", argv[1]);
        }
    }
    try {
        app.parse(argc, argv);
        return std::nullopt;
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        // A misspelt option is the likelier cause of a missing one ("--reasn" for "--reason"),
        // so words left over are reported first.
        if (const std::vector<std::string> rest = app.remaining(true); !rest.empty()) {
            throw qc::cmd::unexpected_argument(deepest(app), rest);
        }
        throw Failure(ExitStatus::bad_input, qc::cmd::plain_parse_error(deepest(app), e.what()),
                      fmt::format("run '{} --help' for usage", qc::cmd::command_path(deepest(app))));
    }
}

} // namespace

int main(int argc, char** argv) {
    std::signal(SIGPIPE, SIG_IGN);
    std::signal(SIGXFSZ, SIG_IGN); // past `ulimit -f`, writes fail with EFBIG and are reported
    try {
        qc::cmd::Commands commands;
        std::unique_ptr<CLI::App> app = qc::cmd::make_app(commands);
        if (std::optional<int> status = parse(*app, argc, argv)) {
            return *status;
        }
        return qc::cmd::run_parsed(*app, commands);
    } catch (const Failure& failure) {
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
