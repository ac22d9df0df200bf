#pragma once
// Examination series. Only summer series carry results day, so a series is its year:
// "Summer 2025" contains results day in August 2025.

#include "util/date.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace qc::model {

struct Series {
    int year = 0;
    auto operator<=>(const Series&) const = default;
    bool valid() const { return year != 0; }
    /// "Summer 2025".
    std::string label() const;
};

/// The current series for a date: Summer Y where Y = year if month <= 8, else year + 1.
Series current_series(const util::Date& today);

/// The ECD of an entry made on `entry_date`: an entry in the academic year 1 Sep A to
/// 31 Aug A+1 completes in Summer A+1 at Level 2 and Summer A+2 at Level 3.
Series derived_ecd(const util::Date& entry_date, int level);

/// An ECD more than this many years after the current series is probably a typo: a warning.
inline constexpr int k_ecd_horizon_years = 4;

/// True when `ecd` is more than k_ecd_horizon_years after `current`.
constexpr bool ecd_far_ahead(Series ecd, Series current) {
    return ecd.year > current.year + k_ecd_horizon_years;
}

/// Reads "Summer 2025" or "2025" (any case, extra spaces allowed).
std::optional<Series> parse_series(std::string_view text);

/// The academic year (1 September to 31 August) that contains `date`, named by the year in
/// which it ends: 2025-03-01 is in academic year 2025, 2025-09-01 in 2026.
int academic_year(const util::Date& date);

} // namespace qc::model
