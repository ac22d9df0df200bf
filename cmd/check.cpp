#include "check.hpp"

#include "assess/cells.hpp"
#include "diag/failure.hpp"
#include "help.hpp"
#include "stored.hpp"

#include <cstdio>

namespace qc::cmd {

void register_check(CLI::App& app, CheckOptions& o) {
    CLI::App* sub = app.add_subcommand("check", "Judge every entry: eligible, not eligible, and why");
    add_common_options(*sub, o.common, true);
    sub->add_option("--candidates", o.inputs.candidates, "candidates.csv export ('-' for stdin)")
        ->type_name("FILE");
    sub->add_option("--units", o.inputs.units, "units.csv export ('-' for stdin)")->type_name("FILE");
    set_help(*sub,
             {{"qualcheck check --candidates candidates.csv --units units.csv",
               "judge two exports straight from the files"},
              {"qualcheck check", "judge the data imported into the store, and keep the results"},
              {"qualcheck check --candidates c.csv --units u.csv --today 2027-03-10 --format csv -o results.csv",
               "a CSV for a spreadsheet, judged as on 10 March 2027"}},
             "Exit status: 0 no unacknowledged at-risk entry, 1 at least one, 2 bad input,\n"
             "4 the store or the output file could not be used.");
}

namespace {

// JSON writes every reason's evidence, the units and the pathways: assess in full for it.
assess::Context context_for(const Setup& setup, report::Format format,
                            const engine::EntryNotes& notes) {
    return {setup.current,
            format == report::Format::json ? assess::Depth::explained : assess::Depth::row, &notes};
}

// With no exports named, `check` judges the store's current data (with the centre's
// statements applied) and keeps the run's results for `report changes` and `report at-risk`.
int run_check_on_store(const CheckOptions& o) {
    Setup setup = prepare(o.common);
    store::Store store = open_store(o.common, setup, store::OpenMode::must_exist);
    engine::EntryBook book(setup.rules);
    CurrentData data = load_current_data(store, setup.rules, book);

    report::Output out(o.common.output);
    const report::Format format = resolve_format(o.common.format, out, true);
    auto writer = make_writer(format, out, setup, "Results", "qualcheck check",
                              data.import.at, {use_colour(out)});
    // Each result is saved as it is written, in one transaction, never all held in memory.
    store::Store::Results run = store.begin_results(data.import.id, util::to_iso(setup.today));
    ResultSaver saver(run, writer.get());
    std::string units_file;
    for (const store::ImportedFile& file : data.import.files) {
        units_file = file.role == "units" ? file.name : units_file;
    }
    const engine::EntryNotes notes(book, units_file);
    const report::Tally tally =
        judge_all(book, context_for(setup, format, notes), saver,
                  [&](std::size_t i) { return static_cast<bool>(data.acknowledged[i]); });
    run.commit();
    out.close();
    return tally.alerting() > 0 ? static_cast<int>(diag::ExitStatus::at_risk) : 0;
}

} // namespace

int run_check(const CheckOptions& o) {
    if (o.inputs.candidates.empty() != o.inputs.units.empty()) {
        throw diag::Failure(diag::ExitStatus::bad_input, "--candidates and --units go together",
                            "give both exports, or neither to check the store");
    }
    if (o.inputs.candidates.empty()) {
        return run_check_on_store(o);
    }
    report::refuse_overwriting("-o", o.common.output, {{"the candidates export", o.inputs.candidates},
                                                       {"the units export", o.inputs.units}});
    Setup setup = prepare(o.common);
    engine::EntryBook book(setup.rules);
    ProgressDisplay progress(o.common);
    read_exports(o.inputs, default_centre(o.common, setup.config), setup.rules, book, &progress);
    warn_far_ecds(book, o.inputs.candidates, setup.current);
    if (book.size() == 0) {
        // Nothing to judge is "all clear" to a cron job: say so where a person will see it.
        std::fprintf(stderr, "qualcheck: warning: %s: no entries: the file has a header row and nothing else\n",
                     o.inputs.candidates == "-" ? "<stdin>" : o.inputs.candidates.c_str());
    }

    report::Output out(o.common.output);
    const report::Format format = resolve_format(o.common.format, out, true);
    auto writer = make_writer(format, out, setup, "Results", "qualcheck check", {}, {use_colour(out)});
    const engine::EntryNotes notes(book, o.inputs.units);
    const report::Tally tally = judge_all(book, context_for(setup, format, notes), *writer, {});
    out.close();
    return tally.alerting() > 0 ? static_cast<int>(diag::ExitStatus::at_risk) : 0;
}

} // namespace qc::cmd
