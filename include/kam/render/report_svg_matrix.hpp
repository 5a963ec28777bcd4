#pragma once
// The portfolio matrix as an inline SVG bubble chart for the HTML report:
// x strength, y attractiveness (both 0-100), bubble area by annual revenue,
// colour by tier, the quadrant lines at k_matrix_high and their names.
#include <string>
#include <vector>

namespace kam {

struct MatrixBubble {
    std::string label, tier;
    int64_t attractiveness = 0, strength = 0;
    int64_t revenue = 0;  // whole units; 0 or less: the smallest bubble
    std::string quadrant;
};

std::string svg_matrix(const std::vector<MatrixBubble>& bubbles);

}  // namespace kam
