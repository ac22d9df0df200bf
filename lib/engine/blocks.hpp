#pragma once
// Private to lib/engine/book*.cpp: the storage of EntryBook's per-entry blocks.
//
// A block is one entry's grouping state: a 10-byte header (entry index, next block of the same
// candidate, qualification index) followed by one UnitState byte per unit of its suite. Block
// sizes are powers of two up to 64 bytes (then multiples of 64) and the storage is 64-byte
// aligned, so a block of a suite with up to 54 units never straddles two cache lines: a unit
// row costs one line here.

#include "engine/book.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace qc::engine {

inline constexpr std::size_t k_block_header = 10;

/// Zero-filled memory for a large table, 64-byte aligned; from 2 MB on, 2 MB aligned and
/// backed by huge pages where the system allows, because random lookups into tens of MB
/// otherwise miss the TLB as well as the cache. Free with std::free.
void* allocate_table(std::size_t bytes, bool zeroed);

/// The table slot where probing for a candidate key starts.
inline std::size_t slot_for(std::uint32_t key, std::size_t mask) {
    // Fibonacci hashing spreads the sequential candidate numbers of one centre.
    return (static_cast<std::uint64_t>(key) * 0x9E3779B97F4A7C15ull >> 32) & mask;
}

/// The key of a transferred unit in EntryBook::m_transfers.
inline std::uint64_t transfer_key(std::size_t entry, std::uint16_t slot) {
    return (static_cast<std::uint64_t>(entry) << 16) | slot;
}

/// The block size, in 8-byte words, for a suite of `units` units.
std::uint32_t block_words(std::size_t units);

class EntryBook::Blocks {
public:
    Blocks() = default;
    ~Blocks();
    Blocks(const Blocks&) = delete;
    Blocks& operator=(const Blocks&) = delete;

    /// Appends a block of `words` words, its header set and its states empty; returns its
    /// offset in words.
    std::uint32_t append(std::uint32_t words, std::uint32_t entry, std::uint16_t qualification);
    /// Makes room for this many words in all.
    void reserve(std::size_t words);

    unsigned char* at(std::uint32_t offset) { return m_data + std::size_t{offset} * 8; }
    const unsigned char* at(std::uint32_t offset) const { return m_data + std::size_t{offset} * 8; }

    static std::uint32_t entry(const unsigned char* block) { return load32(block); }
    static std::uint32_t next(const unsigned char* block) { return load32(block + 4); }
    static std::uint16_t qualification(const unsigned char* block) {
        std::uint16_t value = 0;
        std::memcpy(&value, block + 8, sizeof value);
        return value;
    }
    static void set_next(unsigned char* block, std::uint32_t next) {
        std::memcpy(block + 4, &next, sizeof next);
    }
    static UnitState* states(unsigned char* block) {
        return reinterpret_cast<UnitState*>(block + k_block_header);
    }
    static const UnitState* states(const unsigned char* block) {
        return reinterpret_cast<const UnitState*>(block + k_block_header);
    }

private:
    static std::uint32_t load32(const unsigned char* at) {
        std::uint32_t value = 0;
        std::memcpy(&value, at, sizeof value);
        return value;
    }

    unsigned char* m_data = nullptr;
    std::size_t m_words = 0;
    std::size_t m_capacity = 0; ///< in words
};

} // namespace qc::engine
