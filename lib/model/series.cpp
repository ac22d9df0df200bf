#include "model/series.hpp"

#include "util/strings.hpp"

#include <fmt/format.h>

namespace qc::model {

std::string Series::label() const { return fmt::format("Summer {}", year); }

int academic_year(const util::Date& date) { return date.month <= 8 ? date.year : date.year + 1; }

Series current_series(const util::Date& today) { return Series{academic_year(today)}; }

Series derived_ecd(const util::Date& entry_date, int level) {
    // academic_year() names the year by its end (A+1), so Level 2 adds nothing, Level 3 one.
    return Series{academic_year(entry_date) + (level >= 3 ? 1 : 0)};
}

std::optional<Series> parse_series(std::string_view raw) {
    std::string_view text = util::trim(raw);
    if (text.size() > 6 && util::iequals(text.substr(0, 6), "summer")) {
        text = util::trim(text.substr(6));
    }
    if (text.size() != 4) {
        return std::nullopt;
    }
    auto year = util::parse_int(text);
    if (!year || *year < 1990 || *year > 2999) {
        return std::nullopt;
    }
    return Series{*year};
}

} // namespace qc::model
