#include "kam/report/report_page.hpp"

#include <fmt/format.h>

#include "kam/report/report_parts.hpp"
#include "kam/report/report_show.hpp"

namespace kam {

PortfolioPage build_portfolio_page(const ReportInput& in) {
    const PortfolioFigures f = compute_portfolio_figures(in);
    const PortfolioMetrics& whole = f.whole;
    PortfolioPage p;
    p.meta = summary_meta(in);
    p.portfolio = human_text(in.settings.name.empty() ? Cell::none() : Cell::of(in.settings.name));
    p.totals = totals_figures(in, whole, f.totals);
    p.health = health_table(in);
    p.accounts = accounts_table(in, whole, f.totals);
    p.alerts = alerts_table(in, f.alerts);
    for (const size_t i : in.shown) p.account_pages.push_back(build_show_report(in, i));

    p.pareto = pareto_bars(in, whole);
    p.key_share = in.settings.policy.key_account_share;
    p.heat_map = risk_heat_map(in, 1);
    p.renewal_within = in.settings.policy.renewal_horizon_days;
    for (const RenewalDue& d : renewals_due(in, p.renewal_within))
        p.renewals.push_back(
            {fmt::format("{} {}", display_name(in.accounts[d.account]), d.contract->id),
             d.days_to_end, d.days_to_notice});
    for (const StageTotal& s : pipeline_by_stage(in).stages)
        p.stages.push_back({std::string(s.stage), s.value ? s.value->whole_units() : 0,
                            s.weighted ? s.weighted->whole_units() : 0});
    return p;
}

}  // namespace kam
