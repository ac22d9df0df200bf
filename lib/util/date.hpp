#pragma once
// Calendar dates without time zones; every date rule takes "today" as an argument.

#include <optional>
#include <string>
#include <string_view>

namespace qc::util {

/// A proleptic Gregorian calendar date.
struct Date {
    int year = 0;
    int month = 0;
    int day = 0;

    auto operator<=>(const Date&) const = default;
    bool valid() const { return year != 0; }
};

/// Why a date did not parse: empty when it did.
struct DateParse {
    std::optional<Date> date;
    std::string problem; ///< e.g. "no such day: 31/02/2025"
    std::string hint;    ///< what to write instead, when the text looks like a known mistake
};

/// Parses `YYYY-MM-DD` or UK-order `DD/MM/YYYY` (also `D/M/YYYY`); never month-first.
DateParse parse_date(std::string_view text);

/// True when the year/month/day form a real date.
bool is_real_date(int year, int month, int day);

/// Days since 1970-01-01 (negative before).
long days_since_epoch(const Date& date);

/// The date `days` after `date` (or before, when negative).
Date add_days(const Date& date, long days);

/// `YYYY-MM-DD`.
std::string to_iso(const Date& date);

/// The system's local date today.
Date system_today();

} // namespace qc::util
