// libFuzzer harness: any bytes as a CSV export, read as records (every field and its
// position), as candidates.csv or units.csv against the example rules (units also with
// --skip-invalid's rejects), or as visits.csv; every message is formatted. Bad input must end in diag::Failure; anything else escaping is a bug.

#include "csvio/exports.hpp"
#include "csvio/records.hpp"
#include "diag/failure.hpp"
#include "fuzz_inputs.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

using namespace qc;

// Accepts every fact, so that the readers go as far as they can.
class AcceptAll final : public model::FactSink {
public:
    std::optional<model::Problem> add_entry(model::Entry) override { return std::nullopt; }
    std::optional<model::Problem> add_unit_row(const model::UnitRow&) override { return std::nullopt; }
};

std::size_t format_all(const diag::Diagnostics& problems) {
    std::size_t bytes = 0;
    for (const diag::Diagnostic& d : problems.recorded()) {
        bytes += diag::format(d).size();
    }
    return bytes;
}

void read_records(std::string_view text) {
    try {
        csvio::RecordReader reader(csvio::Input::memory("r.csv", text));
        while (reader.next()) {
            for (std::size_t i = 0; i < reader.fields().size(); ++i) {
                const csvio::FieldPosition where = reader.position(i);
                if (where.line < reader.line() || where.column < 1) {
                    __builtin_trap(); // a field can never start before its record
                }
            }
            (void)reader.raw_line();
            (void)reader.bad_utf8_field();
        }
        format_all(reader.diagnostics());
    } catch (const diag::Failure& failure) {
        format_all(failure.diagnostics());
    }
}

template <typename Read>
void read_as(Read&& read) {
    try {
        read();
    } catch (const diag::Failure& failure) {
        format_all(failure.diagnostics());
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // Each reader costs a 48 MB LineReader buffer, which AddressSanitizer poisons page by page;
    // one reader per input, chosen by its length, keeps the run fast while mutations that
    // change the length carry an input through all of them.
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    AcceptAll sink;
    const csvio::ReadOptions options{"61234", nullptr};
    switch (size % 5) {
    case 0:
        read_records(text);
        break;
    case 1:
        read_as([&] { csvio::read_candidates(csvio::Input::memory("c.csv", text), fuzz::example_rules(), options, sink); });
        break;
    case 2:
        read_as([&] { csvio::read_units(csvio::Input::memory("u.csv", text), options, sink); });
        break;
    case 3: {
        diag::Diagnostics rejects(SIZE_MAX);
        const csvio::ReadOptions skipping{"", &rejects};
        read_as([&] { csvio::read_units(csvio::Input::memory("u.csv", text), skipping, sink); });
        format_all(rejects);
        break;
    }
    default:
        read_as([&] { csvio::read_visits(csvio::Input::memory("v.csv", text), fuzz::example_rules()); });
    }
    return 0;
}
