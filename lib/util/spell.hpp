#pragma once
// "Did you mean" suggestions, in the manner of ninja's SpellcheckStringV.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qc::util {

/// Levenshtein distance between two texts (bytes), stopping early past max_distance.
int edit_distance(std::string_view a, std::string_view b, int max_distance);

/// The known word closest to `word` (compared case- and punctuation-insensitively), if one is
/// close enough to be a likely typo: at most 2 edits, or 1 for words of 4 bytes or fewer.
std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& known);

/// "; did you mean 'X'?" for the closest known word, or an empty string.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& known);

} // namespace qc::util
