// Tests for lib/report/beyond.cpp and moderation_view.cpp: pathway cells, suggestions, the
// options and moderation views, and the candidate and summary views' new parts.
#include "assess/cells.hpp"
#include "report/beyond.hpp"

#include <doctest/doctest.h>

#include <fmt/format.h>

#include <algorithm>

using namespace qc;
using namespace qc::report;

namespace {

constexpr model::Series k_summer_2027{2027};

const model::Pathway k_app_dev{"app-dev", "Application Developer", {7, 8}, {}, {}};
const model::Pathway k_networking{"networking", "Network Technician", {9, 10}, {}, {}};

engine::PathwayLine pathway(const model::Pathway& p, bool declared, bool achieved, bool in_progress,
                            std::vector<int> needed, std::vector<int> awaiting) {
    return engine::PathwayLine{&p, declared, achieved, in_progress, std::move(needed), std::move(awaiting)};
}

engine::EntryResult result(model::ResultStatus status) {
    engine::EntryResult r;
    r.status = status;
    r.at_risk = status == model::ResultStatus::not_eligible;
    r.glh_required = 300;
    r.glh_counted = 270;
    return r;
}

EntryLine line(std::string candidate, engine::EntryResult r) {
    return {"61234", std::move(candidate), "Walsh", "Connor", "90202", "Diploma in Sport",
            "fx-l2-sport", k_summer_2027, r};
}

model::Qualification certificate() {
    model::Qualification q;
    q.code = "90201";
    q.title = "Certificate in Sport";
    q.glh = 150;
    return q;
}

} // namespace

TEST_CASE("pathways cell: met, awaiting, needs, declared, in the rules' order") {
    CHECK(assess::pathways_cell({}) == "");
    CHECK(assess::pathways_cell({pathway(k_app_dev, false, false, true, {}, {8}),
                         pathway(k_networking, true, false, false, {10}, {})}) ==
          "app-dev: awaiting 8; networking (declared): needs 10");
    CHECK(assess::pathways_cell({pathway(k_app_dev, true, true, true, {}, {}),
                         pathway(k_networking, false, false, false, {9, 10}, {})}) ==
          "app-dev (declared): met; networking: needs 9, 10");
}

TEST_CASE("pathway sentences for the candidate view and declare pathway") {
    CHECK(pathway_sentence(pathway(k_networking, true, false, false, {10}, {})) ==
          "networking (Network Technician), declared: not met, needs unit 10");
    CHECK(pathway_sentence(pathway(k_app_dev, false, false, true, {}, {7, 8})) ==
          "app-dev (Application Developer): met once units 7, 8 are achieved (in progress)");
    CHECK(pathway_standing_words(pathway(k_app_dev, false, false, true, {}, {8})) ==
          "met once unit 8 is achieved (in progress)");
    CHECK(pathway_standing_words(pathway(k_app_dev, false, true, true, {}, {})) == "met");
}

TEST_CASE("suggestion text: move down or top up, now or once units in progress are achieved") {
    const model::Qualification to = certificate();
    const auto not_eligible = result(model::ResultStatus::not_eligible);
    const auto eligible = result(model::ResultStatus::eligible);
    CHECK(assess::suggestion_text({engine::SuggestionKind::move_down, &to, true}, not_eligible) ==
          "move down to 90201 Certificate in Sport would be eligible now");
    CHECK(assess::suggestion_text({engine::SuggestionKind::move_down, &to, false}, not_eligible) ==
          "move down to 90201 Certificate in Sport would be eligible once the units in progress are "
          "achieved");
    CHECK(assess::suggestion_text({engine::SuggestionKind::top_up, &to, true}, eligible) ==
          "top up to 90201 Certificate in Sport possible now");
    CHECK(assess::suggestion_text({engine::SuggestionKind::top_up, &to, false}, eligible) ==
          "top up to 90201 Certificate in Sport possible once the units in progress are achieved");
    CHECK(assess::suggestion_text({}, eligible) == "");
}

