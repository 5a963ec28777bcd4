#pragma once
// Profitability and client lifetime value (kam-metrics(7), "Profitability
// and lifetime value"): the year's margin in money, the margin earned over
// every fiscal year on file, and a forward estimate discounted over the
// expected lifetime that the portfolio's retention implies. Exact money.
#include <vector>

#include "kam/metrics/account_metrics.hpp"
#include "kam/metrics/portfolio_metrics.hpp"

namespace kam {

struct LifetimeValue {
    Figure<Money> annual_margin;      // revenue - cost of the year of the figures
    Figure<Money> historical_margin;  // over the fiscal years on file up to that year
    int years_on_file = 0;
    Figure<Money> forward_value;  // discounted annual_margin over the expected lifetime
    Figure<Money> clv;            // historical_margin + forward_value
    bool fix_or_trim = false;     // margin_pct below policy.min_margin_pct
    // The inputs (kam-metrics(7), SOURCES), when asked for: the rows of the
    // year (revenue and cost), the rows of every year on file, those of the
    // year with the discount rate and the expected lifetime's, and
    // margin_pct's with the policy's minimum.
    Sources annual_margin_sources, historical_margin_sources, forward_value_sources,
        fix_or_trim_sources;
    // The period of every financials row that years_on_file counts.
    Sources years_on_file_sources;
};

// 1 / (1 - retention / 100) in whole years (half away from zero), at most
// `cap`; the cap when retention is 100; unknown when retention is.
Figure<int64_t> expected_lifetime_years(const Figure<Fixed>& retention_pct, int cap);

// The sum of `years` values, each the previous one x 100 / (100 + rate)
// (the first: margin's), rounded to cents year by year.
Expected<Money> discounted_margin(Money annual_margin, int64_t years, double discount_rate_pct);

// Whether margin_pct is below policy.min_margin_pct (false when unknown).
bool below_margin_policy(const Figure<Fixed>& margin_pct, const Policy& policy);

// With `lifetime_sources` (expected_lifetime_sources), the sources too.
LifetimeValue compute_lifetime_value(const Account& account, const AccountMetrics& metrics,
                                     const PortfolioSettings& settings,
                                     const Figure<int64_t>& lifetime_years,
                                     const Sources* lifetime_sources = nullptr);

// The inputs of expected_lifetime_years: the client_since (and lost_on) of
// every account retention_pct is over, and policy.clv_max_years.
Sources expected_lifetime_sources(const std::vector<Account>& accounts,
                                  const PortfolioMetrics& whole, const PortfolioSettings& settings);

}  // namespace kam
