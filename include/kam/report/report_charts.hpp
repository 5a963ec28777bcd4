#pragma once
// What the HTML report's charts draw: plain typed results that the report
// layer builds from the model and the figures (report_page.hpp) and that
// render/report_svg draws. Money is in whole units of the base currency.
#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "kam/metrics/exact.hpp"

namespace kam {

// One account of the key-account ranking.
struct ParetoBar {
    std::string label;
    int64_t value = 0;  // whole units
    Fixed cumulative_pct;
    bool key = false;
};

// Live risks counted by likelihood and impact: counts[likelihood - 1][impact - 1].
using HeatMapCounts = std::array<std::array<int64_t, 5>, 5>;

// One contract due for renewal.
struct TimelineItem {
    std::string label;
    int64_t days_to_end = 0;
    std::optional<int64_t> days_to_notice;  // negative: passed
};

// One stage of the pipeline.
struct StageBar {
    std::string stage;
    int64_t value = 0, weighted = 0;  // whole units
};

// One account on the portfolio matrix (render/report_svg_matrix draws them).
struct MatrixBubble {
    std::string label, tier;
    int64_t attractiveness = 0, strength = 0;
    int64_t revenue = 0;  // whole units; 0 or less: the smallest bubble
    std::string quadrant;
};

}  // namespace kam