TEST_CASE("options view: table, CSV and JSON; none says so") {
    CHECK(render_options_table({}, false) == "No entry can move down or top up.\n");
    std::vector<OptionsLine> lines = {{line("0301", result(model::ResultStatus::not_eligible)),
                                       {"90201"}, {"90201"},
                                       "move down to 90201 Certificate in Sport would be eligible now"}};
    CHECK(render_options_table(lines, false) ==
          "CENTRE  CAND  NAME           QUAL   STATUS        MET NOW  MET WITH IN PROGRESS  SUGGESTION\n"
          "61234   0301  Walsh, Connor  90202  Not eligible  90201    90201                 move down to "
          "90201 Certificate in Sport would be eligible now\n"
          "\n1 entry can move down or top up.\n");
    CHECK(render_options_csv(lines) ==
          "centre_number,candidate_number,surname,forename,qualification_code,result_status,at_risk,"
          "met_achieved,met_in_progress,suggestion\r\n"
          "61234,0301,Walsh,Connor,90202,not_eligible,yes,90201,90201,move down to 90201 Certificate "
          "in Sport would be eligible now\r\n");
    CHECK(render_options_json(lines, util::Date{2027, 3, 10}) ==
          "{\"today\":\"2027-03-10\",\"entries\":[\n"
          "{\"centre_number\":\"61234\",\"candidate_number\":\"0301\",\"surname\":\"Walsh\","
          "\"forename\":\"Connor\",\"qualification_code\":\"90202\",\"result_status\":\"not_eligible\","
          "\"at_risk\":true,\"met_achieved\":[\"90201\"],\"met_in_progress\":[\"90201\"],"
          "\"suggestion\":\"move down to 90201 Certificate in Sport would be eligible now\"}\n]}\n");
}

TEST_CASE("candidate view: pathways, the move-down line and the JSON objects") {
    const model::Qualification to = certificate();
    CandidateEntryView entry;
    entry.line = line("0301", result(model::ResultStatus::not_eligible));
    entry.line.suggestion = "move down to 90201 Certificate in Sport would be eligible now";
    entry.pathways = {pathway(k_networking, true, false, false, {10}, {})};
    entry.options.met_achieved = {&to};
    entry.options.met_in_progress = {&to};
    const std::string text = render_candidate({entry}, k_summer_2027, false);
    CHECK(text.find("\nPathways:\n  - networking (Network Technician), declared: not met, needs unit 10\n"
                    "\nMove down / top up:\n  - the units meet now: 90201; with units in progress: 90201\n"
                    "  - move down to 90201 Certificate in Sport would be eligible now\n") !=
          std::string::npos);
    const std::string json = render_candidate_json({entry});
    CHECK(json.find("\"pathways\":[{\"id\":\"networking\",\"title\":\"Network Technician\","
                    "\"declared\":true,\"met_achieved\":false,\"met_in_progress\":false,"
                    "\"still_needed\":[10],\"awaiting\":[]}],\"options\":{\"met_achieved\":[\"90201\"],"
                    "\"met_in_progress\":[\"90201\"]},\"suggestion\":\"move down to 90201 Certificate in "
                    "Sport would be eligible now\",\"grade\":null,\"notes\":[]}") != std::string::npos);
    // Nothing met and nothing suggested: no section.
    entry.options = {};
    entry.line.suggestion.clear();
    CHECK(render_candidate({entry}, k_summer_2027, false).find("Move down") == std::string::npos);
}

TEST_CASE("summary: entries counting units from other centres, per suite") {
    SummaryView view;
    view.current = k_summer_2027;
    EntryLine transferred = line("0042", result(model::ResultStatus::eligible));
    transferred.transferred_units = 2;
    view.entries = {transferred};
    Tally tally;
    tally.add(transferred.result);
    view.suites = {{"fx-l2-sport", "Sport", tally, 1}};
    const std::string text = render_summary_table(view, false);
    CHECK(text.find("SUITE        ENTRIES  ELIGIBLE  NOT ELIGIBLE  AT RISK  ACKNOWLEDGED  FROM OTHER CENTRES\n"
                    "fx-l2-sport  1        1         0             0        0             1\n") !=
          std::string::npos);
    CHECK(text.find("1 entry counts units taken at another centre ('report candidate' marks them).\n") !=
          std::string::npos);
    const std::string json = render_summary_json(view);
    CHECK(json.find("\"transferred_units\":2}") != std::string::npos);
    CHECK(json.find("\"acknowledged\":0,\"transferred\":1}") != std::string::npos);
}

namespace {

ModerationView moderation_example() {
    static model::Suite suite; // only its address is used
    ModerationView view;
    view.today = util::Date{2027, 3, 10};
    const model::Visit interim{&suite, {2027, 2, 3}, model::VisitKind::interim,
                               model::VisitStatus::completed, 2};
    view.suites = {{"fx-l2-sport", "Sport", {interim}}, {"fx-l3-it", "IT", {}}};
    view.findings = {
        {"fx-l2-sport", moderation::FindingKind::claims_due, interim, {2027, 1, 20},
         "claims for the interim visit on 2027-02-03 are due by 2027-01-20", {}},
        {"fx-l2-sport", moderation::FindingKind::late_claim, interim, {2027, 1, 20},
         "claims made after the deadline of 2027-01-20 for the interim visit on 2027-02-03",
         {{"61234", "0007", "Ahmed", "Yusuf", "90201", {3}, "unit 3 claimed 2027-02-01"}}},
        {"fx-l3-it", moderation::FindingKind::no_final_visit, std::nullopt, {},
         "no final moderation visit booked for fx-l3-it (2026-2027)", {}}};
    for (int i = 0; i < 10; ++i) {
        view.findings.back().affected.push_back({"61234", fmt::format("{:04}", i), "S", "F", "90301", {}, ""});
    }
    return view;
}

} // namespace

