#include "engine/book.hpp"

#include <fmt/format.h>

namespace qc::engine {

using model::Problem;

bool UnitState::combine(model::UnitStatus status, model::Grade grade, bool transferred) {
    if (has_row() && !model::better_row(status, grade, this->status(), this->grade())) {
        return false;
    }
    m_bits = static_cast<std::uint8_t>(static_cast<unsigned>(status) |
                                       (static_cast<unsigned>(grade) << 3) |
                                       (transferred ? 64u : 0u));
    return true;
}

namespace {

std::size_t slot_for(std::uint32_t key, std::size_t mask) {
    // Fibonacci hashing spreads the sequential candidate numbers of one centre.
    return (static_cast<std::uint64_t>(key) * 0x9E3779B97F4A7C15ull >> 32) & mask;
}

std::uint64_t transfer_key(std::size_t entry, std::uint16_t slot) {
    return (static_cast<std::uint64_t>(entry) << 16) | slot;
}

} // namespace

void EntryBook::reserve(std::size_t entries) {
    m_entries.reserve(entries);
    m_state_offset.reserve(entries);
    m_next_same_candidate.reserve(entries);
    std::size_t capacity = 16;
    while (capacity < entries * 2) {
        capacity *= 2;
    }
    if (capacity > m_table_keys.size()) {
        std::vector<std::uint32_t> old_keys = std::move(m_table_keys);
        std::vector<std::uint32_t> old_entries = std::move(m_table_entries);
        m_table_keys.assign(capacity, 0);
        m_table_entries.assign(capacity, k_none);
        m_candidates = 0;
        for (std::size_t i = 0; i < old_keys.size(); ++i) {
            if (old_keys[i] != 0) {
                insert_candidate(old_keys[i], old_entries[i]);
            }
        }
    }
}

std::uint32_t EntryBook::first_entry_of(std::uint32_t key) const {
    if (m_table_keys.empty() || key == 0) {
        return k_none;
    }
    const std::size_t mask = m_table_keys.size() - 1;
    for (std::size_t at = slot_for(key, mask);; at = (at + 1) & mask) {
        if (m_table_keys[at] == key) {
            return m_table_entries[at];
        }
        if (m_table_keys[at] == 0) {
            return k_none;
        }
    }
}

void EntryBook::insert_candidate(std::uint32_t key, std::uint32_t entry) {
    if ((m_candidates + 1) * 2 > m_table_keys.size()) {
        grow_table();
    }
    const std::size_t mask = m_table_keys.size() - 1;
    std::size_t at = slot_for(key, mask);
    while (m_table_keys[at] != 0) {
        at = (at + 1) & mask;
    }
    m_table_keys[at] = key;
    m_table_entries[at] = entry;
    ++m_candidates;
}

void EntryBook::grow_table() { reserve(std::max<std::size_t>(m_candidates * 2, 8)); }

std::optional<Problem> EntryBook::add_entry(model::Entry entry) {
    const std::uint32_t key = model::candidate_key(entry.centre, entry.candidate);
    if (key == 0 || entry.qualification == nullptr) {
        return Problem{"candidate_number", "entry has no valid centre, candidate and qualification", {}};
    }
    const std::uint32_t first = first_entry_of(key);
    for (std::uint32_t at = first; at != k_none; at = m_next_same_candidate[at]) {
        if (m_entries[at].qualification == entry.qualification) {
            return Problem{"qualification_code",
                           fmt::format("duplicate entry: candidate {} at centre {} is already entered "
                                       "for {} (line {})",
                                       entry.candidate, entry.centre, entry.qualification->code,
                                       m_entries[at].line),
                           "remove one of the two rows"};
        }
    }
    const auto index = static_cast<std::uint32_t>(m_entries.size());
    m_ucis_indexed = false;
    m_state_offset.push_back(static_cast<std::uint32_t>(m_states.size()));
    m_states.resize(m_states.size() + entry.qualification->suite->units.size());
    m_entries.push_back(std::move(entry));
    if (first == k_none) {
        m_next_same_candidate.push_back(k_none);
        insert_candidate(key, index);
    } else {
        // Append to the end of the candidate's chain so entries keep file order.
        std::uint32_t last = first;
        while (m_next_same_candidate[last] != k_none) {
            last = m_next_same_candidate[last];
        }
        m_next_same_candidate[last] = index;
        m_next_same_candidate.push_back(k_none);
    }
    return std::nullopt;
}

std::optional<Problem> EntryBook::add_unit_row(const model::UnitRow& row) {
    if (!m_ucis_indexed) {
        index_ucis();
    }
    const std::uint32_t key = model::candidate_key(row.centre, row.candidate);
    const std::uint32_t first = first_entry_of(key);
    if (first == k_none) {
        if (!row.uci.empty()) {
            return bring_by_uci(row, row.uci, false);
        }
        return Problem{"candidate_number",
                       fmt::format("candidate {} at centre {} has no entry in the candidates file",
                                   row.candidate, row.centre),
                       "add the candidate's entry to the candidates export, or check the centre "
                       "and candidate numbers"};
    }
    if (!row.uci.empty()) {
        if (auto mismatch = check_uci(first, row)) {
            return mismatch;
        }
    }
    if (auto problem = apply_to_own(first, row)) {
        return problem;
    }
    // The common case (no UCI shared across centres) costs one test of an empty set.
    if (!m_twinned.empty() && m_twinned.contains(key)) {
        return bring_by_uci(row, uci_of(first), true);
    }
    if (!row.uci.empty() && uci_of(first).empty()) {
        return bring_by_uci(row, row.uci, true);
    }
    return std::nullopt;
}

std::optional<Problem> EntryBook::apply_to_own(std::uint32_t first, const model::UnitRow& row) {
    if (row.qualification_code.empty()) {
        return apply_to_matching(first, row, row.taken_at_centre);
    }
    for (std::uint32_t at = first; at != k_none; at = m_next_same_candidate[at]) {
        if (m_entries[at].qualification->code == row.qualification_code) {
            return apply(at, row, row.taken_at_centre);
        }
    }
    return Problem{"qualification_code",
                   fmt::format("candidate {} at centre {} has no entry for qualification {}",
                               row.candidate, row.centre, row.qualification_code),
                   "check the qualification code, or add the entry to the candidates export"};
}

std::optional<Problem> EntryBook::apply_to_matching(std::uint32_t first, const model::UnitRow& row,
                                                    std::string_view taken_at) {
    const model::Suite* matched = nullptr;
    for (std::uint32_t at = first; at != k_none; at = m_next_same_candidate[at]) {
        const model::Suite* suite = m_entries[at].qualification->suite;
        if (!suite->slot_of(row.unit)) {
            continue;
        }
        if (matched != nullptr && matched != suite) {
            return Problem{"unit",
                           fmt::format("ambiguous unit {}: candidate {} has entries in '{}' and "
                                       "'{}', which both define it",
                                       row.unit, m_entries[at].candidate, matched->id, suite->id),
                           "add a qualification_code column to the units export"};
        }
        matched = suite;
    }
    for (std::uint32_t at = first; at != k_none; at = m_next_same_candidate[at]) {
        if (matched == nullptr || m_entries[at].qualification->suite == matched) {
            if (auto problem = apply(at, row, taken_at)) {
                return problem;
            }
        }
    }
    return std::nullopt;
}

std::optional<Problem> EntryBook::apply(std::uint32_t entry, const model::UnitRow& row,
                                        std::string_view taken_at) {
    const model::Qualification& qualification = *m_entries[entry].qualification;
    const model::Suite& suite = *qualification.suite;
    const auto slot = suite.slot_of(row.unit);
    if (!slot) {
        m_notes.push_back(Note{entry, row.unit, row.line, NoteKind::unit_not_in_suite});
        return std::nullopt;
    }
    const model::Unit& unit = suite.units[*slot];
    if (row.grade == model::Grade::r &&
        (suite.level < 3 || unit.assessment != model::Assessment::examined)) {
        return Problem{"grade",
                       fmt::format("grade R (near pass) is not allowed for unit {}: it is only for "
                                   "examined units of Level 3 suites, and unit {} of '{}' is {} at "
                                   "Level {}",
                                   row.unit, row.unit, suite.id, model::info(unit.assessment).code,
                                   suite.level),
                       "use U for a fail on this unit"};
    }
    const bool transferred = !taken_at.empty();
    UnitState& state = m_states[m_state_offset[entry] + *slot];
    if (state.combine(row.status, row.grade, transferred) && transferred) {
        m_transfers[transfer_key(entry, *slot)] = Transfer{std::string(taken_at), std::string(row.series)};
    }
    if (!qualification.counts(*slot)) {
        m_notes.push_back(Note{entry, row.unit, row.line, NoteKind::unit_not_in_qualification});
    }
    return std::nullopt;
}

EntryFacts EntryBook::facts(std::size_t index) const {
    const std::size_t count = m_entries[index].qualification->suite->units.size();
    return EntryFacts{std::span<const UnitState>(m_states.data() + m_state_offset[index], count)};
}

const Transfer* EntryBook::transfer(std::size_t entry, std::uint16_t slot) const {
    if (!facts(entry).units[slot].transferred()) {
        return nullptr;
    }
    auto it = m_transfers.find(transfer_key(entry, slot));
    return it == m_transfers.end() ? nullptr : &it->second;
}

std::string EntryBook::transfer_centre(std::size_t entry, std::uint16_t slot) const {
    const Transfer* found = transfer(entry, slot);
    return found != nullptr ? found->centre : std::string();
}

std::vector<std::size_t> EntryBook::entries_of(std::string_view centre,
                                               std::string_view candidate) const {
    std::vector<std::size_t> found;
    for (std::uint32_t at = first_entry_of(model::candidate_key(centre, candidate)); at != k_none;
         at = m_next_same_candidate[at]) {
        found.push_back(at);
    }
    return found;
}

long EntryBook::find(std::string_view centre, std::string_view candidate,
                     std::string_view code) const {
    for (std::uint32_t at = first_entry_of(model::candidate_key(centre, candidate)); at != k_none;
         at = m_next_same_candidate[at]) {
        if (m_entries[at].qualification->code == code) {
            return static_cast<long>(at);
        }
    }
    return -1;
}

} // namespace qc::engine
