// EntryBook: entries, their blocks and the candidate table. Unit rows are in book_rows.cpp.
#include "engine/book.hpp"

#include "engine/blocks.hpp"

#include <fmt/format.h>

#include <sys/mman.h>

#include <algorithm>
#include <cstdlib>
#include <new>
#include <stdexcept>
#include <type_traits>

namespace qc::engine {

using model::Problem;

static_assert(sizeof(UnitState) == 1 && std::is_trivially_copyable_v<UnitState>,
              "unit states are bytes inside a block");

bool UnitState::combine(model::UnitStatus status, model::Grade grade, bool transferred) {
    if (has_row() && !model::better_row(status, grade, this->status(), this->grade())) {
        return false;
    }
    m_bits = static_cast<std::uint8_t>(static_cast<unsigned>(status) |
                                       (static_cast<unsigned>(grade) << 3) |
                                       (transferred ? 64u : 0u));
    return true;
}

// --- storage ---------------------------------------------------------------------------------

void* allocate_table(std::size_t bytes, bool zeroed) {
    constexpr std::size_t k_huge = std::size_t{2} << 20;
    const std::size_t align = bytes >= k_huge ? k_huge : 64;
    bytes = (bytes + align - 1) / align * align;
    void* memory = std::aligned_alloc(align, bytes);
    if (memory == nullptr) {
        throw std::bad_alloc();
    }
#ifdef MADV_HUGEPAGE
    if (align == k_huge) {
        ::madvise(memory, bytes, MADV_HUGEPAGE); // advice only: without it, 4 kB pages
    }
#endif
    if (zeroed) {
        std::memset(memory, 0, bytes);
    }
    return memory;
}

void EntryBook::Free::operator()(void* memory) const { std::free(memory); }

EntryBook::Blocks::~Blocks() { std::free(m_data); }

std::uint32_t block_words(std::size_t units) {
    std::size_t bytes = 8;
    while (bytes < k_block_header + units && bytes < 64) {
        bytes *= 2;
    }
    if (bytes < k_block_header + units) {
        bytes = (k_block_header + units + 63) / 64 * 64;
    }
    return static_cast<std::uint32_t>(bytes / 8);
}

void EntryBook::Blocks::reserve(std::size_t words) {
    if (words <= m_capacity) {
        return;
    }
    // Cache-line aligned, so that a block never needs two lines; pages are only touched (and
    // so only cost memory) once blocks are written to them.
    const std::size_t bytes = (words * 8 + 63) / 64 * 64;
    auto* data = static_cast<unsigned char*>(allocate_table(bytes, false));
    if (m_words > 0) {
        std::memcpy(data, m_data, m_words * 8);
    }
    std::free(m_data);
    m_data = data;
    m_capacity = bytes / 8;
}

std::uint32_t EntryBook::Blocks::append(std::uint32_t words, std::uint32_t entry,
                                        std::uint16_t qualification) {
    if (m_words + words >= k_none) {
        throw std::length_error("too many entries for one grouping table");
    }
    if (m_words + words > m_capacity) {
        reserve(std::max<std::size_t>(m_capacity * 2, 1024));
    }
    const auto offset = static_cast<std::uint32_t>(m_words);
    unsigned char* block = at(offset);
    std::memset(block, 0, std::size_t{words} * 8);
    std::memcpy(block, &entry, sizeof entry);
    set_next(block, k_none);
    std::memcpy(block + 8, &qualification, sizeof qualification);
    m_words += words;
    return offset;
}

// --- the book --------------------------------------------------------------------------------

namespace {

// Above this, a suite's unit numbers are looked up through Suite::slot_of instead of a
// table indexed by number.
constexpr int k_largest_dense_unit = 4096;

} // namespace

EntryBook::EntryBook(const model::RuleBook& rules)
    : m_rules(rules), m_blocks(std::make_unique<Blocks>()) {
    grow_table(16);
    // The rank orders rows exactly as model::better_row does: outcome, then grade, then status.
    for (unsigned bits = 0; bits < m_rank.size(); ++bits) {
        const auto status = static_cast<model::UnitStatus>(bits & 7u);
        const auto grade = static_cast<model::Grade>(bits >> 3);
        // Compares outcome, then grade (by grade_rank: N, stored last, ranks below P), then status.
        m_rank[bits] = static_cast<std::uint16_t>(
            static_cast<unsigned>(model::outcome_of(status, grade)) * 64 +
            static_cast<unsigned>(model::grade_rank(grade)) * 8 + (bits & 7u));
    }
}

EntryBook::~EntryBook() = default;
EntryBook::EntryBook(EntryBook&&) noexcept = default;

std::uint16_t EntryBook::qualification_index(const model::Qualification* qualification) {
    if (auto found = m_qualification_index.find(qualification); found != m_qualification_index.end()) {
        return found->second;
    }
    const model::Suite* suite = qualification->suite;
    auto same_suite = [&](const SuiteInfo& info) { return info.suite == suite; };
    auto known = std::find_if(m_suites.begin(), m_suites.end(), same_suite);
    if (known == m_suites.end()) {
        SuiteInfo info;
        info.suite = suite;
        int largest = 0;
        for (const model::Unit& unit : suite->units) {
            largest = std::max(largest, unit.number);
        }
        if (largest <= k_largest_dense_unit) {
            info.slot_by_number.assign(static_cast<std::size_t>(largest) + 1, -1);
            for (std::size_t slot = 0; slot < suite->units.size(); ++slot) {
                if (suite->units[slot].number >= 0) {
                    info.slot_by_number[static_cast<std::size_t>(suite->units[slot].number)] =
                        static_cast<std::int16_t>(slot);
                }
            }
        }
        for (const model::Unit& unit : suite->units) {
            info.grade_r_allowed.push_back(suite->level >= 3 &&
                                           unit.assessment == model::Assessment::examined);
        }
        info.block_words = block_words(suite->units.size());
        m_suites.push_back(std::move(info));
        known = m_suites.end() - 1;
    }
    QualificationInfo info;
    info.qualification = qualification;
    info.suite = static_cast<std::uint16_t>(known - m_suites.begin());
    for (std::uint16_t slot = 0; slot < suite->units.size(); ++slot) {
        info.counts.push_back(qualification->counts(slot) ? 1 : 0);
    }
    const auto index = static_cast<std::uint16_t>(m_qualifications.size());
    m_qualifications.push_back(std::move(info));
    m_qualification_index.emplace(qualification, index);
    return index;
}

void EntryBook::reserve(std::size_t entries) {
    m_entries.reserve(entries);
    m_block_of.reserve(entries);
    std::uint32_t widest = block_words(0);
    for (const auto& suite : m_rules.suites()) {
        widest = std::max(widest, block_words(suite->units.size()));
    }
    m_blocks->reserve(entries * widest);
    // Candidates are fewer than entries (some have several): room for 2/3 of them at the
    // table's load of 1/2; it grows if more come.
    std::size_t capacity = 16;
    while (capacity < entries * 3 / 2) {
        capacity *= 2;
    }
    grow_table(capacity);
}

void EntryBook::grow_table(std::size_t capacity) {
    if (capacity <= m_table_size) {
        return;
    }
    std::unique_ptr<Slot[], Free> old(
        static_cast<Slot*>(allocate_table(capacity * sizeof(Slot), true)));
    old.swap(m_table);
    const std::size_t old_size = m_table_size;
    m_table_size = capacity;
    m_candidates = 0;
    for (std::size_t i = 0; i < old_size; ++i) {
        if (old[i].key != 0) {
            insert_candidate(old[i].key, old[i].block);
        }
    }
}

std::uint32_t EntryBook::first_block_of(std::uint32_t key) const {
    return first_block_from(key, slot_for(key, m_table_size - 1));
}

std::uint32_t EntryBook::first_block_from(std::uint32_t key, std::size_t at) const {
    if (key == 0) {
        return k_none;
    }
    const std::size_t mask = m_table_size - 1;
    for (;; at = (at + 1) & mask) {
        if (m_table[at].key == key) {
            return m_table[at].block;
        }
        if (m_table[at].key == 0) {
            return k_none;
        }
    }
}

void EntryBook::insert_candidate(std::uint32_t key, std::uint32_t block) {
    if ((m_candidates + 1) * 2 > m_table_size) {
        grow_table(m_table_size * 2);
    }
    const std::size_t mask = m_table_size - 1;
    std::size_t at = slot_for(key, mask);
    while (m_table[at].key != 0) {
        at = (at + 1) & mask;
    }
    m_table[at] = Slot{key, block};
    ++m_candidates;
}

std::optional<Problem> EntryBook::add_entry(model::Entry entry) {
    const std::uint32_t key = model::candidate_key(entry.centre, entry.candidate);
    if (key == 0 || entry.qualification == nullptr) {
        return Problem{"candidate_number", "entry has no valid centre, candidate and qualification", {}};
    }
    const std::uint16_t qualification = qualification_index(entry.qualification);
    const std::uint32_t first = first_block_of(key);
    std::uint32_t last = k_none;
    for (std::uint32_t at = first; at != k_none; at = Blocks::next(m_blocks->at(at))) {
        if (Blocks::qualification(m_blocks->at(at)) == qualification) {
            return Problem{"qualification_code",
                           fmt::format("duplicate entry: candidate {} at centre {} is already entered "
                                       "for {} (line {})",
                                       entry.candidate, entry.centre, entry.qualification->code,
                                       m_entries[Blocks::entry(m_blocks->at(at))].line),
                           "remove one of the two rows"};
        }
        last = at;
    }
    const auto index = static_cast<std::uint32_t>(m_entries.size());
    m_ucis_indexed = false;
    const std::uint32_t words = m_suites[m_qualifications[qualification].suite].block_words;
    const std::uint32_t block = m_blocks->append(words, index, qualification);
    m_block_of.push_back(block);
    m_entries.push_back(std::move(entry));
    if (last == k_none) {
        insert_candidate(key, block);
    } else {
        // Appended to the end of the candidate's chain so that entries keep file order.
        Blocks::set_next(m_blocks->at(last), block);
    }
    return std::nullopt;
}

EntryFacts EntryBook::facts(std::size_t index) const {
    const unsigned char* block = m_blocks->at(m_block_of[index]);
    const std::size_t count = m_entries[index].qualification->suite->units.size();
    return EntryFacts{std::span<const UnitState>(Blocks::states(block), count), &m_issued, index};
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
    for (std::uint32_t at = first_block_of(model::candidate_key(centre, candidate)); at != k_none;
         at = Blocks::next(m_blocks->at(at))) {
        found.push_back(Blocks::entry(m_blocks->at(at)));
    }
    return found;
}

long EntryBook::find(std::string_view centre, std::string_view candidate,
                     std::string_view code) const {
    for (std::uint32_t at = first_block_of(model::candidate_key(centre, candidate)); at != k_none;
         at = Blocks::next(m_blocks->at(at))) {
        const std::uint32_t entry = Blocks::entry(m_blocks->at(at));
        if (m_entries[entry].qualification->code == code) {
            return static_cast<long>(entry);
        }
    }
    return -1;
}

} // namespace qc::engine
