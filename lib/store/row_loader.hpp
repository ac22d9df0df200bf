#pragma once
// Internal to lib/store: the current import's unit rows, read back in bulk.

#include "diag/diagnostic.hpp"
#include "model/facts.hpp"
#include "store/sqlite.hpp"

#include <cstdint>
#include <string>

namespace qc::store::detail {

/// Pushes the unit rows of import `import_id` to `sink` in file order, 1,024 at a time
/// (FactSink::add_unit_rows), adding the sink's problems to `problems` named by `file` and
/// the row's line. SQLite is stepped on a second thread while the sink works on the batch
/// before, so the sink is only ever called from the calling thread, and the connection is
/// not used by it until this returns. A failure on either side stops both and is rethrown.
void load_unit_rows(Connection& connection, std::int64_t import_id, model::FactSink& sink,
                    const std::string& file, diag::Diagnostics& problems);

} // namespace qc::store::detail
