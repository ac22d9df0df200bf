#pragma once
// The store's schema as an ordered list of migrations (private to lib/store/).

#include "store/sqlite.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace qc::store::detail {

/// PRAGMA application_id of every qualcheck store ("QCK1").
inline constexpr int k_application_id = 0x51434b31;

/// Throws Failure(io_failure) unless the file is a qualcheck store, or an empty file that
/// may become one, of a schema version this code knows. Returns that version. Reads only.
int check_store(Connection& connection);

/// Brings the file's schema up to `target` in one write transaction, applying each missing
/// step in order; a new (empty) file gets every step. Throws Failure(io_failure) when the file
/// is newer than this code or not a qualcheck store.
void migrate(Connection& connection, int target);

/// The hash of one declarations record: sha256 of prev_hash and the record's fields, each
/// followed by a unit separator (0x1f) so that no two field lists give the same text.
std::string declaration_hash(std::string_view prev_hash, std::int64_t id, std::string_view at,
                             std::string_view user, std::string_view role,
                             std::string_view action, std::string_view details,
                             std::string_view data_sha256);

} // namespace qc::store::detail
