#include "model/rules.hpp"

#include "util/strings.hpp"

#include <algorithm>

namespace qc::model {

bool Qualification::counts(std::uint16_t slot) const {
    return is_mandatory(slot) ||
           std::find(optional_slots.begin(), optional_slots.end(), slot) != optional_slots.end();
}

bool Qualification::is_mandatory(std::uint16_t slot) const {
    return std::find(mandatory_slots.begin(), mandatory_slots.end(), slot) != mandatory_slots.end();
}

bool Qualification::has_moderated_unit() const {
    auto moderated = [this](std::uint16_t slot) {
        return suite->units[slot].assessment == Assessment::moderated;
    };
    return std::any_of(mandatory_slots.begin(), mandatory_slots.end(), moderated) ||
           std::any_of(optional_slots.begin(), optional_slots.end(), moderated);
}

bool Qualification::needs_visits() const {
    return suite->moderation == Moderation::visits && has_moderated_unit();
}

Grade Qualification::minimum_grade(std::uint16_t slot) const {
    Grade least = Grade::none;
    for (const MinimumGrade& rule : minimum) {
        if (std::find(rule.slots.begin(), rule.slots.end(), slot) != rule.slots.end() &&
            grade_rank(rule.grade) > grade_rank(least)) {
            least = rule.grade;
        }
    }
    return least;
}

const Pathway* Qualification::find_pathway(std::string_view id_or_title) const {
    for (const Pathway& pathway : pathways) {
        if (util::iequals(pathway.id, id_or_title) || util::iequals(pathway.title, id_or_title)) {
            return &pathway;
        }
    }
    return nullptr;
}

std::optional<std::uint16_t> Suite::slot_of(int unit_number) const {
    auto it = m_slot_by_number.find(unit_number);
    if (it == m_slot_by_number.end()) {
        return std::nullopt;
    }
    return it->second;
}

void Suite::index() {
    m_slot_by_number.clear();
    for (std::size_t i = 0; i < units.size(); ++i) {
        m_slot_by_number.emplace(units[i].number, static_cast<std::uint16_t>(i));
    }
    auto slots = [this](const std::vector<int>& numbers) {
        std::vector<std::uint16_t> out;
        for (int number : numbers) {
            if (auto slot = slot_of(number)) {
                out.push_back(*slot);
            }
        }
        return out;
    };
    for (Qualification& qualification : qualifications) {
        qualification.suite = this;
        qualification.mandatory_slots = slots(qualification.mandatory);
        qualification.optional_slots = slots(qualification.optional);
        for (MinimumGrade& rule : qualification.minimum) {
            rule.slots = slots(rule.units);
        }
        for (Pathway& pathway : qualification.pathways) {
            pathway.mandatory_slots = slots(pathway.mandatory);
        }
    }
}

void RuleBook::add(std::unique_ptr<Suite> suite) {
    suite->index();
    for (const Qualification& qualification : suite->qualifications) {
        m_by_code.emplace(qualification.code, &qualification);
    }
    m_suites.push_back(std::move(suite));
}

const Qualification* RuleBook::find_qualification(std::string_view code) const {
    auto it = m_by_code.find(std::string(code));
    return it == m_by_code.end() ? nullptr : it->second;
}

const Suite* RuleBook::find_suite(std::string_view id_or_title) const {
    for (const auto& suite : m_suites) {
        if (util::iequals(suite->id, id_or_title) || util::iequals(suite->title, id_or_title)) {
            return suite.get();
        }
    }
    return nullptr;
}

std::vector<std::string> RuleBook::qualification_codes() const {
    std::vector<std::string> codes;
    for (const auto& [code, qualification] : m_by_code) {
        codes.push_back(code);
    }
    std::sort(codes.begin(), codes.end());
    return codes;
}

std::vector<std::string> RuleBook::suite_ids() const {
    std::vector<std::string> ids;
    for (const auto& suite : m_suites) {
        ids.push_back(suite->id);
    }
    return ids;
}

} // namespace qc::model
