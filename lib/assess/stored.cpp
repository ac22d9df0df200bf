#include "assess/stored.hpp"

namespace qc::assess {

void to_stored(const Assessment& r, store::StoredResult& s) {
    s.centre = r.centre;
    s.candidate = r.candidate;
    s.qualification_code = r.qualification_code;
    s.surname = r.surname;
    s.forename = r.forename;
    s.qualification_title = r.qualification_title;
    s.ecd_year = r.ecd.year;
    s.result_status = r.result.status;
    s.reasons = r.result.reasons;
    s.at_risk = r.result.at_risk;
    s.acknowledged = r.result.acknowledged;
    s.glh_required = r.result.glh_required;
    s.glh_counted = r.result.glh_counted;
    s.glh_achieved = r.result.glh_achieved;
    s.pathways = r.pathways;
    s.suggestion = r.suggestion;
    s.transferred_units = r.transferred_units;
    s.points = r.points;
    s.predicted_grade = r.predicted_grade;
}

Assessment from_stored(const store::StoredResult& s, const model::RuleBook& rules,
                       model::Series current) {
    Assessment r;
    r.centre = s.centre;
    r.candidate = s.candidate;
    r.surname = s.surname;
    r.forename = s.forename;
    r.qualification_code = s.qualification_code;
    r.qualification_title = s.qualification_title;
    r.ecd = model::Series{s.ecd_year};
    r.qualification = rules.find_qualification(s.qualification_code);
    if (r.qualification != nullptr) {
        r.suite_id = r.qualification->suite->id;
    }
    engine::EntryResult& e = r.result;
    e.status = s.result_status;
    e.reasons = static_cast<std::uint8_t>(s.reasons);
    e.at_risk = engine::at_risk(s.result_status, r.ecd, current);
    e.acknowledged = s.acknowledged;
    e.glh_required = s.glh_required;
    e.glh_counted = s.glh_counted;
    e.glh_achieved = s.glh_achieved;
    r.pathways = s.pathways;
    r.suggestion = s.suggestion;
    r.transferred_units = s.transferred_units;
    r.points = s.points;
    r.predicted_grade = s.predicted_grade;
    return r;
}

} // namespace qc::assess
