// kam summary: the portfolio dashboard (accounts, totals and KPIs, alerts).
#include "commands.hpp"
#include "kam/metrics/alerts.hpp"
#include "kam/metrics/portfolio_metrics.hpp"
#include "kam/report/report_summary.hpp"
#include "report_common.hpp"

namespace kam::cli {

namespace {

int run_summary(const Context& ctx, const ReportOptions& o) {
    const ReportData d = load_report_data(ctx);
    const auto& accounts = d.portfolio.accounts;
    const auto& settings = d.portfolio.settings;
    const std::vector<size_t> shown = select_accounts(accounts, o.filter);
    // Key accounts are judged over the whole portfolio; totals over what is shown.
    const PortfolioMetrics whole =
        compute_portfolio_metrics(accounts, d.metrics, settings, d.as_of);
    const PortfolioMetrics totals =
        compute_portfolio_metrics(accounts, d.metrics, shown, settings, d.as_of);
    const auto alerts =
        compute_alerts(accounts, d.metrics, shown, whole.ranking, settings, d.as_of);
    Report report = build_summary_report(d.input(shown), whole, totals, alerts);
    return print_report(ctx, report, o, d);
}

}  // namespace

void setup_summary(CLI::App& sub, Action& action) {
    auto o = std::make_shared<ReportOptions>();
    add_report_options(sub, *o, true);
    sub.callback(
        [&action, o] { action = [o](const Context& ctx) { return run_summary(ctx, *o); }; });
}

}  // namespace kam::cli
