#include "store/row_loader.hpp"

#include "store/columns.hpp"

#include <condition_variable>
#include <cstring>
#include <exception>
#include <mutex>
#include <span>
#include <thread>
#include <vector>

namespace qc::store::detail {

namespace {

// One batch of rows. SQLite's row buffers last only until the next step, so a batch copies
// its rows' text into an arena of its own; the rows' views point into it until clear().
class RowBatch {
public:
    static constexpr std::size_t k_rows = 1024;

    RowBatch() { m_text.resize(k_text); }
    bool full() const { return m_rows.size() == k_rows; }
    bool empty() const { return m_rows.empty(); }
    std::span<const model::UnitRow> rows() const { return m_rows; }
    /// Whether `bytes` more bytes of text fit; when the batch is empty, makes them fit.
    bool has_room(std::size_t bytes) {
        if (m_used + bytes <= m_text.size()) {
            return true;
        }
        if (!m_rows.empty()) {
            return false;
        }
        m_text.resize(bytes); // a row longer than the arena; nothing points into it yet
        return true;
    }
    /// Copies `text` into the arena (room made by has_room).
    std::string_view keep(std::string_view text) {
        if (text.empty()) {
            return {};
        }
        char* at = m_text.data() + m_used;
        std::memcpy(at, text.data(), text.size());
        m_used += text.size();
        return {at, text.size()};
    }
    model::UnitRow& add() { return m_rows.emplace_back(); }
    void clear() {
        m_rows.clear();
        m_used = 0;
    }

private:
    static constexpr std::size_t k_text = std::size_t{64} << 10;
    std::vector<model::UnitRow> m_rows;
    std::vector<char> m_text;
    std::size_t m_used = 0;
};

// Reads the current row of `rows` into `batch`; false when it does not fit (the batch is full).
bool read_row(const Connection& connection, const Statement& rows, RowBatch& batch) {
    // Each text column is asked for once: SQLite's column calls are a good part of the cost.
    const std::string_view centre = rows.text(1);
    const std::string_view candidate = rows.text(2);
    const std::string_view code = rows.text(6);
    const std::string_view taken_at = rows.text(7);
    const std::string_view series = rows.text(8);
    const std::string_view uci = rows.text(10);
    const std::size_t bytes =
        centre.size() + candidate.size() + code.size() + taken_at.size() + series.size() + uci.size();
    if (batch.full() || !batch.has_room(bytes)) {
        return false;
    }
    model::UnitRow& row = batch.add();
    row.line = static_cast<long>(rows.integer(0));
    row.centre = batch.keep(centre);
    row.candidate = batch.keep(candidate);
    row.unit = static_cast<int>(rows.integer(3));
    row.status = code_from<model::UnitStatus>(connection, rows.integer(4), k_largest_unit_status);
    row.grade = code_from<model::Grade>(connection, rows.integer(5), k_largest_grade);
    row.qualification_code = batch.keep(code);
    row.taken_at_centre = batch.keep(taken_at);
    row.series = batch.keep(series);
    row.date = date_from_number(rows.integer(9));
    row.uci = batch.keep(uci);
    return true;
}

// Two batches between one reader and one consumer: the reader fills one while the consumer
// empties the other.
struct Exchange {
    std::mutex mutex;
    std::condition_variable changed;
    RowBatch batches[2];
    bool filled[2] = {false, false};
    bool finished = false; ///< the reader has filled its last batch
    bool stopped = false;  ///< the consumer gave up (an exception): the reader stops too
    std::exception_ptr failure;
};

void read_all(const Connection& connection, Statement& rows, Exchange& x) {
    try {
        std::size_t at = 0;
        bool pending = rows.step(); // a row read from SQLite, not yet in a batch
        while (pending) {
            {
                std::unique_lock lock(x.mutex);
                x.changed.wait(lock, [&] { return !x.filled[at] || x.stopped; });
                if (x.stopped) {
                    return;
                }
            }
            RowBatch& batch = x.batches[at];
            while (pending && read_row(connection, rows, batch)) {
                pending = rows.step();
            }
            std::lock_guard lock(x.mutex);
            x.filled[at] = true;
            x.changed.notify_all();
            at ^= 1u;
        }
    } catch (...) {
        std::lock_guard lock(x.mutex);
        x.failure = std::current_exception();
    }
    std::lock_guard lock(x.mutex);
    x.finished = true;
    x.changed.notify_all();
}

} // namespace

void load_unit_rows(Connection& connection, std::int64_t import_id, model::FactSink& sink,
                    const std::string& file, diag::Diagnostics& problems) {
    Statement range(connection, "SELECT first_unit_row, last_unit_row FROM imports WHERE id = ?");
    range.bind(1, import_id);
    range.step();
    Statement rows(connection,
                   "SELECT line, centre, candidate, unit, status, grade, qualification_code,"
                   " taken_at_centre, series, date, uci FROM unit_rows"
                   " WHERE rowid BETWEEN ? AND ? ORDER BY rowid");
    rows.bind(1, range.integer(0)).bind(2, range.integer(1));

    Exchange x;
    std::thread reader([&] { read_all(connection, rows, x); });
    auto stop = [&] {
        {
            std::lock_guard lock(x.mutex);
            x.stopped = true;
            x.changed.notify_all();
        }
        reader.join();
    };
    std::vector<model::RowProblem> found;
    try {
        for (std::size_t at = 0;; at ^= 1u) {
            {
                std::unique_lock lock(x.mutex);
                x.changed.wait(lock, [&] { return x.filled[at] || x.finished; });
                if (!x.filled[at]) {
                    break; // finished, and this batch was never filled
                }
            }
            RowBatch& batch = x.batches[at];
            found.clear();
            sink.add_unit_rows(batch.rows(), found);
            for (const model::RowProblem& problem : found) {
                add_problem(problems, file, batch.rows()[problem.index].line, problem.problem);
            }
            batch.clear();
            std::lock_guard lock(x.mutex);
            x.filled[at] = false;
            x.changed.notify_all();
        }
    } catch (...) {
        stop();
        throw;
    }
    reader.join();
    if (x.failure) {
        std::rethrow_exception(x.failure);
    }
}

} // namespace qc::store::detail
