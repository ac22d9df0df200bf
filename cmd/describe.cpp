#include "describe.hpp"

#include "help.hpp"

#include <sstream>

namespace qc::cmd {

namespace {

clidoc::Option describe_option(const CLI::Option& option) {
    clidoc::Option o;
    o.positional =
        option.get_positional() && option.get_lnames().empty() && option.get_snames().empty();
    if (o.positional) {
        o.names.push_back(option.get_name(true, false));
    }
    for (const std::string& name : option.get_snames()) {
        o.names.push_back("-" + name);
    }
    for (const std::string& name : option.get_lnames()) {
        o.names.push_back("--" + name);
    }
    if (option.get_type_size() != 0) {
        o.value_name = option.get_type_name();
    }
    o.description = option.get_description();
    o.required = option.get_required();
    o.repeatable = option.get_expected_max() >= CLI::detail::expected_max_vector_size;
    return o;
}

void split_path(const std::string& path, std::vector<std::string>& words) {
    std::istringstream in(path);
    for (std::string word; in >> word;) {
        words.push_back(word);
    }
}

} // namespace

clidoc::Command describe(const CLI::App& app) {
    clidoc::Command command;
    split_path(command_path(app), command.path);
    command.purpose = app.get_description();
    command.usage = usage_of(app);
    command.examples = examples_of(app);
    command.notes = app.get_footer();
    for (const CLI::Option* option : app.get_options({})) {
        command.options.push_back(describe_option(*option));
    }
    for (const CLI::App* sub : app.get_subcommands({})) {
        command.subcommands.push_back(describe(*sub));
    }
    return command;
}

} // namespace qc::cmd
