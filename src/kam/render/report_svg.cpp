#include "kam/render/report_svg.hpp"

#include "kam/util/markup.hpp"

#include <fmt/format.h>
#include <algorithm>

#include "kam/metrics/account_metrics.hpp"
#include "kam/report/report_model.hpp"

namespace kam {

std::string html_escape(std::string_view text) {
    return escape_markup(text);
}

namespace {

// The colour of a risk score's band (risk_band, the format's bands).
const char* band_colour(int64_t score) {
    const std::string_view band = risk_band(static_cast<int>(score));
    if (band == "critical") return "#c0392b";
    if (band == "high") return "#e67e22";
    if (band == "medium") return "#f1c40f";
    return "#7dbb6a";
}

std::string money(int64_t v) {
    return human_text(Cell::of_money(Money{v * 100}));
}

std::string short_label(const std::string& s, size_t n) {
    std::string out;
    size_t count = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && ++count > n)
            return html_escape(out) + "\u2026";
        out += s[i];
    }
    return html_escape(out);
}

std::string open_svg(double w, double h, std::string_view label) {
    return fmt::format(
        R"svg(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {:.0f} {:.0f}" width="{:.0f}" height="{:.0f}" role="img" aria-label="{}">)svg",
        w, h, w, h, html_escape(label));
}

}  // namespace

std::string svg_pareto(const std::vector<ParetoBar>& bars, double key_share) {
    const double w = 680, h = 300, left = 80, right = 44, top = 16, bottom = 90;
    const double plot_w = w - left - right, plot_h = h - top - bottom;
    std::string s = open_svg(w, h, "Revenue by account, largest first, with the cumulative share");
    if (bars.empty())
        return s + R"svg(<text x="20" y="40">no account with revenue</text></svg>)svg";
    int64_t max = 1;
    for (const ParetoBar& b : bars) max = std::max(max, b.value);
    const double slot = plot_w / static_cast<double>(bars.size());
    s += fmt::format(
        R"svg(<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" class="axis"/><line x1="{0}" y1="{2}" x2="{3}" y2="{2}" class="axis"/>)svg",
        left, top, top + plot_h, left + plot_w);
    s += fmt::format(R"svg(<text x="{}" y="{}" class="tick" text-anchor="end">{}</text>)svg",
                     left - 4, top + 8, money(max));
    s += fmt::format(R"svg(<text x="{}" y="{}" class="tick" text-anchor="end">0</text>)svg",
                     left - 4, top + plot_h);
    std::string line;
    for (size_t i = 0; i < bars.size(); ++i) {
        const ParetoBar& b = bars[i];
        const double bh =
            b.value > 0 ? plot_h * static_cast<double>(b.value) / static_cast<double>(max) : 0;
        const double x = left + slot * static_cast<double>(i);
        s += fmt::format(
            R"svg(<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" class="{}"><title>{}: {} ({}% cumulative)</title></rect>)svg",
            x + slot * 0.15, top + plot_h - bh, slot * 0.7, bh, b.key ? "bar key" : "bar",
            html_escape(b.label), money(b.value), b.cumulative_pct.to_string());
        s += fmt::format(
            R"svg(<text x="{:.1f}" y="{:.1f}" class="tick" text-anchor="end" transform="rotate(-35 {:.1f} {:.1f})">{}</text>)svg",
            x + slot * 0.5, top + plot_h + 14, x + slot * 0.5, top + plot_h + 14,
            short_label(b.label, 16));
        line += fmt::format("{}{:.1f},{:.1f}", i ? " " : "", x + slot * 0.5,
                            top + plot_h * (1 - b.cumulative_pct.to_double() / 100));
    }
    // The cumulative line's own scale, on the right.
    s += fmt::format(
        R"svg(<text x="{}" y="{}" class="tick">100%</text><text x="{}" y="{}" class="tick">0%</text>)svg",
        left + plot_w + 4, top + 8, left + plot_w + 4, top + plot_h);
    const double ty = top + plot_h * (1 - key_share / 100);
    s += fmt::format(R"svg(<line x1="{}" y1="{:.1f}" x2="{}" y2="{:.1f}" class="threshold"/>)svg",
                     left, ty, left + plot_w, ty);
    s += fmt::format(R"svg(<text x="{}" y="{:.1f}" class="tick">{}%</text>)svg", left + plot_w + 4,
                     ty + 4, html_escape(fmt::format("{}", key_share)));
    s += fmt::format(R"svg(<polyline points="{}" class="cumulative"/>)svg", line);
    return s + "</svg>";
}

