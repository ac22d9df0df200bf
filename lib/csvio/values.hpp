#pragma once
// Checks and conversions of single CSV values shared by the readers. The fast_* functions
// allocate nothing and are used on the units.csv hot path; each falls back to the model's
// forgiving parser only when the exact spelling is not a common one.

#include "csvio/sheet.hpp"
#include "model/codes.hpp"
#include "util/date.hpp"

#include <optional>
#include <string_view>

namespace qc::csvio {

/// The unit status for its canonical code or label exactly as an export writes it
/// ("result_achieved", "Result achieved"), else UnitStatus::none. Allocates nothing.
model::UnitStatus exact_unit_status(std::string_view text);

/// The grade for its one- or two-character spellings (D*, D, M, P, R, U, NA, 1C), else
/// Grade::none (as for an empty cell). Allocates nothing.
model::Grade exact_grade(std::string_view text);

/// The unit status for a canonical code or label ("result_achieved", "Result achieved"),
/// falling back to model::parse_unit_status.
std::optional<model::UnitStatus> fast_unit_status(std::string_view text);

/// The grade for D*, D, M, P, R, U, NA, 1C, falling back to model::parse_grade.
std::optional<model::Grade> fast_grade(std::string_view text);

/// Parses YYYY-MM-DD or DD/MM/YYYY (D/M allowed) without allocating; nullopt when it is not
/// a real date in either form.
std::optional<util::Date> fast_date(std::string_view text);

/// True when `value` is exactly `width` digits.
inline bool is_digits_of_width(std::string_view value, std::size_t width) {
    if (value.size() != width) {
        return false;
    }
    for (char c : value) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return true;
}

/// Reports that `value` of `column` is not `width` digits (with a hint about lost leading
/// zeros when it is too short); returns false.
bool report_not_digits(Sheet& sheet, Column column, std::string_view value, std::size_t width);

/// Checks a candidate number (exactly 4 digits), reporting it against `column` when not.
/// Inline: it runs for every row of units.csv.
inline bool check_candidate_number(Sheet& sheet, Column column, std::string_view value) {
    return is_digits_of_width(value, 4) || report_not_digits(sheet, column, value, 4);
}

/// Checks a centre number (exactly 5 digits), reporting it against `column` when not.
inline bool check_centre_number(Sheet& sheet, Column column, std::string_view value) {
    return is_digits_of_width(value, 5) || report_not_digits(sheet, column, value, 5);
}

/// The centre of the current row: its centre_number, else `default_centre`. Reports an empty
/// value with no default, or a malformed one; nullopt then.
std::optional<std::string_view> row_centre(Sheet& sheet, std::string_view default_centre);

/// Reads an optional date column: {} when empty, the date when valid, nullopt (reported)
/// when not a date.
std::optional<util::Date> optional_date(Sheet& sheet, Column column);

/// Reports a required column whose value is empty; true when it is not empty.
bool require(Sheet& sheet, Column column, std::string_view value);

/// When the header has no centre_number column and no centre is configured, reports it once
/// against the header; true when rows will have a centre.
bool check_centre_available(Sheet& sheet, std::string_view default_centre);

} // namespace qc::csvio
