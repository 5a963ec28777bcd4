#pragma once
// The portfolio figures of kam-files(5) section 6, from the accounts and
// their figures (computed once, by compute_account_metrics).
//
// - Key accounts: the accounts that are not lost and have an annual_revenue,
//   ranked by it (ties by slug); the smallest leading set whose revenue reaches
//   policy.key_account_share percent of their total. An account in the set
//   with tier maintain or transactional, or out of it with tier key, is
//   flagged. Accounts without an annual_revenue are listed as unranked and
//   never flagged: there is nothing to judge them by.
// - retention_pct: the accounts that were clients on the first day of the 365
//   days before the as-of day (status not prospect, client_since on or before
//   it, not lost by then), and of those the share not lost since. Accounts
//   without client_since, or lost without lost_on, cannot be placed and are
//   left out.
// - net_revenue_retention_pct: over the accounts with prior_revenue above 0,
//   the sum of their annual_revenue over the sum of their prior_revenue x 100.
//   A lost account without revenue for the year counts 0; any other account
//   without it is left out. expansion_pct: the share of those accounts whose
//   annual_revenue exceeds their prior_revenue.
// - Totals over every account whose figure is known, with a count of those
//   whose figure is not. Concentration: the largest annual_revenue and the top
//   five as shares of the revenue total.
#include <string>
#include <vector>

#include "kam/metrics/account_facts.hpp"
#include "kam/metrics/account_metrics.hpp"

namespace kam {

struct KeyAccountEntry {
    size_t account = 0;  // index into the accounts
    Money revenue;
    Fixed share_pct, cumulative_pct;  // of the ranked accounts' total
    bool key = false;
    std::string mismatch;  // empty, or how the tier disagrees
};

struct Total {
    Money sum;
    size_t known = 0;      // accounts in the sum
    size_t unknown = 0;    // accounts whose figure could not be computed
    std::string overflow;  // not empty: the sum does not fit, and `sum` means nothing
};

struct PortfolioMetrics {
    int fiscal_year = 0;
    std::vector<KeyAccountEntry> ranking;  // revenue descending
    std::vector<size_t> unranked;          // not lost, no annual_revenue
    size_t key_count = 0;
    Total revenue, prior_revenue, acv, pipeline, weighted_pipeline;
    Figure<Fixed> retention_pct, net_revenue_retention_pct, expansion_pct;
    size_t retention_base = 0, nrr_base = 0;  // accounts each share is of
    std::vector<size_t> retention_accounts;   // retention's base (indices into the accounts)
    Figure<Fixed> largest_share_pct, top_five_share_pct;
};

// `metrics[i]` are the figures of `accounts[i]`.
PortfolioMetrics compute_portfolio_metrics(const std::vector<Account>& accounts,
                                           const std::vector<AccountMetrics>& metrics,
                                           const PortfolioSettings& settings, Date as_of);
// The same over some of them (indices into `accounts`), for filtered reports;
// KeyAccountEntry::account still indexes `accounts`.
PortfolioMetrics compute_portfolio_metrics(const std::vector<Account>& accounts,
                                           const std::vector<AccountMetrics>& metrics,
                                           const std::vector<size_t>& which,
                                           const PortfolioSettings& settings, Date as_of);
// The same two from the accounts' facts, without their models (the two
// above are these over facts_of(accounts)).
PortfolioMetrics compute_portfolio_metrics_from_facts(const std::vector<AccountFacts>& accounts,
                                                      const std::vector<AccountMetrics>& metrics,
                                                      const PortfolioSettings& settings,
                                                      Date as_of);
PortfolioMetrics compute_portfolio_metrics_from_facts(const std::vector<AccountFacts>& accounts,
                                                      const std::vector<AccountMetrics>& metrics,
                                                      const std::vector<size_t>& which,
                                                      const PortfolioSettings& settings,
                                                      Date as_of);

}  // namespace kam
