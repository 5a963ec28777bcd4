// The four text renderers of reports on one small neutral report: the same
// numbers in every format, and each format's own escaping.
#include <doctest/doctest.h>

#include "kam/render/report_formats.hpp"

using namespace kam;

namespace {

Report sample() {
    Report r;
    r.kind = "sample";
    r.title = "Sample report";
    r.meta = {{"as_of", "As of", Cell::of_date(Date::from_ymd(2026, 11, 23))},
              {"currency", "Currency", Cell::of("EUR")}};
    Table t;
    t.key = "accounts";
    t.title = "Accounts";
    t.columns = {{"name", "Account", "", false, true, false},
                 {"annual_revenue", "Annual revenue", "Revenue", true, false, false},
                 {"growth_pct", "Growth %", "Growth\n%", true, false, false},
                 {"slug", "Slug", "", false, false, true}};
    t.rows.push_back({Cell::of("Acme | Sons"), Cell::of_money(Money{150000050}),
                      Cell::of_fixed(Fixed{-45, 1}), Cell::of("acme")});
    t.rows.push_back({Cell::of("=HYPERLINK(\"x\")"), Cell::none("no performance.yaml"),
                      Cell::none("no performance.yaml"), Cell::of("evil")});
    t.notes = {"Money in whole EUR."};
    r.blocks.push_back(t);
    FigureList f;
    f.key = "totals";
    f.title = "Totals";
    f.items = {{"annual_revenue", "Annual revenue", Cell::of_money(Money{150000050}), 1},
               {"retention_pct", "Retention", Cell::none("no client_since")}};
    r.blocks.push_back(f);
    return r;
}

}  // namespace

TEST_CASE("table: aligned, two-line headers, reasons beside empty figures") {
    const std::string expected =
        "Sample report\n"
        "As of: 2026-11-23\n"
        "Currency: EUR\n"
        "\n"
        "Accounts\n"
        "                            Growth\n"
        "Account            Revenue       %\n"
        "---------------  ---------  ------\n"
        "Acme | Sons      1,500,001    -4.5\n"
        "=HYPERLINK(\"x\")          -       -\n"
        "Money in whole EUR.\n"
        "\n"
        "Totals\n"
        "  Annual revenue  1,500,001\n"
        "  Retention               -  (no client_since)\n";
    CHECK(render_report_table(sample(), {}) == expected);
}

TEST_CASE("table: long text is elided to fit the width") {
    Report r = sample();
    auto& t = std::get<Table>(r.blocks[0]);
    t.rows[0][0] = Cell::of("A very long client name that does not fit");
    const std::string out = render_report_table(r, ReportTableOptions{false, 30});
    // 30 columns: name shortened to 30 - 2 - 9 - 2 - 6 = 11 code points.
    CHECK(out.find("A very long\u2026") == std::string::npos);
    CHECK(out.find("A very lon\u2026  1,500,001    -4.5\n") != std::string::npos);
    for (size_t start = 0, nl; (nl = out.find('\n', start)) != std::string::npos; start = nl + 1) {
        const std::string line = out.substr(start, nl - start);
        if (line.find("Retention") != std::string::npos) continue;  // a figure line, not the table
        CHECK(text_width(line) <= 30);
    }
}

TEST_CASE("table: a long text figure goes on under itself at the width; a number never breaks") {
    Report r;
    FigureList f;
    f.key = "account";
    f.items = {{"mission", "Mission",
                Cell::of("Keep every plant running, every failure predicted early enough")},
               {"team", "Team", Cell::of("Ann; Bo")}};
    r.blocks.push_back(f);
    const std::string out = render_report_table(r, ReportTableOptions{false, 40});
    CHECK(out.find("  Mission  Keep every plant running,\n"  // 11 + 25: "every" would make 42
                   "           every failure predicted early\n"
                   "           enough\n"
                   "  Team     Ann; Bo\n") != std::string::npos);
    // An empty figure's reason goes under the value when the line would pass the width.
    Report w;
    FigureList e;
    e.items = {{"renewal", "Next renewal",
                Cell::none("no active or renewing contract ends on or after 2026-12-02")}};
    w.blocks.push_back(e);
    CHECK(render_report_table(w, ReportTableOptions{false, 50})
              .find("  Next renewal  -\n"
                    "                (no active or renewing contract\n"
                    "                ends on or after 2026-12-02)\n") != std::string::npos);
    CHECK(render_report_table(w, ReportTableOptions{false, 100})
              .find("  Next renewal  -  (no active or renewing contract ends on or after "
                    "2026-12-02)\n") != std::string::npos);
    // Figures (right-aligned) keep their line, whatever the width.
    Report n;
    FigureList g;
    g.items = {{"revenue", "A very long label for a revenue figure", Cell::of_int(1234567)}};
    n.blocks.push_back(g);
    CHECK(render_report_table(n, ReportTableOptions{false, 30}).find("  1234567\n") !=
          std::string::npos);
}

