#pragma once
// Profitability and client lifetime value (kam-metrics(7), "Profitability
// and lifetime value"): the year's margin in money, the margin earned over
// every fiscal year on file, and a forward estimate discounted over the
// expected lifetime that the portfolio's retention implies. Exact money.
#include <vector>

#include "kam/metrics/account_metrics.hpp"

namespace kam {

struct LifetimeValue {
    Figure<Money> annual_margin;      // revenue - cost of the year of the figures
    Figure<Money> historical_margin;  // over the fiscal years on file up to that year
    int years_on_file = 0;
    Figure<Money> forward_value;  // discounted annual_margin over the expected lifetime
    Figure<Money> clv;            // historical_margin + forward_value
    bool fix_or_trim = false;     // margin_pct below policy.min_margin_pct
};

// 1 / (1 - retention / 100) in whole years (half away from zero), at most
// `cap`; the cap when retention is 100; unknown when retention is.
Figure<int64_t> expected_lifetime_years(const Figure<Fixed>& retention_pct, int cap);

// The sum of `years` values, each the previous one x 100 / (100 + rate)
// (the first: margin's), rounded to cents year by year.
Expected<Money> discounted_margin(Money annual_margin, int64_t years, double discount_rate_pct);

// Whether margin_pct is below policy.min_margin_pct (false when unknown).
bool below_margin_policy(const Figure<Fixed>& margin_pct, const Policy& policy);

LifetimeValue compute_lifetime_value(const Account& account, const AccountMetrics& metrics,
                                     const PortfolioSettings& settings,
                                     const Figure<int64_t>& lifetime_years);

}  // namespace kam