std::string svg_heat_map(const HeatMapCounts& counts) {
    const double cell = 52, left = 70, top = 10;
    std::string s =
        open_svg(left + cell * 5 + 20, top + cell * 5 + 50, "Risk heat map: likelihood by impact");
    for (int l = 5; l >= 1; --l) {
        const double y = top + cell * (5 - l);
        s +=
            fmt::format(R"svg(<text x="{}" y="{:.1f}" class="tick" text-anchor="end">{}</text>)svg",
                        left - 8, y + cell / 2 + 4, l);
        for (int i = 1; i <= 5; ++i) {
            const double x = left + cell * (i - 1);
            const int64_t n = counts[static_cast<size_t>(l - 1)][static_cast<size_t>(i - 1)];
            s += fmt::format(
                R"svg(<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="{}" fill-opacity="{}" class="cell"><title>likelihood {} x impact {} = {}: {} risk{}</title></rect>)svg",
                x, y, cell - 2, cell - 2, band_colour(l * i), n > 0 ? "0.95" : "0.25", l, i, l * i,
                n, n == 1 ? "" : "s");
            if (n > 0)
                s += fmt::format(
                    R"svg(<text x="{:.1f}" y="{:.1f}" class="count" text-anchor="middle">{}</text>)svg",
                    x + cell / 2 - 1, y + cell / 2 + 5, n);
        }
    }
    for (int i = 1; i <= 5; ++i)
        s += fmt::format(
            R"svg(<text x="{:.1f}" y="{:.1f}" class="tick" text-anchor="middle">{}</text>)svg",
            left + cell * (i - 1) + cell / 2 - 1, top + cell * 5 + 14, i);
    s += fmt::format(
        R"svg(<text x="{:.1f}" y="{:.1f}" class="tick" text-anchor="middle">impact</text>)svg",
        left + cell * 2.5, top + cell * 5 + 34);
    s += fmt::format(
        R"svg(<text x="14" y="{:.1f}" class="tick" transform="rotate(-90 14 {:.1f})" text-anchor="middle">likelihood</text>)svg",
        top + cell * 2.5, top + cell * 2.5);
    return s + "</svg>";
}

std::string svg_timeline(const std::vector<TimelineItem>& items, int within) {
    const double w = 680, left = 230, right = 30, row = 22, top = 24;
    const double h = top + row * static_cast<double>(std::max<size_t>(items.size(), 1)) + 16;
    const double plot_w = w - left - right;
    auto x_of = [&](int64_t days) {
        const int64_t d = std::clamp<int64_t>(days, 0, within);
        return left + plot_w * static_cast<double>(d) / static_cast<double>(within);
    };
    std::string s = open_svg(w, h, "Renewal timeline: contract ends and notice windows");
    s += fmt::format(
        R"svg(<text x="{}" y="14" class="tick">today</text><text x="{}" y="14" class="tick" text-anchor="end">+{} days</text>)svg",
        left, left + plot_w, within);
    if (items.empty())
        return s +
               fmt::format(
                   R"svg(<text x="{}" y="{}">no contract ends or is due for notice in this window</text></svg>)svg",
                   left, top + 14);
    for (size_t i = 0; i < items.size(); ++i) {
        const TimelineItem& t = items[i];
        const double y = top + row * static_cast<double>(i) + row / 2;
        s +=
            fmt::format(R"svg(<text x="{}" y="{:.1f}" class="tick" text-anchor="end">{}</text>)svg",
                        left - 8, y + 4, short_label(t.label, 30));
        s += fmt::format(R"svg(<line x1="{}" y1="{:.1f}" x2="{}" y2="{:.1f}" class="grid"/>)svg",
                         left, y, left + plot_w, y);
        if (t.days_to_notice) {
            const double x1 = x_of(*t.days_to_notice), x2 = x_of(t.days_to_end);
            s += fmt::format(
                R"svg(<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="8" class="{}"><title>notice deadline in {} days</title></rect>)svg",
                x1, y - 4, std::max(1.0, x2 - x1),
                *t.days_to_notice < 0 ? "notice passed" : "notice", *t.days_to_notice);
        }
        if (t.days_to_end > within) {
            // Listed for its notice deadline; it ends past the chart's edge: an arrow there.
            const double x = left + plot_w;
            s += fmt::format(
                R"svg(<polygon points="{:.1f},{:.1f} {:.1f},{:.1f} {:.1f},{:.1f}" class="end"><title>ends in {} days</title></polygon>)svg",
                x, y - 5, x + 8, y, x, y + 5, t.days_to_end);
            continue;
        }
        s += fmt::format(
            R"svg(<circle cx="{:.1f}" cy="{:.1f}" r="5" class="end"><title>ends in {} days</title></circle>)svg",
            x_of(t.days_to_end), y, t.days_to_end);
    }
    return s + "</svg>";
}

