// kam keys: the key-account Pareto by annual revenue, with tier mismatches,
// and the rising accounts outside the key set.
#include "commands.hpp"
#include "kam/metrics/matrix.hpp"
#include "kam/metrics/portfolio_metrics.hpp"
#include "kam/metrics/rising.hpp"
#include "kam/report/report_focus.hpp"
#include "kam/report/report_judgement.hpp"
#include "report_common.hpp"

namespace kam::cli {

namespace {

int run_keys(const Context& ctx, const ReportOptions& o) {
    const ReportData d = load_report_data(ctx);
    // Ranked over the whole portfolio; filters only choose the rows shown.
    const PortfolioMetrics whole =
        compute_portfolio_metrics(d.portfolio.accounts, d.metrics, d.portfolio.settings, d.as_of);
    const ReportInput in = d.input(select_accounts(d.portfolio.accounts, o.filter));
    Report report = build_keys_report(in, whole);
    report.blocks.push_back(rising_table(
        in, rising_accounts(d.portfolio.accounts, d.metrics, whole, d.portfolio.settings),
        compute_matrix(d.portfolio.accounts, d.metrics, d.portfolio.settings, d.as_of)));
    return print_report(ctx, report, o, d);
}

}  // namespace

void setup_keys(CLI::App& sub, Action& action) {
    auto o = std::make_shared<ReportOptions>();
    add_report_options(sub, *o, true);
    sub.callback([&action, o] { action = [o](const Context& ctx) { return run_keys(ctx, *o); }; });
}

}  // namespace kam::cli
