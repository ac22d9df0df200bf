#include "evaluate.hpp"

#include "csvio/exports.hpp"
#include "diag/failure.hpp"

#include <fmt/format.h>

#include <filesystem>

namespace qc::cmd {

namespace {

// Below this size, growing as rows come costs nothing worth saving.
constexpr std::uintmax_t k_reserve_from = 1 << 20;

} // namespace

void reserve_for(const std::string& candidates, engine::EntryBook& book) {
    // Candidates rows are 60 bytes or more; reserving a little too much costs address space,
    // not memory, and saves regrowing a million entries.
    std::error_code error;
    const std::uintmax_t bytes = std::filesystem::file_size(candidates, error);
    if (!error && bytes > k_reserve_from) {
        book.reserve(static_cast<std::size_t>(bytes / 48));
    }
}

void read_exports(const CsvInputs& inputs, const std::string& centre, const model::RuleBook& rules,
                  engine::EntryBook& book, ProgressDisplay* progress) {
    if (inputs.candidates == "-" && inputs.units == "-") {
        throw diag::Failure(diag::ExitStatus::bad_input,
                            "--candidates and --units cannot both read standard input",
                            "give at least one of them as a file");
    }
    csvio::ReadOptions options{centre};
    auto input = [&](const std::string& name) {
        return progress != nullptr ? progress->watch(csvio::Input::file(name)) : csvio::Input::file(name);
    };
    reserve_for(inputs.candidates, book);
    csvio::read_candidates(input(inputs.candidates), rules, options, book);
    if (progress != nullptr) {
        progress->clear();
    }
    csvio::read_units(input(inputs.units), options, book);
    if (progress != nullptr) {
        progress->clear();
    }
}

report::Tally judge_all(const engine::EntryBook& book, const assess::Context& context,
                        report::ResultWriter& writer,
                        const std::function<bool(std::size_t)>& acknowledged) {
    report::Tally tally;
    assess::assess_all(book, context, acknowledged,
                       [&](std::size_t, const assess::Assessment& record) {
                           tally.add(record.result);
                           writer.row(record);
                       });
    writer.finish();
    return tally;
}

} // namespace qc::cmd
