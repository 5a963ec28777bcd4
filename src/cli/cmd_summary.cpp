// kam summary: the portfolio dashboard (accounts, totals and KPIs, alerts).
#include "commands.hpp"
#include "kam/report/report_parts.hpp"
#include "kam/report/report_summary.hpp"
#include "report_common.hpp"

namespace kam::cli {

namespace {

// From each account's digest: no model outlives the loader's worker that built it.
int run_summary(const Context& ctx, const ReportOptions& o) {
    const DigestData d = load_digest_data(ctx);
    const SummaryInput in = d.input(select_accounts(d.digest.accounts, o.filter));
    // Key accounts are judged over the whole portfolio; totals over what is shown.
    const PortfolioFigures f = compute_portfolio_figures(in, d.digest.alerts);
    Report report = build_summary_report(in, f.whole, f.totals, f.alerts);
    return print_report(ctx, report, o, d.portfolio, d.error_count);
}

}  // namespace

void setup_summary(CLI::App& sub, Action& action) {
    auto o = std::make_shared<ReportOptions>();
    add_report_options(sub, *o, true);
    sub.callback(
        [&action, o] { action = [o](const Context& ctx) { return run_summary(ctx, *o); }; });
}

}  // namespace kam::cli
