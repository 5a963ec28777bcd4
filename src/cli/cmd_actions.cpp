// kam actions [--overdue]: the open actions of the account blueprints.
#include "commands.hpp"
#include "kam/report/report_focus.hpp"
#include "report_common.hpp"

namespace kam::cli {

namespace {

struct ActionsOptions {
    ReportOptions report;
    bool overdue = false;
};

int run_actions(const Context& ctx, const ActionsOptions& o) {
    const ReportData d = load_report_data(ctx);
    Report report = build_actions_report(
        d.input(select_accounts(d.portfolio.accounts, o.report.filter)), o.overdue);
    return print_report(ctx, report, o.report, d);
}

}  // namespace

void setup_actions(CLI::App& sub, Action& action) {
    auto o = std::make_shared<ActionsOptions>();
    sub.add_flag("--overdue", o->overdue, "Only actions past their due day");
    add_report_options(sub, o->report, true);
    sub.callback(
        [&action, o] { action = [o](const Context& ctx) { return run_actions(ctx, *o); }; });
}

}  // namespace kam::cli
