#pragma once
// Work on items 0..n-1 in chunks, prepared on worker threads and consumed in order on the
// calling thread: `check` judges a million entries on both cores while it writes the output
// of those already judged (docs/performance.md).

#include <cstddef>
#include <functional>

namespace qc::util {

/// Prepares items [begin, end) into buffer `slot` (0 to 2 * workers - 1); runs on a worker
/// thread, at the same time as other chunks' prepare and consume.
using PrepareChunk = std::function<void(std::size_t begin, std::size_t end, std::size_t slot)>;
/// Consumes the items [begin, end) prepared in buffer `slot`, on the calling thread, in order.
using ConsumeChunk = std::function<void(std::size_t begin, std::size_t end, std::size_t slot)>;

/// The number of buffers that run_ordered asks `prepare` to fill, for `workers` workers.
constexpr std::size_t pipeline_slots(std::size_t workers) { return workers * 2; }

/// Splits 0..n-1 into chunks of `chunk` items. With `workers` > 0 and more than one chunk,
/// `workers` threads prepare the next chunks while the calling thread consumes the earlier
/// ones; otherwise each chunk is prepared and consumed on the calling thread. Either way every
/// chunk is consumed exactly once, in order. An exception from `prepare` or `consume` stops
/// the work (chunks still being prepared are waited for) and is rethrown here.
void run_ordered(std::size_t n, std::size_t chunk, std::size_t workers, const PrepareChunk& prepare,
                 const ConsumeChunk& consume);

} // namespace qc::util
