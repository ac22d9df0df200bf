#include "report.hpp"

#include "diag/failure.hpp"
#include "help.hpp"
#include "report/html.hpp"
#include "assess/stored.hpp"
#include "evaluate.hpp"
#include "stored.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <functional>
#include <map>
#include <optional>

namespace qc::cmd {

namespace {

int run_at_risk(const ReportOptions& o);
int run_summary(const ReportOptions& o);
int run_alert(const ReportOptions& o);
int run_declarations(const ReportOptions& o);

// The options a view takes beyond the common ones.
enum ViewOption : unsigned {
    k_exports = 1u << 0,   ///< --candidates, --units: read the exports instead of the store
    k_visits = 1u << 1,    ///< --visits
    k_html = 1u << 2,      ///< --format html
    k_candidate = 1u << 3, ///< NUMBER
    k_since = 1u << 4,     ///< --since DATE
    k_verify = 1u << 5,    ///< --verify
};

// One report view: its name, help, options and what runs it. A new view is one entry here.
struct ViewHelp {
    const char* name;
    const char* about;
    std::vector<clidoc::Example> examples;
    const char* notes;
    unsigned options;
    int (*run)(const ReportOptions&);
};

const std::vector<ViewHelp>& views() {
    static const std::vector<ViewHelp> k_views = {
        {"at-risk", "Entries due this summer that are not eligible: main reason first",
         {{"qualcheck report at-risk", "from the store, as a table on a terminal"},
          {"qualcheck report at-risk --format csv -o at-risk.csv", "for a spreadsheet"},
          {"qualcheck report at-risk --candidates candidates.csv --units units.csv",
           "straight from the exports, no store needed"}},
         "Acknowledged entries are marked (grey on a terminal). Exit 0 even when some are at risk.",
         k_exports, run_at_risk},
        {"summary", "Every entry with status and GLH; counts per suite",
         {{"qualcheck report summary", "every entry, then counts per suite"},
          {"qualcheck report summary --format html -o summary.html",
           "one page with charts for heads of department"},
          {"qualcheck report summary --format json | jq '.suites'", "counts per suite for a script"}},
         "",
         k_exports | k_html, run_summary},
        {"candidate", "One candidate's entries unit by unit, and what needs action",
         {{"qualcheck report candidate 0019", "a candidate of the centre in the config"},
          {"qualcheck report candidate 0042 --centre 01234", "a candidate of another centre"},
          {"qualcheck report candidate 0019 --candidates candidates.csv --units units.csv",
           "straight from the exports"}},
         "",
         k_exports | k_candidate, run_candidate_view},
        {"changes", "Entries that became at risk, stopped being at risk or changed reasons",
         {{"qualcheck report changes", "since the previous import"},
          {"qualcheck report changes --since 2027-03-01 --format csv", "since the last run on 1 March"}},
         "Compares the latest run with the last run of the previous import, or with the last run\n"
         "on or before --since DATE. Made for a nightly cron mail.",
         k_since, run_changes_view},
        {"checkpoint", "Readiness for the term-time checkpoint and for Checkpoint 2",
         {{"qualcheck report checkpoint", "subjects ticked, and what blocks each entry due this summer"},
          {"qualcheck report checkpoint --today 2027-06-15 --format csv", "the entries due, for a spreadsheet"}},
         "",
         0, run_checkpoint_view},
        {"alert", "An email for 'sendmail -t' listing unacknowledged at-risk entries",
         {{"qualcheck report alert | sendmail -t", "weekly from cron; silent when nothing needs attention"},
          {"qualcheck report alert --config /srv/qualcheck/qualcheck.toml", "to the address in [alerts] to"}},
         "Prints nothing when no entry needs attention, so cron sends no mail.",
         0, run_alert},
        {"options", "Entries whose units already meet another size: move down or top up",
         {{"qualcheck report options", "every entry with a move-down or top-up suggestion"},
          {"qualcheck report options --format csv -o options.csv", "for a spreadsheet"},
          {"qualcheck report options --candidates candidates.csv --units units.csv",
           "straight from the exports, no store needed"}},
         "Lists each entry with a suggestion: the largest other qualification of its suite that\n"
         "its units meet now (achieved units only), else once the units in progress are achieved.",
         k_exports, run_options_view},
        {"moderation", "Moderation visits per suite: deadlines, late claims and entries, problems",
         {{"qualcheck report moderation", "every suite's visits and what is due before each"},
          {"qualcheck report moderation --today 2027-06-01 --format csv", "findings for a spreadsheet"},
          {"qualcheck report moderation --candidates c.csv --units u.csv --visits visits.csv",
           "straight from the exports"}},
         "Claims are due 14 days and entries 28 days before each visit. Reports late claims and\n"
         "entries, claims after the last visit, final visits after 30 June, visits in 18-31 August,\n"
         "visits beyond two a year, mandatory moderated units with no claim from six weeks before the\n"
         "final visit, and suites with entries due this summer but no final visit booked.",
         k_exports | k_visits, run_moderation_view},
        {"declarations", "The audit log of every declaration",
         {{"qualcheck report declarations", "who declared what, when, on which data"},
          {"qualcheck report declarations --verify", "exit 4 when the log has been altered"}},
         "",
         k_verify, run_declarations},
    };
    return k_views;
}

void register_view(CLI::App& parent, const ViewHelp& help, ReportOptions& o) {
    CLI::App* view = parent.add_subcommand(help.name, help.about);
    add_common_options(*view, o.common, true);
    if (help.options & k_exports) {
        view->add_option("--candidates", o.inputs.candidates, "Read candidates.csv instead of the store")
            ->type_name("FILE");
        view->add_option("--units", o.inputs.units, "Read units.csv instead of the store")
            ->type_name("FILE");
    }
    if (help.options & k_visits) {
        view->add_option("--visits", o.inputs.visits, "Read visits.csv (with --candidates and --units)")
            ->type_name("FILE");
    }
    if (help.options & k_html) {
        view->get_option("--format")
            ->type_name("table|csv|json|html")
            ->description("Output format; html: one page with charts (default: table on a terminal, else csv)");
    }
    if (help.options & k_candidate) {
        view->add_option("NUMBER", o.candidate, "Candidate number, e.g. 0019")->required();
    }
    if (help.options & k_since) {
        view->add_option("--since", o.since, "Compare with the last run on or before DATE")
            ->type_name("DATE");
    }
    if (help.options & k_verify) {
        view->add_flag("--verify", o.verify, "Check that no record has been altered");
    }
    set_help(*view, help.examples, help.notes);
}

// Entries in suite order of the rules, so that the counts read like the rules folder.
std::vector<report::SuiteCounts> suite_counts(const std::vector<assess::Assessment>& lines,
                                              const model::RuleBook& rules) {
    std::map<std::string, report::Tally> tallies;
    std::map<std::string, std::size_t> transferred;
    for (const assess::Assessment& line : lines) {
        tallies[line.suite_id].add(line.result);
        const bool active = line.result.status != model::ResultStatus::withdrawn;
        transferred[line.suite_id] += active && line.transferred_units > 0 ? 1 : 0;
    }
    std::vector<report::SuiteCounts> counts;
    for (const auto& suite : rules.suites()) {
        if (auto found = tallies.find(suite->id); found != tallies.end()) {
            counts.push_back({suite->id, suite->title, found->second, transferred[suite->id]});
        }
    }
    return counts;
}

void write_lines(const std::vector<assess::Assessment>& lines, report::Format format,
                 report::Output& out, const Setup& setup, std::string_view sheet,
                 const std::string& imported_at) {
    auto writer = make_writer(format, out, setup, sheet,
                              fmt::format("qualcheck report {}", sheet), imported_at);
    for (const assess::Assessment& line : lines) {
        writer->row(line);
    }
    writer->finish();
}

std::vector<assess::Assessment> lines_for(const ReportOptions& o, const Setup& setup,
                                         std::string* imported_at) {
    if (reads_csv(o)) {
        return csv_lines(o, setup);
    }
    store::Store store = open_store(o.common, setup, store::OpenMode::must_exist);
    std::vector<assess::Assessment> lines = latest_lines(store, setup);
    if (imported_at != nullptr) {
        *imported_at = store.last_import()->at;
    }
    return lines;
}

// CSV or JSON from the store: rows are written as they are read, never all held.
void stream_at_risk(store::Store& store, const Setup& setup, report::Format format, report::Output& out) {
    std::string imported_at; // read only for a workbook's About sheet
    if (format == report::Format::xlsx) {
        const auto last = store.last_import();
        imported_at = last ? last->at : std::string();
    }
    auto writer = make_writer(format, out, setup, "At risk", "qualcheck report at-risk", imported_at);
    for_each_latest_at_risk(store, setup,
                            [&](const assess::Assessment& line) { writer->row(line); });
    writer->finish();
}

int run_at_risk(const ReportOptions& o) {
    Setup setup = prepare(o.common);
    std::vector<assess::Assessment> lines;
    std::optional<store::Store> store;
    if (reads_csv(o)) {
        lines = csv_lines(o, setup);
        std::erase_if(lines, [](const assess::Assessment& line) { return !line.result.at_risk; });
    } else {
        store = open_store(o.common, setup, store::OpenMode::must_exist);
    }
    report::Output out(o.common.output);
    const report::Format format = resolve_format(o.common.format, out, true);
    if (store && format != report::Format::table) {
        stream_at_risk(*store, setup, format, out);
        out.close();
        return 0;
    }
    if (store) {
        lines = latest_at_risk_lines(*store, setup);
    }
    if (format == report::Format::table) {
        out.write(report::render_at_risk_table(lines, setup.current, use_colour(out)));
    } else {
        write_lines(lines, format, out, setup, "At risk", {});
    }
    out.close();
    return 0;
}

int run_summary(const ReportOptions& o) {
    Setup setup = prepare(o.common);
    report::SummaryView view;
    view.entries = lines_for(o, setup, &view.imported_at);
    view.suites = suite_counts(view.entries, setup.rules);
    view.current = setup.current;
    report::Output out(o.common.output);
    if (o.common.format == "html") {
        out.write(report::render_summary_html(
            view, {setup.config.centre_name, setup.config.centre_number, setup.today}));
        out.close();
        return 0;
    }
    const report::Format format = resolve_format(o.common.format, out, true);
    if (format == report::Format::xlsx) {
        report::write_summary_workbook(
            view, workbook_about(setup, "qualcheck report summary", view.imported_at), out);
    } else if (format == report::Format::table) {
        out.write(report::render_summary_table(view, use_colour(out)));
    } else if (format == report::Format::json) {
        out.write(report::render_summary_json(view));
    } else {
        write_lines(view.entries, format, out, setup, "Entries", view.imported_at);
    }
    out.close();
    return 0;
}

int run_alert(const ReportOptions& o) {
    Setup setup = prepare(o.common);
    if (setup.config.alerts_to.empty()) {
        throw diag::Failure(diag::ExitStatus::bad_input,
                            "report alert: no address to send to",
                            "add [alerts] to = \"exams@example.org\" to the config file "
                            "(--config FILE)");
    }
    store::Store store = open_store(o.common, setup, store::OpenMode::must_exist);
    report::AlertView view{setup.config.alerts_to, setup.config.centre_name,
                           setup.config.centre_number, setup.current, {},
                           "qualcheck report at-risk"};
    for_each_latest_at_risk(store, setup, [&](const assess::Assessment& line) {
        if (!line.result.acknowledged) {
            view.entries.push_back(line);
        }
    });
    if (view.entries.empty()) {
        return 0;
    }
    report::Output out(o.common.output);
    out.write(report::render_alert(view));
    out.close();
    return 0;
}

int run_declarations(const ReportOptions& o) {
    Setup setup = prepare(o.common);
    store::Store store = open_store(o.common, setup, store::OpenMode::must_exist);
    const std::vector<store::Declaration> log = store.declarations();
    if (o.verify) {
        if (auto altered = store.verify_declarations()) {
            throw diag::Failure(diag::ExitStatus::io_failure,
                                fmt::format("declarations log has been altered at record {}", *altered),
                                "restore the store from a backup; the log cannot be trusted from "
                                "this record on");
        }
        std::printf("declarations log intact (%zu record%s)\n", log.size(), log.size() == 1 ? "" : "s");
        return 0;
    }
    report::Output out(o.common.output);
    const report::Format format = resolve_format(o.common.format, out);
    if (format == report::Format::table) {
        out.write(report::render_declarations_table(log));
    } else if (format == report::Format::json) {
        out.write(report::render_declarations_json(log));
    } else {
        out.write(report::render_declarations_csv(log));
    }
    out.close();
    return 0;
}

} // namespace

void register_report(CLI::App& app, ReportOptions& o) {
    CLI::App* sub = app.add_subcommand("report", "Views of the centre's entries: at-risk, summary, "
                                                 "candidate, changes, checkpoint, alert, options, "
                                                 "moderation, declarations");
    // An unknown view is left over rather than a parse error, so that run_report can
    // suggest the view that was meant.
    sub->require_subcommand(0, 1);
    sub->allow_extras();
    for (const ViewHelp& help : views()) {
        register_view(*sub, help, o);
    }
    set_help(*sub,
             {{"qualcheck report at-risk", "who will not get a result this summer, and why"},
              {"qualcheck report candidate 0019", "one student, unit by unit"},
              {"qualcheck report alert | sendmail -t", "mail the exams officer when something needs attention"}},
             "Run 'qualcheck report VIEW --help' for each view's options.");
}

int run_report(const CLI::App& report, const ReportOptions& o) {
    if (report.get_subcommands().empty()) {
        const std::vector<std::string> rest = report.remaining();
        throw unknown_subcommand(report, "view", rest.empty() ? std::string() : rest.front());
    }
    if (const std::vector<std::string> rest = report.remaining(true); !rest.empty()) {
        throw unexpected_argument(*report.get_subcommands().front(), rest);
    }
    if (reads_csv(o) && o.inputs.candidates.empty() != o.inputs.units.empty()) {
        throw diag::Failure(diag::ExitStatus::bad_input, "--candidates and --units go together",
                            "give both exports, or neither to read the store");
    }
    for (const ViewHelp& view : views()) {
        if (report.got_subcommand(view.name)) {
            return view.run(o);
        }
    }
    return 0; // unreachable: one view is required above
}

bool reads_csv(const ReportOptions& o) {
    return !o.inputs.candidates.empty() || !o.inputs.units.empty();
}

std::vector<assess::Assessment> latest_lines(store::Store& store, const Setup& setup) {
    auto run = store.latest_run();
    if (!run) {
        throw diag::Failure(diag::ExitStatus::io_failure,
                            fmt::format("nothing imported yet in {}", store.path()),
                            "run 'qualcheck import --candidates FILE --units FILE' first");
    }
    std::vector<assess::Assessment> lines;
    for (const store::StoredResult& stored : store.run_results(run->id)) {
        lines.push_back(assess::from_stored(stored, setup.rules, setup.current));
    }
    return lines;
}

void for_each_latest_at_risk(store::Store& store, const Setup& setup,
                             const std::function<void(const assess::Assessment&)>& visit) {
    auto run = store.latest_run();
    const auto run_date = run ? util::parse_date(run->today).date : std::nullopt;
    if (!run_date || model::current_series(*run_date) != setup.current) {
        for (const assess::Assessment& line : latest_lines(store, setup)) {
            if (line.result.at_risk) {
                visit(line);
            }
        }
        return;
    }
    // Judged in --today's series: the stored at_risk is the answer, and its index finds the
    // rows without reading a million (docs/performance.md).
    store.for_each_run_result(run->id, true, [&](const store::StoredResult& stored) {
        visit(assess::from_stored(stored, setup.rules, setup.current));
    });
}

std::vector<assess::Assessment> latest_at_risk_lines(store::Store& store, const Setup& setup) {
    std::vector<assess::Assessment> lines;
    for_each_latest_at_risk(store, setup, [&](const assess::Assessment& line) { lines.push_back(line); });
    return lines;
}

std::vector<assess::Assessment> csv_lines(const ReportOptions& o, const Setup& setup) {
    engine::EntryBook book(setup.rules);
    ProgressDisplay progress(o.common);
    read_exports(o.inputs, default_centre(o.common, setup.config), setup.rules, book, &progress);
    std::vector<assess::Assessment> lines;
    lines.reserve(book.size());
    assess::assess_all(book, {setup.current, assess::Depth::row, nullptr}, {},
                       [&](std::size_t, const assess::Assessment& record) { lines.push_back(record); });
    return lines;
}

} // namespace qc::cmd
