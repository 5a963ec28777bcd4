// kam summary: the portfolio dashboard (accounts, totals and KPIs, alerts).
#include "commands.hpp"
#include "kam/report/report_parts.hpp"
#include "kam/report/report_summary.hpp"
#include "report_common.hpp"

namespace kam::cli {

namespace {

int run_summary(const Context& ctx, const ReportOptions& o) {
    const ReportData d = load_report_data(ctx);
    const ReportInput in = d.input(select_accounts(d.portfolio.accounts, o.filter));
    // Key accounts are judged over the whole portfolio; totals over what is shown.
    const PortfolioFigures f = compute_portfolio_figures(in);
    Report report = build_summary_report(in, f.whole, f.totals, f.alerts);
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
