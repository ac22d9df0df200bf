// The summary page for heads of department: report summary --format html.
#include "report/html.hpp"

#include "report/table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace qc::report {

namespace {

constexpr std::string_view k_months[] = {"January",   "February", "March",    "April",
                                         "May",       "June",     "July",     "August",
                                         "September", "October",  "November", "December"};

std::string long_date(const util::Date& date) {
    return fmt::format("{} {} {}", date.day, k_months[static_cast<std::size_t>(date.month - 1)],
                       date.year);
}

// Colours name what the terminal table shows: red at risk, green eligible, grey set aside.
constexpr std::string_view k_style = R"(
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; margin: 2rem auto;
       max-width: 60rem; padding: 0 1rem; color: #1f2328; line-height: 1.4; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.25rem; margin-top: 2.2rem; border-bottom: 1px solid #d0d7de; padding-bottom: 0.3rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 0.4rem; }
.when { color: #57606a; margin-top: 0; }
.totals { display: flex; flex-wrap: wrap; gap: 0.8rem; margin: 1.2rem 0; }
.total { border: 1px solid #d0d7de; border-radius: 6px; padding: 0.6rem 1rem; min-width: 8rem; }
.total b { display: block; font-size: 1.6rem; }
.chart { max-width: 100%; height: auto; display: block; }
.chart .label { text-anchor: end; font-size: 13px; fill: #1f2328; dominant-baseline: middle; }
.chart .count { font-size: 13px; fill: #57606a; dominant-baseline: middle; }
.eligible { fill: #2e7d32; } .at-risk { fill: #c62828; } .acknowledged { fill: #8c959f; }
.later { fill: #d98e04; } .withdrawn { fill: #d0d7de; }
.required { fill: #ffffff; stroke: #8c959f; stroke-width: 1; } .achieved { fill: #0969da; }
.in-progress { fill: #80b3f0; }
.key { font-size: 0.9rem; color: #57606a; }
.key span { display: inline-block; width: 0.9rem; height: 0.9rem; vertical-align: -0.1rem; margin: 0 0.3rem 0 0.8rem; }
.key .achieved, .key .in-progress, .key .required { border: 1px solid #8c959f; }
.key .achieved { background: #0969da; } .key .in-progress { background: #80b3f0; } .key .required { background: #fff; }
table { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
th, td { text-align: left; padding: 0.35rem 0.5rem; border-bottom: 1px solid #d0d7de; vertical-align: top; }
th { background: #f6f8fa; }
td.number { text-align: right; white-space: nowrap; }
tr.acknowledged td { color: #6e7781; }
footer { margin-top: 2.5rem; font-size: 0.85rem; color: #57606a; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } figure, tr { break-inside: avoid; } }
)";

std::string heading(const HtmlPageInfo& info) {
    if (info.centre_name.empty() && info.centre_number.empty()) {
        return "Qualification entries";
    }
    if (info.centre_name.empty() || info.centre_number.empty()) {
        return info.centre_name + info.centre_number;
    }
    return fmt::format("{} ({})", info.centre_name, info.centre_number);
}

std::string data_date(const SummaryView& view, const HtmlPageInfo& info) {
    std::string when = fmt::format("Results due in {}, as things stand on {}. ",
                                   view.current.label(), long_date(info.today));
    if (view.imported_at.empty()) {
        return when + "Judged straight from the CSV exports.";
    }
    std::string at = view.imported_at;
    std::replace(at.begin(), at.end(), 'T', ' ');
    return when + "Data imported " + at + ".";
}

std::string totals(const Tally& all) {
    const std::pair<const char*, std::size_t> cards[] = {
        {"entries", all.entries},
        {"eligible", all.eligible},
        {"at risk this summer", all.at_risk},
        {"of them acknowledged", all.acknowledged},
        {"not eligible, due later", all.not_eligible - all.at_risk},
        {"withdrawn", all.withdrawn},
    };
    std::string out = "<div class=\"totals\">\n";
    for (const auto& [what, count] : cards) {
        out += fmt::format("<div class=\"total\"><b>{}</b>{}</div>\n", count, what);
    }
    return out + "</div>\n";
}

std::string status_section(const SummaryView& view) {
    std::size_t most = 0;
    for (const SuiteCounts& suite : view.suites) {
        const Tally& t = suite.tally;
        most = std::max({most, t.eligible, t.at_risk - t.acknowledged, t.acknowledged,
                         t.not_eligible - t.at_risk, t.withdrawn});
    }
    std::string out = "<h2>Entries by status, per subject</h2>\n";
    if (view.suites.empty()) {
        return out + "<p>No entries.</p>\n";
    }
    for (const SuiteCounts& suite : view.suites) {
        out +=
            fmt::format("<figure>\n<h3>{} <small>({}): {} entr{}</small></h3>\n{}\n</figure>\n",
                        html_escape(suite.title), html_escape(suite.suite_id), suite.tally.entries,
                        suite.tally.entries == 1 ? "y" : "ies", status_chart_svg(suite, most));
    }
    return out;
}

std::string glh_section(const SummaryView& view, const std::vector<const EntryLine*>& at_risk) {
    std::string out = "<h2>Guided learning hours of the entries at risk</h2>\n";
    if (at_risk.empty()) {
        return out + "<p>No entry is at risk for " + view.current.label() + ".</p>\n";
    }
    out += "<p class=\"key\">Each bar is the GLH the qualification requires:"
           "<span class=\"achieved\"></span>achieved<span class=\"in-progress\"></span>entered or "
           "claimed, "
           "not yet a result<span class=\"required\"></span>not yet started. The figures are GLH "
           "counted / "
           "required.</p>\n";
    for (const SuiteCounts& suite : view.suites) {
        std::vector<const EntryLine*> lines;
        std::copy_if(at_risk.begin(), at_risk.end(), std::back_inserter(lines),
                     [&](const EntryLine* line) { return line->suite_id == suite.suite_id; });
        if (!lines.empty()) {
            out += fmt::format("<figure>\n<h3>{}</h3>\n{}\n</figure>\n", html_escape(suite.title),
                               glh_chart_svg(lines));
        }
    }
    return out;
}

std::string at_risk_table(const std::vector<const EntryLine*>& at_risk) {
    std::string out = fmt::format("<h2>Entries at risk ({})</h2>\n", at_risk.size());
    if (at_risk.empty()) {
        return out + "<p>None.</p>\n";
    }
    out += "<table>\n<thead><tr><th>Candidate</th><th>Name</th><th>Qualification</th><th>Main "
           "reason</th>"
           "<th>Every reason</th><th>GLH counted / "
           "required</th><th>Acknowledged</th></tr></thead>\n<tbody>\n";
    for (const EntryLine* line : at_risk) {
        const engine::EntryResult& r = line->result;
        const auto main = r.main_reason();
        out += fmt::format(
            "<tr{}><td>{} {}</td><td>{}</td><td>{} {}</td><td>{}</td><td>{}</td>"
            "<td class=\"number\">{} / {}</td><td>{}</td></tr>\n",
            r.acknowledged ? " class=\"acknowledged\"" : "", html_escape(line->centre),
            html_escape(line->candidate), html_escape(display_name(line->surname, line->forename)),
            html_escape(line->qualification_code), html_escape(line->qualification_title),
            main ? html_escape(model::info(*main).label) : "", html_escape(reason_labels(r)),
            r.glh_counted, r.glh_required, r.acknowledged ? "yes" : "no");
    }
    return out + "</tbody>\n</table>\n";
}

} // namespace

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out.push_back(c);
        }
    }
    return out;
}

std::string render_summary_html(const SummaryView& view, const HtmlPageInfo& info) {
    Tally all;
    for (const EntryLine& line : view.entries) {
        all.add(line.result);
    }
    std::vector<const EntryLine*> at_risk;
    for (const EntryLine& line : view.entries) {
        if (line.result.at_risk) {
            at_risk.push_back(&line);
        }
    }
    const std::string title = heading(info);
    std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
           "'unsafe-inline'\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += fmt::format("<title>{}: entries for {}</title>\n", html_escape(title),
                       view.current.label());
    out += "<style>" + std::string(k_style) + "</style>\n</head>\n<body>\n";
    out += fmt::format("<header>\n<h1>{}</h1>\n<p class=\"when\">{}</p>\n</header>\n",
                       html_escape(title), html_escape(data_date(view, info)));
    out += "<main>\n" + totals(all);
    out += fmt::format("<p>{}</p>\n", html_escape(tally_sentence(all, view.current)));
    out += status_section(view) + glh_section(view, at_risk) + at_risk_table(at_risk) + "</main>\n";
    out += "<footer>Made by qualcheck (<code>qualcheck report summary --format html</code>). An "
           "entry is at risk "
           "when it is not eligible and due in the current series; the reasons are explained in "
           "<code>qualcheck report candidate NUMBER</code>.</footer>\n</body>\n</html>\n";
    return out;
}

} // namespace qc::report
