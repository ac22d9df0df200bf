#pragma once
// `report summary --format html`: one self-contained page for heads of department. Inline CSS
// and SVG only: no script, no font, no image, nothing fetched (a Content-Security-Policy says
// so to the browser), so that it can be mailed or opened from a shared drive as it is.

#include "report/views.hpp"
#include "util/date.hpp"

#include <string>
#include <string_view>

namespace qc::report {

/// What the page says about whose data it is and when.
struct HtmlPageInfo {
    std::string centre_name;   ///< from the config; may be empty
    std::string centre_number; ///< likewise
    util::Date today;          ///< the date judged on (--today or the system date)
};

/// The summary page: totals; per suite, entries by status as a bar chart; the GLH of each
/// at-risk entry (achieved, in progress, still needed); the at-risk table with every reason;
/// the data's date (import time, or the date judged on for CSV exports).
std::string render_summary_html(const SummaryView& view, const HtmlPageInfo& info);

/// `text` safe in HTML text and in quoted attribute values: & < > " ' escaped.
std::string html_escape(std::string_view text);

// --- the charts (html_charts.cpp) -----------------------------------------------------------

/// One suite's entries by status as a horizontal bar chart (inline SVG); bars share the scale
/// `max_count` so that suites compare.
std::string status_chart_svg(const SuiteCounts& suite, std::size_t max_count);

/// One bar per at-risk entry of a suite: GLH achieved, counted but not yet achieved, and
/// still needed for the GLH required (inline SVG).
std::string glh_chart_svg(const std::vector<const EntryLine*>& lines);

} // namespace qc::report
