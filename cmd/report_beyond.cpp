// The views of what the tracker cannot show: options (move down, top up) and moderation
// (deadlines and what breaks them), from the store or straight from CSV exports.
#include "report.hpp"

#include "csvio/exports.hpp"
#include "diag/failure.hpp"
#include "moderation/moderation.hpp"
#include "report/beyond.hpp"
#include "stored.hpp"

namespace qc::cmd {

namespace {

// The facts of the view: the centre's current data (statements applied) or the exports.
struct Facts {
    explicit Facts(const model::RuleBook& rules) : book(rules), collector(book) {}
    engine::EntryBook book;
    moderation::DatedRowCollector collector;
    std::vector<bool> acknowledged;
    std::vector<model::Visit> visits;
};

void read_facts(const ReportOptions& o, const Setup& setup, Facts& facts) {
    if (reads_csv(o)) {
        if (o.inputs.candidates == "-" && o.inputs.units == "-") {
            throw diag::Failure(diag::ExitStatus::bad_input,
                                "--candidates and --units cannot both read standard input",
                                "give at least one of them as a file");
        }
        csvio::ReadOptions read{default_centre(o.common, setup.config)};
        csvio::read_candidates(csvio::Input::file(o.inputs.candidates), setup.rules, read, facts.collector);
        csvio::read_units(csvio::Input::file(o.inputs.units), read, facts.collector);
        if (!o.inputs.visits.empty()) {
            facts.visits = csvio::read_visits(csvio::Input::file(o.inputs.visits), setup.rules);
        }
        facts.acknowledged.assign(facts.book.size(), false);
        return;
    }
    store::Store store = open_store(o.common, setup, store::OpenMode::must_exist);
    facts.acknowledged = load_current_data(store, setup.rules, facts.book, &facts.collector).acknowledged;
    facts.visits = store.load_visits(setup.rules);
}

} // namespace

int run_options_view(const ReportOptions& o) {
    Setup setup = prepare(o.common);
    Facts facts(setup.rules);
    read_facts(o, setup, facts);
    std::vector<report::OptionsLine> lines;
    for (std::size_t i = 0; i < facts.book.size(); ++i) {
        assess::Assessment record = assess::assess(facts.book, i, {setup.current, assess::Depth::row},
                                                   facts.acknowledged[i]);
        if (record.suggestion.empty()) {
            continue;
        }
        report::OptionsLine line{{}, {}, {}, record.suggestion};
        for (const model::Qualification* qualification : record.options.met_achieved) {
            line.met_achieved.push_back(qualification->code);
        }
        for (const model::Qualification* qualification : record.options.met_in_progress) {
            line.met_in_progress.push_back(qualification->code);
        }
        line.line = std::move(record);
        lines.push_back(std::move(line));
    }
    report::Output out(o.common.output);
    const report::Format format = resolve_format(o.common.format, out);
    out.write(format == report::Format::table  ? report::render_options_table(lines, use_colour(out))
              : format == report::Format::json ? report::render_options_json(lines, setup.today)
                                               : report::render_options_csv(lines, out.excel()));
    out.close();
    return 0;
}

int run_moderation_view(const ReportOptions& o) {
    if (!o.inputs.visits.empty() && !reads_csv(o)) {
        throw diag::Failure(diag::ExitStatus::bad_input,
                            "--visits goes with --candidates and --units",
                            "give all three exports, or none to read the store");
    }
    Setup setup = prepare(o.common);
    Facts facts(setup.rules);
    read_facts(o, setup, facts);
    const std::vector<moderation::Finding> findings = moderation::review(
        facts.book, setup.rules, facts.visits, facts.collector.rows, setup.today);
    const report::ModerationView view =
        report::moderation_view(facts.book, setup.rules, facts.visits, findings, setup.today);
    report::Output out(o.common.output);
    const report::Format format = resolve_format(o.common.format, out);
    out.write(format == report::Format::table  ? report::render_moderation_table(view, use_colour(out))
              : format == report::Format::json ? report::render_moderation_json(view)
                                               : report::render_moderation_csv(view, out.excel()));
    out.close();
    return 0;
}

} // namespace qc::cmd
