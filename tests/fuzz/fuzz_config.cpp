// libFuzzer harness: any bytes as the centre's config file (TOML). Parsing ends in a config
// or in diagnostics that say why (each is formatted); a config that loads never carries a
// line break into a mail header, and its centre number is empty or 5 digits.

#include "diag/diagnostic.hpp"
#include "diag/failure.hpp"
#include "rulesfile/config.hpp"
#include "util/strings.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace qc;
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const rulesfile::CentreConfig config = rulesfile::parse_config("qualcheck.toml", text, "/srv/exams");
        for (const std::string* header : {&config.alerts_to, &config.centre_name}) {
            if (header->find_first_of("\r\n") != std::string::npos) {
                __builtin_trap();
            }
        }
        if (!config.centre_number.empty() &&
            (config.centre_number.size() != 5 || !util::is_digits(config.centre_number))) {
            __builtin_trap();
        }
        for (const auto& [user, role] : config.users) {
            if (role != "exams_officer" && role != "teacher") {
                __builtin_trap();
            }
        }
    } catch (const diag::Failure& failure) {
        if (failure.diagnostics().empty()) {
            __builtin_trap(); // refused without saying why
        }
        for (const diag::Diagnostic& d : failure.diagnostics().recorded()) {
            (void)diag::format(d);
        }
    }
    return 0;
}
