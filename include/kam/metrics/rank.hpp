#pragma once
// Ranks (kam-metrics(7), "Profitability and lifetime value"): items ranked
// by a figure, highest first, ties by name, an unknown figure unranked.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kam {

struct Ranking {
    std::vector<int64_t> rank;  // rank[i] of item i: 1 the highest, 0 unranked
    // above[i]: the item ranked just before i (none for rank 1 and the
    // unranked): what an explanation of the rank names (kam-metrics(7), SOURCES).
    std::vector<std::optional<size_t>> above;
};

// keys[i] the figure of item i (none: unknown), names[i] its tie-breaker (the slug).
Ranking rank_descending(const std::vector<std::optional<int64_t>>& keys,
                        const std::vector<std::string>& names);

}  // namespace kam
