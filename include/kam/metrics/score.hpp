#pragma once
// A 0-100 score made of weighted parts, each 0-100 with one decimal, combined
// the way health is (kam-metrics(7)): a missing part counts 0, score =
// sum(weight x part over the parts present) / sum(weight over all parts),
// exact, rounded half away from zero to a whole number; unknown when less
// than k_score_min_data_pct of the weight rests on parts present. The matrix's
// attractiveness and strength are such scores.
#include <array>
#include <map>
#include <string>
#include <string_view>

#include "kam/metrics/exact.hpp"
#include "kam/metrics/figure.hpp"
#include "kam/metrics/source.hpp"

namespace kam {

inline constexpr int k_score_min_data_pct = 50;

struct ScorePart {
    std::string_view name;
    Figure<Fixed> score;  // 0-100, one decimal
    Decimal weight;
    Sources sources;  // its inputs, when asked for (kam-metrics(7), SOURCES)
};

struct Score {
    std::array<ScorePart, 5> parts;
    Figure<int64_t> score;  // 0-100
    Fixed data_pct;         // share of the weight on parts present, one decimal
    // When asked for: data_pct's inputs (each part's weight) and the parts
    // with data it is derived from.
    Sources data_sources;
    FigureRefs data_from;
};

// The defaults, then any weight given in `overrides` (kam.yaml), by part name.
std::array<Decimal, 5> score_weights(const std::array<std::string_view, 5>& names,
                                     const std::array<int64_t, 5>& defaults,
                                     const std::map<std::string, double>& overrides);

// `what` names the score in the reason of an unknown one ("attractiveness").
Score combine_score(std::string_view what, const std::array<std::string_view, 5>& names,
                    std::array<Figure<Fixed>, 5> parts, const std::array<Decimal, 5>& weights);

// v (tenths) kept between 0 and 1000 (0.0 and 100.0).
Figure<Fixed> clamped_part(int128 tenths);

}  // namespace kam
