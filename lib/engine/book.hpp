#pragma once
// The grouping table: every entry, and for each the best row of each unit of its suite.
// Facts arrive through model::FactSink (from CSV files or the store); the table keeps one
// byte per (entry, suite unit), so a million entries of a 30-unit suite fit in 30 MB.
//
// Laid out for shuffled rows (docs/performance.md): a row costs one probe of a flat table of
// 8-byte slots (key and block together) and one visit to the entry's block, which holds the
// little the grouping needs (next entry of the candidate, qualification) next to its unit
// states. model::Entry (names, dates) is never touched while grouping. add_unit_rows looks up
// a batch of rows at once so that their cache misses overlap.

#include "model/entry.hpp"
#include "model/facts.hpp"
#include "model/rules.hpp"

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
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
    friend class EntryBook; // its hot path combines through a rank table
    std::uint8_t m_bits = 0;
};

/// Why a unit row counts for nothing for an entry; listed as a note, never dropped silently.
enum class NoteKind : std::uint8_t {
    unit_not_in_suite,         ///< the suite defines no unit with this number
    unit_not_in_qualification, ///< the suite has it, but this qualification does not use it
    unit_withdrawn,            ///< the row's status is Withdrawn (the unit entry was withdrawn)
};

/// One row that counts for nothing for an entry, kept as 16 bytes: it becomes a sentence only
/// when its entry is written (engine::EntryNotes), so a batch full of such rows costs little.
struct Note {
    std::uint32_t entry = 0;
    std::int32_t unit = 0;
    std::int64_t line : 56 = 0; ///< 0: not from a file (a test's row)
    NoteKind kind : 8 = NoteKind::unit_not_in_suite;
};

/// Where a unit's winning row came from, when that was another centre.
struct Transfer {
    std::string centre; ///< the row's taken_at_centre, or the centre it was recorded at (UCI)
    std::string series; ///< the row's series, when given
};

/// Units' points as the awarding body issued them (the units export's `points` column), by
/// issued_key(entry, slot).
using IssuedPoints = std::unordered_map<std::uint64_t, int>;

inline std::uint64_t issued_key(std::size_t entry, std::uint16_t slot) {
    return (static_cast<std::uint64_t>(entry) << 16) | slot;
}

/// What the engine knows of one entry's units: a state per suite unit slot, and the points
/// issued with the winning rows, where the export gave them.
struct EntryFacts {
    std::span<const UnitState> units;
    const IssuedPoints* issued = nullptr; ///< null or empty: no points given
    std::size_t entry = 0;

    /// The points issued for the unit in `slot`, when its winning row gave them.
    std::optional<int> issued_points(std::uint16_t slot) const {
        if (issued == nullptr || issued->empty()) {
            return std::nullopt;
        }
        auto found = issued->find(issued_key(entry, slot));
        return found != issued->end() ? std::optional(found->second) : std::nullopt;
    }
};

/// Unit rows reach entries by centre and candidate number, and also by UCI: a row of a
/// candidate at one centre counts, as a transfer from that centre, for each candidate at
/// another centre whose entries carry the same UCI (the row's own `uci`, else its candidate's
/// from the candidates file). docs/judging.md gives the exact rule.
class EntryBook final : public model::FactSink {
public:
    explicit EntryBook(const model::RuleBook& rules);
    ~EntryBook() override;
    EntryBook(EntryBook&&) noexcept;
    EntryBook(const EntryBook&) = delete;
    EntryBook& operator=(const EntryBook&) = delete;

    std::optional<model::Problem> add_entry(model::Entry entry) override;
    std::optional<model::Problem> add_unit_row(const model::UnitRow& row) override;
    /// The same as add_unit_row for each row in order, with the table lookups of many rows
    /// overlapped (software prefetch): this is what makes shuffled rows cheap.
    void add_unit_rows(std::span<const model::UnitRow> rows,
                       std::vector<model::RowProblem>& problems) override;

