#include "util/pipeline.hpp"

#include <algorithm>
#include <deque>
#include <future>

namespace qc::util {

void run_ordered(std::size_t n, std::size_t chunk, std::size_t workers, const PrepareChunk& prepare,
                 const ConsumeChunk& consume) {
    chunk = std::max<std::size_t>(chunk, 1);
    const std::size_t chunks = (n + chunk - 1) / chunk;
    auto range = [&](std::size_t c) { return std::pair(c * chunk, std::min(n, (c + 1) * chunk)); };
    if (workers == 0 || chunks < 2) {
        for (std::size_t c = 0; c < chunks; ++c) {
            const auto [begin, end] = range(c);
            prepare(begin, end, 0);
            consume(begin, end, 0);
        }
        return;
    }
    // Up to `workers` chunks are being prepared while one is consumed; a chunk's buffer is
    // reused only after it has been consumed, so 2 * workers buffers are enough.
    const std::size_t slots = pipeline_slots(workers);
    std::deque<std::future<void>> pending;
    std::size_t launched = 0;
    auto launch = [&] {
        const auto [begin, end] = range(launched);
        pending.push_back(std::async(std::launch::async, prepare, begin, end, launched % slots));
        ++launched;
    };
    try {
        while (launched < chunks && launched < workers) {
            launch();
        }
        for (std::size_t c = 0; c < chunks; ++c) {
            pending.front().get();
            pending.pop_front();
            if (launched < chunks) {
                launch();
            }
            const auto [begin, end] = range(c);
            consume(begin, end, c % slots);
        }
    } catch (...) {
        for (std::future<void>& left : pending) {
            if (left.valid()) {
                left.wait();
            }
        }
        throw;
    }
}

} // namespace qc::util
