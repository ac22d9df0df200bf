#pragma once
// Small string helpers shared by every module.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qc::util {

/// Removes ASCII white space (space, tab, CR, LF) from both ends.
std::string_view trim(std::string_view text);

/// True when the two texts are equal ignoring ASCII case.
bool iequals(std::string_view a, std::string_view b);

/// Folds a header or key for matching: lower case, keeping only letters and digits.
/// "Cand. No" and "cand_no" both become "candno".
std::string fold_key(std::string_view text);

/// True when text is non-empty and every byte is an ASCII digit.
bool is_digits(std::string_view text);

/// Parses a non-negative decimal integer with no sign or spaces; nullopt on anything else
/// or on overflow past 2^31-1.
std::optional<int> parse_int(std::string_view text);

/// Splits on a single-character separator; empty pieces are kept.
std::vector<std::string_view> split(std::string_view text, char separator);

/// Joins pieces with a separator.
std::string join(const std::vector<std::string>& pieces, std::string_view separator);

/// True when text is valid UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF).
bool is_valid_utf8(std::string_view text);

/// A value as quoted in a message: the text itself when it has at most `max_bytes` bytes,
/// else its start (cut between code points) followed by "... (N bytes)", so that a 10 MB
/// field never ends up in an error message whole.
std::string excerpt(std::string_view text, std::size_t max_bytes = 60);

/// Text made inert for a terminal or a mail: control characters (C0 including CR, LF and
/// tab, DEL, and C1 written in UTF-8) become visible escapes (`\n`, `\r`, `\t`, `\x1b`,
/// `\u009b`), so a name cannot move the cursor, change colours, forge a table row or end a
/// mail. Other text, including bytes that are not UTF-8, is left as it is.
std::string inert(std::string_view text);

/// Number of code points in valid UTF-8 text (bytes that start a code point); used for
/// aligning table columns.
std::size_t display_width(std::string_view text);

} // namespace qc::util
