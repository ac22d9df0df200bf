// Contradictions within one suite. Runs only on a Draft whose keys and types were all right,
// so every value here is present and in range.
#include "rulesfile/draft.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_set>

namespace qc::rulesfile {

namespace {

// "1-5, 7, 9-10": the defined unit numbers, short enough for a hint.
std::string number_ranges(const std::map<int, const DraftUnit*>& units) {
    std::vector<std::string> pieces;
    auto it = units.begin();
    while (it != units.end()) {
        const int first = it->first;
        int last = first;
        for (++it; it != units.end() && it->first == last + 1; ++it) {
            last = it->first;
        }
        pieces.push_back(first == last ? fmt::format("{}", first)
                                       : fmt::format("{}-{}", first, last));
    }
    std::string out;
    for (const std::string& piece : pieces) {
        out += (out.empty() ? "" : ", ") + piece;
    }
    return out;
}

class SuiteChecker {
public:
    SuiteChecker(const Draft& draft, Reporter& reporter) : m_draft(draft), m_reporter(reporter) {}

    void run() {
        check_unit_numbers();
        check_codes();
        for (const DraftQualification& qualification : m_draft.qualifications) {
            check_qualification(qualification);
        }
    }

private:
    void check_unit_numbers() {
        for (const DraftUnit& unit : m_draft.units) {
            auto [it, added] = m_units.emplace(unit.unit.number, &unit);
            if (!added) {
                m_reporter.error(unit.number_at,
                                 fmt::format("duplicate unit number {}; first defined at {}",
                                             unit.unit.number, describe(it->second->number_at)));
            }
        }
    }

    void check_codes() {
        std::map<std::string, const DraftQualification*> seen;
        for (const DraftQualification& qualification : m_draft.qualifications) {
            const std::string& code = qualification.qualification.code;
            auto [it, added] = seen.emplace(code, &qualification);
            if (!added) {
                m_reporter.error(qualification.code_at,
                                 fmt::format("duplicate qualification code {}; first defined at {}",
                                             code, describe(it->second->code_at)));
            }
        }
    }

    void check_qualification(const DraftQualification& qualification) {
        const std::string& code = qualification.qualification.code;
        const std::string owner = "qualification " + code;
        report_repeats(qualification.mandatory, "mandatory", owner);
        report_repeats(qualification.optional, "optional", owner);
        const std::unordered_set<int> mandatory = numbers_of(qualification.mandatory);
        for (const UnitMention& mention : qualification.optional) {
            if (mandatory.count(mention.number) > 0) {
                m_reporter.error(
                    mention.where,
                    fmt::format("unit {} is in both 'mandatory' and 'optional' of qualification {}",
                                mention.number, code),
                    "a unit is either mandatory or optional, not both");
            }
        }
        const bool mandatory_defined = report_undefined(qualification.mandatory, owner);
        const bool optional_defined = report_undefined(qualification.optional, owner);
        if (mandatory_defined && optional_defined) {
            check_glh(qualification);
        }
        check_pathways(qualification);
    }

    void check_glh(const DraftQualification& qualification) {
        const int total = qualification.qualification.glh;
        const int mandatory = glh_of({&qualification.mandatory});
        const int reachable = glh_of({&qualification.mandatory, &qualification.optional});
        const std::string& code = qualification.qualification.code;
        if (mandatory > total) {
            m_reporter.error(qualification.glh_at,
                             fmt::format("mandatory units of qualification {} add up to {} GLH, "
                                         "above its total of {}",
                                         code, mandatory, total),
                             "correct 'glh' or move units from 'mandatory' to 'optional'");
        } else if (reachable < total) {
            m_reporter.error(qualification.glh_at,
                             fmt::format("qualification {} needs {} GLH, but its mandatory and "
                                         "optional units add up to only {}",
                                         code, total, reachable),
                             "add units to 'optional' or correct 'glh'");
        }
    }

