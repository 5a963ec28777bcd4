#include "kam/metrics/health.hpp"

#include <fmt/format.h>
#include <algorithm>

namespace kam {

namespace {

constexpr int64_t k_default_weights[] = {25, 20, 20, 20, 15};

Figure<Fixed> tenths(int128 v) {
    return Figure<Fixed>::of(Fixed{static_cast<int64_t>(v), 1});
}

Figure<Fixed> nps_part(const HealthInputs& in) {
    if (in.responses == 0)
        return Figure<Fixed>::none(in.nps_reason.empty() ? "no survey with an nps" : in.nps_reason);
    // ((P - D) / N x 100 + 100) / 2 = (P - D + N) x 50 / N, in tenths.
    return tenths(round_div(static_cast<int128>(in.promoters - in.detractors + in.responses) * 500,
                            in.responses));
}

Figure<Fixed> coverage_part(const HealthInputs& in) {
    if (in.decision_makers == 0)
        return Figure<Fixed>::none(in.coverage_reason.empty() ? "no decision-maker"
                                                              : in.coverage_reason);
    return Figure<Fixed>::of(percent_of(in.covered, in.decision_makers));
}

Figure<Fixed> risk_part(const HealthInputs& in) {
    if (!in.risk_register) return Figure<Fixed>::none("no risks.yaml");
    return tenths(std::max(0, 100 - 4 * in.max_live_risk) * 10);
}

Figure<Fixed> delivery_part(const HealthInputs& in) {
    if (in.slas_measured == 0 && in.issues_recorded == 0)
        return Figure<Fixed>::none("no measured SLA and no delivery issue on record");
    const int128 base = in.slas_measured == 0
                            ? 1000
                            : round_div(static_cast<int128>(in.slas_met) * 1000, in.slas_measured);
    const int128 penalty =
        10 * (25 * in.open_critical + 10 * in.open_high + 5 * in.open_medium + 2 * in.open_low);
    return tenths(std::max<int128>(0, base - penalty));
}

Figure<Fixed> review_part(const HealthInputs& in) {
    if (!in.days_since_review)
        return Figure<Fixed>::none(in.review_reason.empty() ? "no progress review"
                                                            : in.review_reason);
    const int64_t r = in.review_every_days, d = *in.days_since_review;
    if (d <= r) return tenths(1000);
    if (d >= 2 * r) return tenths(0);
    return tenths(round_div(static_cast<int128>(2 * r - d) * 1000, r));
}

}  // namespace

std::array<Decimal, 5> health_weights(const std::map<std::string, double>& overrides) {
    std::array<Decimal, 5> w;
    for (size_t i = 0; i < w.size(); ++i) {
        w[i] = Decimal{k_default_weights[i], 0};
        const auto it = overrides.find(std::string(k_health_part_names[i]));
        if (it != overrides.end()) w[i] = decimal_from_double(it->second);
    }
    return w;
}

Health compute_health(const HealthInputs& in, const std::array<Decimal, 5>& weights) {
    Health h{{{{k_health_part_names[0], nps_part(in), weights[0]},
               {k_health_part_names[1], coverage_part(in), weights[1]},
               {k_health_part_names[2], risk_part(in), weights[2]},
               {k_health_part_names[3], delivery_part(in), weights[3]},
               {k_health_part_names[4], review_part(in), weights[4]}}},
             {},
             {}};
    // Weights are taken to six decimals (micro-units) so that any two share a
    // scale and the sums below stay far inside 128 bits.
    int128 num = 0, present = 0, all = 0;
    for (const HealthPart& p : h.parts) {
        if (p.weight.units <= 0) continue;
        const int128 w = round_div(p.weight.units * 1'000'000, pow10(p.weight.scale));
        all += w;
        if (!p.score) continue;  // counts 0: a missing part never raises health
        num += w * p.score->units;
        present += w;
    }
    h.data_pct = all == 0 ? Fixed{0, 1} : percent_of(present, all);
    if (present == 0)
        h.score = Figure<int64_t>::none("no part of health rests on data");
    else if (present * 100 < all * k_health_min_data_pct)
        h.score = Figure<int64_t>::none(
            fmt::format("only {}% of the weight of health rests on data (needs {}%)",
                        h.data_pct.to_string(), k_health_min_data_pct));
    else
        h.score = Figure<int64_t>::of(static_cast<int64_t>(round_div(num, all * 10)));
    return h;
}

}  // namespace kam
