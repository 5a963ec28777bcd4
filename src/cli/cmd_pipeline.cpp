// kam pipeline: open opportunities and the pipeline by stage.
#include "commands.hpp"
#include "kam/report/report_focus.hpp"
#include "kam/report/report_judgement.hpp"
#include "report_common.hpp"

namespace kam::cli {

namespace {

int run_pipeline(const Context& ctx, const ReportOptions& o) {
    const ReportData d = load_report_data(ctx);
    const ReportInput in = d.input(select_accounts(d.portfolio.accounts, o.filter));
    Report report = build_pipeline_report(in);
    report.blocks.push_back(qualification_figures(in));
    return print_report(ctx, report, o, d);
}

}  // namespace

void setup_pipeline(CLI::App& sub, Action& action) {
    auto o = std::make_shared<ReportOptions>();
    add_report_options(sub, *o, true);
    sub.callback(
        [&action, o] { action = [o](const Context& ctx) { return run_pipeline(ctx, *o); }; });
}

}  // namespace kam::cli
