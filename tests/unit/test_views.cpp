// Tests for lib/report/views*.cpp: the text of each report view.
#include "report/views.hpp"

#include <doctest/doctest.h>

using namespace qc;
using namespace qc::report;

namespace {

constexpr model::Series k_summer_2027{2027};

engine::EntryResult not_eligible(std::uint8_t reasons, int required, int counted, bool ack) {
    engine::EntryResult result;
    result.status = model::ResultStatus::not_eligible;
    result.reasons = reasons;
    result.at_risk = true;
    result.acknowledged = ack;
    result.glh_required = required;
    result.glh_counted = counted;
    return result;
}

std::uint8_t bit(model::ReasonCode code) {
    return static_cast<std::uint8_t>(1u << static_cast<unsigned>(code));
}

EntryLine line(std::string candidate, std::string surname, std::string forename,
               engine::EntryResult result) {
    return {"61234", std::move(candidate), std::move(surname), std::move(forename), "90202",
            "Diploma in Sport", "fx-l2-sport", k_summer_2027, result};
}

} // namespace

TEST_CASE("at-risk view: none says so for the current series") {
    CHECK(render_at_risk_table({}, k_summer_2027, false) == "No candidates at risk for Summer 2027\n");
}

TEST_CASE("at-risk view: main reason, other reasons, GLH, acknowledged marked") {
    const auto ria = bit(model::ReasonCode::ria_pending);
    const auto glh = bit(model::ReasonCode::insufficient_glh);
    std::vector<EntryLine> lines = {line("0019", "Jones", "Siân", not_eligible(ria, 300, 300, true)),
                                    line("0402", "Clarke", "Mia", not_eligible(ria | glh, 300, 270, false))};
    CHECK(render_at_risk_table(lines, k_summer_2027, false) ==
          "CENTRE  CAND  NAME         QUAL   GLH      ACK  MAIN REASON                              OTHER REASONS\n"
          "61234   0019  Jones, Siân  90202  300/300  ack  Reduction in assessment request pending\n"
          "61234   0402  Clarke, Mia  90202  270/300       Reduction in assessment request pending  Not enough guided learning hours (GLH)\n"
          "\n2 entries at risk for Summer 2027 (1 acknowledged).\n");
    // With colour, the acknowledged row is grey and the other red.
    const std::string coloured = render_at_risk_table(lines, k_summer_2027, true);
    CHECK(coloured.find("\x1b[2m61234   0019") != std::string::npos);
    CHECK(coloured.find("\x1b[1;31m61234   0402") != std::string::npos);
}

TEST_CASE("changes view: nothing changed, and CSV with the change column first") {
    CHECK(render_changes_table({}, "import 1 (checked 2027-03-10)", false) ==
          "No changes since import 1 (checked 2027-03-10).\n");
    engine::EntryResult eligible;
    eligible.glh_required = 300;
    eligible.glh_counted = 300;
    std::vector<Change> changes = {{ChangeKind::no_longer_at_risk, line("0304", "=Zielinski", "Marek", eligible),
                                    "Mandatory unit not yet achieved"},
                                   {ChangeKind::now_at_risk, line("0019", "Jones", "Siân", eligible), ""}};
    changes[1].line.points = 72;
    changes[1].line.predicted_grade = "M";
    const std::string csv = render_changes_csv(changes);
    CHECK(csv.substr(0, csv.find("\r\n")) ==
          "change,centre_number,candidate_number,surname,forename,qualification_code,"
          "qualification_title,estimated_completion,result_status,at_risk,acknowledged,"
          "main_reason,reasons,reason_codes,glh_required,glh_counted,glh_achieved,notes,pathways,"
          "suggestion,points,predicted_grade");
    CHECK(csv.substr(csv.find("\r\n") + 2) ==
          "no longer at risk,61234,0304,\"'=Zielinski\",Marek,90202,Diploma in Sport,Summer 2027,"
          "eligible,no,no,,,,300,300,0,,,,,\r\n"
          "now at risk,61234,0019,Jones,Siân,90202,Diploma in Sport,Summer 2027,"
          "eligible,no,no,,,,300,300,0,,,,72,M\r\n");
    CHECK(change_label(ChangeKind::reasons_changed) == "reasons changed");
}

