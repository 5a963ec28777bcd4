#include "kam/render/report_svg_matrix.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cmath>

#include "kam/metrics/matrix.hpp"
#include "kam/render/report_svg.hpp"

namespace kam {

namespace {

struct TierColour {
    std::string_view tier, colour;
};
constexpr TierColour k_tier_colours[] = {{"key", "#1f4e79"},
                                         {"strategic", "#2e86c1"},
                                         {"growth", "#27ae60"},
                                         {"maintain", "#f39c12"},
                                         {"transactional", "#95a5a6"}};

// At most n bytes, cut at a character boundary.
std::string head(const std::string& text, size_t n) {
    if (text.size() <= n) return text;
    while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
    return text.substr(0, n) + "\u2026";
}

std::string_view colour_of(std::string_view tier) {
    for (const TierColour& t : k_tier_colours)
        if (t.tier == tier) return t.colour;
    return "#7f8c8d";
}

}  // namespace

std::string svg_matrix(const std::vector<MatrixBubble>& bubbles) {
    const double w = 680, h = 460, left = 56, right = 130, top = 16, bottom = 48;
    const double pw = w - left - right, ph = h - top - bottom;
    const double rmax = 34, rmin = 4;
    std::string s = fmt::format(
        R"svg(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {0:.0f} {1:.0f}" width="{0:.0f}" height="{1:.0f}" role="img" aria-label="Portfolio matrix: attractiveness by strength, bubble area by revenue">)svg",
        w, h);
    auto x_of = [&](double v) { return left + pw * v / 100.0; };
    auto y_of = [&](double v) { return top + ph * (1.0 - v / 100.0); };
    const double mid = static_cast<double>(k_matrix_high);
    s += fmt::format(
        R"svg(<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="none" class="axis"/>)svg",
        left, top, pw, ph);
    s += fmt::format(
        R"svg(<line x1="{0:.1f}" y1="{1:.1f}" x2="{0:.1f}" y2="{2:.1f}" class="axis" stroke-dasharray="4 3"/><line x1="{3:.1f}" y1="{4:.1f}" x2="{5:.1f}" y2="{4:.1f}" class="axis" stroke-dasharray="4 3"/>)svg",
        x_of(mid), top, top + ph, left, y_of(mid), left + pw);
    // The quadrants: attractiveness high at the top, strength high on the right.
    struct Corner {
        std::string_view name;
        double x, y;
        const char* anchor;
    };
    const Corner corners[] = {{k_quadrants[0].name, x_of(100) - 6, y_of(100) + 16, "end"},
                              {k_quadrants[1].name, x_of(0) + 6, y_of(100) + 16, "start"},
                              {k_quadrants[2].name, x_of(100) - 6, y_of(0) - 8, "end"},
                              {k_quadrants[3].name, x_of(0) + 6, y_of(0) - 8, "start"}};
    for (const Corner& c : corners)
        s += fmt::format(
            R"svg(<text x="{:.1f}" y="{:.1f}" class="tick" text-anchor="{}" font-weight="bold">{}</text>)svg",
            c.x, c.y, c.anchor, html_escape(c.name));
    for (int v = 0; v <= 100; v += 50) {
        s += fmt::format(
            R"svg(<text x="{:.1f}" y="{:.1f}" class="tick" text-anchor="middle">{}</text>)svg",
            x_of(v), top + ph + 16, v);
        s += fmt::format(
            R"svg(<text x="{:.1f}" y="{:.1f}" class="tick" text-anchor="end">{}</text>)svg",
            left - 6, y_of(v) + 4, v);
    }
    s += fmt::format(
        R"svg(<text x="{:.1f}" y="{:.1f}" class="tick" text-anchor="middle">strength</text>)svg",
        left + pw / 2, h - 10);
    s += fmt::format(
        R"svg(<text x="14" y="{:.1f}" class="tick" text-anchor="middle" transform="rotate(-90 14 {:.1f})">attractiveness</text>)svg",
        top + ph / 2, top + ph / 2);
    if (bubbles.empty())
        return s +
               fmt::format(R"svg(<text x="{:.1f}" y="{:.1f}">no account placed</text></svg>)svg",
                           left + 20, top + 40);

    int64_t max = 1;
    for (const MatrixBubble& b : bubbles) max = std::max(max, b.revenue);
    // Largest first, so that small bubbles stay on top and clickable for their tooltip.
    std::vector<const MatrixBubble*> order;
    for (const MatrixBubble& b : bubbles) order.push_back(&b);
    std::stable_sort(order.begin(), order.end(), [](const MatrixBubble* a, const MatrixBubble* b) {
        return a->revenue > b->revenue;
    });
    for (const MatrixBubble* b : order) {
        const double area =
            b->revenue > 0 ? static_cast<double>(b->revenue) / static_cast<double>(max) : 0;
        const double r = std::max(rmin, rmax * std::sqrt(area));
        const double cx = x_of(static_cast<double>(b->strength)),
                     cy = y_of(static_cast<double>(b->attractiveness));
        s += fmt::format(
            R"svg(<circle cx="{:.1f}" cy="{:.1f}" r="{:.1f}" fill="{}" fill-opacity="0.7" stroke="#fff"><title>{}</title></circle>)svg",
            cx, cy, r, colour_of(b->tier),
            html_escape(fmt::format("{}: attractiveness {}, strength {}, {}, tier {}", b->label,
                                    b->attractiveness, b->strength, b->quadrant, b->tier)));
        // Labels of bubbles on the right go to their left, clear of the legend.
        const bool right_side = cx > left + pw * 0.7;
        s += fmt::format(
            R"svg(<text x="{:.1f}" y="{:.1f}" class="tick" text-anchor="{}">{}</text>)svg",
            right_side ? cx - r - 2 : cx + r + 2, cy + 4, right_side ? "end" : "start",
            html_escape(head(b->label, 18)));
    }
    double ly = top + 8;
    for (const TierColour& t : k_tier_colours) {
        s += fmt::format(
            R"svg(<circle cx="{:.1f}" cy="{:.1f}" r="6" fill="{}" fill-opacity="0.7"/><text x="{:.1f}" y="{:.1f}" class="tick">{}</text>)svg",
            w - right + 20, ly, t.colour, w - right + 32, ly + 4, t.tier);
        ly += 18;
    }
    s += fmt::format(R"svg(<text x="{:.1f}" y="{:.1f}" class="tick">area: revenue</text>)svg",
                     w - right + 14, ly + 8);
    return s + "</svg>";
}

}  // namespace kam
