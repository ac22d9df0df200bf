#include "csvio/values.hpp"

#include "util/strings.hpp"

#include <fmt/format.h>

namespace qc::csvio {

namespace {

using model::Grade;
using model::UnitStatus;

constexpr std::string_view k_centre_hint = "add --centre or [centre] number in qualcheck.toml";

bool digit(char c) { return c >= '0' && c <= '9'; }

// Two or one digits; the caller has checked the length.
int small_number(std::string_view text) {
    int value = 0;
    for (char c : text) {
        if (!digit(c)) {
            return -1;
        }
        value = value * 10 + (c - '0');
    }
    return value;
}

std::optional<util::Date> real(int year, int month, int day) {
    if (year < 0 || month < 0 || day < 0 || !util::is_real_date(year, month, day)) {
        return std::nullopt;
    }
    return util::Date{year, month, day};
}

// "leading zeros may have been lost in a spreadsheet: write 0042" for a number that is all
// digits but too short, else empty.
std::string zeros_hint(std::string_view value, std::size_t width) {
    if (!util::is_digits(value) || value.size() >= width) {
        return {};
    }
    return fmt::format("leading zeros may have been lost in a spreadsheet: write {}{}",
                       std::string(width - value.size(), '0'), value);
}

} // namespace

bool report_not_digits(Sheet& sheet, Column column, std::string_view value, std::size_t width) {
    sheet.error(column, fmt::format("{} '{}' is not {} digits", column_name(column), util::excerpt(value), width),
                zeros_hint(value, width));
    return false;
}

// The status for its canonical code or label as written by the board's export, else none.
UnitStatus exact_unit_status(std::string_view text) {
    static constexpr std::pair<std::string_view, UnitStatus> k_spellings[] = {
        {"Result achieved", UnitStatus::result_achieved}, {"result_achieved", UnitStatus::result_achieved},
        {"Entry received", UnitStatus::entry_received},   {"entry_received", UnitStatus::entry_received},
        {"Claim submitted", UnitStatus::claim_submitted}, {"claim_submitted", UnitStatus::claim_submitted},
        {"Claim sampled", UnitStatus::claim_sampled},     {"claim_sampled", UnitStatus::claim_sampled},
        {"Absent", UnitStatus::absent},                   {"absent", UnitStatus::absent},
        {"RIA received", UnitStatus::ria_received},       {"ria_received", UnitStatus::ria_received},
        {"RIA pending", UnitStatus::ria_pending},         {"ria_pending", UnitStatus::ria_pending},
        {"Withdrawn", UnitStatus::withdrawn},             {"withdrawn", UnitStatus::withdrawn},
    };
    for (const auto& [spelling, status] : k_spellings) {
        if (spelling.size() == text.size() && spelling == text) {
            return status;
        }
    }
    return UnitStatus::none;
}

// The grade for its one- or two-character spellings, else none (as for an empty cell).
Grade exact_grade(std::string_view text) {
    if (text.size() == 1) {
        switch (text[0]) {
        case 'D': return Grade::d;
        case 'M': return Grade::m;
        case 'P': return Grade::p;
        case 'R': return Grade::r;
        case 'N': return Grade::n;
        case 'U': return Grade::u;
        default: return Grade::none;
        }
    }
    if (text == "D*") {
        return Grade::dstar;
    }
    return text == "NA" || text == "1C" ? Grade::u : Grade::none;
}

std::optional<UnitStatus> fast_unit_status(std::string_view text) {
    const UnitStatus status = exact_unit_status(text);
    return status != UnitStatus::none ? std::optional(status) : model::parse_unit_status(text);
}

std::optional<Grade> fast_grade(std::string_view text) {
    const Grade grade = exact_grade(text);
    return grade != Grade::none ? std::optional(grade) : model::parse_grade(text);
}

std::optional<util::Date> fast_date(std::string_view text) {
    if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
        return real(small_number(text.substr(0, 4)), small_number(text.substr(5, 2)),
                    small_number(text.substr(8, 2)));
    }
    std::size_t first = text.find('/');
    std::size_t second = first == std::string_view::npos ? first : text.find('/', first + 1);
    if (second == std::string_view::npos || first == 0 || first > 2 || second - first - 1 == 0 ||
        second - first - 1 > 2 || text.size() - second - 1 != 4) {
        return std::nullopt;
    }
    return real(small_number(text.substr(second + 1)), small_number(text.substr(first + 1, second - first - 1)),
                small_number(text.substr(0, first)));
}

std::optional<std::string_view> row_centre(Sheet& sheet, std::string_view default_centre) {
    std::string_view value = sheet.get(Column::centre_number);
    if (value.empty()) {
        if (default_centre.empty()) {
            sheet.error(Column::centre_number, "centre_number is empty and no centre is configured",
                        "fill it in, or " + std::string(k_centre_hint));
            return std::nullopt;
        }
        return default_centre;
    }
    if (!check_centre_number(sheet, Column::centre_number, value)) {
        return std::nullopt;
    }
    return value;
}

std::optional<util::Date> optional_date(Sheet& sheet, Column column) {
    std::string_view value = sheet.get(column);
    if (value.empty()) {
        return util::Date{};
    }
    if (auto date = fast_date(value)) {
        return date;
    }
    // The slow parser words the problem ("no such date", "not a date").
    util::DateParse parsed = util::parse_date(value);
    if (parsed.date) {
        return parsed.date;
    }
    sheet.error(column, fmt::format("{}: {}", column_name(column), parsed.problem), std::move(parsed.hint));
    return std::nullopt;
}

bool require(Sheet& sheet, Column column, std::string_view value) {
    if (!value.empty()) {
        return true;
    }
    sheet.error(column, fmt::format("{} is empty", column_name(column)));
    return false;
}

bool check_centre_available(Sheet& sheet, std::string_view default_centre) {
    if (sheet.has(Column::centre_number) || !default_centre.empty()) {
        return true;
    }
    sheet.header_error(0, "no centre_number column and no centre configured", std::string(k_centre_hint));
    sheet.finish();
    return false;
}

} // namespace qc::csvio
