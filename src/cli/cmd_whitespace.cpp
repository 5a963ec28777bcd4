// kam whitespace: accounts x offerings, penetration and cross-sell gaps.
#include "commands.hpp"
#include "kam/metrics/whitespace.hpp"
#include "kam/report/report_judgement.hpp"
#include "report_common.hpp"

namespace kam::cli {

namespace {

int run_whitespace(const Context& ctx, const ReportOptions& o) {
    const ReportData d = load_report_data(ctx, o.explain);
    std::vector<size_t> shown = select_accounts(d.portfolio.accounts, o.filter);
    auto w = std::make_shared<const Whitespace>(compute_whitespace(d.portfolio.accounts, shown));
    Report report = build_whitespace_report(d.input(std::move(shown)), std::move(w));
    return print_report(ctx, report, o, d);
}

}  // namespace

void setup_whitespace(CLI::App& sub, Action& action) {
    auto o = std::make_shared<ReportOptions>();
    add_report_options(sub, *o, true);
    add_explain_option(sub, *o);
    sub.callback(
        [&action, o] { action = [o](const Context& ctx) { return run_whitespace(ctx, *o); }; });
}

}  // namespace kam::cli
