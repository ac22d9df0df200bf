#include "util/date.hpp"

#include "util/strings.hpp"

#include <ctime>
#include <fmt/format.h>

namespace qc::util {

bool is_real_date(int year, int month, int day) {
    if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) {
        return false;
    }
    static const int k_days_in_month[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    int last = k_days_in_month[month - 1] + ((month == 2 && leap) ? 1 : 0);
    return day <= last;
}

namespace {

DateParse checked(int year, int month, int day, std::string_view text) {
    if (!is_real_date(year, month, day)) {
        return {std::nullopt, fmt::format("no such date: '{}'", excerpt(text)), {}};
    }
    return {Date{year, month, day}, {}, {}};
}

// A hint for two near misses: a two-digit year (03/04/26) and a dash date without its
// zeros (2026-3-4).
std::string date_hint(std::string_view text) {
    auto slashes = split(text, '/');
    if (slashes.size() == 3 && slashes[2].size() == 2 && is_digits(slashes[2])) {
        return fmt::format("write the year in full, e.g. {}/{}/20{}", slashes[0], slashes[1], slashes[2]);
    }
    auto dashes = split(text, '-');
    if (dashes.size() == 3 && dashes[0].size() == 4) {
        auto y = parse_int(dashes[0]);
        auto m = parse_int(dashes[1]);
        auto d = parse_int(dashes[2]);
        if (y && m && d && is_real_date(*y, *m, *d)) {
            return fmt::format("write it as {:04}-{:02}-{:02}", *y, *m, *d);
        }
    }
    return {};
}

} // namespace

DateParse parse_date(std::string_view raw) {
    std::string_view text = trim(raw);
    if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
        auto y = parse_int(text.substr(0, 4));
        auto m = parse_int(text.substr(5, 2));
        auto d = parse_int(text.substr(8, 2));
        if (y && m && d) {
            return checked(*y, *m, *d, text);
        }
    }
    auto parts = split(text, '/');
    if (parts.size() == 3 && parts[0].size() <= 2 && parts[1].size() <= 2 && parts[2].size() == 4) {
        auto d = parse_int(parts[0]);
        auto m = parse_int(parts[1]);
        auto y = parse_int(parts[2]);
        if (y && m && d) {
            DateParse parsed = checked(*y, *m, *d, text);
            if (!parsed.date && *m > 12 && *d >= 1 && *d <= 12) {
                parsed.hint = "dates are read day first (DD/MM/YYYY) and this one looks month first: "
                              "export dates as DD/MM/YYYY or YYYY-MM-DD";
            }
            return parsed;
        }
    }
    return {std::nullopt, fmt::format("'{}' is not a date (use YYYY-MM-DD or DD/MM/YYYY)", excerpt(text)),
            date_hint(text)};
}

// Howard Hinnant's days_from_civil.
long days_since_epoch(const Date& date) {
    long y = date.year - (date.month <= 2 ? 1 : 0);
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long mp = (date.month + 9) % 12;
    long doy = (153 * mp + 2) / 5 + date.day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Date add_days(const Date& date, long days) {
    long z = days_since_epoch(date) + days + 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    return Date{static_cast<int>(y + (m <= 2 ? 1 : 0)), m, d};
}

std::string to_iso(const Date& date) {
    return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
}

Date system_today() {
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

} // namespace qc::util
