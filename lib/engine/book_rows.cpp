// EntryBook: unit rows into the blocks. The hot path of `check` on a large batch.
#include "engine/book.hpp"

#include "engine/blocks.hpp"

#include <fmt/format.h>

#include <array>

namespace qc::engine {

using model::Problem;

namespace {

// Rows between the stages of add_unit_rows' pipeline: a row's table slot is fetched this many
// rows before its block, and its block this many rows before the row is applied. Enough rows
// to cover a miss to memory on this kind of machine, few enough to stay in L1.
constexpr std::size_t k_distance = 16;
constexpr std::size_t k_ring = 64; // > 2 * k_distance, a power of two

Problem no_entry(const model::UnitRow& row) {
    return Problem{"candidate_number",
                   fmt::format("candidate {} at centre {} has no entry in the candidates file",
                               row.candidate, row.centre),
                   "add the candidate's entry to the candidates export, or check the centre "
                   "and candidate numbers"};
}

} // namespace

std::optional<Problem> EntryBook::add_unit_row(const model::UnitRow& row) {
    if (!m_ucis_indexed) {
        index_ucis();
    }
    return add_row_at(first_block_of(model::candidate_key(row.centre, row.candidate)), row);
}

void EntryBook::add_unit_rows(std::span<const model::UnitRow> rows,
                              std::vector<model::RowProblem>& problems) {
    // Three stages, k_distance rows apart: hash the key and prefetch its table slot; probe
    // the slot (now cached) and prefetch the block; apply the row. Rows are applied in order,
    // so notes, problems and ties come out exactly as from add_unit_row.
    if (!m_ucis_indexed) {
        index_ucis();
    }
    std::array<std::uint32_t, k_ring> keys{};
    std::array<std::size_t, k_ring> starts{};
    std::array<std::uint32_t, k_ring> firsts{};
    const std::size_t mask = m_table_size - 1;
    const std::size_t n = rows.size();
    for (std::size_t i = 0; i < n + 2 * k_distance; ++i) {
        if (i < n) {
            const std::uint32_t key = model::candidate_key(rows[i].centre, rows[i].candidate);
            keys[i % k_ring] = key;
            starts[i % k_ring] = slot_for(key, mask);
            __builtin_prefetch(&m_table[starts[i % k_ring]]);
        }
        if (i >= k_distance && i - k_distance < n) {
            const std::size_t j = (i - k_distance) % k_ring;
            firsts[j] = first_block_from(keys[j], starts[j]);
            if (firsts[j] != k_none) {
                __builtin_prefetch(m_blocks->at(firsts[j]));
            }
        }
        if (i >= 2 * k_distance) {
            const std::size_t k = i - 2 * k_distance;
            if (auto problem = add_row_at(firsts[k % k_ring], rows[k])) {
                problems.push_back(model::RowProblem{k, std::move(*problem)});
            }
        }
    }
}

// A row reaches its own candidate's entries; where UCIs link that candidate (or the row's own
// UCI names one) to candidates at other centres, it reaches theirs too (uci.cpp). The common
// case, no UCI shared across centres, costs two tests of empty things.
std::optional<Problem> EntryBook::add_row_at(std::uint32_t first, const model::UnitRow& row) {
    if (first == k_none) {
        return row.uci.empty() ? std::optional<Problem>(no_entry(row)) : bring_by_uci(row, row.uci, false);
    }
    if (!row.uci.empty()) {
        if (auto mismatch = check_uci(first, row)) {
            return mismatch;
        }
    }
    if (auto problem = apply_to_own(first, row)) {
        return problem;
    }
    if (!m_twinned.empty() && m_twinned.contains(model::candidate_key(row.centre, row.candidate))) {
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
    for (std::uint32_t at = first; at != k_none; at = Blocks::next(m_blocks->at(at))) {
        const std::uint16_t qualification = Blocks::qualification(m_blocks->at(at));
        if (m_qualifications[qualification].qualification->code == row.qualification_code) {
            return apply(at, row, row.taken_at_centre);
        }
    }
    return Problem{"qualification_code",
                   fmt::format("candidate {} at centre {} has no entry for qualification {}",
                               row.candidate, row.centre, row.qualification_code),
                   "check the qualification code, or add the entry to the candidates export"};
}

std::int32_t EntryBook::slot_of(const SuiteInfo& suite, int unit) const {
    if (!suite.slot_by_number.empty()) {
        return unit >= 0 && static_cast<std::size_t>(unit) < suite.slot_by_number.size()
                   ? suite.slot_by_number[static_cast<std::size_t>(unit)]
                   : -1;
    }
    const auto slot = suite.suite->slot_of(unit);
    return slot ? static_cast<std::int32_t>(*slot) : -1;
}

std::optional<Problem> EntryBook::apply_to_matching(std::uint32_t first, const model::UnitRow& row,
                                                    std::string_view taken_at) {
    const SuiteInfo* matched = nullptr;
    for (std::uint32_t at = first; at != k_none; at = Blocks::next(m_blocks->at(at))) {
        const QualificationInfo& qualification = m_qualifications[Blocks::qualification(m_blocks->at(at))];
        const SuiteInfo& suite = m_suites[qualification.suite];
        if (slot_of(suite, row.unit) < 0) {
            continue;
        }
        if (matched != nullptr && matched != &suite) {
            return Problem{"unit",
                           fmt::format("ambiguous unit {}: candidate {} has entries in '{}' and "
                                       "'{}', which both define it",
                                       row.unit, m_entries[Blocks::entry(m_blocks->at(at))].candidate,
                                       matched->suite->id, suite.suite->id),
                           "add a qualification_code column to the units export"};
        }
        matched = &suite;
    }
    for (std::uint32_t at = first; at != k_none; at = Blocks::next(m_blocks->at(at))) {
        const QualificationInfo& qualification = m_qualifications[Blocks::qualification(m_blocks->at(at))];
        if (matched == nullptr || &m_suites[qualification.suite] == matched) {
            if (auto problem = apply(at, row, taken_at)) {
                return problem;
            }
        }
    }
    return std::nullopt;
}

std::optional<Problem> EntryBook::apply(std::uint32_t at, const model::UnitRow& row,
                                        std::string_view taken_at) {
    unsigned char* block = m_blocks->at(at);
    const QualificationInfo& qualification = m_qualifications[Blocks::qualification(block)];
    const SuiteInfo& suite = m_suites[qualification.suite];
    const std::int32_t slot = slot_of(suite, row.unit);
    if (slot < 0) {
        m_notes.push_back(Note{Blocks::entry(block), row.unit, row.line, NoteKind::unit_not_in_suite});
        return std::nullopt;
    }
    const auto index = static_cast<std::size_t>(slot);
    if (row.status == model::UnitStatus::withdrawn) {
        m_notes.push_back(Note{Blocks::entry(block), row.unit, row.line, NoteKind::unit_withdrawn});
        return std::nullopt;
    }
    if (row.grade == model::Grade::r && !suite.grade_r_allowed[index]) {
        const model::Unit& unit = suite.suite->units[index];
        return Problem{"grade",
                       fmt::format("grade R (near pass) is not allowed for unit {}: it is only for "
                                   "examined units of Level 3 suites, and unit {} of '{}' is {} at "
                                   "Level {}",
                                   row.unit, row.unit, suite.suite->id, model::info(unit.assessment).code,
                                   suite.suite->level),
                       "use U for a fail on this unit"};
    }
    if (row.grade == model::Grade::n &&
        suite.suite->units[index].assessment != model::Assessment::examined) {
        return Problem{"grade",
                       fmt::format("grade N (near pass) is not allowed for unit {}: it is only for "
                                   "examined (external) units, and unit {} of '{}' is moderated",
                                   row.unit, row.unit, suite.suite->id),
                       "use U for a fail on this unit"};
    }
    const bool transferred = !taken_at.empty();
    const unsigned packed = (static_cast<unsigned>(row.status) | (static_cast<unsigned>(row.grade) << 3)) & 63u;
    UnitState& state = Blocks::states(block)[index];
    const unsigned old = state.m_bits & 63u;
    // As UnitState::combine: the new row wins when there was none or it ranks higher.
    if ((old & 7u) == 0 || m_rank[packed] > m_rank[old]) {
        state.m_bits = static_cast<std::uint8_t>(packed | (transferred ? 64u : 0u));
        if (transferred) {
            m_transfers[transfer_key(Blocks::entry(block), static_cast<std::uint16_t>(slot))] =
                Transfer{std::string(taken_at), std::string(row.series)};
        }
        // The points issued go with the row that won; a winner without them drops a loser's.
        if (row.points >= 0 || !m_issued.empty()) {
            const std::uint64_t key = issued_key(Blocks::entry(block), static_cast<std::uint16_t>(slot));
            if (row.points >= 0) {
                m_issued[key] = row.points;
            } else {
                m_issued.erase(key);
            }
        }
    }
    if (qualification.counts[index] == 0) {
        m_notes.push_back(Note{Blocks::entry(block), row.unit, row.line, NoteKind::unit_not_in_qualification});
    }
    return std::nullopt;
}

} // namespace qc::engine
