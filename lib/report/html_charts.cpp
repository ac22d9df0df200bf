// The inline SVG charts of the summary page. Sizes are in SVG user units; the page's CSS
// scales each chart to the width of the page.
#include "report/html.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace qc::report {

namespace {

constexpr int k_label_width = 260; // room for the label left of each bar
constexpr int k_bar_width = 380;   // the longest bar
constexpr int k_row_height = 26;
constexpr int k_chart_width = k_label_width + k_bar_width + 90;

struct StatusBar {
    const char* label;
    const char* css_class;
    std::size_t count;
};

std::string bar(int x, int y, double width, const char* css_class, std::string_view tooltip) {
    return fmt::format("<rect class=\"{}\" x=\"{}\" y=\"{}\" width=\"{:.1f}\" "
                       "height=\"{}\"><title>{}</title></rect>",
                       css_class, x, y, width, k_row_height - 8, html_escape(tooltip));
}

// A label left of a bar, cut (at a character boundary) when it would run off the chart.
std::string label(int y, std::string_view text) {
    constexpr std::size_t k_most = 32;
    std::string shown(text);
    if (shown.size() > k_most) {
        std::size_t cut = k_most - 1;
        while (cut > 0 && (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80) {
            --cut;
        }
        shown = shown.substr(0, cut) + "\u2026";
    }
    return fmt::format("<text class=\"label\" x=\"{}\" y=\"{}\">{}</text>", k_label_width - 8,
                       y + k_row_height / 2 + 1, html_escape(shown));
}

std::string svg_open(int rows, std::string_view title) {
    const int height = rows * k_row_height + 4;
    // Inline in HTML, <svg> is in the SVG namespace without an xmlns attribute.
    return fmt::format(
        "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\">"
        "<title>{}</title>",
        k_chart_width, height, k_chart_width, height, html_escape(title));
}

} // namespace

std::string status_chart_svg(const SuiteCounts& suite, std::size_t max_count) {
    const Tally& t = suite.tally;
    const StatusBar bars[] = {
        {"Eligible", "eligible", t.eligible},
        {"At risk", "at-risk", t.at_risk - t.acknowledged},
        {"At risk, acknowledged", "acknowledged", t.acknowledged},
        {"Not eligible, due later", "later", t.not_eligible - t.at_risk},
        {"Withdrawn", "withdrawn", t.withdrawn},
    };
    std::string svg = svg_open(static_cast<int>(std::size(bars)),
                               fmt::format("Entries by status in {}", suite.title));
    const double scale =
        max_count == 0 ? 0.0 : static_cast<double>(k_bar_width) / static_cast<double>(max_count);
    int y = 2;
    for (const StatusBar& b : bars) {
        const double width = static_cast<double>(b.count) * scale;
        svg += label(y, b.label);
        svg +=
            bar(k_label_width, y + 4, width, b.css_class, fmt::format("{}: {}", b.label, b.count));
        svg += fmt::format("<text class=\"count\" x=\"{:.1f}\" y=\"{}\">{}</text>",
                           k_label_width + width + 6, y + k_row_height / 2 + 1, b.count);
        y += k_row_height;
    }
    return svg + "</svg>";
}

std::string glh_chart_svg(const std::vector<const EntryLine*>& lines) {
    int most = 1;
    for (const EntryLine* line : lines) {
        most = std::max({most, line->result.glh_required, line->result.glh_counted});
    }
    const double scale = static_cast<double>(k_bar_width) / most;
    std::string svg = svg_open(static_cast<int>(lines.size()), "GLH of the entries at risk");
    int y = 2;
    for (const EntryLine* line : lines) {
        const engine::EntryResult& r = line->result;
        const std::string who =
            fmt::format("{} {} ({})", line->candidate, display_name(line->surname, line->forename),
                        line->qualification_code);
        const int in_progress = std::max(0, r.glh_counted - r.glh_achieved);
        svg += label(y, who);
        svg += bar(k_label_width, y + 4, r.glh_required * scale, "required",
                   fmt::format("{}: {} GLH required", who, r.glh_required));
        svg += bar(k_label_width, y + 4, r.glh_achieved * scale, "achieved",
                   fmt::format("{}: {} GLH achieved", who, r.glh_achieved));
        svg += bar(k_label_width + static_cast<int>(r.glh_achieved * scale), y + 4,
                   in_progress * scale, "in-progress",
                   fmt::format("{}: {} GLH in progress", who, in_progress));
        svg += fmt::format("<text class=\"count\" x=\"{:.1f}\" y=\"{}\">{}/{}</text>",
                           k_label_width + std::max(r.glh_required, r.glh_counted) * scale + 6,
                           y + k_row_height / 2 + 1, r.glh_counted, r.glh_required);
        y += k_row_height;
    }
    return svg + "</svg>";
}

} // namespace qc::report
