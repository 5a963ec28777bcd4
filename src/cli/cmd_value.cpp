// kam value: profitability and client lifetime value, ranked; fix-or-trim
// candidates and relationship fit.
#include "commands.hpp"
#include "kam/metrics/portfolio_metrics.hpp"
#include "kam/report/report_judgement.hpp"
#include "report_common.hpp"

namespace kam::cli {

namespace {

int run_value(const Context& ctx, const ReportOptions& o) {
    const ReportData d = load_report_data(ctx, o.explain);
    // Retention, and so the expected lifetime, is the whole portfolio's.
    const PortfolioMetrics whole =
        compute_portfolio_metrics(d.portfolio.accounts, d.metrics, d.portfolio.settings, d.as_of);
    Report report =
        build_value_report(d.input(select_accounts(d.portfolio.accounts, o.filter)), whole);
    return print_report(ctx, report, o, d);
}

}  // namespace

void setup_value(CLI::App& sub, Action& action) {
    auto o = std::make_shared<ReportOptions>();
    add_report_options(sub, *o, true);
    add_explain_option(sub, *o);
    sub.callback([&action, o] { action = [o](const Context& ctx) { return run_value(ctx, *o); }; });
}

}  // namespace kam::cli
