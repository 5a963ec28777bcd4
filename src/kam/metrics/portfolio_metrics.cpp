#include "kam/metrics/portfolio_metrics.hpp"

#include <fmt/format.h>
#include <algorithm>

#include "kam/metrics/fiscal.hpp"

namespace kam {

namespace {

void add(Total& t, const Figure<Money>& f) {
    if (f) {
        if (const auto sum = checked_add(t.sum, *f))
            t.sum = *sum;
        else
            t.overflow = sum.error();
        ++t.known;
    } else {
        ++t.unknown;
    }
}

void key_accounts(const std::vector<AccountFacts>& accounts,
                  const std::vector<AccountMetrics>& metrics, const std::vector<size_t>& which,
                  const PortfolioSettings& settings, PortfolioMetrics& out) {
    int128 total = 0;
    for (const size_t i : which) {
        if (accounts[i].status == "lost") continue;
        if (!metrics[i].annual_revenue) {
            out.unranked.push_back(i);
            continue;
        }
        out.ranking.push_back({i, *metrics[i].annual_revenue, {}, {}, false, {}});
        total += metrics[i].annual_revenue->cents;
    }
    std::stable_sort(out.ranking.begin(), out.ranking.end(),
                     [&](const KeyAccountEntry& a, const KeyAccountEntry& b) {
                         if (a.revenue != b.revenue) return a.revenue > b.revenue;
                         return accounts[a.account].slug < accounts[b.account].slug;
                     });
    const Decimal share = decimal_from_double(settings.policy.key_account_share);
    const int128 scale = pow10(share.scale);
    int128 cumulative = 0;
    bool reached = false;
    for (KeyAccountEntry& e : out.ranking) {
        // Reached when cumulative x 100 >= share x total, compared exactly.
        if (!reached && cumulative * 100 * scale >= share.units * total) reached = true;
        cumulative += e.revenue.cents;
        e.key = !reached;
        if (total > 0) {
            e.share_pct = percent_of(e.revenue.cents, total);
            e.cumulative_pct = percent_of(cumulative, total);
        }
        if (e.key) ++out.key_count;
        const std::string& tier = accounts[e.account].tier;
        if (e.key && (tier == "maintain" || tier == "transactional"))
            e.mismatch = fmt::format("key by revenue, but tier {}", tier);
        else if (!e.key && tier == "key")
            e.mismatch = fmt::format("tier key, but outside the {}% of revenue",
                                     settings.policy.key_account_share);
    }
}

void retention(const std::vector<AccountFacts>& accounts, const std::vector<size_t>& which,
               Date as_of, PortfolioMetrics& out) {
    const Date start = as_of - 365;
    size_t base = 0, kept = 0;
    for (const size_t i : which) {
        const AccountFacts& c = accounts[i];
        const bool lost = c.status == "lost";
        if (c.status == "prospect" || c.status.empty() || !c.client_since ||
            *c.client_since > start)
            continue;
        if (lost && !c.lost_on) continue;
        if (lost && *c.lost_on <= start) continue;
        ++base;
        out.retention_accounts.push_back(i);
        if (!(lost && *c.lost_on <= as_of)) ++kept;
    }
    out.retention_base = base;
    out.retention_pct =
        base == 0
            ? Figure<Fixed>::none(fmt::format("no account was a client on {} by its client_since",
                                              start.to_string()))
            : Figure<Fixed>::of(percent_of(static_cast<int128>(kept), static_cast<int128>(base)));
}

void net_retention(const std::vector<AccountFacts>& accounts,
                   const std::vector<AccountMetrics>& metrics, const std::vector<size_t>& which,
                   PortfolioMetrics& out) {
    int128 now = 0, before = 0;
    size_t base = 0, grew = 0;
    for (const size_t i : which) {
        const AccountMetrics& m = metrics[i];
        if (!m.prior_revenue || m.prior_revenue->cents <= 0) continue;
        int64_t current = 0;
        if (m.annual_revenue)
            current = m.annual_revenue->cents;
        else if (accounts[i].status != "lost")
            continue;
        ++base;
        now += current;
        before += m.prior_revenue->cents;
        if (current > m.prior_revenue->cents) ++grew;
    }
    out.nrr_base = base;
    if (base == 0) {
        const std::string why =
            fmt::format("no account with revenue for both {} and {}",
                        fiscal_year_label(out.fiscal_year - 1), fiscal_year_label(out.fiscal_year));
        out.net_revenue_retention_pct = out.expansion_pct = Figure<Fixed>::none(why);
        return;
    }
    out.net_revenue_retention_pct = Figure<Fixed>::of(percent_of(now, before));
    out.expansion_pct =
        Figure<Fixed>::of(percent_of(static_cast<int128>(grew), static_cast<int128>(base)));
}

void concentration(const std::vector<AccountMetrics>& metrics, const std::vector<size_t>& which,
                   PortfolioMetrics& out) {
    std::vector<int64_t> revenues;
    for (const size_t i : which)
        if (metrics[i].annual_revenue) revenues.push_back(metrics[i].annual_revenue->cents);
    std::sort(revenues.begin(), revenues.end(), std::greater<>());
    const int128 total = out.revenue.sum.cents;
    if (revenues.empty() || total <= 0 || !out.revenue.overflow.empty()) {
        const std::string why = revenues.empty() ? fmt::format("no account has revenue for {}",
                                                               fiscal_year_label(out.fiscal_year))
                                : !out.revenue.overflow.empty() ? out.revenue.overflow
                                                                : "total revenue is not above 0";
        out.largest_share_pct = out.top_five_share_pct = Figure<Fixed>::none(why);
        return;
    }
    int128 top = 0;
    for (size_t i = 0; i < revenues.size() && i < 5; ++i) top += revenues[i];
    out.largest_share_pct = Figure<Fixed>::of(percent_of(revenues[0], total));
    out.top_five_share_pct = Figure<Fixed>::of(percent_of(top, total));
}

}  // namespace

PortfolioMetrics compute_portfolio_metrics_from_facts(const std::vector<AccountFacts>& accounts,
                                                      const std::vector<AccountMetrics>& metrics,
                                                      const std::vector<size_t>& which,
                                                      const PortfolioSettings& settings,
                                                      Date as_of) {
    PortfolioMetrics out;
    out.fiscal_year = latest_complete_fiscal_year(as_of, settings.fiscal_year_start);
    for (const size_t i : which) {
        const AccountMetrics& m = metrics[i];
        add(out.revenue, m.annual_revenue);
        add(out.prior_revenue, m.prior_revenue);
        add(out.acv, m.acv);
        add(out.pipeline, m.pipeline);
        add(out.weighted_pipeline, m.weighted_pipeline);
    }
    key_accounts(accounts, metrics, which, settings, out);
    retention(accounts, which, as_of, out);
    net_retention(accounts, metrics, which, out);
    concentration(metrics, which, out);
    return out;
}

PortfolioMetrics compute_portfolio_metrics_from_facts(const std::vector<AccountFacts>& accounts,
                                                      const std::vector<AccountMetrics>& metrics,
                                                      const PortfolioSettings& settings,
                                                      Date as_of) {
    std::vector<size_t> all(accounts.size());
    for (size_t i = 0; i < all.size(); ++i) all[i] = i;
    return compute_portfolio_metrics_from_facts(accounts, metrics, all, settings, as_of);
}

PortfolioMetrics compute_portfolio_metrics(const std::vector<Account>& accounts,
                                           const std::vector<AccountMetrics>& metrics,
                                           const std::vector<size_t>& which,
                                           const PortfolioSettings& settings, Date as_of) {
    return compute_portfolio_metrics_from_facts(facts_of(accounts), metrics, which, settings,
                                                as_of);
}

PortfolioMetrics compute_portfolio_metrics(const std::vector<Account>& accounts,
                                           const std::vector<AccountMetrics>& metrics,
                                           const PortfolioSettings& settings, Date as_of) {
    return compute_portfolio_metrics_from_facts(facts_of(accounts), metrics, settings, as_of);
}

}  // namespace kam