TEST_CASE("table: colour only when asked, and control characters never pass") {
    Report r = sample();
    std::get<Table>(r.blocks[0]).rows[0][0] = Cell::of("evil\x1b[2J");
    std::get<Table>(r.blocks[0]).rows[0][1] = Cell::of_money(Money{100}).with_tone(Tone::bad);
    const std::string plain = render_report_table(r, {});
    CHECK(plain.find('\x1b') == std::string::npos);
    CHECK(plain.find("evil\\x1B[2J") != std::string::npos);
    const std::string colored = render_report_table(r, ReportTableOptions{true, 100});
    CHECK(colored.find("\x1b[31m") != std::string::npos);
    CHECK(colored.find("\x1b[2J") == std::string::npos);
}

TEST_CASE("markdown: pipe tables with escaped text") {
    const std::string expected =
        "# Sample report\n"
        "\n"
        "- **As of:** 2026-11-23\n"
        "- **Currency:** EUR\n"
        "\n"
        "## Accounts\n"
        "\n"
        "| Account | Annual revenue | Growth % |\n"
        "| :-- | --: | --: |\n"
        "| Acme \\| Sons | 1,500,001 | -4.5 |\n"
        "| =HYPERLINK(\"x\") | - | - |\n"
        "\n"
        "Money in whole EUR.  \n"
        "\n"
        "## Totals\n"
        "\n"
        "| Item | Value |\n"
        "| :-- | --: |\n"
        "| Annual revenue | 1,500,001 |\n"
        "| Retention | - (no client\\_since) |\n";
    CHECK(render_report_markdown(sample()) == expected);
}

TEST_CASE("json: versioned, ordered, nulls with reasons, every column") {
    const std::string expected = R"json({
  "format_version": 1,
  "report": "sample",
  "as_of": "2026-11-23",
  "currency": "EUR",
  "accounts": [
    {
      "name": "Acme | Sons",
      "annual_revenue": 1500001,
      "growth_pct": -4.5,
      "slug": "acme"
    },
    {
      "name": "=HYPERLINK(\"x\")",
      "annual_revenue": null,
      "growth_pct": null,
      "slug": "evil",
      "reasons": {
        "annual_revenue": "no performance.yaml",
        "growth_pct": "no performance.yaml"
      }
    }
  ],
  "totals": {
    "annual_revenue": 1500001,
    "retention_pct": null,
    "reasons": {
      "retention_pct": "no client_since"
    },
    "unknown": {
      "annual_revenue": 1
    }
  }
}
)json";
    CHECK(render_report_json(sample()) == expected);
}

TEST_CASE("csv: RFC 4180, one header row, formulas neutralised") {
    const std::string expected =
        "name,annual_revenue,growth_pct,slug\r\n"
        "Acme | Sons,1500001,-4.5,acme\r\n"
        "\"'=HYPERLINK(\"\"x\"\")\",,,evil\r\n";
    CHECK(render_report_csv(sample()) == expected);

    Report r = sample();
    auto& rows = std::get<Table>(r.blocks[0]).rows;
    rows[0][0] = Cell::of("-1+2");
    rows[0][3] = Cell::of("a,b\nc");
    const std::string out = render_report_csv(r);
    CHECK(out.find("'-1+2,1500001,-4.5,\"a,b\nc\"\r\n") != std::string::npos);
}

TEST_CASE("elide and text_width count code points") {
    CHECK(text_width("Zürich") == 6);
    CHECK(elide("Zürich AG", 5) == "Züri\u2026");
    CHECK(elide("short", 5) == "short");
    CHECK(elide("abc", 0).empty());
}

TEST_CASE("csv: a list of figures is one record") {
    Report r = sample();
    r.csv_block = 1;
    CHECK(render_report_csv(r) == "annual_revenue,retention_pct\r\n1500001,\r\n");
}

TEST_CASE("sort_rows: numbers by value, text by text, empty cells last") {
    Table t;
    t.columns = {{"name", "Name", "", false, false, false}, {"pct", "Pct", "", true, false, false}};
    t.rows = {{Cell::of("b"), Cell::of_fixed(Fixed{95, 1})},
              {Cell::of("a"), Cell::none("no data")},
              {Cell::of("c"), Cell::of_fixed(Fixed{100, 1})},
              {Cell::of("d"), Cell::of_fixed(Fixed{-5, 2})}};
    auto names = [&] {
        std::string s;
        for (const auto& row : t.rows) s += row[0].text;
        return s;
    };
    REQUIRE(sort_rows(t, "pct", false));
    CHECK(names() == "dbca");  // -0.05 < 9.5 < 10.0, then the empty one
    REQUIRE(sort_rows(t, "pct", true));
    CHECK(names() == "cbda");  // the empty one stays last when descending too
    REQUIRE(sort_rows(t, "name", false));
    CHECK(names() == "abcd");
    CHECK_FALSE(sort_rows(t, "nope", false));
}

