#pragma once
// Inline SVG charts for the HTML report: pure functions of plain data, all
// text escaped. Geometry is in double (pixels); the figures come in exact.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "kam/metrics/exact.hpp"

namespace kam {

// XML/HTML text and attribute escaping (& < > " ').
std::string html_escape(std::string_view text);

struct ParetoBar {
    std::string label;
    int64_t value = 0;  // whole units
    Fixed cumulative_pct;
    bool key = false;
};
// Bars by revenue, the cumulative share as a line and the key-account share as a dashed rule.
std::string svg_pareto(const std::vector<ParetoBar>& bars, double key_share);

// counts[likelihood - 1][impact - 1], coloured by the band of likelihood x impact.
std::string svg_heat_map(const std::array<std::array<int64_t, 5>, 5>& counts);

struct TimelineItem {
    std::string label;
    int64_t days_to_end = 0;
    std::optional<int64_t> days_to_notice;  // negative: passed
};
// One row per contract from the as-of day to `within` days ahead: the notice
// window as a band, the end as a dot.
std::string svg_timeline(const std::vector<TimelineItem>& items, int within);

struct StageBar {
    std::string stage;
    int64_t value = 0, weighted = 0;  // whole units
};
// Horizontal bars per stage: the pipeline, and the weighted part over it.
std::string svg_stage_bars(const std::vector<StageBar>& stages);

}  // namespace kam
