#include "kam/history/samples.hpp"

#include <algorithm>

namespace kam {

namespace {
constexpr int64_t k_day_seconds = 86400;
}

Date commit_day(int64_t commit_time) {
    const int64_t days = commit_time >= 0 ? commit_time / k_day_seconds
                                          : -((-commit_time + k_day_seconds - 1) / k_day_seconds);
    return Date{static_cast<int32_t>(days)};
}

std::vector<Sample> choose_samples(const std::vector<ChainCommit>& chain,
                                   const std::vector<Date>& ends) {
    std::vector<int64_t> effective(chain.size());
    int64_t latest = INT64_MIN;
    for (size_t i = 0; i < chain.size(); ++i) {
        latest = std::max(latest, chain[i].commit_time);
        effective[i] = latest;
    }
    std::vector<Sample> out;
    out.reserve(ends.size());
    for (Date end : ends) {
        const int64_t day_end = (static_cast<int64_t>(end.days) + 1) * k_day_seconds;  // exclusive
        // effective[] never decreases: the last commit before the day's end.
        const auto it = std::lower_bound(effective.begin(), effective.end(), day_end);
        Sample s;
        if (it != effective.begin()) s.commit = static_cast<size_t>(it - effective.begin()) - 1;
        out.push_back(s);
    }
    return out;
}

}  // namespace kam