TEST_CASE("a grid with a heading row, and blocks for people or for machines only") {
    Report r;
    r.kind = "grid";
    r.title = "Grid";
    Table grid;
    grid.key = "swot_grid";
    grid.title = "SWOT";
    grid.columns = {{"helpful", "Strengths", "", false, true, false},
                    {"harmful", "Weaknesses", "", false, true, false}};
    grid.rows = {{Cell::of("Installed base"), Cell::of("Slow response")},
                 {Cell::of("Opportunities"), Cell::of("Threats")},
                 {Cell::of("Energy add-on"), Cell::of("")}};
    grid.heading_rows = {1};
    grid.human_only = true;
    Table items;
    items.key = "swot";
    items.title = "SWOT items";
    items.columns = {{"quadrant", "Quadrant", "", false, false, false}};
    items.rows = {{Cell::of("strength")}};
    items.machine_only = true;
    r.blocks.push_back(grid);
    r.blocks.push_back(items);

    CHECK(render_report_table(r, {}) ==
          "Grid\n"
          "\n"
          "SWOT\n"
          "Strengths       Weaknesses\n"
          "--------------  -------------\n"
          "Installed base  Slow response\n"
          "Opportunities   Threats\n"
          "--------------  -------------\n"
          "Energy add-on\n");
    const std::string md = render_report_markdown(r);
    CHECK(md.find("| **Opportunities** | **Threats** |") != std::string::npos);
    CHECK(md.find("SWOT items") == std::string::npos);
    const std::string json = render_report_json(r);
    CHECK(json.find("swot_grid") == std::string::npos);
    CHECK(json.find("\"quadrant\": \"strength\"") != std::string::npos);
}

TEST_CASE("table: a grid too wide for the width becomes one record per row and notes wrap") {
    Report r;
    r.title = "Grid";
    Table t;
    t.key = "grid";
    t.title = "Offerings";
    t.records_when_too_wide = true;
    t.columns = {{"name", "Account", "", false, true, false, 8},
                 {"a", "Alpha offering", "", false, false, false},
                 {"b", "Beta offering", "", false, false, false},
                 {"gaps", "Gaps", "", false, true, false, 8}};
    t.rows.push_back({Cell::of("Acme"), Cell::of("current"), Cell::none(),
                      Cell::of("Beta offering, Gamma offering")});
    t.rows.push_back({Cell::of("Bolt"), Cell::none(), Cell::of("proposed"), Cell::none()});
    t.notes = {"A note that is longer than thirty columns wide."};
    r.blocks.push_back(t);
    CHECK(render_report_table(r, ReportTableOptions{false, 34}) ==
          "Grid\n"
          "\n"
          "Offerings\n"
          "Acme\n"
          "  Alpha offering  current\n"
          "  Gaps            Beta offering,\n"
          "                  Gamma offering\n"
          "Bolt\n"
          "  Beta offering   proposed\n"
          "A note that is longer than thirty\n"
          "columns wide.\n");
    // Wide enough, the grid stays a grid.
    const std::string wide = render_report_table(r, ReportTableOptions{false, 100});
    CHECK(wide.find("Account  Alpha offering") != std::string::npos);
}

TEST_CASE("explanations: compiler-style notes, a markdown list, JSON sources, CSV rows") {
    Report r;
    r.kind = "sample";
    r.title = "Sample";
    r.explanations.push_back({"acme",
                              "annual_revenue",
                              "PER-ACCOUNT FIGURES",
                              Cell::of_money(Money{100'000'000}),
                              {{"accounts/acme/performance.yaml", 6, 14,
                                "performance.financials.1.revenue", "1000000.00 (2025)"},
                               {"kam.yaml", 0, 0, "policy.min_margin_pct", "10 (the default)"}},
                              {}});
    CHECK(render_report_table(r, {}) ==
          "Sample\n"
          "\n"
          "Sources (each figure's formula in kam-metrics(7), every input at file:line:column)\n"
          "acme annual_revenue = 1,000,000  [kam-metrics(7): PER-ACCOUNT FIGURES]\n"
          "  accounts/acme/performance.yaml:6:14: note: performance.financials.1.revenue = "
          "1000000.00 (2025)\n"
          "  kam.yaml: note: policy.min_margin_pct = 10 (the default)\n");
    const std::string md = render_report_markdown(r);
    CHECK(md.find("- **acme** `annual_revenue` = 1,000,000 — kam-metrics(7) *PER-ACCOUNT "
                  "FIGURES*\n  - `accounts/acme/performance.yaml:6:14` "
                  "`performance.financials.1.revenue` = 1000000.00 (2025)\n") != std::string::npos);
    const std::string json = render_report_json(r);
    CHECK(json.find("\"file\": \"accounts/acme/performance.yaml\",\n          \"line\": 6,\n"
                    "          \"column\": 14,") != std::string::npos);
    CHECK(json.find("\"line\": null") != std::string::npos);
    CHECK(render_report_csv(r) ==
          "account,figure,value,formula,file,line,column,path,input,from_account,from_figure\r\n"
          "acme,annual_revenue,1000000,PER-ACCOUNT FIGURES,accounts/acme/performance.yaml,6,14,"
          "performance.financials.1.revenue,1000000.00 (2025),,\r\n"
          "acme,annual_revenue,1000000,PER-ACCOUNT FIGURES,kam.yaml,,,policy.min_margin_pct,10 "
          "(the default),,\r\n");
}

