// The HTML report: escaping of every text, no script, and charts drawn from
// the report layer's typed results.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include "kam/render/report_html.hpp"
#include "kam/render/report_svg.hpp"

using namespace kam;

TEST_CASE("html_escape covers text and attributes") {
    CHECK(html_escape("<b>&'\"") == "&lt;b&gt;&amp;&#39;&quot;");
    CHECK(html_escape("a\x1b[2Jb") == "a [2Jb");
    CHECK(html_escape("Zürich\n") == "Zürich\n");
}

TEST_CASE("report blocks as html tables, every text escaped") {
    Report r;
    r.kind = "t";
    Table t;
    t.key = "rows";
    t.title = "Rows <1>";
    t.columns = {{"name", "Name", "", false, false, false},
                 {"value", "Value", "", true, false, false},
                 {"hidden", "Hidden", "", false, false, true}};
    t.rows.push_back({Cell::of("<script>alert(1)</script>"),
                      Cell::of_money(Money{150000050}).with_tone(Tone::bad),
                      Cell::of("machine only")});
    t.rows.push_back({Cell::of("none"), Cell::none("no \"data\""), Cell::of("x")});
    r.blocks.push_back(t);
    const std::string html = render_report_html_blocks(r, 2);
    CHECK(html ==
          "<h2>Rows &lt;1&gt;</h2>\n"
          "<table>\n<thead><tr><th>Name</th><th class=\"num\">Value</th></tr></thead>\n<tbody>\n"
          "<tr><td>&lt;script&gt;alert(1)&lt;/script&gt;</td><td class=\"num "
          "bad\">1,500,001</td></tr>\n"
          "<tr><td>none</td><td class=\"num\" title=\"no &quot;data&quot;\">-</td></tr>\n"
          "</tbody>\n</table>\n");
}

TEST_CASE("the page is self-contained and its charts draw the report layer's typed results") {
    PortfolioPage p;
    p.portfolio = "A & B <Ltd>";
    p.pareto = {{"<Evil>", 1500001, Fixed{1000, 1}, true}};
    const std::string html = render_html_page(p);
    CHECK(html.starts_with("<!DOCTYPE html>\n"));
    CHECK(html.find("<title>Portfolio report: A &amp; B &lt;Ltd&gt;</title>") != std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("http://") == html.find("http://www.w3.org/2000/svg"));  // nothing fetched
    CHECK(html.find("<Evil>") == std::string::npos);
    CHECK(html.find("&lt;Evil&gt;: 1,500,001 (100.0% cumulative)") != std::string::npos);
}

TEST_CASE("charts draw what they are given") {
    std::array<std::array<int64_t, 5>, 5> counts{};
    counts[3][4] = 2;  // likelihood 4, impact 5
    const std::string heat = svg_heat_map(counts);
    CHECK(heat.find("likelihood 4 x impact 5 = 20: 2 risks") != std::string::npos);
    CHECK(heat.find("likelihood 1 x impact 1 = 1: 0 risks") != std::string::npos);

    const std::string timeline = svg_timeline({{"A C1", 69, -21}, {"B C2", 22, std::nullopt}}, 120);
    CHECK(timeline.find("ends in 69 days") != std::string::npos);
    CHECK(timeline.find("class=\"notice passed\"") != std::string::npos);
    CHECK(svg_timeline({}, 120).find("no contract ends or is due for notice in this window") !=
          std::string::npos);
    // Listed for its notice deadline, ending past the edge: an arrow, not a dot at the edge.
    const std::string later = svg_timeline({{"C C3", 200, 60}}, 120);
    CHECK(later.find("<polygon") != std::string::npos);
    CHECK(later.find("ends in 200 days") != std::string::npos);
    CHECK(later.find("<circle") == std::string::npos);

    const std::string stages = svg_stage_bars({{"lead", 100000, 10000}});
    CHECK(stages.find("100,000 / 10,000") != std::string::npos);
    CHECK(svg_pareto({}, 80).find("no account with revenue") != std::string::npos);
}

TEST_CASE("an empty page has every section, and every chart says it has nothing to draw") {
    // The page once read its charts back from the builders' tables by column
    // name, and a missing name was an index one past the end of each row; it
    // now has a typed field per chart, so there is nothing to look up.
    const std::string html = render_html_page(PortfolioPage{});
    CHECK(html.ends_with("</html>\n"));
    for (const char* heading : {"Totals and KPIs", "Charts", "Health", "Accounts", "Alerts"})
        CHECK(html.find(fmt::format("<h2>{}</h2>", heading)) != std::string::npos);
    CHECK(html.find("no account with revenue") != std::string::npos);
    CHECK(html.find("no contract ends or is due for notice in this window") != std::string::npos);
    CHECK(html.find("Live risks: likelihood x impact") != std::string::npos);
    CHECK(html.find("Pipeline by stage") != std::string::npos);
}

