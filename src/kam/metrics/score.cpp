#include "kam/metrics/score.hpp"

#include <fmt/format.h>
#include <algorithm>

namespace kam {

std::array<Decimal, 5> score_weights(const std::array<std::string_view, 5>& names,
                                     const std::array<int64_t, 5>& defaults,
                                     const std::map<std::string, double>& overrides) {
    std::array<Decimal, 5> w;
    for (size_t i = 0; i < w.size(); ++i) {
        w[i] = Decimal{defaults[i], 0};
        const auto it = overrides.find(std::string(names[i]));
        if (it != overrides.end()) w[i] = decimal_from_double(it->second);
    }
    return w;
}

Figure<Fixed> clamped_part(int128 tenths) {
    return Figure<Fixed>::of(Fixed{static_cast<int64_t>(std::clamp<int128>(tenths, 0, 1000)), 1});
}

Score combine_score(std::string_view what, const std::array<std::string_view, 5>& names,
                    std::array<Figure<Fixed>, 5> parts, const std::array<Decimal, 5>& weights) {
    Score s;
    for (size_t i = 0; i < parts.size(); ++i)
        s.parts[i] = ScorePart{names[i], std::move(parts[i]), weights[i], {}};
    // Weights in micro-units, as health takes them.
    int128 num = 0, present = 0, all = 0;
    for (const ScorePart& p : s.parts) {
        if (p.weight.units <= 0) continue;
        int128 scale = 1;
        for (int i = 0; i < p.weight.scale; ++i) scale *= 10;
        const int128 w = round_div(p.weight.units * 1'000'000, scale);
        all += w;
        if (!p.score) continue;
        num += w * p.score->units;
        present += w;
    }
    s.data_pct = all == 0 ? Fixed{0, 1} : percent_of(present, all);
    if (present == 0)
        s.score = Figure<int64_t>::none(fmt::format("no part of {} rests on data", what));
    else if (present * 100 < all * k_score_min_data_pct)
        s.score = Figure<int64_t>::none(
            fmt::format("only {}% of the weight of {} rests on data (needs {}%)",
                        s.data_pct.to_string(), what, k_score_min_data_pct));
    else
        s.score = Figure<int64_t>::of(static_cast<int64_t>(round_div(num, all * 10)));
    return s;
}

}  // namespace kam