TEST_CASE("moderation view: visits with deadlines, findings that need action, long lists cut") {
    const std::string text = render_moderation_table(moderation_example(), false);
    CHECK(text ==
          "Moderation on 2027-03-10: claims are due 14 days and entries 28 days before each visit.\n"
          "\nfx-l2-sport: Sport\n\n"
          "VISIT       KIND     STATUS     ENTRIES DUE  CLAIMS DUE\n"
          "2027-02-03  interim  completed  2027-01-06   2027-01-20\n"
          "\nClaim made late: claims made after the deadline of 2027-01-20 for the interim visit on "
          "2027-02-03\n"
          "  - 0007 90201 Ahmed, Yusuf: unit 3 claimed 2027-02-01\n"
          "\nfx-l3-it: IT\n\nNo visits booked.\n"
          "\nNo final visit booked: no final moderation visit booked for fx-l3-it (2026-2027)\n"
          "  - 0000 90301 S, F\n  - 0001 90301 S, F\n  - 0002 90301 S, F\n  - 0003 90301 S, F\n"
          "  - 0004 90301 S, F\n  - 0005 90301 S, F\n  - 0006 90301 S, F\n  - 0007 90301 S, F\n"
          "  ... and 2 more (--format csv lists every one)\n"
          "\n2 findings need action.\n");
    ModerationView empty;
    empty.today = util::Date{2027, 3, 10};
    CHECK(render_moderation_table(empty, false).ends_with("\nNo visits booked and nothing to report.\n"));
}

TEST_CASE("moderation CSV: a row per affected entry, one for a finding with none") {
    const std::string csv = render_moderation_csv(moderation_example());
    CHECK(csv.starts_with("suite,visit_date,visit_kind,visit_status,finding,label,due,message,"
                          "centre_number,candidate_number,surname,forename,qualification_code,units,"
                          "detail\r\n"
                          "fx-l2-sport,2027-02-03,interim,completed,claims_due,Claims due,2027-01-20,"
                          "claims for the interim visit on 2027-02-03 are due by 2027-01-20,,,,,,,\r\n"
                          "fx-l2-sport,2027-02-03,interim,completed,late_claim,Claim made late,"
                          "2027-01-20,claims made after the deadline of 2027-01-20 for the interim visit "
                          "on 2027-02-03,61234,0007,Ahmed,Yusuf,90201,3,unit 3 claimed 2027-02-01\r\n"
                          "fx-l3-it,,,,no_final_visit,No final visit booked,,no final moderation visit "
                          "booked for fx-l3-it (2026-2027),61234,0000,S,F,90301,,\r\n"));
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 1 + 2 + 10);
}

TEST_CASE("moderation JSON: suites with visits and deadlines, findings with entries") {
    const std::string json = render_moderation_json(moderation_example());
    CHECK(json.starts_with("{\"today\":\"2027-03-10\",\"suites\":[\n"
                           "{\"suite\":\"fx-l2-sport\",\"title\":\"Sport\",\"visits\":[{\"date\":\"2027-02-03\","
                           "\"kind\":\"interim\",\"status\":\"completed\",\"entries_due\":\"2027-01-06\","
                           "\"claims_due\":\"2027-01-20\"}]},\n"
                           "{\"suite\":\"fx-l3-it\",\"title\":\"IT\",\"visits\":[]}\n],\"findings\":[\n"));
    CHECK(json.find("{\"suite\":\"fx-l2-sport\",\"finding\":\"late_claim\",\"label\":\"Claim made late\","
                    "\"needs_action\":true,\"visit\":{\"date\":\"2027-02-03\",\"kind\":\"interim\","
                    "\"status\":\"completed\",\"entries_due\":\"2027-01-06\",\"claims_due\":\"2027-01-20\"},"
                    "\"due\":\"2027-01-20\",\"message\":\"claims made after the deadline of 2027-01-20 for "
                    "the interim visit on 2027-02-03\",\"entries\":[{\"centre_number\":\"61234\","
                    "\"candidate_number\":\"0007\",\"surname\":\"Ahmed\",\"forename\":\"Yusuf\","
                    "\"qualification_code\":\"90201\",\"units\":[3],\"detail\":\"unit 3 claimed "
                    "2027-02-01\"}]}") != std::string::npos);
    CHECK(json.find("\"finding\":\"no_final_visit\",\"label\":\"No final visit booked\","
                    "\"needs_action\":true,\"visit\":null,\"due\":\"\"") != std::string::npos);
    CHECK(json.ends_with("}]}\n]}\n"));
}