TEST_CASE("checkpoint: term-time state from the ticks, blockers that are not acknowledged") {
    std::vector<SubjectLine> subjects = {{"fx-l2-sport", "Sport", 19, false, {}, {}},
                                         {"fx-l3-it", "IT", 28, false, {}, {}}};
    CHECK(term_time_state(subjects) == "Not started");
    subjects[0].checked = true;
    CHECK(term_time_state(subjects) == "In progress");
    subjects[1].checked = true;
    CHECK(term_time_state(subjects) == "Ready to submit");

    const auto glh = bit(model::ReasonCode::insufficient_glh);
    std::vector<EntryLine> due = {line("0001", "A", "B", not_eligible(glh, 300, 270, false)),
                                  line("0002", "C", "D", not_eligible(glh, 300, 270, true)),
                                  line("0003", "E", "F", engine::EntryResult{})};
    due[0].blockers = {"GLH short"};
    due[1].blockers = {"GLH short"};
    CHECK(blocking_count(due) == 1);
    CheckpointView view{2027, k_summer_2027, subjects, {}, {}, due};
    const std::string text = render_checkpoint(view, false);
    CHECK(text.find("Checkpoint 2 for Summer 2027 (15 to 23 June): 3 entries due, 1 ready, 1 blocked, "
                    "1 acknowledged\n") != std::string::npos);
    CHECK(text.find("0001  A, B  90202  blocked       GLH short\n") != std::string::npos);
    CHECK(text.find("0002  C, D  90202  acknowledged  GLH short\n") != std::string::npos);
    CHECK(text.find("Not ready: resolve or acknowledge each blocked entry.\n") != std::string::npos);
    CHECK(render_checkpoint_csv(view).find("61234,0003,E,F,90202,ready,\r\n") != std::string::npos);
}

TEST_CASE("alert: headers for sendmail -t, then the entries") {
    const auto absent = bit(model::ReasonCode::absent_mandatory_exam);
    AlertView view{"exams@example.org", "Fernhill", "61234", k_summer_2027,
                   {line("0201", "Usman", "Bilal", not_eligible(absent, 150, 120, false))},
                   "qualcheck report at-risk"};
    const std::string mail = render_alert(view);
    CHECK(mail.substr(0, mail.find("\n\n") + 2) ==
          "To: exams@example.org\n"
          "Subject: qualcheck: 1 candidate at risk for Summer 2027 at Fernhill (61234)\n\n");
    CHECK(mail.find("0201  Usman, Bilal  90202  Absent from mandatory examined unit  120/150\n") !=
          std::string::npos);
    CHECK(mail.find("  qualcheck report at-risk\n") != std::string::npos);
}

TEST_CASE("candidate view: units with their standing, transfers and what needs action") {
    CandidateEntryView entry;
    entry.line = line("0019", "Jones", "Siân",
                      not_eligible(bit(model::ReasonCode::mandatory_unit_missing), 300, 240, false));
    entry.units = {{1, "Body systems", 60, model::Assessment::examined, true, true,
                    model::UnitStatus::result_achieved, model::Grade::m, "June 2026", "01234"},
                   {4, "Injuries", 30, model::Assessment::moderated, true, true,
                    model::UnitStatus::none, model::Grade::none, "", ""}};
    entry.needs = {"Mandatory unit not yet achieved: mandatory moderated unit 4: no claim"};
    const std::string text = render_candidate({entry}, k_summer_2027, false);
    CHECK(text.find("Candidate 0019 at centre 61234: Jones, Siân\n") == 0);
    CHECK(text.find("Not eligible, at risk for Summer 2027. GLH counted 240 of 300 required "
                    "(achieved 0).\n") != std::string::npos);
    CHECK(text.find("1     Body systems  60   examined   mandatory  Result achieved  M      June 2026  "
                    "from centre 01234\n") != std::string::npos);
    CHECK(text.find("4     Injuries      30   moderated  mandatory  -\n") != std::string::npos);
    CHECK(text.find("Needs action:\n  - Mandatory unit not yet achieved: mandatory moderated unit 4: "
                    "no claim\n") != std::string::npos);
}