std::string svg_stage_bars(const std::vector<StageBar>& stages) {
    const double w = 680, left = 110, right = 150, row = 30, top = 10;
    const double h = top + row * static_cast<double>(stages.size()) + 10, plot_w = w - left - right;
    int64_t max = 1;
    for (const StageBar& b : stages) max = std::max(max, b.value);
    std::string s = open_svg(w, h, "Pipeline by stage: value and weighted value");
    for (size_t i = 0; i < stages.size(); ++i) {
        const StageBar& b = stages[i];
        const double y = top + row * static_cast<double>(i);
        const double vw =
            plot_w * static_cast<double>(std::max<int64_t>(b.value, 0)) / static_cast<double>(max);
        const double ww = plot_w * static_cast<double>(std::max<int64_t>(b.weighted, 0)) /
                          static_cast<double>(max);
        s +=
            fmt::format(R"svg(<text x="{}" y="{:.1f}" class="tick" text-anchor="end">{}</text>)svg",
                        left - 8, y + 17, html_escape(b.stage));
        s += fmt::format(
            R"svg(<rect x="{}" y="{:.1f}" width="{:.1f}" height="20" class="bar"><title>{}: {}</title></rect>)svg",
            left, y + 3, vw, html_escape(b.stage), money(b.value));
        s += fmt::format(
            R"svg(<rect x="{}" y="{:.1f}" width="{:.1f}" height="20" class="bar key"><title>{} weighted: {}</title></rect>)svg",
            left, y + 3, ww, html_escape(b.stage), money(b.weighted));
        s += fmt::format(R"svg(<text x="{:.1f}" y="{:.1f}" class="tick">{} / {}</text>)svg",
                         left + vw + 6, y + 17, money(b.value), money(b.weighted));
    }
    return s + "</svg>";
}

std::string svg_sparkline(const Sparkline& line) {
    const double w = 120, h = 28, pad = 3;
    std::string label = line.figure + ", by month end:";
    for (size_t i = 0; i < line.points.size(); ++i)
        label += fmt::format(
            "{} {} {}", i ? ";" : "", line.points[i].period,
            line.points[i].value ? line.points[i].text : "no value (" + line.points[i].text + ")");
    std::string s = fmt::format(
        R"svg(<svg xmlns="http://www.w3.org/2000/svg" class="spark" viewBox="0 0 {:.0f} {:.0f}" width="{:.0f}" height="{:.0f}" role="img" aria-label="{}"><title>{}</title>)svg",
        w, h, w, h, html_escape(label), html_escape(label));
    std::optional<double> lo, hi;
    size_t last = line.points.size();
    for (size_t i = 0; i < line.points.size(); ++i)
        if (const auto& v = line.points[i].value) {
            lo = lo ? std::min(*lo, *v) : *v;
            hi = hi ? std::max(*hi, *v) : *v;
            last = i;
        }
    if (!lo) return s + "</svg>";
    const size_t n = line.points.size();
    auto x = [&](size_t i) {
        return n < 2 ? w / 2
                     : pad + (w - 2 * pad) * static_cast<double>(i) / static_cast<double>(n - 1);
    };
    auto y = [&](double v) {
        return *hi == *lo ? h / 2 : h - pad - (h - 2 * pad) * (v - *lo) / (*hi - *lo);
    };
    // Runs of known values: a line each; a run of one is a dot.
    for (size_t i = 0; i < n;) {
        if (!line.points[i].value) {
            ++i;
            continue;
        }
        size_t j = i;
        std::string pts;
        for (; j < n && line.points[j].value; ++j)
            pts +=
                fmt::format("{}{:.1f},{:.1f}", j == i ? "" : " ", x(j), y(*line.points[j].value));
        if (j - i == 1)
            s += fmt::format(R"svg(<circle class="spark-dot" cx="{:.1f}" cy="{:.1f}" r="1.5"/>)svg",
                             x(i), y(*line.points[i].value));
        else
            s += fmt::format(R"svg(<polyline class="spark-line" points="{}"/>)svg", pts);
        i = j;
    }
    s += fmt::format(R"svg(<circle class="spark-last" cx="{:.1f}" cy="{:.1f}" r="2"/>)svg", x(last),
                     y(*line.points[last].value));
    return s + "</svg>";
}

}  // namespace kam