    std::size_t size() const { return m_entries.size(); }
    const model::Entry& entry(std::size_t index) const { return m_entries[index]; }
    /// An entry, to apply the centre's statements (ECD, withdrawal, pathway). Its
    /// qualification must not change.
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
    /// One slot of the open-addressing table: a candidate key and its first entry's block.
    struct Slot {
        std::uint32_t key = 0; ///< 0: empty
        std::uint32_t block = 0;
    };
    /// What the grouping needs of a qualification, by its index in m_qualifications.
    struct QualificationInfo {
        const model::Qualification* qualification = nullptr;
        std::uint16_t suite = 0;          ///< index in m_suites
        std::vector<std::uint8_t> counts; ///< per slot: 1 when mandatory or optional
    };
    /// What the grouping needs of a suite, by its index in m_suites.
    struct SuiteInfo {
        const model::Suite* suite = nullptr;
        std::vector<std::int16_t> slot_by_number; ///< unit number -> slot, -1 when none
        std::vector<std::uint8_t> grade_r_allowed; ///< per slot: examined unit, Level 3
        std::uint32_t block_words = 0;             ///< block size in 8-byte words
    };
    class Blocks;

    static constexpr std::uint32_t k_none = UINT32_MAX;

    std::uint16_t qualification_index(const model::Qualification* qualification);
    std::uint32_t first_block_of(std::uint32_t key) const;
    /// The first block of `key`'s candidate, probing from table slot `at`, or k_none.
    std::uint32_t first_block_from(std::uint32_t key, std::size_t at) const;
    void insert_candidate(std::uint32_t key, std::uint32_t block);
    void grow_table(std::size_t capacity);
    std::int32_t slot_of(const SuiteInfo& suite, int unit) const;
    std::optional<model::Problem> add_row_at(std::uint32_t first, const model::UnitRow& row);
    std::optional<model::Problem> apply_to_own(std::uint32_t first, const model::UnitRow& row);
    std::optional<model::Problem> apply(std::uint32_t block, const model::UnitRow& row,
                                        std::string_view taken_at);
    std::optional<model::Problem> apply_to_matching(std::uint32_t first, const model::UnitRow& row,
                                                    std::string_view taken_at);
    // UCI matching (uci.cpp). `first` is a candidate's first block.
    void index_ucis();
    std::string_view uci_of(std::uint32_t first) const;
    std::vector<std::uint32_t> others_with_uci(std::string_view uci, std::string_view centre) const;
    std::optional<model::Problem> check_uci(std::uint32_t first, const model::UnitRow& row) const;
    std::optional<model::Problem> bring_by_uci(const model::UnitRow& row, std::string_view uci,
                                               bool applied_to_own);

    const model::RuleBook& m_rules;
    std::vector<model::Entry> m_entries;
    std::vector<std::uint32_t> m_block_of; ///< per entry: its block
    std::unique_ptr<Blocks> m_blocks;
    std::vector<Note> m_notes;
    std::unordered_map<std::uint64_t, Transfer> m_transfers;
    IssuedPoints m_issued; ///< points issued with winning rows, where the export gave them
    bool m_ucis_indexed = false;
    std::unordered_multimap<std::uint64_t, std::uint32_t> m_firsts_by_uci; ///< UCI hash -> first block
    std::unordered_set<std::uint32_t> m_twinned; ///< candidate keys with a UCI twin elsewhere
    std::vector<QualificationInfo> m_qualifications;
    std::vector<SuiteInfo> m_suites;
    std::unordered_map<const model::Qualification*, std::uint16_t> m_qualification_index;
    std::array<std::uint16_t, 64> m_rank{}; ///< per packed (status, grade): its rank
    // Open addressing, linear probing, load <= 1/2: candidate key -> first block.
    struct Free {
        void operator()(void* memory) const;
    };
    std::unique_ptr<Slot[], Free> m_table;
    std::size_t m_table_size = 0; ///< a power of two
    std::size_t m_candidates = 0;
};

} // namespace qc::engine
