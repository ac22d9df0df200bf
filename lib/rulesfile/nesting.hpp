#pragma once
// A bound on how deeply a TOML text nests, checked before toml++ sees it: toml++ recurses
// once per dotted-key segment, table header segment, array and inline table, and a hostile
// file of 100 KB (`[a.a.a...]`, 40,000 levels) overflows the stack.

#include <optional>
#include <string_view>

namespace qc::rulesfile {

/// The deepest nesting accepted; real rules and config files nest four or five levels.
inline constexpr int k_max_toml_nesting = 100;

/// Where a text first nests deeper than k_max_toml_nesting, counting each segment of a
/// dotted key or table header and each open array or inline table; nullopt when it does not.
/// Linear in the text; strings and comments are skipped.
struct TooDeep {
    long line = 0;
    long column = 0;
};
std::optional<TooDeep> find_too_deep(std::string_view text);

} // namespace qc::rulesfile
