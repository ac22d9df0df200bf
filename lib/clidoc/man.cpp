#include "clidoc/command.hpp"

#include <fmt/format.h>

#include <cctype>
#include <string_view>

namespace qc::clidoc {

namespace {

// Text as roff: backslashes and hyphens escaped (so that options and commands copy from the
// rendered page as typed), and a line that would start with a control character protected.
std::string roff(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 8);
    bool line_start = true;
    for (char c : text) {
        if (line_start && (c == '.' || c == '\'')) {
            out += "\\&";
        }
        if (c == '\\') {
            out += "\\e";
        } else if (c == '-') {
            out += "\\-";
        } else {
            out.push_back(c);
        }
        line_start = c == '\n';
    }
    return out;
}

// Paragraphs of plain text; a blank line starts a new paragraph, other line breaks are
// refilled by the formatter.
void paragraphs(std::string& out, std::string_view text) {
    out += ".PP\n";
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        std::string_view line =
            text.substr(start, end == std::string_view::npos ? text.npos : end - start);
        out += line.empty() ? ".PP" : roff(line);
        out += '\n';
        if (end == std::string_view::npos) {
            break;
        }
        start = end + 1;
    }
}

std::string option_heading(const Option& option) {
    std::string heading;
    for (const std::string& name : option.names) {
        if (!heading.empty()) {
            heading += ", ";
        }
        heading += option.positional ? "\\fI" + roff(name) + "\\fR" : "\\fB" + roff(name) + "\\fR";
    }
    if (!option.value_name.empty() && !option.positional) {
        heading += " \\fI" + roff(option.value_name) + "\\fR";
    }
    if (option.repeatable) {
        heading += " ...";
    }
    return heading;
}

void options(std::string& out, const Command& command) {
    for (const Option& option : command.options) {
        out += ".TP\n" + option_heading(option) + "\n" + roff(option.description);
        if (!option.description.empty() && option.description.back() != '.') {
            out += '.';
        }
        if (option.required && !option.positional) {
            out += " Required.";
        }
        out += '\n';
    }
}

void examples(std::string& out, const Command& command) {
    if (command.examples.empty()) {
        return;
    }
    out += ".RS 4\n.nf\n";
    for (const Example& example : command.examples) {
        if (!example.comment.empty()) {
            out += roff("# " + example.comment) + "\n";
        }
        out += "\\fB" + roff(example.command) + "\\fR\n";
    }
    out += ".fi\n.RE\n";
}

std::string upper(std::string text) {
    for (char& c : text) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return text;
}

// A subcommand is a section; its views or actions are subsections.
void command_section(std::string& out, const Command& command) {
    const std::string name = command.full_name().substr(command.path.front().size() + 1);
    if (command.path.size() == 2) {
        out += ".SH " + roff(upper(name)) + "\n";
    } else {
        out += ".SS \"" + roff(name) + "\"\n";
    }
    out += ".PP\n\\fB" + roff(command.usage) + "\\fR\n";
    paragraphs(out, command.purpose + ".");
    out += ".PP\n.I Options\n";
    options(out, command);
    if (!command.notes.empty()) {
        paragraphs(out, command.notes);
    }
    if (!command.examples.empty()) {
        out += ".PP\n.I Examples\n";
        examples(out, command);
    }
    for (const Command& sub : command.subcommands) {
        command_section(out, sub);
    }
}

constexpr std::string_view k_description =
    R"(qualcheck tells a school or college, early enough to act, which students will not receive a
vocational qualification result on results day, and why. It reads the centre's CSV exports
(candidates.csv: one row per entry; units.csv: one row per unit result, exam entry or
moderation claim) and TOML definitions of the qualifications, and says for every entry whether
it is eligible or not eligible, every reason (the main one first), the guided learning hours
(GLH) required, counted and achieved, and whether it is at risk: not eligible, with its
estimated completion in the current series.

check judges the exports straight from the files, or the data imported into the centre's store
(an SQLite file); import validates exports and keeps them, with their history, in the store;
report shows views of the store (some also straight from the files); declare records the
centre's statements, such as acknowledging an entry or submitting Checkpoint 2.

Data goes to standard output: a table on a terminal, CSV otherwise (--format chooses). Errors
go to standard error as "qualcheck: error: FILE:LINE:COL: what is wrong", with a hint where one
helps. While a long import or check reads its exports, a progress line (rows read, rate, time
left) is shown on standard error when standard error is a terminal; --quiet hides it, and cron
output never has one.)";

constexpr std::string_view k_exit_status = R"(.TP
.B 0
Done; for check, no unacknowledged at\-risk entry.
.TP
.B 1
check found at least one unacknowledged at\-risk entry.
.TP
.B 2
Bad usage or bad input: the file, line and reason are on standard error; nothing is written to the store.
.TP
.B 3
Refused: the user's role may not do this, or the declaration window is closed.
.TP
.B 4
The store or an output file could not be read or written.
)";

constexpr std::string_view k_environment = R"(.TP
.B NO_COLOR
When set and not empty, tables are never coloured. Without it, colour is used only on a terminal.
.TP
.BR LOGNAME ", " USER
The acting user for import and declare when \-\-user is not given (then the login name).
.TP
.B TZ
Times of imports and declarations are recorded in local time.
)";

} // namespace

std::string render_man_page(const Command& root, const ManPageInfo& info) {
    std::string out =
        ".\\\" qualcheck(1), generated from qualcheck's command-line definitions; do not edit.\n";
    out += fmt::format(".TH QUALCHECK 1 \"{}\" \"qualcheck {}\" \"User Commands\"\n", info.date,
                       info.version);
    const std::size_t colon = root.purpose.find(": ");
    out += ".SH NAME\nqualcheck \\- " +
           roff(colon == std::string::npos ? root.purpose : root.purpose.substr(colon + 2)) + "\n";
    out += ".SH SYNOPSIS\n";
    for (const Command& sub : root.subcommands) {
        out += "\\fB" + roff(sub.usage) + "\\fR\n.br\n";
    }
    out += "\\fBqualcheck\\fR \\fISUBCOMMAND\\fR \\fB\\-\\-help\\fR\n";
    out += ".SH DESCRIPTION\n";
    paragraphs(out, k_description);
    out += ".SH OPTIONS\n";
    options(out, root);
    if (!root.notes.empty()) {
        paragraphs(out, root.notes);
    }
    out += ".SH EXAMPLES\n";
    examples(out, root);
    for (const Command& sub : root.subcommands) {
        command_section(out, sub);
    }
    out += ".SH EXIT STATUS\n";
    out += k_exit_status;
    out += ".SH ENVIRONMENT\n";
    out += k_environment;
    out += ".SH FILES\n.TP\n.I qualcheck.toml\n";
    out += "The centre's settings (centre number and name, store path, users and roles, alert "
           "address), "
           "read from the current folder when \\-\\-config is not given.\n";
    out += ".TP\n.I qualcheck.db\nThe centre's store, unless the config or \\-\\-store names "
           "another.\n";
    out += ".TP\n.I " + roff(info.rules_dir) + "\n";
    out += "The rules shipped with qualcheck (one TOML file per suite), used when neither "
           "\\-\\-rules nor "
           "the config's [rules] paths name any.\n";
    out += ".TP\n.I " + roff(info.docs_dir) + "/examples\n";
    out += "A fictional example centre: rules, exports and config, used by the tutorial.\n";
    out += ".SH SEE ALSO\n";
    out += "The tutorial, " + roff(info.docs_dir) + "/tutorial.md" +
           ", and the full documentation in " + roff(info.docs_dir) + ".\n";
    return out;
}

} // namespace qc::clidoc
