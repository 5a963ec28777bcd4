#pragma once
// Inline SVG charts for the HTML report: pure functions of plain data, all
// text escaped. Geometry is in double (pixels); the figures come in exact,
// as the report layer's typed results (report/report_charts.hpp).
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "kam/report/report_charts.hpp"

namespace kam {

// XML/HTML text and attribute escaping (& < > " ').
std::string html_escape(std::string_view text);

// Bars by revenue, the cumulative share as a line and the key-account share as a dashed rule.
std::string svg_pareto(const std::vector<ParetoBar>& bars, double key_share);

// counts[likelihood - 1][impact - 1], coloured by the band of likelihood x impact.
std::string svg_heat_map(const HeatMapCounts& counts);

// One row per contract from the as-of day to `within` days ahead: the notice
// window as a band, the end as a dot.
std::string svg_timeline(const std::vector<TimelineItem>& items, int within);

// Horizontal bars per stage: the pipeline, and the weighted part over it.
std::string svg_stage_bars(const std::vector<StageBar>& stages);

// A small line of one figure over time: no axes, the points evenly spaced,
// a gap where a value is missing (never a zero), a dot on a point with no
// neighbour and on the latest value; every value, or why it is missing, in
// its <title> and aria-label.
std::string svg_sparkline(const Sparkline& line);

}  // namespace kam
