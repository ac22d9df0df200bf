#include "common.hpp"

#include "diag/failure.hpp"
#include "rulesfile/load.hpp"
#include "util/spell.hpp"
#include "util/strings.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <unistd.h>

namespace qc::cmd {

namespace fs = std::filesystem;
using diag::ExitStatus;
using diag::Failure;

void add_common_options(CLI::App& app, CommonOptions& o, bool data_output) {
    app.add_option("--rules", o.rules,
                   "Rules file or folder of *.toml (repeatable; default: the installed rules)")
        ->type_name("PATH");
    app.add_option("--today", o.today, "Date to judge on, YYYY-MM-DD (default: the system date)")
        ->type_name("DATE");
    app.add_option("--config", o.config,
                   "Centre settings in TOML (default: qualcheck.toml here, if present)")
        ->type_name("FILE");
    app.add_option("--store", o.store, "The centre's store (default: from the config, else qualcheck.db)")
        ->type_name("FILE");
    app.add_option("--centre", o.centre, "Centre number for rows without one (default: from the config)")
        ->type_name("NUMBER");
    app.add_flag("-q,--quiet", o.quiet, "No progress line on standard error (shown only on a terminal)");
    if (data_output) {
        app.add_option("--format", o.format, "Output format (default: table on a terminal, else csv)")
            ->type_name("table|csv|json");
        add_excel_option(app, o.format);
        app.add_option("-o,--output", o.output, "Write to FILE instead of standard output")
            ->type_name("FILE");
    }
}

util::Date option_date(std::string_view option, const std::string& text) {
    const std::string example = fmt::format("for example {} 2027-03-10", option);
    const bool iso_form = text.size() == 10 && text[4] == '-' && text[7] == '-';
    auto parsed = util::parse_date(text);
    if (iso_form && !parsed.date) {
        throw Failure(ExitStatus::bad_input, fmt::format("{}: no such date: '{}'", option, text), example);
    }
    if (!iso_form || !parsed.date) {
        throw Failure(ExitStatus::bad_input,
                      fmt::format("{}: '{}' is not a date in the form YYYY-MM-DD", option, text), example);
    }
    return *parsed.date;
}

util::Date resolve_today(const std::string& text) {
    return text.empty() ? util::system_today() : option_date("--today", text);
}

CLI::Option* add_excel_option(CLI::App& app, std::string& format) {
    // Defined after --format, so its callback runs last: --excel wins over --format.
    return app.add_flag_callback(
        "--excel", [&format] { format = "excel"; },
        "CSV to open in Excel by double-click: UTF-8 byte order mark, CRLF, numbers such as 0042 kept as text");
}

report::WorkbookAbout workbook_about(const Setup& setup, std::string title, std::string imported_at) {
    return {std::move(title),        setup.config.centre_name, setup.config.centre_number,
            setup.today,             setup.current,            std::move(imported_at),
            report::utc_now(),       report::rules_lines(setup.rules)};
}

std::unique_ptr<report::ResultWriter> make_writer(report::Format format, report::Output& out,
                                                  const Setup& setup, std::string_view sheet,
                                                  std::string title, std::string imported_at,
                                                  report::TableStyle style) {
    if (format == report::Format::xlsx) {
        return report::make_workbook_result_writer(
            out, sheet, workbook_about(setup, std::move(title), std::move(imported_at)));
    }
    return report::make_result_writer(format, out, {setup.today, setup.current}, style);
}

void require_file_for_workbook(const CommonOptions& options) {
    if (options.format == "xlsx" && (options.output.empty() || options.output == "-")) {
        throw Failure(ExitStatus::bad_input,
                      "--format xlsx writes a workbook, not text: it needs -o FILE",
                      "name the workbook, e.g. -o at-risk.xlsx");
    }
}

report::Format resolve_format(const std::string& text, report::Output& out, bool workbook) {
    if (text == "xlsx") {
        if (!workbook) {
            throw Failure(ExitStatus::bad_input, "--format xlsx is not available for this command",
                          "use table, csv or json here");
        }
        if (out.is_stdout()) {
            throw Failure(ExitStatus::bad_input,
                          "--format xlsx writes a workbook, not text: it needs -o FILE",
                          "name the workbook, e.g. -o at-risk.xlsx");
        }
        return report::Format::xlsx;
    }
    if (text == "excel") {
        out.start_excel_csv();
        return report::Format::csv;
    }
    if (text.empty()) {
        return out.is_terminal() ? report::Format::table : report::Format::csv;
    }
    if (text == "table") {
        return report::Format::table;
    }
    if (text == "csv") {
        return report::Format::csv;
    }
    if (text == "json") {
        return report::Format::json;
    }
    if (text == "html") {
        throw Failure(ExitStatus::bad_input, "--format html is only for 'report summary'",
                      "use table, csv or json here");
    }
    std::vector<std::string> formats = {"table", "csv", "json"};
    if (workbook) {
        formats.emplace_back("xlsx");
    }
    std::string hint = util::did_you_mean(text, formats);
    throw Failure(ExitStatus::bad_input, "--format: unknown format '" + text + "'",
                  !hint.empty() ? hint
                  : workbook    ? "use table, csv, json, or xlsx with -o FILE"
                                : "use table, csv or json");
}

bool use_colour(const report::Output& out) {
    const char* no_colour = std::getenv("NO_COLOR");
    return out.is_terminal() && (no_colour == nullptr || *no_colour == '\0');
}

namespace {

bool has_rules_files(const fs::path& folder) {
    std::error_code error;
    for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
        if (it->path().extension() == ".toml") {
            return true;
        }
    }
    return false;
}

// Installed rules live in PREFIX/share/qualcheck/rules beside PREFIX/bin/qualcheck, found
// from the binary's own path so that a moved or staged (DESTDIR) tree still finds them; a
// build tree falls back to the source tree's rules/. A folder without rules files is passed
// over: until real qualifications are shipped, the user names their own.
std::vector<std::string> default_rules() {
    std::vector<std::string> looked;
    std::string examples = "examples/rules";
    std::error_code error;
    fs::path exe = fs::read_symlink("/proc/self/exe", error);
    if (!error) {
        fs::path installed = (exe.parent_path() / QC_RULES_FROM_BINDIR).lexically_normal();
        if (has_rules_files(installed)) {
            return {installed.string()};
        }
        looked.push_back(installed.string());
        if (fs::path doc = (exe.parent_path() / QC_EXAMPLES_FROM_BINDIR).lexically_normal(); fs::is_directory(doc, error)) {
            examples = (doc / "rules").string();
        }
    }
#ifdef QC_SOURCE_RULES_DIR
    if (has_rules_files(QC_SOURCE_RULES_DIR)) {
        return {QC_SOURCE_RULES_DIR};
    }
    if (fs::is_directory(QC_SOURCE_RULES_DIR, error)) {
        looked.emplace_back(QC_SOURCE_RULES_DIR);
    }
#endif
    std::string where;
    for (const std::string& folder : looked) {
        where += (where.empty() ? "" : " or ") + folder;
    }
    throw Failure(ExitStatus::bad_input,
                  "no rules to judge by: none named with --rules or in the config, and no rules files in " + where,
                  "name the centre's rules files with --rules PATH or [rules] paths in the config; "
                  "the example centre's are in " + examples);
}

} // namespace

