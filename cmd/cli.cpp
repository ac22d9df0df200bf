#include "cli.hpp"

#include "help.hpp"

namespace qc::cmd {

std::unique_ptr<CLI::App> make_app(Commands& commands) {
    auto app = std::make_unique<CLI::App>("qualcheck: which students will not get a vocational "
                                          "qualification result on results day, and why",
                                          "qualcheck");
    use_help_formatter(*app);
    app->require_subcommand(1);
    app->set_version_flag("--version", std::string("qualcheck ") + QC_VERSION);
    set_help(*app,
             {{"qualcheck check --candidates candidates.csv --units units.csv",
               "judge two exports straight from the files; exit 1 when an entry is at risk"},
              {"qualcheck import --candidates candidates.csv --units units.csv && qualcheck report "
               "at-risk",
               "keep the data in the centre's store, then see who is at risk and why"},
              {"qualcheck check --rules examples/rules --candidates examples/candidates.csv "
               "--units examples/units.csv --today 2027-03-10",
               "the fictional example centre (docs/tutorial.md walks through it)"}},
             "Run 'qualcheck SUBCOMMAND --help' for each subcommand's options and examples,\n"
             "and 'man qualcheck' for everything on one page.");
    register_import(*app, commands.import);
    register_check(*app, commands.check);
    register_report(*app, commands.report);
    register_declare(*app, commands.declare);
    register_rules(*app, commands.rules);
    return app;
}

int run_parsed(const CLI::App& app, const Commands& commands) {
    if (app.got_subcommand("import")) {
        return run_import(commands.import);
    }
    if (app.got_subcommand("check")) {
        return run_check(commands.check);
    }
    if (app.got_subcommand("report")) {
        return run_report(*app.get_subcommand("report"), commands.report);
    }
    if (app.got_subcommand("declare")) {
        return run_declare(*app.get_subcommand("declare"), commands.declare);
    }
    if (app.got_subcommand("rules")) {
        return run_rules(*app.get_subcommand("rules"), commands.rules);
    }
    throw unknown_subcommand(app, "subcommand", {});
}

} // namespace qc::cmd
