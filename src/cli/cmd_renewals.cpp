// kam renewals [--within N]: contracts in force that end soon, with notice deadlines.
#include "commands.hpp"
#include "kam/report/report_focus.hpp"
#include "report_common.hpp"

namespace kam::cli {

namespace {

struct RenewalsOptions {
    ReportOptions report;
    int within = 0;  // 0: policy.renewal_horizon_days
};

int run_renewals(const Context& ctx, const RenewalsOptions& o) {
    const ReportData d = load_report_data(ctx);
    const int within = o.within > 0 ? o.within : d.portfolio.settings.policy.renewal_horizon_days;
    Report report = build_renewals_report(
        d.input(select_accounts(d.portfolio.accounts, o.report.filter)), within);
    return print_report(ctx, report, o.report, d);
}

}  // namespace

void setup_renewals(CLI::App& sub, Action& action) {
    auto o = std::make_shared<RenewalsOptions>();
    sub.add_option("--within", o->within, "Days ahead (default: policy.renewal_horizon_days)")
        ->check(CLI::Range(1, 36500));
    add_report_options(sub, o->report, true);
    sub.callback(
        [&action, o] { action = [o](const Context& ctx) { return run_renewals(ctx, *o); }; });
}

}  // namespace kam::cli
