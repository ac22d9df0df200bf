// libFuzzer harness: a whole `check` in memory. The input holds up to three parts separated by
// a line "%%": a rules file, candidates.csv and units.csv (an empty rules part means the
// example centre's rules). The parts go through the same readers, judging and writers as
// `qualcheck check` (lib/assess, cmd/evaluate.cpp), with the results written as CSV, JSON and a table to
// standard output, which the harness sends to /dev/null.

#include "assess/cells.hpp"
#include "csvio/exports.hpp"
#include "diag/failure.hpp"
#include "engine/book.hpp"
#include "evaluate.hpp"
#include "fuzz_inputs.hpp"
#include "report/output.hpp"
#include "report/results.hpp"
#include "rulesfile/load.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>

namespace {

using namespace qc;

const util::Date k_today{2027, 3, 10};

void write_results(const engine::EntryBook& book, report::Format format) {
    report::Output out;
    const report::RunInfo run{k_today, model::current_series(k_today)};
    auto writer = report::make_result_writer(format, out, run, {false});
    const auto notes = assess::notes_by_entry(book, "u.csv");
    const assess::Depth depth =
        format == report::Format::json ? assess::Depth::explained : assess::Depth::row;
    cmd::judge_all(book, {run.current, depth, &notes}, *writer,
                   [](std::size_t i) { return i % 3 == 0; });
    out.close();
}

void check(std::string_view candidates, std::string_view units, const model::RuleBook& rules) {
    engine::EntryBook book(rules);
    const csvio::ReadOptions options{"61234", nullptr};
    try {
        csvio::read_candidates(csvio::Input::memory("c.csv", candidates), rules, options, book);
        csvio::read_units(csvio::Input::memory("u.csv", units), options, book);
    } catch (const diag::Failure& failure) {
        for (const diag::Diagnostic& d : failure.diagnostics().recorded()) {
            (void)diag::format(d);
        }
        return;
    }
    for (report::Format format : {report::Format::csv, report::Format::json, report::Format::table}) {
        write_results(book, format);
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    // The writers write to standard output; libFuzzer reports on standard error.
    if (std::freopen("/dev/null", "w", stdout) == nullptr) {
        return 1;
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto parts = fuzz::split_parts(data, size, 3);
    if (parts[0].empty()) {
        check(parts[1], parts[2], fuzz::example_rules());
        return 0;
    }
    diag::Diagnostics problems;
    auto suite = rulesfile::parse_suite("r.toml", parts[0], problems);
    if (suite == nullptr) {
        return 0;
    }
    model::RuleBook rules;
    rules.add(std::move(suite));
    check(parts[1], parts[2], rules);
    return 0;
}
