#include "util/spell.hpp"

#include "util/strings.hpp"

#include <algorithm>
#include <numeric>

namespace qc::util {

int edit_distance(std::string_view a, std::string_view b, int max_distance) {
    std::vector<int> row(b.size() + 1);
    std::iota(row.begin(), row.end(), 0);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = static_cast<int>(i);
        int best = row[0];
        for (std::size_t j = 1; j <= b.size(); ++j) {
            int above = row[j];
            int substitute = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
            row[j] = std::min({above + 1, row[j - 1] + 1, substitute});
            diagonal = above;
            best = std::min(best, row[j]);
        }
        if (best > max_distance) {
            return max_distance + 1;
        }
    }
    return row[b.size()];
}

std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& known) {
    const std::string folded = fold_key(word);
    const int allowed = folded.size() <= 4 ? 1 : 2;
    std::optional<std::string> best;
    int best_distance = allowed + 1;
    for (const std::string& candidate : known) {
        int distance = edit_distance(folded, fold_key(candidate), allowed);
        if (distance < best_distance) {
            best_distance = distance;
            best = candidate;
        }
    }
    return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& known) {
    if (auto match = closest(word, known)) {
        return "did you mean '" + *match + "'?";
    }
    return {};
}

} // namespace qc::util
