#include "check.hpp"

#include "diag/failure.hpp"

namespace qc::cmd {

void register_check(CLI::App& app, CheckOptions& o) {
    CLI::App* sub = app.add_subcommand("check", "Judge every entry: eligible, not eligible, and why");
    add_common_options(*sub, o.common, true);
    sub->add_option("--candidates", o.inputs.candidates, "candidates.csv export ('-' for stdin)")
        ->type_name("FILE");
    sub->add_option("--units", o.inputs.units, "units.csv export ('-' for stdin)")->type_name("FILE");
    sub->footer(R"(Exit status: 0 no unacknowledged at-risk entry, 1 at least one, 2 bad input.

Examples:
  qualcheck check --candidates candidates.csv --units units.csv
  qualcheck check --rules rules/ --candidates c.csv --units u.csv --today 2027-03-10 --format csv -o results.csv
  qualcheck check --format json --candidates c.csv --units u.csv | jq '.entries[] | select(.at_risk)')");
}

int run_check(const CheckOptions& o) {
    if (o.inputs.candidates.empty() != o.inputs.units.empty()) {
        throw diag::Failure(diag::ExitStatus::bad_input, "--candidates and --units go together",
                            "give both exports, or neither to check the store");
    }
    if (o.inputs.candidates.empty()) {
        throw diag::Failure(diag::ExitStatus::bad_input, "no data to check: give --candidates and --units",
                            "for example: qualcheck check --candidates candidates.csv --units units.csv");
    }
    Setup setup = prepare(o.common);
    engine::EntryBook book(setup.rules);
    read_exports(o.inputs, default_centre(o.common, setup.config), setup.rules, book);

    report::Output out(o.common.output);
    const report::Format format = resolve_format(o.common.format, out);
    auto writer = report::make_result_writer(format, out, {setup.today, setup.current},
                                             {use_colour(out)});
    const auto notes = notes_by_entry(book, o.inputs.units);
    const report::Tally tally =
        judge_all(book, setup.current, notes, *writer, format == report::Format::json, {}, {});
    out.close();
    return tally.alerting() > 0 ? static_cast<int>(diag::ExitStatus::at_risk) : 0;
}

} // namespace qc::cmd
