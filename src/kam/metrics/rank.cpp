#include "kam/metrics/rank.hpp"

#include <algorithm>

namespace kam {

Ranking rank_descending(const std::vector<std::optional<int64_t>>& keys,
                        const std::vector<std::string>& names) {
    std::vector<size_t> order;
    for (size_t k = 0; k < keys.size(); ++k)
        if (keys[k]) order.push_back(k);
    std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
        if (*keys[x] != *keys[y]) return *keys[x] > *keys[y];
        return names[x] < names[y];
    });
    Ranking r;
    r.rank.assign(keys.size(), 0);
    r.above.assign(keys.size(), std::nullopt);
    for (size_t k = 0; k < order.size(); ++k) {
        r.rank[order[k]] = static_cast<int64_t>(k + 1);
        if (k > 0) r.above[order[k]] = order[k - 1];
    }
    return r;
}

}  // namespace kam
