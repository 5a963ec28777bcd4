#include "kam/report/report_page.hpp"

#include <fmt/format.h>

#include "kam/metrics/matrix.hpp"
#include "kam/metrics/rising.hpp"
#include "kam/metrics/whitespace.hpp"
#include "kam/report/report_judgement.hpp"
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
    const PortfolioMatrix matrix = compute_matrix(in.accounts, in.metrics, in.settings, in.as_of);
    p.matrix = build_matrix_report(in, matrix);
    p.whitespace = build_whitespace_report(in, compute_whitespace(in.accounts, in.shown));
    // Each account's page ends with its judgement, as kam show does.
    const auto rising = rising_accounts(in.accounts, in.metrics, whole, in.settings);
    for (const size_t i : in.shown) {
        p.account_pages.push_back(build_show_report(in, i));
        for (Block& b : show_judgement_blocks(in, i, matrix, whole, rising))
            p.account_pages.back().blocks.push_back(std::move(b));
    }

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
    std::vector<bool> shown(in.accounts.size(), false);
    for (const size_t i : in.shown) shown[i] = true;
    for (const MatrixEntry& e : matrix.entries) {
        if (!shown[e.account] || !e.quadrant) continue;
        const Account& a = in.accounts[e.account];
        const auto& revenue = in.metrics[e.account].annual_revenue;
        p.bubbles.push_back({display_name(a), a.cover.tier, *e.attractiveness.score,
                             *e.strength.score, revenue ? revenue->whole_units() : 0,
                             std::string(e.quadrant->name)});
    }
    return p;
}

}  // namespace kam