Setup prepare(const CommonOptions& options) {
    require_file_for_workbook(options); // before any input is read
    Setup setup;
    setup.config = rulesfile::load_config(options.config);
    setup.today = resolve_today(options.today);
    setup.current = model::current_series(setup.today);
    std::vector<std::string> rules = options.rules;
    if (rules.empty()) {
        rules = setup.config.rules;
    }
    if (rules.empty()) {
        rules = default_rules();
    }
    report::refuse_overwriting("-o", options.output, protected_files(options, setup.config, rules));
    setup.rules = rulesfile::load_rules(rules);
    return setup;
}

std::vector<report::Protected> protected_files(const CommonOptions& options, const rulesfile::CentreConfig& config,
                                               const std::vector<std::string>& rules) {
    std::vector<report::Protected> files{{"the store", store_path(options, config)},
                                         {"the config file", config.file}};
    for (const std::string& path : rules) {
        files.push_back({"a rules file", path});
    }
    return files;
}

std::string store_path(const CommonOptions& options, const rulesfile::CentreConfig& config) {
    if (!options.store.empty()) {
        return options.store;
    }
    if (!config.store_path.empty()) {
        return config.store_path;
    }
    return "qualcheck.db";
}

std::string default_centre(const CommonOptions& options, const rulesfile::CentreConfig& config) {
    std::string centre = options.centre.empty() ? config.centre_number : options.centre;
    if (!centre.empty() && (centre.size() != 5 || !util::is_digits(centre))) {
        throw Failure(ExitStatus::bad_input, "centre number '" + centre + "' is not 5 digits",
                      "write it with its leading zeros, e.g. 01234");
    }
    return centre;
}

} // namespace qc::cmd
