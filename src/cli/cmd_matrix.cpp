// kam matrix: every account on attractiveness x strength, with its quadrant
// and the tier it suggests.
#include "commands.hpp"
#include "kam/metrics/matrix.hpp"
#include "kam/report/report_judgement.hpp"
#include "report_common.hpp"

namespace kam::cli {

namespace {

int run_matrix(const Context& ctx, const ReportOptions& o) {
    const ReportData d = load_report_data(ctx, o.explain);
    // Placed over the whole portfolio (size is relative); filters only choose the rows shown.
    auto matrix = std::make_shared<const PortfolioMatrix>(compute_matrix(
        d.portfolio.accounts, d.metrics, d.portfolio.settings, d.as_of, d.sources_or_null()));
    Report report = build_matrix_report(d.input(select_accounts(d.portfolio.accounts, o.filter)),
                                        std::move(matrix));
    return print_report(ctx, report, o, d);
}

}  // namespace

void setup_matrix(CLI::App& sub, Action& action) {
    auto o = std::make_shared<ReportOptions>();
    add_report_options(sub, *o, true);
    add_explain_option(sub, *o);
    sub.callback(
        [&action, o] { action = [o](const Context& ctx) { return run_matrix(ctx, *o); }; });
}

}  // namespace kam::cli
