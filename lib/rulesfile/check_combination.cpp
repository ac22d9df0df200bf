// Contradictions in each qualification's rules of combination (docs/rules.md, "Rules of
// combination"): how many optional units count, per-unit minimum grades and the GLH needed at
// Pass or above, held against the qualification's units and GLH. Like check.cpp, runs only on
// a Draft whose keys and types were all right.
#include "rulesfile/draft.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace qc::rulesfile {

namespace {

class CombinationChecker {
public:
    CombinationChecker(const Draft& draft, Reporter& reporter) : m_draft(draft), m_reporter(reporter) {
        for (const DraftUnit& unit : draft.units) {
            m_units.emplace(unit.unit.number, &unit.unit);
        }
    }

    void run() {
        for (const DraftQualification& qualification : m_draft.qualifications) {
            if (!defined(qualification.mandatory) || !defined(qualification.optional)) {
                continue; // check.cpp reports the undefined unit first
            }
            check_optional_count(qualification);
            check_minimum(qualification);
            check_pass_glh(qualification);
        }
    }

private:
    bool defined(const std::vector<UnitMention>& mentions) const {
        return std::all_of(mentions.begin(), mentions.end(),
                           [&](const UnitMention& mention) { return m_units.contains(mention.number); });
    }

    int glh_of(const std::vector<UnitMention>& mentions) const {
        std::set<int> numbers;
        for (const UnitMention& mention : mentions) {
            numbers.insert(mention.number);
        }
        int sum = 0;
        for (int number : numbers) {
            sum += m_units.at(number)->glh;
        }
        return sum;
    }

    // optional_count units must exist, and (where the optional units' sizes say so) make up
    // the qualification's GLH with the mandatory ones.
    void check_optional_count(const DraftQualification& draft) {
        const model::Qualification& qualification = draft.qualification;
        if (!qualification.optional_count) {
            return;
        }
        const int count = *qualification.optional_count;
        const std::string& code = qualification.code;
        std::set<int> numbers;
        std::vector<int> sizes;
        for (const UnitMention& mention : draft.optional) {
            if (numbers.insert(mention.number).second) {
                sizes.push_back(m_units.at(mention.number)->glh);
            }
        }
        if (count > static_cast<int>(sizes.size())) {
            m_reporter.error(draft.optional_count_at,
                             fmt::format("qualification {} has optional_count = {}, but only {} "
                                         "optional unit{}",
                                         code, count, sizes.size(), sizes.size() == 1 ? "" : "s"),
                             "add units to 'optional' or correct 'optional_count'");
            return;
        }
        std::sort(sizes.begin(), sizes.end(), std::greater<>());
        const int mandatory = glh_of(draft.mandatory);
        int largest = mandatory;
        for (int i = 0; i < count; ++i) {
            largest += sizes[static_cast<std::size_t>(i)];
        }
        const bool one_size = sizes.empty() || sizes.front() == sizes.back();
        if (one_size && largest != qualification.glh) {
            m_reporter.error(draft.optional_count_at,
                             fmt::format("qualification {} needs {} GLH, but its mandatory units "
                                         "({} GLH) and {} optional unit{} of {} GLH make {}",
                                         code, qualification.glh, mandatory, count,
                                         count == 1 ? "" : "s", sizes.empty() ? 0 : sizes.front(),
                                         largest),
                             "correct 'optional_count' or 'glh'");
        } else if (largest < qualification.glh) {
            m_reporter.error(draft.optional_count_at,
                             fmt::format("qualification {} needs {} GLH, but its mandatory units "
                                         "and its {} largest optional units make only {}",
                                         code, qualification.glh, count, largest),
                             "correct 'optional_count' or 'glh'");
        }
    }

    void check_minimum(const DraftQualification& draft) {
        const std::string& code = draft.qualification.code;
        auto in_qualification = [&](int number) {
            auto has = [number](const UnitMention& mention) { return mention.number == number; };
            return std::any_of(draft.mandatory.begin(), draft.mandatory.end(), has) ||
                   std::any_of(draft.optional.begin(), draft.optional.end(), has);
        };
        for (const DraftMinimum& minimum : draft.minimum) {
            for (const UnitMention& mention : minimum.units) {
                if (!in_qualification(mention.number)) {
                    m_reporter.error(mention.where,
                                     fmt::format("'minimum' of qualification {} names unit {}, "
                                                 "which is neither mandatory nor optional in it",
                                                 code, mention.number),
                                     "list only the qualification's own units");
                    continue;
                }
                check_near_pass_minimum(code, minimum, mention);
            }
        }
    }

    // N and R are given only on examined units: a moderated unit can never reach them.
    void check_near_pass_minimum(const std::string& code, const DraftMinimum& minimum,
                                 const UnitMention& mention) {
        if (minimum.grade != "N" && minimum.grade != "R") {
            return;
        }
        const model::Unit& unit = *m_units.at(mention.number);
        if (unit.assessment == model::Assessment::moderated) {
            m_reporter.error(mention.where,
                             fmt::format("'minimum' of qualification {} gives unit {} the least "
                                         "grade {}, but unit {} is moderated; {} is given only on "
                                         "examined units",
                                         code, mention.number, minimum.grade, mention.number,
                                         minimum.grade),
                             "give moderated units a minimum of P");
        }
    }

    void check_pass_glh(const DraftQualification& draft) {
        const model::Qualification& qualification = draft.qualification;
        if (qualification.pass_glh > qualification.glh) {
            m_reporter.error(draft.pass_glh_at,
                             fmt::format("qualification {} needs pass_glh = {} GLH at Pass or "
                                         "above, more than its total of {}",
                                         qualification.code, qualification.pass_glh,
                                         qualification.glh),
                             "correct 'pass_glh' or 'glh'");
        }
    }

    const Draft& m_draft;
    Reporter& m_reporter;
    std::map<int, const model::Unit*> m_units;
};

} // namespace

void check_combination(const Draft& draft, Reporter& reporter) {
    CombinationChecker(draft, reporter).run();
}

} // namespace qc::rulesfile
