#pragma once
// Column names of the CSV exports and the aliases real exports use (contract section 3).
// A header cell matches when its folded form (util::fold_key: lower case, letters and digits
// only) equals the folded canonical name or one of the aliases.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qc::csvio {

/// Every canonical column of every export.
enum class Column : std::uint8_t {
    candidate_number,
    qualification_code,
    centre_number,
    uci,
    surname,
    forename,
    estimated_completion,
    entry_date,
    pathway,
    status,
    unit,
    grade,
    taken_at_centre,
    series,
    date,
    suite,
    visit_date,
    kind,
    points,
};
inline constexpr std::size_t k_column_count = 19;

/// Which export a header belongs to; aliases differ slightly between them ("Unit Status").
enum class FileKind : std::uint8_t { candidates, units, visits };

/// A column a reader wants, and whether the header must have it.
struct ColumnSpec {
    Column column;
    bool required;
    /// Optional in the header but needed by some rows (grade, by result_achieved rows): when
    /// it is absent and a header cell looks like it, that is one header error, not one per row.
    bool needed_by_rows = false;
};

/// The canonical name, e.g. "candidate_number".
std::string_view column_name(Column column);

/// The aliases accepted for `column` in files of `kind`, as documented ("Candidate No").
std::vector<std::string_view> column_aliases(FileKind kind, Column column);

/// The column among `wanted` that header cell `cell` names, if any.
std::optional<Column> match_header(FileKind kind, const std::vector<ColumnSpec>& wanted, std::string_view cell);

/// For a missing column: the header cell (of `cells`) that looks like a misspelling of its
/// name or an alias, or ends with one of five letters or more ("Unit Result" for Result),
/// with that name: {cell index, name}.
std::optional<std::pair<std::size_t, std::string>> near_miss(FileKind kind, Column column,
                                                             const std::vector<std::string_view>& cells);

} // namespace qc::csvio
