#pragma once
// What the fuzz harnesses share: the example centre's rules (read once from the source tree)
// and a way to split one fuzz input into several files.

#include "model/rules.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace qc::fuzz {

/// The rules of examples/rules/, parsed once. Aborts if they do not load: the harness would
/// otherwise test nothing.
const model::RuleBook& example_rules();

/// Splits `data` at each line "%%" (the separator "\n%%\n"), so that one input can carry a
/// rules file, candidates.csv and units.csv. Always returns at least `parts` views (the
/// missing ones empty); extra separators stay inside the last part.
std::vector<std::string_view> split_parts(const std::uint8_t* data, std::size_t size, std::size_t parts);

} // namespace qc::fuzz
