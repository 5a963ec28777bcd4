#include "report_tables.hpp"

#include <deque>

#include "kam/report/report_focus.hpp"
#include "kam/report/report_summary.hpp"

namespace kam::sql {

const std::vector<ReportTableBuilder>& report_table_builders() {
    static const std::vector<ReportTableBuilder> k_builders = {
        {"report_summary",
         [](const ReportInput& in, const PortfolioMetrics& whole,
            const std::vector<Alert>& alerts) {
             const PortfolioMetrics totals = compute_portfolio_metrics(
                 in.accounts, in.metrics, in.shown, in.settings, in.as_of);
             return build_summary_report(in, whole, totals, alerts);
         }},
        {"report_renewals",
         [](const ReportInput& in, const PortfolioMetrics&, const std::vector<Alert>&) {
             return build_renewals_report(in, in.settings.policy.renewal_horizon_days);
         }},
        {"report_risks", [](const ReportInput& in, const PortfolioMetrics&,
                            const std::vector<Alert>&) { return build_risks_report(in, 1); }},
        {"report_pipeline", [](const ReportInput& in, const PortfolioMetrics&,
                               const std::vector<Alert>&) { return build_pipeline_report(in); }},
        {"report_actions",
         [](const ReportInput& in, const PortfolioMetrics&, const std::vector<Alert>&) {
             return build_actions_report(in, false);
         }},
        {"report_keys", [](const ReportInput& in, const PortfolioMetrics& whole,
                           const std::vector<Alert>&) { return build_keys_report(in, whole); }},
    };
    return k_builders;
}

const std::vector<TableDef>& report_table_defs() {
    // The definitions outlive this call: their names live here.
    static std::deque<std::string> names;
    static const std::vector<TableDef> defs = [] {
        const PortfolioSettings settings;
        const std::vector<Account> accounts;
        const std::vector<AccountMetrics> metrics;
        const Date as_of{};
        const ReportInput in{settings, as_of, accounts, metrics, {}};
        const PortfolioMetrics whole =
            compute_portfolio_metrics(accounts, metrics, settings, as_of);
        std::vector<TableDef> out;
        for (const ReportTableBuilder& b : report_table_builders()) {
            const Report report = b.build(in, whole, {});
            const auto* t = std::get_if<Table>(&report.blocks.at(report.csv_block));
            if (!t) continue;
            names.push_back(std::string(b.table));
            TableDef def;
            def.name = names.back();
            names.push_back("The main table of kam " + report.kind +
                            " (its CSV, column for column and row for row, in "
                            "rowid order), with the default options over every account.");
            def.description = names.back();
            def.group = "reports";
            for (const Column& c : t->columns) {
                if (c.human_only) continue;
                names.push_back(c.key);
                const std::string_view key = names.back();
                names.push_back(c.title);
                def.columns.push_back({key, c.numeric ? ColumnType::numeric : ColumnType::text, "",
                                       names.back(), false});
            }
            out.push_back(std::move(def));
        }
        return out;
    }();
    return defs;
}

}  // namespace kam::sql
