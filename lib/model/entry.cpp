#include "model/entry.hpp"

namespace qc::model {

std::uint32_t candidate_key(std::string_view centre, std::string_view candidate) {
    if (centre.size() != 5 || candidate.size() != 4) {
        return 0;
    }
    std::uint32_t key = 0;
    for (char c : centre) {
        if (c < '0' || c > '9') {
            return 0;
        }
        key = key * 10 + static_cast<std::uint32_t>(c - '0');
    }
    for (char c : candidate) {
        if (c < '0' || c > '9') {
            return 0;
        }
        key = key * 10 + static_cast<std::uint32_t>(c - '0');
    }
    return key + 1; // never 0, so 0 can mean "invalid" and "empty slot"
}

} // namespace qc::model
