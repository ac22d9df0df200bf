// The only file that includes fast-cpp-csv-parser.
#include "csvio/lines.hpp"

// Threaded mode on purpose: reading the next 16 MB block overlaps with parsing. Its file-name
// copies trip -Wstringop-truncation once inlined at -O2; they are fine.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstringop-truncation"
#include <libfccp/csv.h>
#pragma GCC diagnostic pop

#include <cstring>

namespace qc::csvio {

namespace {

constexpr std::size_t k_arena = std::size_t{1} << 20;

// LineReader destroys its source after the first read when the input is small, but the
// record reader still asks it about NULs and read errors afterwards, so the record reader
// owns the source and LineReader gets this forwarder.
class Forwarder : public io::ByteSourceBase {
public:
    explicit Forwarder(WatchedSource& target) : m_target(target) {}
    int read(char* buffer, int size) override { return m_target.read(buffer, size); }

private:
    WatchedSource& m_target;
};

} // namespace

struct LineSource::Reader {
    Reader(const std::string& name, WatchedSource& source)
        : lines(name, std::make_unique<Forwarder>(source)) {}
    io::LineReader lines;
};

LineSource::LineSource(const std::string& name, WatchedSource& source)
    : m_reader(std::make_unique<Reader>(name, source)),
      m_arena(std::make_unique<char[]>(k_arena + k_padding + 1)), m_size(k_arena) {}

LineSource::~LineSource() = default;

// Room for a line of `length` bytes and its terminator: the arena is reused from the start
// (after the hook, since earlier lines are overwritten), and grows for a line longer than it.
char* LineSource::room_for(std::size_t length) {
    if (m_used + length + 1 <= m_size) {
        return m_arena.get() + m_used;
    }
    if (m_before_refill) {
        m_before_refill();
    }
    m_used = 0;
    if (length + 1 > m_size) {
        m_size = length + 1;
        m_arena = std::make_unique<char[]>(m_size + k_padding + 1);
    }
    return m_arena.get();
}

char* LineSource::next(std::size_t& length) {
    if (m_too_long) {
        return nullptr;
    }
    const char* line = nullptr;
    try {
        line = m_reader->lines.next_line();
    } catch (const io::error::base&) {
        // Only LineReader's length limit is thrown from here (our sources never throw).
        m_too_long = true;
        return nullptr;
    }
    if (line == nullptr) {
        return nullptr;
    }
    length = std::strlen(line); // WatchedSource cuts the stream before a NUL's line
    char* copy = room_for(length);
    std::memcpy(copy, line, length);
    m_used += length + 1; // one byte for terminate()
    return copy;
}

} // namespace qc::csvio
