#pragma once
// Rising accounts (kam-metrics(7), "Rising accounts"): accounts that are not
// lost and not in the key set, with at least one signal that they are about
// to become key: growth_potential high, growth_pct at or above
// policy.rising_growth_pct, or weighted pipeline over annual revenue at or
// above policy.rising_pipeline_pct.
#include <string>
#include <vector>

#include "kam/metrics/portfolio_metrics.hpp"
#include "kam/metrics/source.hpp"

namespace kam {

struct RisingEntry {
    size_t account = 0;
    Figure<Fixed> pipeline_ratio_pct;  // weighted_pipeline / annual_revenue x 100
    std::vector<std::string> signals;  // in the order above
};

// weighted_pipeline / annual_revenue x 100; unknown without either or revenue not above 0.
Figure<Fixed> pipeline_ratio(const AccountMetrics& metrics);

// Ranked: signals (more first), pipeline_ratio_pct, growth_pct (higher first,
// unknown last), slug. `whole` is the portfolio's key-account ranking.
std::vector<RisingEntry> rising_accounts(const std::vector<Account>& accounts,
                                         const std::vector<AccountMetrics>& metrics,
                                         const PortfolioMetrics& whole,
                                         const PortfolioSettings& settings);

// The inputs of `entry`'s signals (kam-metrics(7), SOURCES): growth_potential
// on the cover sheet, growth_pct's sources with policy.rising_growth_pct,
// weighted_pipeline's and annual_revenue's with policy.rising_pipeline_pct;
// `key` says the account is outside the key set (kam keys explains that set).
// `figures` are the account's FigureSources.
Sources rising_sources(const Account& account, const FigureSources& figures,
                       const PortfolioSettings& settings);

}  // namespace kam