TEST_CASE("declarations: the log with a short data fingerprint") {
    std::vector<store::Declaration> log = {{1, "2027-03-14T09:00:00", "bob", "teacher", "subject-checked",
                                            "fx-l3-it", std::string(64, 'a'), std::string(64, '0'),
                                            std::string(64, 'b')}};
    CHECK(render_declarations_table(log) ==
          "ID  AT                   USER  ROLE     ACTION           DETAILS   DATA SHA256\n"
          "1   2027-03-14T09:00:00  bob   teacher  subject-checked  fx-l3-it  aaaaaaaaaaaa\n");
    CHECK(render_declarations_table({}) == "No declarations yet.\n");
    CHECK(render_declarations_csv(log).find("1,2027-03-14T09:00:00,bob,teacher,subject-checked,fx-l3-it,") == 
          std::string("id,at,user,role,action,details,data_sha256,hash\r\n").size());
}

TEST_CASE("grade sentences: complete, so far, without thresholds, and not predicted") {
    const GradeView complete{200, "DD", "DD", {1, 2}, {3, 4}, {21}, "", "", true};
    CHECK(grade_sentences(complete) ==
          std::vector<std::string>{"200 points; predicted grade DD",
                                   "counted: mandatory units 1, 2; optional units 3, 4",
                                   "not counted: optional unit 21 (stronger units make up the GLH)"});
    const GradeView so_far{200, "", "MM", {1, 2}, {3}, {}, "web", ""};
    CHECK(grade_sentences(so_far) ==
          std::vector<std::string>{"200 points so far, grade so far MM; predicted grade once "
                                   "every unit that counts has a grade",
                                   "counted so far: mandatory units 1, 2 (with pathway web); "
                                   "optional unit 3"});
    const GradeView no_thresholds{200, "", "", {}, {}, {}, "", "", true};
    CHECK(grade_sentences(no_thresholds) ==
          std::vector<std::string>{"200 points; the rules give no grade thresholds for this "
                                   "qualification"});
    const GradeView no_thresholds_yet{120, "", "", {}, {}, {}, "", "", false};
    CHECK(grade_sentences(no_thresholds_yet) ==
          std::vector<std::string>{"120 points so far; the rules give no grade thresholds for "
                                   "this qualification"});
    const GradeView unknown{0, "", "", {}, {}, {}, "",
                            "the grading of fx gives no points for D* on a 30-GLH unit (unit 12)"};
    CHECK(grade_sentences(unknown) ==
          std::vector<std::string>{"not predicted: the grading of fx gives no points for D* on a "
                                   "30-GLH unit (unit 12)"});
}

TEST_CASE("candidate view: the grade after pathways, and in JSON; none without grading data") {
    CandidateEntryView entry{line("0012", "Chen", "Wei", engine::EntryResult{}), {}, {}, {}, {}, {}};
    CHECK(render_candidate({entry}, k_summer_2027, false).find("Grade:") == std::string::npos);
    CHECK(render_candidate_json({entry}).find("\"grade\":null,") != std::string::npos);
    entry.grade = GradeView{68, "D", "D", {1, 2, 3}, {5, 7}, {}, "", "", true};
    const std::string text = render_candidate({entry}, k_summer_2027, false);
    CHECK(text.substr(text.find("Grade:")) ==
          "Grade:\n  - 68 points; predicted grade D\n"
          "  - counted: mandatory units 1, 2, 3; optional units 5, 7\n");
    CHECK(render_candidate_json({entry}).find(
              "\"grade\":{\"points\":68,\"predicted_grade\":\"D\",\"predicted_grade_so_far\":\"D\","
              "\"counted_mandatory_units\":[1,2,3],\"counted_optional_units\":[5,7],"
              "\"not_counted_units\":[],\"pathway\":\"\",\"problem\":\"\",\"complete\":true},") != std::string::npos);
}
