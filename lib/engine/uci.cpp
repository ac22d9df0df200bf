// UCI matching: unit rows recorded for the same student under another centre's candidate
// number count for the entries here, as transfers from that centre (docs/judging.md).
#include "engine/book.hpp"

#include "engine/blocks.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <functional>

namespace qc::engine {

using model::Problem;

namespace {

std::uint64_t uci_hash(std::string_view uci) { return std::hash<std::string_view>{}(uci); }

} // namespace

std::string_view EntryBook::uci_of(std::uint32_t first) const {
    for (std::uint32_t at = first; at != k_none; at = Blocks::next(m_blocks->at(at))) {
        const model::Entry& entry = m_entries[Blocks::entry(m_blocks->at(at))];
        if (!entry.uci.empty()) {
            return entry.uci;
        }
    }
    return {};
}

// Built once, when the first unit row arrives (every entry has arrived by then). Keeps a hash
// of each UCI, not the text, so that a national batch with UCIs costs a few bytes per
// candidate; the text is compared on lookup.
void EntryBook::index_ucis() {
    m_firsts_by_uci.clear();
    m_twinned.clear();
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        const model::Entry& entry = m_entries[i];
        if (entry.uci.empty()) {
            continue;
        }
        const std::uint32_t first = first_block_of(model::candidate_key(entry.centre, entry.candidate));
        const std::uint64_t hash = uci_hash(entry.uci);
        auto [from, to] = m_firsts_by_uci.equal_range(hash);
        bool known = false;
        for (auto it = from; it != to; ++it) {
            const model::Entry& other = m_entries[Blocks::entry(m_blocks->at(it->second))];
            known = known || it->second == first;
            if (it->second != first && other.centre != entry.centre && uci_of(it->second) == entry.uci) {
                m_twinned.insert(model::candidate_key(other.centre, other.candidate));
                m_twinned.insert(model::candidate_key(entry.centre, entry.candidate));
            }
        }
        if (!known) {
            m_firsts_by_uci.emplace(hash, first);
        }
    }
    m_ucis_indexed = true;
}

std::vector<std::uint32_t> EntryBook::others_with_uci(std::string_view uci,
                                                      std::string_view centre) const {
    std::vector<std::uint32_t> found;
    auto [from, to] = m_firsts_by_uci.equal_range(uci_hash(uci));
    for (auto it = from; it != to; ++it) {
        if (m_entries[Blocks::entry(m_blocks->at(it->second))].centre != centre &&
            uci_of(it->second) == uci) {
            found.push_back(it->second);
        }
    }
    return found;
}

std::optional<Problem> EntryBook::check_uci(std::uint32_t first, const model::UnitRow& row) const {
    const std::string_view known = uci_of(first);
    if (known.empty() || known == row.uci) {
        return std::nullopt;
    }
    return Problem{"uci",
                   fmt::format("uci '{}' is not the UCI of candidate {} at centre {} ('{}' in the "
                               "candidates file)",
                               row.uci, row.candidate, row.centre, known),
                   "check the UCI, or the centre and candidate numbers"};
}

std::optional<Problem> EntryBook::bring_by_uci(const model::UnitRow& row, std::string_view uci,
                                               bool applied_to_own) {
    const std::vector<std::uint32_t> targets = others_with_uci(uci, row.centre);
    const model::Suite* suite = nullptr;
    if (!row.qualification_code.empty()) {
        const model::Qualification* named = m_rules.find_qualification(row.qualification_code);
        if (named == nullptr && !applied_to_own) {
            return Problem{"qualification_code",
                           fmt::format("unknown qualification_code '{}'", row.qualification_code),
                           "check the qualification code"};
        }
        suite = named != nullptr ? named->suite : nullptr;
    }
    // A transfer is marked with the centre the unit was taken at, when the row says so.
    const std::string_view taken_at = row.taken_at_centre.empty() ? row.centre : row.taken_at_centre;
    bool applied = applied_to_own;
    for (std::uint32_t first : targets) {
        if (row.qualification_code.empty()) {
            if (auto problem = apply_to_matching(first, row, taken_at)) {
                return problem;
            }
            applied = true;
            continue;
        }
        for (std::uint32_t at = first; at != k_none; at = Blocks::next(m_blocks->at(at))) {
            if (m_entries[Blocks::entry(m_blocks->at(at))].qualification->suite == suite) {
                if (auto problem = apply(at, row, taken_at)) {
                    return problem;
                }
                applied = true;
            }
        }
    }
    if (applied) {
        return std::nullopt;
    }
    if (targets.empty()) {
        return Problem{"candidate_number",
                       fmt::format("candidate {} at centre {} has no entry in the candidates file, "
                                   "and no candidate at another centre has UCI {}",
                                   row.candidate, row.centre, uci),
                       "add the candidate's entry to the candidates export, or check the UCI"};
    }
    std::vector<std::string> names;
    for (std::uint32_t first : targets) {
        const model::Entry& entry = m_entries[Blocks::entry(m_blocks->at(first))];
        names.push_back(fmt::format("{} at centre {}", entry.candidate, entry.centre));
    }
    return Problem{"qualification_code",
                   fmt::format("candidate {} at centre {} has no entry here, and UCI {} ({}) has no "
                               "entry in the suite of qualification {}",
                               row.candidate, row.centre, uci, fmt::join(names, ", "),
                               row.qualification_code),
                   "check the qualification code, or add the entry to the candidates export"};
}

} // namespace qc::engine
