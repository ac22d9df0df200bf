#include "engine/notes.hpp"

#include <fmt/format.h>

namespace qc::engine {

EntryNotes::EntryNotes(const EntryBook& book, std::string units_file)
    : m_book(&book), m_file(units_file.empty() || units_file == "-" ? "units" : std::move(units_file)) {
    const std::vector<Note>& notes = book.notes();
    if (notes.empty()) {
        return;
    }
    // A counting sort by entry, stable, so each entry's notes stay in file order.
    m_first.assign(book.size() + 1, 0);
    for (const Note& note : notes) {
        ++m_first[note.entry + 1];
    }
    for (std::size_t i = 1; i < m_first.size(); ++i) {
        m_first[i] += m_first[i - 1];
    }
    m_order.resize(notes.size());
    std::vector<std::uint32_t> next(m_first.begin(), m_first.end() - 1);
    for (std::size_t i = 0; i < notes.size(); ++i) {
        m_order[next[notes[i].entry]++] = static_cast<std::uint32_t>(i);
    }
}

bool EntryNotes::any(std::size_t entry) const {
    return entry + 1 < m_first.size() && m_first[entry] != m_first[entry + 1];
}

void EntryNotes::render(std::size_t entry, std::vector<std::string>& sentences) const {
    if (!any(entry)) {
        return;
    }
    const model::Qualification& qualification = *m_book->entry(entry).qualification;
    for (std::uint32_t at = m_first[entry]; at < m_first[entry + 1]; ++at) {
        const Note& note = m_book->notes()[m_order[at]];
        std::string where = note.line > 0 ? fmt::format(" ({} line {})", m_file, static_cast<long>(note.line)) : "";
        switch (note.kind) {
        case NoteKind::unit_not_in_suite:
            sentences.push_back(fmt::format("unit {}{} is not a unit of {}; not counted", note.unit,
                                            where, qualification.suite->id));
            break;
        case NoteKind::unit_not_in_qualification:
            sentences.push_back(fmt::format("unit {}{} is not part of {}; not counted", note.unit,
                                            where, qualification.code));
            break;
        case NoteKind::unit_withdrawn:
            sentences.push_back(fmt::format("unit {}{} is withdrawn; not counted", note.unit, where));
            break;
        }
    }
}

std::vector<std::string> EntryNotes::sentences(std::size_t entry) const {
    std::vector<std::string> sentences;
    render(entry, sentences);
    return sentences;
}

} // namespace qc::engine
