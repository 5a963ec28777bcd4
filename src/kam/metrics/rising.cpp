#include "kam/metrics/rising.hpp"

#include <fmt/format.h>
#include <algorithm>

namespace kam {

namespace {

// Higher first, unknown last.
int compare_desc(const Figure<Fixed>& a, const Figure<Fixed>& b) {
    if (a.has_value() != b.has_value()) return a.has_value() ? -1 : 1;
    if (!a) return 0;
    if (a->units != b->units) return a->units > b->units ? -1 : 1;
    return 0;
}

}  // namespace

Figure<Fixed> pipeline_ratio(const AccountMetrics& m) {
    if (!m.weighted_pipeline) return Figure<Fixed>::none(m.weighted_pipeline.reason);
    if (!m.annual_revenue) return Figure<Fixed>::none(m.annual_revenue.reason);
    if (m.annual_revenue->cents <= 0) return Figure<Fixed>::none("annual_revenue is not above 0");
    return Figure<Fixed>::of(percent_of(m.weighted_pipeline->cents, m.annual_revenue->cents));
}

std::vector<RisingEntry> rising_accounts(const std::vector<Account>& accounts,
                                         const std::vector<AccountMetrics>& metrics,
                                         const PortfolioMetrics& whole,
                                         const PortfolioSettings& settings) {
    std::vector<bool> key(accounts.size(), false);
    for (const KeyAccountEntry& e : whole.ranking) key[e.account] = e.key;
    std::vector<RisingEntry> out;
    const Policy& p = settings.policy;
    for (size_t i = 0; i < accounts.size(); ++i) {
        const Account& a = accounts[i];
        if (a.cover.status == "lost" || key[i]) continue;
        const AccountMetrics& m = metrics[i];
        RisingEntry e;
        e.account = i;
        e.pipeline_ratio_pct = pipeline_ratio(m);
        if (a.cover.growth_potential == "high") e.signals.push_back("growth potential high");
        if (m.growth_pct && at_least(*m.growth_pct, p.rising_growth_pct))
            e.signals.push_back(fmt::format("growth {}% (policy {}%)", m.growth_pct->to_string(),
                                            p.rising_growth_pct));
        if (e.pipeline_ratio_pct && at_least(*e.pipeline_ratio_pct, p.rising_pipeline_pct))
            e.signals.push_back(fmt::format("weighted pipeline {}% of revenue (policy {}%)",
                                            e.pipeline_ratio_pct->to_string(),
                                            p.rising_pipeline_pct));
        if (!e.signals.empty()) out.push_back(std::move(e));
    }
    std::stable_sort(out.begin(), out.end(), [&](const RisingEntry& x, const RisingEntry& y) {
        if (x.signals.size() != y.signals.size()) return x.signals.size() > y.signals.size();
        if (const int c = compare_desc(x.pipeline_ratio_pct, y.pipeline_ratio_pct)) return c < 0;
        if (const int c =
                compare_desc(metrics[x.account].growth_pct, metrics[y.account].growth_pct))
            return c < 0;
        return accounts[x.account].slug < accounts[y.account].slug;
    });
    return out;
}

Sources rising_sources(const Account& a, const FigureSources& f, const PortfolioSettings& s) {
    Sources out;
    out.push_back(cover_source(a, "growth_potential", a.cover.growth_potential_pos,
                               written_or_not(a.cover.growth_potential)));
    append(out, f.of("growth_pct"));
    out.push_back(
        setting_source(s, "policy.rising_growth_pct", number_text(s.policy.rising_growth_pct)));
    append(out, f.of("weighted_pipeline"));
    append(out, f.of("annual_revenue"));
    out.push_back(
        setting_source(s, "policy.rising_pipeline_pct", number_text(s.policy.rising_pipeline_pct)));
    return out;
}

}  // namespace kam
