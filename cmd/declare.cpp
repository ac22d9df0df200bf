#include "declare.hpp"

#include "diag/failure.hpp"
#include "engine/judge.hpp"
#include "help.hpp"
#include "report/beyond.hpp"
#include "readiness.hpp"
#include "report/views.hpp"
#include "stored.hpp"
#include "util/spell.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cstdio>

namespace qc::cmd {

namespace {

using diag::ExitStatus;
using diag::Failure;

constexpr const char* k_exams_officer = "exams_officer";
constexpr const char* k_teacher = "teacher";

void add_entry_arguments(CLI::App& sub, DeclareOptions& o) {
    sub.add_option("CANDIDATE", o.candidate, "Candidate number, e.g. 0019")->required();
    sub.add_option("QUALIFICATION", o.qualification, "Qualification code, e.g. 90202")->required();
}

CLI::App& add_action(CLI::App& parent, const char* name, const char* about,
                     std::vector<clidoc::Example> examples, DeclareOptions& o, std::string notes = {}) {
    CLI::App* sub = parent.add_subcommand(name, about);
    add_common_options(*sub, o.common, false);
    sub->add_option("--user", o.user, "Who is declaring (default: the login name)")->type_name("NAME");
    set_help(*sub, std::move(examples), std::move(notes));
    return *sub;
}

// Who may act is decided before the store is opened, so that a refusal changes nothing.
store::Actor authorise(const Setup& setup, const DeclareOptions& o, std::string_view what,
                       bool teachers_may) {
    const std::string user = acting_user(o.user);
    auto found = setup.config.users.find(user);
    if (found == setup.config.users.end()) {
        throw Failure(ExitStatus::refused,
                      fmt::format("refused: user '{}' is not in the [users] of {}", user,
                                  setup.config.file.empty() ? "the config" : setup.config.file),
                      "an exams officer adds each user with their role, e.g. " + user + " = \"teacher\"");
    }
    const std::string& role = found->second;
    if (role != k_exams_officer && !(teachers_may && role == k_teacher)) {
        throw Failure(ExitStatus::refused,
                      fmt::format("refused: {} is a {}; only {} may {}", user, role,
                                  teachers_may ? "a teacher or an exams officer" : "an exams officer",
                                  what));
    }
    return store::Actor{user, role, timestamp(setup)};
}

void require_window(const Setup& setup, int from_month, int from_day, int to_month, int to_day,
                    std::string_view what, std::string_view window) {
    const util::Date from{setup.today.year, from_month, from_day};
    const util::Date to{setup.today.year, to_month, to_day};
    if (setup.today < from || setup.today > to) {
        throw Failure(ExitStatus::refused,
                      fmt::format("refused: {} is open only from {} to {}; today is {}", what,
                                  window.substr(0, window.find('|')),
                                  window.substr(window.find('|') + 1), util::to_iso(setup.today)));
    }
}

struct Target {
    store::EntryKey key;
    std::string label; ///< "0019 90202 (Jones, Siân)"
};

Target find_entry(store::Store& store, const Setup& setup, const DeclareOptions& o) {
    if (setup.rules.find_qualification(o.qualification) == nullptr) {
        std::string hint = util::did_you_mean(o.qualification, setup.rules.qualification_codes());
        throw Failure(ExitStatus::bad_input,
                      fmt::format("unknown qualification code '{}'", o.qualification),
                      hint.empty() ? "the codes are in the rules files" : hint);
    }
    const std::string centre = default_centre(o.common, setup.config);
    engine::EntryBook book(setup.rules);
    load_current_data(store, setup.rules, book);
    const long at = book.find(centre, o.candidate, o.qualification);
    if (at < 0) {
        throw Failure(ExitStatus::bad_input,
                      fmt::format("no entry for candidate '{}' in {} at centre {} in the current import",
                                  o.candidate, o.qualification, centre),
                      "check the numbers with 'qualcheck report candidate " + o.candidate +
                          "'; use --centre for another centre's candidate");
    }
    const model::Entry& entry = book.entry(static_cast<std::size_t>(at));
    return {{centre, o.candidate, o.qualification},
            fmt::format("{} {} ({})", o.candidate, o.qualification,
                        report::display_name(entry.surname, entry.forename))};
}

// Judges again so that stored results reflect the statement, and returns the entry's result.
store::StoredResult rejudge(store::Store& store, const Setup& setup, const store::EntryKey& key) {
    const std::int64_t run = rejudge_and_save(store, setup);
    for (store::StoredResult& result : store.run_results(run)) {
        if (result.centre == key.centre && result.candidate == key.candidate &&
            result.qualification_code == key.qualification_code) {
            return result;
        }
    }
    return {};
}

std::string risk_words(const store::StoredResult& result, const Setup& setup) {
    if (result.result_status == model::ResultStatus::withdrawn) {
        return "withdrawn";
    }
    const bool at_risk =
        engine::at_risk(result.result_status, model::Series{result.ecd_year}, setup.current);
    return fmt::format("{} for {}", at_risk ? "at risk" : "not at risk", setup.current.label());
}

int declare_ecd(const DeclareOptions& o) {
    Setup setup = prepare(o.common);
    const auto series = model::parse_series(o.series);
    if (!series) {
        throw Failure(ExitStatus::bad_input, fmt::format("'{}' is not a series", o.series),
                      "write it as \"Summer 2028\" or 2028");
    }
    const store::Actor actor = authorise(setup, o, "amend an estimated completion date", false);
    store::Store store = open_store(o.common, setup, store::OpenMode::must_exist);
    const Target target = find_entry(store, setup, o);
    store.amend_ecd(target.key, series->year, actor);
    const store::StoredResult result = rejudge(store, setup, target.key);
    std::printf("amended %s: estimated completion %s; now %s\n", target.label.c_str(),
                series->label().c_str(), risk_words(result, setup).c_str());
    return 0;
}

int declare_acknowledge(const DeclareOptions& o) {
    Setup setup = prepare(o.common);
    const store::Actor actor = authorise(setup, o, "acknowledge an entry", false);
    store::Store store = open_store(o.common, setup, store::OpenMode::must_exist);
    const Target target = find_entry(store, setup, o);
    store.set_acknowledged(target.key, !o.undo, actor);
    const store::StoredResult result = rejudge(store, setup, target.key);
    const bool at_risk = result.at_risk;
    if (o.undo) {
        std::printf("acknowledgement withdrawn for %s: %s\n", target.label.c_str(),
                    at_risk ? "at risk, back in alerts" : risk_words(result, setup).c_str());
    } else {
        std::printf("acknowledged %s: %s\n", target.label.c_str(),
                    at_risk ? "stays at risk, out of alerts"
                            : (risk_words(result, setup) + "; kept out of alerts if it becomes at risk").c_str());
    }
    return 0;
}

int declare_withdraw(const DeclareOptions& o) {
    Setup setup = prepare(o.common);
    const store::Actor actor = authorise(setup, o, "withdraw an entry", false);
    store::Store store = open_store(o.common, setup, store::OpenMode::must_exist);
    const Target target = find_entry(store, setup, o);
    store.withdraw(target.key, o.reason, actor);
    rejudge(store, setup, target.key);
    std::printf("withdrawn %s: %s\n", target.label.c_str(), o.reason.c_str());
    return 0;
}

const model::Pathway& find_pathway(const Setup& setup, const DeclareOptions& o) {
    const model::Qualification& qualification = *setup.rules.find_qualification(o.qualification);
    if (qualification.pathways.empty()) {
        throw Failure(ExitStatus::bad_input,
                      fmt::format("qualification {} has no pathways", qualification.code),
                      "only qualifications with [[qualification.pathway]] in their rules take one");
    }
    if (const model::Pathway* pathway = qualification.find_pathway(o.pathway)) {
        return *pathway;
    }
    std::vector<std::string> ids;
    std::vector<std::string> listed;
    for (const model::Pathway& pathway : qualification.pathways) {
        ids.push_back(pathway.id);
        listed.push_back(fmt::format("{} ({})", pathway.id, pathway.title));
    }
    const std::string guess = util::did_you_mean(o.pathway, ids);
    const std::string list = fmt::format("its pathways: {}", fmt::join(listed, ", "));
    throw Failure(ExitStatus::bad_input,
                  fmt::format("unknown pathway '{}' for qualification {}", o.pathway, qualification.code),
                  guess.empty() ? list : guess + " " + list);
}

// The declared pathway's standing in the centre's current data, in words.
std::string declared_standing(store::Store& store, const Setup& setup, const store::EntryKey& key) {
    engine::EntryBook book(setup.rules);
    load_current_data(store, setup.rules, book);
    const long at = book.find(key.centre, key.candidate, key.qualification_code);
    const auto index = static_cast<std::size_t>(at);
    for (const engine::PathwayLine& line : engine::pathway_standing(book.entry(index), book.facts(index))) {
        if (line.declared) {
            return report::pathway_standing_words(line);
        }
    }
    return {};
}

int declare_pathway(const DeclareOptions& o) {
    Setup setup = prepare(o.common);
    const store::Actor actor = authorise(setup, o, "declare a pathway", false);
    store::Store store = open_store(o.common, setup, store::OpenMode::must_exist);
    const Target target = find_entry(store, setup, o);
    const model::Pathway& pathway = find_pathway(setup, o);
    store.declare_pathway(target.key, pathway.id, actor);
    const store::StoredResult result = rejudge(store, setup, target.key);
    std::printf("declared pathway %s (%s) for %s: %s; now %s\n", pathway.id.c_str(),
                pathway.title.c_str(), target.label.c_str(),
                declared_standing(store, setup, target.key).c_str(), risk_words(result, setup).c_str());
    return 0;
}

const model::Suite& find_suite(const Setup& setup, const std::string& name) {
    if (const model::Suite* suite = setup.rules.find_suite(name)) {
        return *suite;
    }
    std::string hint = util::did_you_mean(name, setup.rules.suite_ids());
    throw Failure(ExitStatus::bad_input, fmt::format("unknown subject '{}'", name),
                  hint.empty() ? fmt::format("the subjects are {}", fmt::join(setup.rules.suite_ids(), ", "))
                               : hint);
}

int declare_subject_checked(const DeclareOptions& o) {
    Setup setup = prepare(o.common);
    const model::Suite& suite = find_suite(setup, o.suite);
    const store::Actor actor = authorise(setup, o, "tick a subject", true);
    require_window(setup, 3, 1, 4, 30, "ticking subjects for the term-time checkpoint",
                   "1 March|30 April");
    store::Store store = open_store(o.common, setup, store::OpenMode::must_exist);
    const int year = model::academic_year(setup.today);
    store.set_subject_checked(year, suite.id, !o.undo, actor);
    std::printf("%s %s (%s) for the term-time checkpoint %d-%d\n",
                o.undo ? "unticked" : "ticked as checked", suite.id.c_str(), suite.title.c_str(),
                year - 1, year);
    return 0;
}

int submit_term_time(const DeclareOptions& o, Setup& setup, const store::Actor& actor) {
    require_window(setup, 3, 1, 4, 30, "the term-time checkpoint", "1 March|30 April");
    store::Store store = open_store(o.common, setup, store::OpenMode::must_exist);
    const report::CheckpointView view = build_checkpoint(store, setup);
    if (!view.term_time_submitted.empty()) {
        throw Failure(ExitStatus::refused, "refused: the term-time checkpoint was already submitted " +
                                               view.term_time_submitted);
    }
    std::vector<std::string> unticked;
    std::vector<std::string> ticked;
    for (const report::SubjectLine& subject : view.subjects) {
        (subject.checked ? ticked : unticked).push_back(subject.suite_id);
    }
    if (!unticked.empty() || ticked.empty()) {
        throw Failure(ExitStatus::refused,
                      fmt::format("refused: not every subject with entries is checked: {} not ticked",
                                  fmt::join(unticked, ", ")),
                      "a teacher ticks each with 'qualcheck declare subject-checked SUITE'");
    }
    const std::string details = fmt::format("term-time checkpoint {}-{}: {} checked",
                                            view.academic_year - 1, view.academic_year,
                                            fmt::join(ticked, ", "));
    store.record_declaration(actor, "submit term-time", details);
    std::printf("submitted the %s\n", details.c_str());
    return 0;
}

int submit_checkpoint_2(const DeclareOptions& o, Setup& setup, const store::Actor& actor) {
    require_window(setup, 6, 15, 6, 23, "Checkpoint 2", "15 June|23 June");
    store::Store store = open_store(o.common, setup, store::OpenMode::must_exist);
    const report::CheckpointView view = build_checkpoint(store, setup);
    if (!view.checkpoint2_submitted.empty()) {
        throw Failure(ExitStatus::refused,
                      "refused: Checkpoint 2 was already submitted " + view.checkpoint2_submitted);
    }
    if (const std::size_t blocking = report::blocking_count(view.due); blocking > 0) {
        diag::Diagnostics problems;
        problems.add({{}, 0, 0,
                      fmt::format("refused: {} entr{} due in {} {} a blocker that is neither "
                                  "resolved nor acknowledged:",
                                  blocking, blocking == 1 ? "y" : "ies", setup.current.label(),
                                  blocking == 1 ? "has" : "have"),
                      {}, {}});
        for (const assess::Assessment& entry : view.due) {
            if (!entry.blockers.empty() && !entry.result.acknowledged) {
                problems.add({{}, 0, 0,
                              fmt::format("  {} {} ({}): {}", entry.candidate,
                                          entry.qualification_code,
                                          report::display_name(entry.surname, entry.forename),
                                          fmt::join(entry.blockers, "; ")),
                              {}, {}});
            }
        }
        problems.add({{}, 0, 0, "resolve each, or acknowledge it with 'qualcheck declare "
                                "acknowledge CANDIDATE QUALIFICATION'", {}, {}});
        throw Failure(ExitStatus::refused, std::move(problems));
    }
    const std::string details = fmt::format("Checkpoint 2 for {}: {} entries due, {} acknowledged",
                                            setup.current.label(), view.due.size(),
                                            std::count_if(view.due.begin(), view.due.end(), [](const auto& e) {
                                                return !e.blockers.empty();
                                            }));
    store.record_declaration(actor, "submit checkpoint-2", details);
    std::printf("submitted %s\n", details.c_str());
    return 0;
}

int declare_submit(const DeclareOptions& o) {
    Setup setup = prepare(o.common);
    if (o.what != "term-time" && o.what != "checkpoint-2") {
        std::string hint = util::did_you_mean(o.what, {"term-time", "checkpoint-2"});
        throw Failure(ExitStatus::bad_input, fmt::format("submit: unknown checkpoint '{}'", o.what),
                      hint.empty() ? "submit term-time or submit checkpoint-2" : hint);
    }
    const store::Actor actor = authorise(setup, o, "submit a checkpoint", false);
    return o.what == "term-time" ? submit_term_time(o, setup, actor)
                                 : submit_checkpoint_2(o, setup, actor);
}

} // namespace

void register_declare(CLI::App& app, DeclareOptions& o) {
    CLI::App* sub = app.add_subcommand("declare", "The centre's statements: ecd, acknowledge, "
                                                  "withdraw, pathway, subject-checked, submit");
    // An unknown action is left over rather than a parse error, so that run_declare can
    // suggest the action that was meant.
    sub->require_subcommand(0, 1);
    sub->allow_extras();
    set_help(*sub,
             {{"qualcheck declare acknowledge 0019 90202", "a result no longer expected this summer"},
              {"qualcheck declare subject-checked fx-l3-it --user bob", "a teacher ticks a subject in March or April"},
              {"qualcheck declare submit checkpoint-2", "between 15 and 23 June, when nothing blocks"}},
             "The acting user (--user NAME, else the login name) must be in the config's [users].\n"
             "Exit 3 when the role may not act or the window is closed; nothing is changed then.");
    CLI::App& ecd = add_action(*sub, "ecd", "Amend an entry's estimated completion (exams officer)",
                               {{"qualcheck declare ecd 0021 90301 \"Summer 2028\"", "due a year later"},
                                {"qualcheck declare ecd 0021 90301 2028 --user alice", "the same, as alice"}},
                               o);
    add_entry_arguments(ecd, o);
    ecd.add_option("SERIES", o.series, "\"Summer 2028\" or 2028")->required();
    CLI::App& ack = add_action(*sub, "acknowledge",
                               "Result no longer expected this summer: stays at risk, out of alerts (exams officer)",
                               {{"qualcheck declare acknowledge 0019 90202", "out of alerts and of check's exit 1"},
                                {"qualcheck declare acknowledge 0019 90202 --undo", "back into alerts"}},
                               o);
    add_entry_arguments(ack, o);
    ack.add_flag("--undo", o.undo, "Withdraw the acknowledgement");
    CLI::App& withdraw = add_action(*sub, "withdraw", "Withdraw an entry (exams officer)",
                                    {{"qualcheck declare withdraw 0950 90302 --reason \"left the college in January\"",
                                      "no longer judged; the reason is kept in the log"},
                                     {"qualcheck declare withdraw 0042 90201 --centre 01234 --reason \"moved to a Level 3 course\"",
                                      "a candidate of another centre in the same store"}},
                                    o);
    add_entry_arguments(withdraw, o);
    withdraw.add_option("--reason", o.reason, "Why the entry is withdrawn")->required()->type_name("TEXT");
    CLI::App& pathway = add_action(
        *sub, "pathway", "Declare the pathway an entry follows, by id or title (exams officer)",
        {{"qualcheck declare pathway 0502 90303 app-dev", "by pathway id"},
         {"qualcheck declare pathway 0018 90303 \"Application Developer\" --today 2027-03-12", "by title"}},
        o,
        "Replaces the pathway from the candidates export, now and after later imports. The\n"
        "declared pathway is checked: if its units are not all achieved or in progress, the entry is\n"
        "not eligible (pathway_units_missing).");
    add_entry_arguments(pathway, o);
    pathway.add_option("PATHWAY", o.pathway, "Pathway id or title, e.g. app-dev")->required();
    CLI::App& tick = add_action(*sub, "subject-checked",
                                "Tick a subject as checked for the term-time checkpoint (1 March to 30 April)",
                                {{"qualcheck declare subject-checked fx-l3-it --user bob", "by suite id"},
                                 {"qualcheck declare subject-checked \"Example Technicals Level 2 Sport (fictional)\" --undo",
                                  "by title; --undo removes the tick"}},
                                o);
    tick.add_option("SUITE", o.suite, "Suite id or title")->required();
    tick.add_flag("--undo", o.undo, "Remove the tick");
    CLI::App& submit = add_action(*sub, "submit",
                                  "Submit the term-time checkpoint (1 March to 30 April) or Checkpoint 2 "
                                  "(15 to 23 June) (exams officer)",
                                  {{"qualcheck declare submit term-time", "every subject with entries ticked"},
                                   {"qualcheck declare submit checkpoint-2",
                                    "every entry due this summer ready or acknowledged"}},
                                  o,
                                  "term-time needs every subject with entries ticked; checkpoint-2 needs every entry\n"
                                  "due this summer free of blockers or acknowledged (see 'qualcheck report checkpoint').");
    submit.add_option("WHAT", o.what, "term-time or checkpoint-2")->required();
}

int run_declare(const CLI::App& declare, const DeclareOptions& o) {
    const std::vector<std::string> rest = declare.remaining(true);
    if (declare.get_subcommands().empty()) {
        throw unknown_subcommand(declare, "action", rest.empty() ? std::string() : rest.front());
    }
    if (!rest.empty()) {
        throw unexpected_argument(*declare.get_subcommands().front(), rest);
    }
    if (declare.got_subcommand("ecd")) {
        return declare_ecd(o);
    }
    if (declare.got_subcommand("acknowledge")) {
        return declare_acknowledge(o);
    }
    if (declare.got_subcommand("withdraw")) {
        return declare_withdraw(o);
    }
    if (declare.got_subcommand("pathway")) {
        return declare_pathway(o);
    }
    if (declare.got_subcommand("subject-checked")) {
        return declare_subject_checked(o);
    }
    return declare_submit(o);
}

} // namespace qc::cmd
