#include "csvio/lines.hpp"

#include <algorithm>
#include <climits>
#include <cstring>

namespace qc::csvio {

namespace {

constexpr std::size_t k_block = std::size_t{1} << 20;

} // namespace

LineSource::LineSource(WatchedSource& source)
    : m_source(source), m_buffer(std::make_unique<char[]>(k_block + k_padding + 1)), m_size(k_block) {
    read_more();
    // A UTF-8 byte order mark is not part of the first line (as with LineReader).
    if (m_end >= 3 && std::memcmp(m_buffer.get(), "\xEF\xBB\xBF", 3) == 0) {
        m_begin = 3;
    }
}

// Moves the unfinished line to the front, grows the buffer when that line fills it, and reads
// as much as fits. False when nothing more could be read.
bool LineSource::read_more() {
    if (m_eof) {
        return false;
    }
    if (m_before_refill) {
        m_before_refill();
    }
    const std::size_t kept = m_end - m_begin;
    if (m_begin > 0) {
        std::memmove(m_buffer.get(), m_buffer.get() + m_begin, kept);
        m_begin = 0;
        m_end = kept;
    }
    if (m_end == m_size) {
        const std::size_t size = m_size * 2;
        auto bigger = std::make_unique<char[]>(size + k_padding + 1);
        std::memcpy(bigger.get(), m_buffer.get(), m_end);
        m_buffer = std::move(bigger);
        m_size = size;
    }
    const std::size_t room = std::min<std::size_t>(m_size - m_end, INT_MAX);
    const int count = m_source.read(m_buffer.get() + m_end, static_cast<int>(room));
    if (count <= 0) {
        m_eof = true;
        return false;
    }
    m_end += static_cast<std::size_t>(count);
    return true;
}

char* LineSource::next(std::size_t& length) {
    if (m_too_long) {
        return nullptr;
    }
    const char* found = nullptr;
    for (;;) {
        const std::size_t scanned = m_end - m_begin;
        found = static_cast<const char*>(std::memchr(m_buffer.get() + m_begin, '\n', scanned));
        if (found != nullptr || scanned >= k_max_line || !read_more()) {
            break;
        }
    }
    if (m_begin == m_end) {
        return nullptr;
    }
    char* line = m_buffer.get() + m_begin;
    std::size_t size = found != nullptr ? static_cast<std::size_t>(found - line) : m_end - m_begin;
    if (size + 1 > k_max_line) {
        m_too_long = true;
        return nullptr;
    }
    m_begin += found != nullptr ? size + 1 : size;
    if (size > 0 && line[size - 1] == '\r') {
        --size;
    }
    // Not terminated here: a store just before the reader's wide loads of the same bytes
    // stalls them (store forwarding); terminate() does it for the readers that need it.
    length = size;
    return line;
}

} // namespace qc::csvio
