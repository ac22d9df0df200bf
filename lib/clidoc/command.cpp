#include "clidoc/command.hpp"

namespace qc::clidoc {

std::vector<std::string> Option::choices() const {
    std::vector<std::string> choices;
    if (value_name.find('|') == std::string::npos) {
        return choices;
    }
    std::size_t start = 0;
    for (std::size_t bar = value_name.find('|'); bar != std::string::npos;
         bar = value_name.find('|', start)) {
        choices.push_back(value_name.substr(start, bar - start));
        start = bar + 1;
    }
    choices.push_back(value_name.substr(start));
    return choices;
}

bool Option::takes_path() const {
    return value_name == "FILE" || value_name == "PATH" || value_name == "DIR";
}

std::string Command::full_name() const {
    std::string name;
    for (const std::string& word : path) {
        if (!name.empty()) {
            name.push_back(' ');
        }
        name += word;
    }
    return name;
}

} // namespace qc::clidoc
