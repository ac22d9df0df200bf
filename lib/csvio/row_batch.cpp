#include "csvio/row_batch.hpp"

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

namespace qc::csvio {

namespace {

constexpr std::size_t k_text = 64 * 1024;

} // namespace

RowBatch::RowBatch() : m_text(std::make_unique<char[]>(k_text)), m_text_size(k_text) {
    m_rows.reserve(k_rows);
    m_kept.reserve(k_rows);
}

void RowBatch::add(const model::UnitRow& row, const RowMark& mark) {
    if (!mark.positions.empty()) {
        add_copied(row, mark);
        return;
    }
    // Split in place: every view is into the line (or is the configured centre), which stays
    // where it is until the reader's before_lines_move hook has had this batch delivered.
    m_kept.push_back(Kept{mark.line, mark.raw, 0, 0});
    m_rows.push_back(row);
}

std::string_view RowBatch::copy(std::string_view text) {
    char* at = m_text.get() + m_text_used;
    if (!text.empty()) {
        std::memcpy(at, text.data(), text.size());
    }
    m_text_used += text.size();
    return {at, text.size()};
}

namespace {

// The texts of a row that point into the reader's buffers.
constexpr std::string_view model::UnitRow::*k_texts[] = {
    &model::UnitRow::centre, &model::UnitRow::candidate, &model::UnitRow::qualification_code,
    &model::UnitRow::taken_at_centre, &model::UnitRow::series};

} // namespace

std::size_t RowBatch::bytes_to_copy(const model::UnitRow& row, const RowMark& mark) {
    std::size_t bytes = mark.raw.size();
    for (auto text : k_texts) {
        bytes += (row.*text).size();
    }
    return bytes;
}

bool RowBatch::fits(const model::UnitRow& row, const RowMark& mark) const {
    return mark.positions.empty() || m_rows.empty() || m_text_used + bytes_to_copy(row, mark) <= m_text_size;
}

// A record with quoted fields: its fields are in the reader's scratch space, reused for the
// next one, so the row's text and its first line are copied. Held rows point into m_text, so
// it only grows when the batch is empty (fits() says when to deliver first).
void RowBatch::add_copied(const model::UnitRow& row, const RowMark& mark) {
    const std::size_t bytes = bytes_to_copy(row, mark);
    if (m_text_used + bytes > m_text_size) {
        m_text_size = std::max(bytes, 2 * m_text_size);
        m_text = std::make_unique<char[]>(m_text_size);
        m_text_used = 0;
    }
    model::UnitRow kept = row;
    for (auto text : k_texts) {
        kept.*text = copy(row.*text);
    }
    m_kept.push_back(Kept{mark.line, copy(mark.raw), m_positions.size(), mark.positions.size()});
    m_positions.insert(m_positions.end(), mark.positions.begin(), mark.positions.end());
    m_rows.push_back(kept);
}

void RowBatch::deliver(model::FactSink& sink, Sheet& sheet) {
    if (m_rows.empty()) {
        return;
    }
    m_problems.clear();
    sink.add_unit_rows(m_rows, m_problems);
    for (model::RowProblem& problem : m_problems) {
        const Kept& kept = m_kept[problem.index];
        const RowMark mark{kept.line, kept.raw,
                           std::span<const FieldPosition>(m_positions.data() + kept.positions,
                                                          kept.position_count)};
        sheet.error_at(mark, problem.problem.column, std::move(problem.problem.message),
                       std::move(problem.problem.hint));
    }
    m_rows.clear();
    m_kept.clear();
    m_positions.clear();
    m_text_used = 0;
}

// --- feeding ---------------------------------------------------------------------------------

namespace {

// Removes the sheet's hooks however feeding ends.
class Hooks {
public:
    Hooks(Sheet& sheet, const std::function<void()>& hook) : m_sheet(sheet) {
        m_sheet.before_row_problem(hook);
        m_sheet.before_lines_move(hook);
    }
    ~Hooks() {
        m_sheet.before_row_problem(nullptr);
        m_sheet.before_lines_move(nullptr);
    }
    Hooks(const Hooks&) = delete;
    Hooks& operator=(const Hooks&) = delete;

private:
    Sheet& m_sheet;
};

void feed_serially(Sheet& sheet, const RowParser& parse, model::FactSink& sink) {
    RowBatch batch;
    Hooks hooks(sheet, [&] { batch.deliver(sink, sheet); });
    model::UnitRow row;
    while (sheet.next()) {
        if (!parse(sheet, row)) {
            continue;
        }
        const RowMark mark = sheet.mark();
        if (!batch.fits(row, mark)) {
            batch.deliver(sink, sheet);
        }
        batch.add(row, mark);
        if (batch.full()) {
            batch.deliver(sink, sheet);
        }
    }
    batch.deliver(sink, sheet);
}

// The reading thread fills batches and queues them; this thread delivers them. The reader
// touches the sheet's problem lists only after waiting for every queued batch to be
// delivered (drain), and this thread touches them only while delivering, so they are never
// used by both at once; the mutex orders the two.
class Pipeline {
public:
    Pipeline(Sheet& sheet, const RowParser& parse, model::FactSink& sink)
        : m_sheet(sheet), m_parse(parse), m_sink(sink) {
        for (auto& batch : m_batches) {
            m_free.push_back(&batch);
        }
    }

