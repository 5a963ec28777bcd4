#pragma once
// health: a 0-100 score, the weighted mean of five parts, each 0-100.
//
//   nps       (NPS + 100) / 2, NPS over the surveys of the last
//             policy.survey_every_days; missing without such a survey with nps
//   coverage  coverage_pct: decision-makers whose relationship is strong or
//             good, over all decision-makers; missing without a decision-maker
//   risk      100 - 4 x max_risk (the highest live likelihood x impact), 100
//             with no live risk; missing without risks.yaml
//   delivery  100 x met / measured SLAs of active and renewing contracts (100
//             when none is measured), minus 25 per open critical issue, 10 per
//             high, 5 per medium, 2 per low, not below 0; missing when no SLA
//             is measured and performance.yaml records no issue (open or
//             resolved): an empty record says nothing about delivery
//   review    100 while days_since_review <= policy.review_every_days (R),
//             falling linearly to 0 at 2R: 100 x (2R - days) / R; missing
//             without a review
//
// Default weights nps 25, coverage 20, risk 20, delivery 20, review 15;
// kam.yaml `health_weights` overrides any of them (0 leaves a part out;
// weights are taken to six decimals).
// A missing part counts 0, so that missing data never raises health:
// health = sum(weight x part over the parts present) / sum(weight over all
// parts), computed exactly from the parts as shown (one decimal) and rounded
// half away from zero to a whole number. data_pct = sum(weight over the parts
// present) / sum(weight over all parts) x 100, one decimal: how much of
// health rests on data. Below k_health_min_data_pct health is unknown.
#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "kam/metrics/exact.hpp"
#include "kam/metrics/figure.hpp"

namespace kam {

inline constexpr int k_health_min_data_pct = 50;

inline constexpr std::array<std::string_view, 5> k_health_part_names = {"nps", "coverage", "risk",
                                                                        "delivery", "review"};

struct HealthInputs {
    // nps: survey answers in the window.
    int promoters = 0, detractors = 0, responses = 0;
    // coverage
    int decision_makers = 0, covered = 0;
    // risk
    bool risk_register = false;
    int max_live_risk = 0;  // 0: no live risk
    // delivery
    int issues_recorded = 0;  // open or resolved
    int slas_measured = 0, slas_met = 0;
    int open_critical = 0, open_high = 0, open_medium = 0, open_low = 0;
    // review
    std::optional<int> days_since_review;
    int review_every_days = 90;
    // Why a part is missing, as the matching figure says it; a generic reason otherwise.
    std::string nps_reason, coverage_reason, review_reason;
};

struct HealthPart {
    std::string_view name;
    Figure<Fixed> score;  // 0-100, one decimal
    Decimal weight;
};

struct Health {
    std::array<HealthPart, 5> parts;  // in k_health_part_names order
    Figure<int64_t> score;            // 0-100
    Fixed data_pct;                   // share of the weight on parts present, one decimal
};

// Weights: the defaults, then any given in kam.yaml.
std::array<Decimal, 5> health_weights(const std::map<std::string, double>& overrides);

Health compute_health(const HealthInputs& in, const std::array<Decimal, 5>& weights);

}  // namespace kam