TEST_CASE("a sparkline leaves a gap for a missing value and names every value") {
    Sparkline line{"health",
                   {{"2026-08", 60.0, "60"},
                    {"2026-09", 70.0, "70"},
                    {"2026-10", std::nullopt, "no survey in the window"},
                    {"2026-11", 50.0, "50"}}};
    const std::string svg = svg_sparkline(line);
    // Two runs: a line over Aug-Sep, a dot for Nov (alone after the gap), and the latest value.
    CHECK(svg.find("<polyline") != std::string::npos);
    CHECK(svg.find("<polyline", svg.find("<polyline") + 1) == std::string::npos);
    CHECK(svg.find(R"(class="spark-dot")") != std::string::npos);
    CHECK(svg.find(R"(class="spark-last")") != std::string::npos);
    const std::string label =
        "health, by month end: 2026-08 60; 2026-09 70; 2026-10 no value (no survey in the "
        "window); 2026-11 50";
    CHECK(svg.find("aria-label=\"" + label + "\"") != std::string::npos);
    CHECK(svg.find("<title>" + label + "</title>") != std::string::npos);
    // The highest value at the top, the lowest at the bottom; no zero is drawn for the gap.
    CHECK(svg.find("41.0,3.0") != std::string::npos);  // 2026-09: x = 3 + 114 / 3, y = 3
    CHECK(svg.find(R"(cx="117.0" cy="25.0")") != std::string::npos);  // 2026-11, the lowest
}

TEST_CASE("a sparkline with no value draws nothing, and one value is a dot") {
    const std::string none =
        svg_sparkline({"nps", {{"2026-10", std::nullopt, "account not yet created"}}});
    CHECK(none.find("<circle") == std::string::npos);
    CHECK(none.find("<polyline") == std::string::npos);
    CHECK(none.find("no value (account not yet created)") != std::string::npos);
    const std::string one =
        svg_sparkline({"nps", {{"2026-10", 12.0, "12"}, {"2026-11", std::nullopt, "x"}}});
    CHECK(one.find("<polyline") == std::string::npos);
    CHECK(one.find(R"(class="spark-last")") != std::string::npos);
}

TEST_CASE("the page's Trends section: a row per account, or the note saying why there is none") {
    PortfolioPage page;
    page.trends_note = "No sparklines: the portfolio is not in a git repository.";
    std::string html = render_html_page(page);
    CHECK(html.find("<h2>Trends</h2>\n<p class=\"note\">No sparklines: the portfolio is not in a "
                    "git repository.</p>") != std::string::npos);
    CHECK(html.find("class=\"spark\"") == std::string::npos);
    page.trends.push_back({"Acme <GmbH>", {{"health", {{"2026-11", 55.0, "55"}}}}});
    html = render_html_page(page);
    CHECK(html.find("<th>Acme &lt;GmbH&gt;</th><td class=\"spark\"><svg") != std::string::npos);
    CHECK(html.find("</svg> 55</td>") != std::string::npos);
    PortfolioPage quiet;  // --no-history: no section at all
    CHECK(render_html_page(quiet).find("<h2>Trends</h2>") == std::string::npos);
}

TEST_CASE("account pages are built one at a time, as the page is written, in pieces") {
    PortfolioPage p;
    p.portfolio = "P";
    p.account_page_count = 3;
    std::vector<size_t> built;
    p.account_page = [&](size_t k) {
        built.push_back(k);
        Report r;
        r.title = "Account " + std::to_string(k) + " <x>";
        FigureList f;
        f.key = "figures";
        f.title = "Figures";
        f.items = {{"n", "N", Cell::of_int(static_cast<int64_t>(k))}};
        r.blocks.push_back(f);
        return r;
    };
    std::vector<std::string> pieces;
    write_html_page(p, [&](std::string_view piece) { pieces.emplace_back(piece); });
    CHECK(built == std::vector<size_t>{0, 1, 2});
    std::string joined;
    for (const std::string& s : pieces) joined += s;
    built.clear();
    CHECK(render_html_page(p) == joined);
    CHECK(built.size() == 3);
    const size_t first = joined.find("<h2>Account 0 &lt;x&gt;</h2>");
    const size_t last = joined.find("<h2>Account 2 &lt;x&gt;</h2>");
    CHECK(first != std::string::npos);
    CHECK(last > first);
    CHECK(joined.ends_with("</section>\n</body>\n</html>\n"));
}