TEST_CASE("explanations: a derived figure names the figures it comes from, in every format") {
    Report r;
    r.kind = "sample";
    r.title = "Sample";
    r.explanations.push_back({"beta",
                              "margin_rank",
                              "Profitability and lifetime value",
                              Cell::of_int(2),
                              {},
                              {{"beta", "annual_margin", "500"},
                               {"acme", "annual_margin", "900"},
                               {"acme", "margin_rank", "1"}}});
    r.explanations.push_back({"",
                              "strategic",
                              "The portfolio matrix",
                              Cell::of_int(1),
                              {},
                              {{"acme", "quadrant", "strategic"}}});
    CHECK(render_report_table(r, {}) ==
          "Sample\n"
          "\n"
          "Sources (each figure's formula in kam-metrics(7), every input at file:line:column)\n"
          "beta margin_rank = 2  [kam-metrics(7): Profitability and lifetime value]\n"
          "  from beta annual_margin = 500\n"
          "  from acme annual_margin = 900\n"
          "  from acme margin_rank = 1\n"
          "strategic = 1  [kam-metrics(7): The portfolio matrix]\n"
          "  from acme quadrant = strategic\n");
    CHECK(render_report_markdown(r).find("  - from acme margin\\_rank = 1\n") != std::string::npos);
    const std::string json = render_report_json(r);
    CHECK(json.find("\"from\": [\n        {\n          \"account\": \"beta\",\n          "
                    "\"figure\": \"annual_margin\",\n          \"value\": \"500\"") !=
          std::string::npos);
    CHECK(render_report_csv(r) ==
          "account,figure,value,formula,file,line,column,path,input,from_account,from_figure\r\n"
          "beta,margin_rank,2,Profitability and lifetime value,,,,,500,beta,annual_margin\r\n"
          "beta,margin_rank,2,Profitability and lifetime value,,,,,900,acme,annual_margin\r\n"
          "beta,margin_rank,2,Profitability and lifetime value,,,,,1,acme,margin_rank\r\n"
          ",strategic,1,The portfolio matrix,,,,,strategic,acme,quadrant\r\n");
}

TEST_CASE("terminal parts: a table too wide is printed in parts that fit, --wide keeps one") {
    Report r;
    r.kind = "sample";
    r.title = "Sample";
    Table t;
    t.key = "value";
    t.title = "Accounts";
    t.columns = {{"name", "Account", "", false, true, false, 8},
                 {"revenue", "Annual revenue", "", true, false, false},
                 {"margin", "Annual margin", "", true, false, false},
                 {"clv", "Lifetime value", "", true, false, false}};
    t.rows = {{Cell::of("Acme Manufacturing"), Cell::of_int(4245000), Cell::of_int(1358750),
               Cell::of_int(10106211)}};
    t.terminal_parts = {{"margin", {"name", "revenue", "margin"}}, {"lifetime", {"name", "clv"}}};
    t.notes = {"A note."};
    r.blocks.push_back(t);
    CHECK(render_report_table(r, ReportTableOptions{false, 50}) ==
          "Sample\n"
          "\n"
          "Accounts\n"
          "Part 1 of 2: margin\n"
          "Account             Annual revenue  Annual margin\n"
          "------------------  --------------  -------------\n"
          "Acme Manufacturing         4245000        1358750\n"
          "\n"
          "Part 2 of 2: lifetime\n"
          "Account             Lifetime value\n"
          "------------------  --------------\n"
          "Acme Manufacturing        10106211\n"
          "A note.\n");
    const std::string wide = render_report_table(r, ReportTableOptions{false, 1000});
    CHECK(wide.find("Part") == std::string::npos);
    CHECK(wide.find("Account             Annual revenue  Annual margin  Lifetime value\n") !=
          std::string::npos);
}
