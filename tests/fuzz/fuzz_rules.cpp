// libFuzzer harness: any bytes as a rules file (TOML). Parsing and validation must end in a
// suite or in diagnostics; every message is formatted. A suite that loads is indexed and its
// lookups are exercised.

#include "diag/diagnostic.hpp"
#include "rulesfile/load.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace qc;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    diag::Diagnostics problems;
    std::unique_ptr<model::Suite> suite = rulesfile::parse_suite("r.toml", text, problems);
    for (const diag::Diagnostic& d : problems.recorded()) {
        (void)diag::format(d);
    }
    if (suite == nullptr) {
        if (problems.empty()) {
            __builtin_trap(); // refused without saying why
        }
        return 0;
    }
    model::RuleBook book;
    book.add(std::move(suite));
    for (const auto& loaded : book.suites()) {
        for (const model::Qualification& q : loaded->qualifications) {
            if (book.find_qualification(q.code) == nullptr) {
                __builtin_trap();
            }
            // What the contract says a loaded rules file never is: mandatory GLH above the
            // total, or a pathway naming a unit outside its qualification.
            long mandatory_glh = 0;
            for (std::uint16_t slot : q.mandatory_slots) {
                if (slot >= loaded->units.size() || !q.is_mandatory(slot) || !q.counts(slot)) {
                    __builtin_trap();
                }
                mandatory_glh += loaded->units[slot].glh;
            }
            if (mandatory_glh > q.glh) {
                __builtin_trap();
            }
            for (const model::Pathway& pathway : q.pathways) {
                for (std::uint16_t slot : pathway.mandatory_slots) {
                    if (!q.counts(slot)) {
                        __builtin_trap();
                    }
                }
            }
        }
    }
    return 0;
}
