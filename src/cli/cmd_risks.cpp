// kam risks [--min-score N]: live risks, highest first, and their 5 x 5 heat map.
#include "commands.hpp"
#include "kam/report/report_focus.hpp"
#include "report_common.hpp"

namespace kam::cli {

namespace {

struct RisksOptions {
    ReportOptions report;
    int min_score = 1;
};

int run_risks(const Context& ctx, const RisksOptions& o) {
    const ReportData d = load_report_data(ctx);
    Report report = build_risks_report(
        d.input(select_accounts(d.portfolio.accounts, o.report.filter)), o.min_score);
    return print_report(ctx, report, o.report, d);
}

}  // namespace

void setup_risks(CLI::App& sub, Action& action) {
    auto o = std::make_shared<RisksOptions>();
    sub.add_option("--min-score", o->min_score,
                   "Only risks scoring at least this (likelihood x impact, 1-25)")
        ->check(CLI::Range(1, 25));
    add_report_options(sub, o->report, true);
    sub.callback([&action, o] { action = [o](const Context& ctx) { return run_risks(ctx, *o); }; });
}

}  // namespace kam::cli
