#pragma once
// The notes of each entry, found once and worded only when the entry is written. The book
// keeps every note as (entry, unit, line, kind) in the order the rows were read; EntryNotes
// adds an index by entry (4 bytes a note) and holds the units file's name once, so that a
// batch where a third of the rows are notes costs no more memory than their 16 bytes each.

#include "engine/book.hpp"

#include <span>
#include <string>
#include <vector>

namespace qc::engine {

class EntryNotes {
public:
    /// No notes at all (e.g. when results are only saved, never written).
    EntryNotes() = default;
    /// Indexes `book`'s notes by entry. `units_file` names the rows in each sentence ("" or
    /// "-": "units"). `book` must outlive this and not change while it is used.
    EntryNotes(const EntryBook& book, std::string units_file);

    /// Whether entry `entry` has any note.
    bool any(std::size_t entry) const;
    /// Appends the sentences of entry `entry`'s notes, in the order the rows were read, e.g.
    /// "unit 7 (units.csv line 12) is not part of 90201; not counted". Safe to call from
    /// several threads at once.
    void render(std::size_t entry, std::vector<std::string>& sentences) const;
    /// The same, returned.
    std::vector<std::string> sentences(std::size_t entry) const;

private:
    const EntryBook* m_book = nullptr;
    std::string m_file;
    std::vector<std::uint32_t> m_first; ///< per entry + 1: its first place in m_order
    std::vector<std::uint32_t> m_order; ///< indexes into the book's notes, grouped by entry
};

} // namespace qc::engine