    void check_pathways(const DraftQualification& qualification) {
        const std::string& code = qualification.qualification.code;
        if (qualification.qualification.pathway_required && qualification.pathways.empty()) {
            m_reporter.error(
                qualification.pathway_required_at,
                fmt::format("qualification {} has pathway_required = true but no "
                            "[[qualification.pathway]]",
                            code),
                "add its pathways or set pathway_required = false");
        }
        std::map<std::string, const DraftPathway*> seen;
        for (const DraftPathway& pathway : qualification.pathways) {
            auto [it, added] = seen.emplace(pathway.pathway.id, &pathway);
            if (!added) {
                m_reporter.error(pathway.id_at,
                                 fmt::format("duplicate pathway id '{}' in qualification {}; first "
                                             "defined at {}",
                                             pathway.pathway.id, code,
                                             describe(it->second->id_at)));
            }
            check_pathway_units(qualification, pathway);
        }
    }

    void check_pathway_units(const DraftQualification& qualification,
                             const DraftPathway& pathway) {
        const std::string owner =
            fmt::format("pathway '{}' of qualification {}", pathway.pathway.id,
                        qualification.qualification.code);
        report_repeats(pathway.mandatory, "mandatory", owner);
        report_undefined(pathway.mandatory, owner);
        std::unordered_set<int> in_qualification = numbers_of(qualification.mandatory);
        for (const UnitMention& mention : qualification.optional) {
            in_qualification.insert(mention.number);
        }
        for (const UnitMention& mention : pathway.mandatory) {
            if (m_units.count(mention.number) == 0 || in_qualification.count(mention.number) > 0) {
                continue;
            }
            m_reporter.error(mention.where,
                             fmt::format("pathway '{}' names unit {}, which is neither mandatory "
                                         "nor optional in qualification {}",
                                         pathway.pathway.id, mention.number,
                                         qualification.qualification.code),
                             fmt::format("add {} to the qualification's 'optional' list",
                                         mention.number));
        }
    }

    void report_repeats(const std::vector<UnitMention>& mentions, std::string_view list,
                        const std::string& owner) {
        std::set<int> seen;
        for (const UnitMention& mention : mentions) {
            if (!seen.insert(mention.number).second) {
                m_reporter.error(mention.where, fmt::format("unit {} is listed twice in '{}' of {}",
                                                            mention.number, list, owner));
            }
        }
    }

    // True when every mentioned unit is defined.
    bool report_undefined(const std::vector<UnitMention>& mentions, const std::string& owner) {
        bool all_defined = true;
        for (const UnitMention& mention : mentions) {
            if (m_units.count(mention.number) > 0) {
                continue;
            }
            all_defined = false;
            m_reporter.error(mention.where,
                             fmt::format("{} names unit {}, which [[unit]] does not define", owner,
                                         mention.number),
                             m_units.empty() ? "this suite defines no units"
                                             : "this suite defines units " + number_ranges(m_units));
        }
        return all_defined;
    }

    // GLH of the distinct units in the lists: a unit listed twice counts once.
    int glh_of(std::initializer_list<const std::vector<UnitMention>*> lists) const {
        std::set<int> numbers;
        for (const auto* mentions : lists) {
            for (const UnitMention& mention : *mentions) {
                numbers.insert(mention.number);
            }
        }
        int sum = 0;
        for (int number : numbers) {
            sum += m_units.at(number)->unit.glh;
        }
        return sum;
    }

    // A set, so that checking each mention against a list stays linear (80,000 entries).
    static std::unordered_set<int> numbers_of(const std::vector<UnitMention>& mentions) {
        std::unordered_set<int> numbers;
        numbers.reserve(mentions.size());
        for (const UnitMention& mention : mentions) {
            numbers.insert(mention.number);
        }
        return numbers;
    }

    const Draft& m_draft;
    Reporter& m_reporter;
    std::map<int, const DraftUnit*> m_units;
};

} // namespace

void check_draft(const Draft& draft, Reporter& reporter) {
    SuiteChecker(draft, reporter).run();
    check_grading(draft, reporter);
}

} // namespace qc::rulesfile
