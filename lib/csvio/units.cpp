// units.csv: one row per unit attempt, entry or claim (contract section 3). This is the hot
// path (millions of rows): nothing here allocates for a good row.
#include "csvio/exports.hpp"
#include "csvio/row_batch.hpp"
#include "csvio/values.hpp"

#include "util/spell.hpp"
#include "util/strings.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <filesystem>

namespace qc::csvio {

namespace {

using model::Grade;
using model::UnitStatus;

const std::vector<ColumnSpec> k_unit_columns = {
    {Column::candidate_number, true}, {Column::unit, true},           {Column::status, true},
    {Column::grade, false, true},     {Column::qualification_code, false}, {Column::centre_number, false},
    {Column::taken_at_centre, false}, {Column::series, false},        {Column::date, false},
    {Column::uci, false},              {Column::points, false},
};

constexpr std::string_view k_grade_list = "grades: D*, D, M, P, N, R, U (also Distinction, Merit, Pass, "
                                          "Not achieved, NA, 1C)";

std::vector<std::string> status_words() {
    std::vector<std::string> words;
    for (int i = 1; i <= static_cast<int>(UnitStatus::withdrawn); ++i) {
        words.emplace_back(model::info(static_cast<UnitStatus>(i)).code);
    }
    return words;
}

bool read_unit_number(Sheet& sheet, model::UnitRow& row) {
    std::string_view unit = sheet.get(Column::unit);
    if (!require(sheet, Column::unit, unit)) {
        return false;
    }
    // Unit numbers are small; anything past five digits is not one, so no overflow check.
    int number = unit.size() <= 5 ? 0 : -1;
    for (std::size_t i = 0; number >= 0 && i < unit.size(); ++i) {
        number = (unit[i] >= '0' && unit[i] <= '9') ? number * 10 + (unit[i] - '0') : -1;
    }
    if (number <= 0) {
        sheet.error(Column::unit, fmt::format("unit '{}' is not a unit number", util::excerpt(unit)),
                    "write the unit's number in its suite, e.g. 1 or 17");
        return false;
    }
    row.unit = number;
    return true;
}

bool read_status(Sheet& sheet, model::UnitRow& row) {
    std::string_view status = sheet.get(Column::status);
    if (!require(sheet, Column::status, status)) {
        return false;
    }
    if (auto parsed = fast_unit_status(status)) {
        row.status = *parsed;
        return true;
    }
    const std::vector<std::string> words = status_words();
    std::string guess = util::did_you_mean(status, words);
    std::string list = "statuses: " + util::join(words, ", ");
    sheet.error(Column::status, fmt::format("unknown status '{}'", util::excerpt(status)),
                guess.empty() ? list : guess + " " + list);
    return false;
}

// Checked after the status, which decides whether a grade is required.
bool read_grade(Sheet& sheet, model::UnitRow& row, bool status_ok) {
    std::string_view grade = sheet.get(Column::grade);
    if (grade.empty()) {
        if (status_ok && row.status == UnitStatus::result_achieved) {
            sheet.error(Column::grade, "grade is required when status is result_achieved",
                        std::string(k_grade_list));
            return false;
        }
        return true;
    }
    if (auto parsed = fast_grade(grade)) {
        row.grade = *parsed;
        return true;
    }
    sheet.error(Column::grade, fmt::format("unknown grade '{}'", util::excerpt(grade)), std::string(k_grade_list));
    return false;
}

// The optional points column: a whole number of points, or empty; -1 when it is neither.
int points_of(std::string_view text) {
    if (text.empty()) {
        return -1;
    }
    int value = text.size() <= 6 ? 0 : -1;
    for (std::size_t i = 0; value >= 0 && i < text.size(); ++i) {
        value = (text[i] >= '0' && text[i] <= '9') ? value * 10 + (text[i] - '0') : -1;
    }
    return value;
}

bool read_points(Sheet& sheet, model::UnitRow& row) {
    std::string_view points = sheet.get(Column::points);
    row.points = points_of(points);
    if (!points.empty() && row.points < 0) {
        sheet.error(Column::points,
                    fmt::format("points '{}' is not a whole number from 0 to 999999",
                                util::excerpt(points)),
                    "give the unit's points as the awarding body issued them, or leave it empty");
        return false;
    }
    return true;
}

bool read_taken_at(Sheet& sheet, model::UnitRow& row) {
    row.taken_at_centre = sheet.get(Column::taken_at_centre);
    return row.taken_at_centre.empty() || check_centre_number(sheet, Column::taken_at_centre, row.taken_at_centre);
}

// A row as almost every row is: every value in its usual spelling and valid. Anything else
// (a problem, an unusual spelling) returns false and the row is read again by read_row, which
// words every problem; so a row read here is exactly the row read_row would give.
bool read_plain_row(const Sheet& sheet, const ReadOptions& options, model::UnitRow& row) {
    const std::string_view candidate = sheet.get(Column::candidate_number);
    std::string_view centre = sheet.get(Column::centre_number);
    const std::string_view unit = sheet.get(Column::unit);
    const std::string_view status = sheet.get(Column::status);
    const std::string_view grade = sheet.get(Column::grade);
    const std::string_view taken_at = sheet.get(Column::taken_at_centre);
    const std::string_view date = sheet.get(Column::date);
    const std::string_view points = sheet.get(Column::points);
    const int points_read = points_of(points);
    if (!points.empty() && points_read < 0) {
        return false;
    }
    if (centre.empty()) {
        centre = options.default_centre;
    } else if (!is_digits_of_width(centre, 5)) {
        return false;
    }
    if (!is_digits_of_width(candidate, 4) || centre.empty() || unit.empty() || unit.size() > 5 ||
        (!taken_at.empty() && !is_digits_of_width(taken_at, 5))) {
        return false;
    }
    int number = 0;
    for (char c : unit) {
        if (c < '0' || c > '9') {
            return false;
        }
        number = number * 10 + (c - '0');
    }
    const UnitStatus status_read = exact_unit_status(status);
    const Grade grade_read = exact_grade(grade);
    if (number == 0 || status_read == UnitStatus::none ||
        (grade_read == Grade::none && (!grade.empty() || status_read == UnitStatus::result_achieved))) {
        return false;
    }
    util::Date date_read;
    if (!date.empty()) {
        auto parsed = fast_date(date);
        if (!parsed) {
            return false;
        }
        date_read = *parsed;
    }
    // Built whole, member by member: cheaper than clearing the row and filling it in.
    row = model::UnitRow{.centre = centre,
                         .candidate = candidate,
                         .unit = number,
                         .status = status_read,
                         .grade = grade_read,
                         .qualification_code = sheet.get(Column::qualification_code),
                         .taken_at_centre = taken_at,
                         .series = sheet.get(Column::series),
                         .date = date_read,
                         .uci = sheet.get(Column::uci),
                         .line = sheet.line(),
                         .points = points_read};
    return true;
}

bool read_row(Sheet& sheet, const ReadOptions& options, model::UnitRow& row) {
    if (read_plain_row(sheet, options, row)) {
        return true;
    }
    row = model::UnitRow{};
    row.line = sheet.line();
    row.candidate = sheet.get(Column::candidate_number);
    bool ok = require(sheet, Column::candidate_number, row.candidate) &&
              check_candidate_number(sheet, Column::candidate_number, row.candidate);
    auto centre = row_centre(sheet, options.default_centre);
    if (centre) {
        row.centre = *centre;
    }
    ok = centre.has_value() && ok;
    ok = read_unit_number(sheet, row) && ok;
    bool status_ok = read_status(sheet, row);
    ok = read_grade(sheet, row, status_ok) && status_ok && ok;
    ok = read_taken_at(sheet, row) && ok;
    ok = read_points(sheet, row) && ok;
    auto date = optional_date(sheet, Column::date);
    row.date = date.value_or(util::Date{});
    ok = date.has_value() && ok;
    row.qualification_code = sheet.get(Column::qualification_code);
    row.series = sheet.get(Column::series);
    row.uci = sheet.get(Column::uci);
    return ok;
}

// The input's size in bytes; standard input counts as large.
std::uint64_t input_size(const Input& input) {
    if (input.text) {
        return input.text->size();
    }
    if (input.name == "-") {
        return UINT64_MAX;
    }
    std::error_code error;
    const std::uintmax_t size = std::filesystem::file_size(input.name, error);
    return error ? 0 : static_cast<std::uint64_t>(size);
}

} // namespace

ReadStats read_units(const Input& input, const ReadOptions& options, model::FactSink& sink) {
    Sheet sheet(input, FileKind::units, k_unit_columns);
    sheet.divert_row_problems(options.rejects);
    check_centre_available(sheet, options.default_centre);
    const RowParser parse = [&options](Sheet& rows, model::UnitRow& row) { return read_row(rows, options, row); };
    feed_rows(sheet, parse, sink, input_size(input) >= options.parallel_from);
    sheet.finish();
    return sheet.stats();
}

} // namespace qc::csvio
