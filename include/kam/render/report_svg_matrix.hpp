#pragma once
// The portfolio matrix as an inline SVG bubble chart for the HTML report:
// x strength, y attractiveness (both 0-100), bubble area by annual revenue,
// colour by tier, the quadrant lines at k_matrix_high and their names.
#include <string>
#include <vector>

#include "kam/report/report_charts.hpp"

namespace kam {

std::string svg_matrix(const std::vector<MatrixBubble>& bubbles);

}  // namespace kam
