#include "fuzz_inputs.hpp"

#include "diag/diagnostic.hpp"
#include "rulesfile/load.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <exception>

namespace qc::fuzz {

const model::RuleBook& example_rules() {
    static const model::RuleBook rules = [] {
        try {
            return rulesfile::load_rules({QC_SOURCE_DIR "/examples/rules"});
        } catch (const std::exception& e) {
            std::fprintf(stderr, "fuzz: the example rules do not load: %s\n", e.what());
            std::abort();
        }
    }();
    return rules;
}

std::vector<std::string_view> split_parts(const std::uint8_t* data, std::size_t size, std::size_t parts) {
    constexpr std::string_view k_separator = "\n%%\n";
    std::string_view rest(reinterpret_cast<const char*>(data), size);
    std::vector<std::string_view> out;
    while (out.size() + 1 < parts) {
        if (rest.substr(0, 3) == k_separator.substr(1)) { // a part that is empty
            out.emplace_back();
            rest.remove_prefix(3);
            continue;
        }
        const std::size_t at = rest.find(k_separator);
        if (at == std::string_view::npos) {
            break;
        }
        out.push_back(rest.substr(0, at + 1)); // keep the part's last line end
        rest.remove_prefix(at + k_separator.size());
    }
    out.push_back(rest);
    out.resize(std::max(out.size(), parts));
    return out;
}

} // namespace qc::fuzz