    void run() {
        std::thread reader([this] { read(); });
        try {
            deliver();
        } catch (...) {
            stop();
            reader.join();
            throw;
        }
        reader.join();
        if (m_error) {
            std::rethrow_exception(m_error);
        }
    }

private:
    struct Stopped {};

    // --- the reading thread ---

    void read() {
        try {
            Hooks hooks(m_sheet, [this] { drain(); });
            m_current = take_free();
            model::UnitRow row;
            while (m_sheet.next()) {
                if (!m_parse(m_sheet, row)) {
                    continue;
                }
                const RowMark mark = m_sheet.mark();
                if (!m_current->fits(row, mark)) {
                    submit();
                }
                m_current->add(row, mark);
                if (m_current->full()) {
                    submit();
                }
            }
            submit();
            finish(nullptr);
        } catch (const Stopped&) {
            finish(nullptr);
        } catch (...) {
            finish(std::current_exception());
        }
    }

    RowBatch* take_free() {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_free.empty() || m_stop; });
        if (m_stop) {
            throw Stopped{};
        }
        RowBatch* batch = m_free.back();
        m_free.pop_back();
        return batch;
    }

    void submit() {
        if (m_current->empty()) {
            return;
        }
        {
            std::lock_guard lock(m_mutex);
            m_ready.push_back(m_current);
            ++m_submitted;
        }
        m_changed.notify_all();
        m_current = take_free();
    }

    // Before a problem is recorded or the lines move: every row read so far is delivered.
    void drain() {
        submit();
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_delivered == m_submitted || m_stop; });
        if (m_stop) {
            throw Stopped{};
        }
    }

    void finish(std::exception_ptr error) {
        {
            std::lock_guard lock(m_mutex);
            m_done = true;
            m_error = std::move(error);
        }
        m_changed.notify_all();
    }

    // --- this thread ---

    void deliver() {
        for (;;) {
            RowBatch* batch = nullptr;
            {
                std::unique_lock lock(m_mutex);
                m_changed.wait(lock, [this] { return !m_ready.empty() || m_done; });
                if (m_ready.empty()) {
                    return;
                }
                batch = m_ready.front();
                m_ready.pop_front();
            }
            batch->deliver(m_sink, m_sheet);
            {
                std::lock_guard lock(m_mutex);
                m_free.push_back(batch);
                ++m_delivered;
            }
            m_changed.notify_all();
        }
    }

    void stop() {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_changed.notify_all();
    }

    Sheet& m_sheet;
    const RowParser& m_parse;
    model::FactSink& m_sink;
    RowBatch m_batches[4];
    RowBatch* m_current = nullptr; ///< being filled by the reading thread
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<RowBatch*> m_free;
    std::deque<RowBatch*> m_ready;
    std::size_t m_submitted = 0;
    std::size_t m_delivered = 0;
    bool m_done = false;
    bool m_stop = false;
    std::exception_ptr m_error;
};

} // namespace

void feed_rows(Sheet& sheet, const RowParser& parse, model::FactSink& sink, bool parallel) {
    if (parallel) {
        Pipeline(sheet, parse, sink).run();
    } else {
        feed_serially(sheet, parse, sink);
    }
}

} // namespace qc::csvio
