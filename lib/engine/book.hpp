#pragma once
// The grouping table: every entry, and for each the best row of each unit of its suite.
// Facts arrive through model::FactSink (from CSV files or the store); the table keeps one
// byte per (entry, suite unit), so a million entries of a 30-unit suite fit in 30 MB.

#include "model/entry.hpp"
#include "model/facts.hpp"
#include "model/rules.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace qc::engine {

/// The best row of one unit for one entry, packed in a byte.
class UnitState {
public:
    model::UnitStatus status() const { return static_cast<model::UnitStatus>(m_bits & 7u); }
    model::Grade grade() const { return static_cast<model::Grade>((m_bits >> 3) & 7u); }
    /// True when the winning row was achieved at another centre.
    bool transferred() const { return (m_bits & 64u) != 0; }
    model::Outcome outcome() const { return model::outcome_of(status(), grade()); }
    bool has_row() const { return status() != model::UnitStatus::none; }

    /// Keeps the better of this state and a new row (see model::better_row).
    /// Returns true when the new row won.
    bool combine(model::UnitStatus status, model::Grade grade, bool transferred);

private:
    std::uint8_t m_bits = 0;
};

/// Why a unit row counts for nothing for an entry; listed as a note, never dropped silently.
enum class NoteKind : std::uint8_t {
    unit_not_in_suite,         ///< the suite defines no unit with this number
    unit_not_in_qualification, ///< the suite has it, but this qualification does not use it
};

struct Note {
    std::uint32_t entry = 0;
    int unit = 0;
    long line = 0;
    NoteKind kind = NoteKind::unit_not_in_suite;
};

/// Where a unit's winning row came from, when that was another centre.
struct Transfer {
    std::string centre; ///< the row's taken_at_centre, or the centre it was recorded at (UCI)
    std::string series; ///< the row's series, when given
};

/// What the engine knows of one entry's units: a state per suite unit slot.
struct EntryFacts {
    std::span<const UnitState> units;
};

/// Unit rows reach entries by centre and candidate number, and also by UCI: a row of a
/// candidate at one centre counts, as a transfer from that centre, for each candidate at
/// another centre whose entries carry the same UCI (the row's own `uci`, else its candidate's
/// from the candidates file). docs/judging.md gives the exact rule.
class EntryBook final : public model::FactSink {
public:
    explicit EntryBook(const model::RuleBook& rules) : m_rules(rules) {}

    std::optional<model::Problem> add_entry(model::Entry entry) override;
    std::optional<model::Problem> add_unit_row(const model::UnitRow& row) override;

    std::size_t size() const { return m_entries.size(); }
    const model::Entry& entry(std::size_t index) const { return m_entries[index]; }
    model::Entry& entry(std::size_t index) { return m_entries[index]; }
    EntryFacts facts(std::size_t index) const;
    /// The notes of every entry, in the order the rows were read.
    const std::vector<Note>& notes() const { return m_notes; }
    /// Where a unit's winning row came from, when it was a transfer; null otherwise.
    const Transfer* transfer(std::size_t entry, std::uint16_t slot) const;
    /// The centre a unit was taken at, when its winning row was a transfer; empty otherwise.
    std::string transfer_centre(std::size_t entry, std::uint16_t slot) const;
    /// The entries of one candidate, in file order.
    std::vector<std::size_t> entries_of(std::string_view centre, std::string_view candidate) const;
    /// Index of the entry for (centre, candidate, qualification code), or -1.
    long find(std::string_view centre, std::string_view candidate, std::string_view code) const;
    /// Reserve room for about this many entries (speeds up large batches).
    void reserve(std::size_t entries);

private:
    static constexpr std::uint32_t k_none = UINT32_MAX;

    std::uint32_t first_entry_of(std::uint32_t key) const;
    void insert_candidate(std::uint32_t key, std::uint32_t entry);
    void grow_table();
    std::optional<model::Problem> apply(std::uint32_t entry, const model::UnitRow& row,
                                        std::string_view taken_at);
    std::optional<model::Problem> apply_to_matching(std::uint32_t first, const model::UnitRow& row,
                                                    std::string_view taken_at);
    std::optional<model::Problem> apply_to_own(std::uint32_t first, const model::UnitRow& row);
    // UCI matching (uci.cpp).
    void index_ucis();
    std::string_view uci_of(std::uint32_t first) const;
    std::vector<std::uint32_t> others_with_uci(std::string_view uci, std::string_view centre) const;
    std::optional<model::Problem> check_uci(std::uint32_t first, const model::UnitRow& row) const;
    std::optional<model::Problem> bring_by_uci(const model::UnitRow& row, std::string_view uci,
                                               bool applied_to_own);

    const model::RuleBook& m_rules;
    std::vector<model::Entry> m_entries;
    std::vector<std::uint32_t> m_state_offset;   ///< per entry, into m_states
    std::vector<std::uint32_t> m_next_same_candidate; ///< per entry: next entry of the candidate
    std::vector<UnitState> m_states;
    std::vector<Note> m_notes;
    std::unordered_map<std::uint64_t, Transfer> m_transfers;
    bool m_ucis_indexed = false;
    std::unordered_multimap<std::uint64_t, std::uint32_t> m_firsts_by_uci; ///< UCI hash -> first entry
    std::unordered_set<std::uint32_t> m_twinned; ///< candidate keys with a UCI twin elsewhere
    // Open addressing, linear probing: candidate key -> first entry of that candidate.
    std::vector<std::uint32_t> m_table_keys;
    std::vector<std::uint32_t> m_table_entries;
    std::size_t m_candidates = 0;
};

} // namespace qc::engine
