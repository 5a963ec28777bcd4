#include "kam/render/report_html.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <tuple>

#include "kam/metrics/health.hpp"
#include "kam/render/report_svg.hpp"
#include "kam/render/report_svg_matrix.hpp"

namespace kam {

namespace {

constexpr std::string_view k_css = R"css(
body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: #222; margin: 2em auto; max-width: 1100px; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: .2em; } h2 { font-size: 1.3em; margin-top: 1.6em; border-bottom: 1px solid #ccc; }
h3 { font-size: 1.05em; margin: 1.2em 0 .4em; }
ul.meta { list-style: none; padding: 0; color: #555; } ul.meta li { display: inline; margin-right: 1.5em; }
table { border-collapse: collapse; margin: .3em 0 .8em; font-size: 12.5px; }
th, td { border: 1px solid #ddd; padding: 3px 6px; vertical-align: top; text-align: left; }
th { background: #f3f3f3; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.good { color: #1e7b34; } td.warn { color: #a35b00; } td.bad { color: #b3261e; font-weight: 600; }
.why { color: #777; font-size: .9em; } p.note, p.empty { color: #555; font-size: .9em; }
details.sources { font-size: .9em; margin: .4em 0 1em; } details.sources ul { margin: .2em 0; padding-left: 1.4em; }
details.sources code { font-size: .95em; }
.charts { display: flex; flex-wrap: wrap; gap: 1em 2em; } figure { margin: 0; break-inside: avoid; }
figcaption { font-weight: 600; margin-bottom: .3em; }
svg .axis { stroke: #888; } svg .grid { stroke: #eee; } svg .tick { font-size: 11px; fill: #444; }
svg .bar { fill: #b8c7dc; } svg .bar.key { fill: #2f5d8a; } svg .threshold { stroke: #c0392b; stroke-dasharray: 4 3; }
svg .cumulative { fill: none; stroke: #e67e22; stroke-width: 2; } svg .count { font-size: 14px; font-weight: 600; fill: #111; }
svg .end { fill: #2f5d8a; } svg .notice { fill: #f5cba7; } svg .notice.passed { fill: #e6b0aa; }
svg.spark { vertical-align: middle; } svg .spark-line { fill: none; stroke: #2f5d8a; stroke-width: 1.5; }
svg .spark-dot, svg .spark-last { fill: #2f5d8a; } td.spark { white-space: nowrap; }
@media print { body { margin: 0; max-width: none; font-size: 11px; } section.account { break-before: page; }
  table, figure { break-inside: avoid; } h2, h3 { break-after: avoid; } }
)css";

// ` class="num bad"`, or nothing.
std::string class_attr(bool numeric, Tone t) {
    std::string c = numeric ? "num" : "";
    const char* tone = t == Tone::good   ? "good"
                       : t == Tone::warn ? "warn"
                       : t == Tone::bad  ? "bad"
                                         : "";
    if (*tone) c += c.empty() ? tone : std::string(" ") + tone;
    return c.empty() ? "" : " class=\"" + c + "\"";
}

std::string title_text(const std::string& title) {
    std::string out = title;
    for (char& ch : out)
        if (ch == '\n') ch = ' ';
    return html_escape(out);
}

// What table_html calls after each row: the page written in pieces hands
// what it has gathered on, so a table of 50,000 rows is never one string.
using RowDone = std::function<void()>;

void table_html(const Table& t, std::string& out, const RowDone& row_done = {}) {
    if (t.row_count() == 0) {
        out += "<p class=\"empty\">" + html_escape(t.empty_text) + "</p>\n";
    } else {
        out += "<table>\n<thead><tr>";
        for (const Column& c : t.columns)
            if (!c.machine_only)
                out += fmt::format("<th{}>{}</th>", c.numeric ? " class=\"num\"" : "",
                                   title_text(c.title));
        out += "</tr></thead>\n<tbody>\n";
        std::vector<Cell> scratch;
        for (size_t r = 0; r < t.row_count(); ++r) {
            const std::vector<Cell>& row = t.row(r, scratch);
            out += "<tr>";
            for (size_t i = 0; i < t.columns.size(); ++i) {
                if (t.columns[i].machine_only) continue;
                const Cell& c = row[i];
                if (t.heading(r)) {
                    out += "<th>" + html_escape(human_text(c)) + "</th>";
                    continue;
                }
                // An empty figure keeps its reason as a tooltip.
                const std::string title =
                    c.reason.empty() ? "" : fmt::format(" title=\"{}\"", html_escape(c.reason));
                out += fmt::format("<td{}{}>{}</td>", class_attr(t.columns[i].numeric, c.tone),
                                   title, html_escape(human_text(c)));
            }
            out += "</tr>\n";
            if (row_done) row_done();
        }
        out += "</tbody>\n</table>\n";
    }
    for (const std::string& n : t.notes) out += "<p class=\"note\">" + html_escape(n) + "</p>\n";
}

void figures_html(const FigureList& f, std::string& out) {
    out += "<table class=\"figures\">\n";
    for (const Item& i : f.items) {
        std::string value = html_escape(human_text(i.value));
        if (i.value.kind == Cell::Kind::empty && !i.value.reason.empty())
            value += " <span class=\"why\">(" + html_escape(i.value.reason) + ")</span>";
        out += fmt::format("<tr><th>{}</th><td{}>{}</td></tr>\n", html_escape(i.label),
                           class_attr(i.value.numeric(), i.value.tone), value);
    }
    out += "</table>\n";
}

// A section the page builds when it is reached; empty when the page has none.
template <typename T>
T built(const std::function<T()>& section) {
    return section ? section() : T{};
}

std::string charts(const PortfolioPage& p) {
    std::string out = "<div class=\"charts\">\n";
    auto figure = [&](std::string_view caption, const std::string& svg) {
        out += fmt::format("<figure><figcaption>{}</figcaption>\n{}\n</figure>\n",
                           html_escape(caption), svg);
    };
    figure("Revenue by account (Pareto; dark: key accounts)", svg_pareto(p.pareto, p.key_share));
    figure("Live risks: likelihood x impact", svg_heat_map(p.heat_map));
    figure(fmt::format("Renewals and notice deadlines in the next {} days (band: notice "
                       "window; arrow: ends later)",
                       p.renewal_within),
           svg_timeline(p.renewals, p.renewal_within));
    figure("Pipeline by stage (dark: weighted)", svg_stage_bars(p.stages));
    figure("Portfolio matrix: attractiveness by strength (area: revenue; colour: tier)",
           svg_matrix(p.bubbles));
    return out + "</div>\n";
}

// The Trends section: a row per account, a sparkline and the latest value
// per figure; or the note saying why there are none.
std::string trends_html(const PortfolioPage& p) {
    std::string out = "<section>\n<h2>Trends</h2>\n";
    if (!p.trends_note.empty()) out += "<p class=\"note\">" + html_escape(p.trends_note) + "</p>\n";
    if (p.trends.empty()) return out + "</section>\n";
    out += "<table class=\"trends\">\n<thead><tr><th>Account</th>";
    for (const Sparkline& l : p.trends.front().lines)
        out += "<th>" + html_escape(l.figure) + "</th>";
    out += "</tr></thead>\n<tbody>\n";
    for (const AccountTrend& t : p.trends) {
        out += "<tr><th>" + html_escape(t.account) + "</th>";
        for (const Sparkline& l : t.lines) {
            const std::string latest =
                !l.points.empty() && l.points.back().value ? l.points.back().text : "-";
            out += fmt::format("<td class=\"spark\">{} {}</td>", svg_sparkline(l),
                               html_escape(latest));
        }
        out += "</tr>\n";
    }
    return out + "</tbody>\n</table>\n</section>\n";
}

void blocks_html(const Report& r, int level, std::string& out, const RowDone& row_done = {}) {
    for (const Block& b : r.blocks)
        if (for_humans(b))
            std::visit(
                [&](const auto& block) {
                    if (!block.title.empty())
                        out += fmt::format("<h{0}>{1}</h{0}>\n", level, html_escape(block.title));
                    if constexpr (std::is_same_v<std::decay_t<decltype(block)>, Table>)
                        table_html(block, out, row_done);
                    else
                        figures_html(block, out);
                },
                b);
}

// The formula sections a report's explanations name, in order, without repeats.
std::vector<std::string> formulas_of(const Report& r) {
    std::vector<std::string> out;
    for (const Explanation& e : r.explanations)
        if (std::find(out.begin(), out.end(), e.formula) == out.end()) out.push_back(e.formula);
    return out;
}

// Under --explain: every figure of the section with its formula's section of
// kam-metrics(7), each input at file:line:column and the figures it is
// derived from, in a <details> block (one list item a figure, each
// carrying its account and figure as data attributes); without, a note
// naming the sections of kam-metrics(7) that define the section's figures.
void explanations_html(const Report& r, std::string_view formulas, std::string& out,
                       const RowDone& row_done) {
    if (r.explanations.empty()) {
        out += fmt::format(
            "<p class=\"note\">Every figure here is defined in kam-metrics(7), {}; kam report "
            "--explain lists each figure's inputs at file:line:column.</p>\n",
            html_escape(formulas));
        return;
    }
    std::string sections;
    for (const std::string& f : formulas_of(r)) sections += (sections.empty() ? "" : ", ") + f;
    out += fmt::format(
        "<details class=\"sources\">\n<summary>Sources: {} figures, each with its formula in "
        "kam-metrics(7) ({}) and every input at file:line:column</summary>\n<ul>\n",
        r.explanations.size(), html_escape(sections));
    for (const Explanation& e : r.explanations) {
        std::string value = html_escape(human_text(e.value));
        if (e.value.kind == Cell::Kind::empty && !e.value.reason.empty())
            value += " <span class=\"why\">(" + html_escape(e.value.reason) + ")</span>";
        out += fmt::format(
            "<li data-account=\"{0}\" data-figure=\"{1}\">{2}<b>{1}</b> = {3} <span "
            "class=\"formula\">kam-metrics(7): <i>{4}</i></span>",
            html_escape(e.account), html_escape(e.figure),
            e.account.empty() ? "" : "<code>" + html_escape(e.account) + "</code> ", value,
            html_escape(e.formula));
        if (!e.sources.empty() || !e.from.empty()) {
            out += "\n<ul>\n";
            for (const SourceNote& s : e.sources)
                out += fmt::format(
                    "<li class=\"input\"><code class=\"at\">{}</code> <code>{}</code> = {}</li>\n",
                    html_escape(source_location(s)), html_escape(s.path), html_escape(s.value));
            for (const DerivedNote& d : e.from)
                // The account and figure as attributes too: a figure's name
                // may hold spaces, so the text alone does not split them.
                out += fmt::format(
                    "<li class=\"from\" data-account=\"{}\" data-figure=\"{}\">from "
                    "<code>{}</code> = {}</li>\n",
                    html_escape(d.account), html_escape(d.figure), html_escape(derived_name(d)),
                    html_escape(d.value));
            out += "</ul>\n";
        }
        out += "</li>\n";
        if (row_done) row_done();
    }
    out += "</ul>\n</details>\n";
}

}  // namespace

std::string render_report_html_blocks(const Report& r, int level) {
    std::string out;
    blocks_html(r, level, out);
    return out;
}

void write_html_page(const PortfolioPage& p, const TextSink& sink) {
    std::string out;
    // Hands what is gathered to the sink once it is a chunk (or at the end).
    auto flush = [&](bool always) {
        if (out.empty() || (!always && out.size() < k_text_chunk_bytes)) return;
        sink(out);
        out.clear();
    };
    const RowDone row_done = [&] { flush(false); };
    const std::string title = html_escape("Portfolio report: " + p.portfolio);
    out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += fmt::format("<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n", title, k_css);
    out += fmt::format("<h1>{}</h1>\n<ul class=\"meta\">\n", title);
    for (const Item& m : p.meta)
        out += fmt::format("<li><b>{}:</b> {}</li>\n", html_escape(m.label),
                           html_escape(human_text(m.value)));
    out += "</ul>\n";

    out += "<section>\n<h2>Totals and KPIs</h2>\n";
    figures_html(p.totals, out);
    out += "</section>\n";
    out += "<section>\n<h2>Charts</h2>\n" + charts(p) + "</section>\n";
    flush(false);
    out += "<section>\n<h2>Health</h2>\n";
    table_html(built(p.health), out, row_done);
    out += fmt::format(
        "<p class=\"note\">Health is the weighted mean of its parts, a missing part "
        "counting 0; it is unknown when less than {}% of its weight rests on data "
        "(kam-metrics(7)).</p>\n</section>\n",
        k_health_min_data_pct);
    flush(false);
    out += "<section>\n<h2>Accounts</h2>\n";
    table_html(built(p.accounts), out, row_done);
    out += "</section>\n";
    if (!p.trends_note.empty() || !p.trends.empty()) out += trends_html(p);
    flush(false);
    out += "<section>\n<h2>Alerts</h2>\n";
    table_html(built(p.alerts), out, row_done);
    out += "</section>\n";
    flush(false);
    // The judgement sections, each with its figures' formulas and (--explain) inputs.
    const std::tuple<const char*, const char*, const std::function<Report()>*, const char*>
        judgement[] = {{"matrix", "Portfolio matrix", &p.matrix, "section The portfolio matrix"},
                       {"value", "Profitability and lifetime value", &p.value,
                        "sections Profitability and lifetime value, and Relationship fit"},
                       {"whitespace", "Whitespace", &p.whitespace, "section Whitespace"}};
    for (const auto& [id, heading, section, formulas] : judgement) {
        out += fmt::format("<section id=\"{}\">\n<h2>{}</h2>\n", id, heading);
        const Report r = built(*section);
        blocks_html(r, 3, out, row_done);
        explanations_html(r, formulas, out, row_done);
        out += "</section>\n";
        flush(false);
    }
    for (size_t k = 0; k < p.account_page_count; ++k) {
        const Report a = p.account_page(k);
        out += fmt::format("<section class=\"account\">\n<h2>{}</h2>\n", html_escape(a.title));
        blocks_html(a, 3, out, row_done);
        if (!a.explanations.empty()) explanations_html(a, "", out, row_done);
        out += "</section>\n";
        flush(false);
    }
    out += "</body>\n</html>\n";
    flush(true);
}

std::string render_html_page(const PortfolioPage& p) {
    std::string out;
    write_html_page(p, [&](std::string_view piece) { out += piece; });
    return out;
}

}  // namespace kam
