// Tests for lib/report/html*.cpp: the summary page's escaping, its parts and its date line.
#include "report/html.hpp"

#include <doctest/doctest.h>

using namespace qc;
using namespace qc::report;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

SummaryView one_at_risk(std::string imported_at) {
    engine::EntryResult result;
    result.status = model::ResultStatus::not_eligible;
    result.reasons = 1u << static_cast<unsigned>(model::ReasonCode::insufficient_glh);
    result.at_risk = true;
    result.glh_required = 150;
    result.glh_counted = 120;
    result.glh_achieved = 60;
    SummaryView view;
    view.current = model::Series{2027};
    view.imported_at = std::move(imported_at);
    view.entries.push_back({"61234", "0001", "<b>O'Neill & \"Co\"</b>", "Siân", "90201",
                            "Cert & Co", "fx-l2-sport", model::Series{2027}, result});
    Tally tally;
    tally.add(result);
    view.suites.push_back({"fx-l2-sport", "Sport <L2>", tally});
    return view;
}

} // namespace

TEST_CASE("html: every markup character is escaped") {
    CHECK(html_escape("<a href=\"x\">O'Neill & co</a>") ==
          "&lt;a href=&quot;x&quot;&gt;O&#39;Neill &amp; co&lt;/a&gt;");
    CHECK(html_escape("Siân") == "Siân");
}

TEST_CASE("html: a self-contained page with charts, the at-risk table and the data's date") {
    const std::string page =
        render_summary_html(one_at_risk(""), {"St Mary's & <Co>", "61234", {2027, 3, 10}});
    CHECK(page.rfind("<!DOCTYPE html>\n", 0) == 0);
    CHECK(contains(page, "content=\"default-src 'none'; style-src 'unsafe-inline'\""));
    CHECK_FALSE(contains(page, "<script"));
    CHECK_FALSE(contains(page, "http://"));
    CHECK(contains(page, "<h1>St Mary&#39;s &amp; &lt;Co&gt; (61234)</h1>"));
    CHECK(contains(page, "Results due in Summer 2027, as things stand on 10 March 2027. Judged "
                         "straight from the CSV exports."));
    CHECK(contains(page, "<h3>Sport &lt;L2&gt; <small>(fx-l2-sport): 1 entry</small></h3>"));
    CHECK(contains(page, "<title>At risk: 1</title>"));
    CHECK(contains(page, "<title>0001 &lt;b&gt;O&#39;Neill &amp; &quot;Co&quot;&lt;/b&gt;, Siân "
                         "(90201): 60 GLH achieved</title>"));
    CHECK(contains(page, "<td>&lt;b&gt;O&#39;Neill &amp; &quot;Co&quot;&lt;/b&gt;, "
                         "Siân</td><td>90201 Cert &amp; Co</td>"
                         "<td>Not enough guided learning hours (GLH)</td>"));
    CHECK(contains(page, "<td class=\"number\">120 / 150</td>"));
}

TEST_CASE("html: from the store the page names the import time; no centre, a plain heading") {
    const std::string page =
        render_summary_html(one_at_risk("2027-03-10T07:15:02"), {"", "", {2027, 3, 10}});
    CHECK(contains(page, "as things stand on 10 March 2027. Data imported 2027-03-10 07:15:02."));
    CHECK(contains(page, "<h1>Qualification entries</h1>"));
    SummaryView empty;
    empty.current = model::Series{2027};
    const std::string none = render_summary_html(empty, {"", "", {2027, 3, 10}});
    CHECK(contains(none, "<p>No entries.</p>"));
    CHECK(contains(none, "<p>No entry is at risk for Summer 2027.</p>"));
    CHECK(contains(none, "<h2>Entries at risk (0)</h2>\n<p>None.</p>"));
}
