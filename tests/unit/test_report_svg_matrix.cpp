// The portfolio matrix bubble chart: one bubble per placed account, the
// quadrant names and lines, labels escaped, area by revenue.
#include <doctest/doctest.h>

#include <string>

#include "kam/render/report_svg_matrix.hpp"

using namespace kam;

namespace {

size_t count(const std::string& s, std::string_view what) {
    size_t n = 0;
    for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("svg_matrix: bubbles, quadrants, legend, escaping") {
    const std::string svg = svg_matrix({{"A & B", "key", 85, 88, 2'000'000, "strategic"},
                                        {"<Small>", "growth", 10, 13, 0, "streamline"}});
    CHECK(svg.starts_with("<svg "));
    CHECK(svg.ends_with("</svg>"));
    // Two bubbles with a tooltip each, and five legend dots.
    CHECK(count(svg, "<title>") == 2);
    CHECK(count(svg, "<circle ") == 7);
    for (std::string_view q : {"strategic", "develop", "status", "streamline"})
        CHECK(svg.find(">" + std::string(q) + "</text>") != std::string::npos);
    CHECK(svg.find("A &amp; B") != std::string::npos);
    CHECK(svg.find("&lt;Small&gt;") != std::string::npos);
    CHECK(svg.find("<Small>") == std::string::npos);
    // The largest bubble has the full radius; no revenue the smallest.
    CHECK(svg.find("r=\"34.0\"") != std::string::npos);
    CHECK(svg.find("r=\"4.0\"") != std::string::npos);
    CHECK(svg_matrix({}).find("no account placed") != std::string::npos);
}
