#pragma once
// What the HTML report's charts draw: plain typed results that the report
// layer builds from the model and the figures (report_page.hpp) and that
// render/report_svg draws. Money is in whole units of the base currency.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

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

// One figure of one account along its history, drawn as a sparkline.
struct SparkPoint {
    std::string period;           // "2026-11"
    std::optional<double> value;  // none: a gap, never a zero
    std::string text;             // the value as the reports print it, or why it is missing
};

struct Sparkline {
    std::string figure;  // "health", "nps", "acv", "pipeline"
    std::vector<SparkPoint> points;
};

// The sparklines of one account, a figure each, in the page's figure order.
struct AccountTrend {
    std::string account;  // its display name
    std::vector<Sparkline> lines;
};

}  // namespace kam
