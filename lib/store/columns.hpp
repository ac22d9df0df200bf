#pragma once
// Internal to lib/store: how values are kept in the store's columns (dates as YYYYMMDD
// integers, codes as the stable integers of model/codes.hpp), shared by writing an import
// and reading it back.

#include "diag/diagnostic.hpp"
#include "diag/failure.hpp"
#include "model/facts.hpp"
#include "store/records.hpp"
#include "store/sqlite.hpp"
#include "util/date.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace qc::store::detail {

/// A date as YYYYMMDD; 0 when not given.
inline std::int64_t date_number(const util::Date& date) {
    return date.valid() ? std::int64_t{date.year} * 10000 + date.month * 100 + date.day : 0;
}

/// The inverse of date_number.
inline util::Date date_from_number(std::int64_t number) {
    if (number <= 0) {
        return {};
    }
    return util::Date{static_cast<int>(number / 10000), static_cast<int>(number / 100 % 100),
                      static_cast<int>(number % 100)};
}

// Stored codes come from codes.hpp; a value outside the table means the file was edited or
// damaged, which is the store's problem, not the user's input.
template <typename Code>
Code code_from(const Connection& connection, std::int64_t value, int largest) {
    if (value < 0 || value > largest) {
        throw diag::Failure(diag::ExitStatus::io_failure,
                            fmt::format("{} is not a qualcheck store (or is damaged)", connection.path()),
                            fmt::format("a stored code ({}) is out of range", value));
    }
    return static_cast<Code>(value);
}

constexpr int k_largest_unit_status = static_cast<int>(model::UnitStatus::withdrawn);
constexpr int k_largest_grade = static_cast<int>(model::Grade::n);

/// The name an import's file of `role` was given, else "ROLE.csv".
inline std::string file_name(const std::optional<ImportRecord>& record, std::string_view role) {
    for (const auto& file : record->files) {
        if (file.role == role) {
            return file.name;
        }
    }
    return std::string(role) + ".csv";
}

/// Adds a sink's problem with a stored row, named by the imported file and line.
inline void add_problem(diag::Diagnostics& problems, const std::string& file, long line,
                        const model::Problem& problem) {
    std::string message = problem.column.empty()
                              ? problem.message
                              : fmt::format("{}: {}", problem.column, problem.message);
    problems.add(diag::Diagnostic{file, line, 0, std::move(message), problem.hint, {}});
}

} // namespace qc::store::detail
