#pragma once
// The parts the reports are built from, for a caller that shows them on
// their own (the HTML page, report_page.hpp): the typed results behind the
// focused reports' tables and the summary's blocks one by one. The reports
// (report_focus.hpp, report_summary.hpp) are built from these same functions.
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "kam/metrics/alerts.hpp"
#include "kam/metrics/portfolio_metrics.hpp"
#include "kam/report/report_charts.hpp"
#include "kam/report/report_input.hpp"
#include "kam/report/report_summary.hpp"

namespace kam {

// Renewals: a contract of a shown account that is Contract::renewal_due()
// within the window.
struct RenewalDue {
    size_t account = 0;  // index into input.accounts
    const Contract* contract = nullptr;
    Date end;  // its current_end
    int64_t days_to_end = 0;
    std::optional<Date> notice_deadline;    // none without notice_days
    std::optional<int64_t> days_to_notice;  // negative: passed
};
// Soonest end first, then by account and contract id.
std::vector<RenewalDue> renewals_due(const ReportInput& input, int within);

// Risks: the live risks of the shown accounts scoring at least `min_score`,
// counted by likelihood and impact.
HeatMapCounts risk_heat_map(const ReportInput& input, int min_score);

// Pipeline: the open opportunities of the shown accounts summed by stage, in
// k_open_stages order, and in all. A sum that does not fit is unknown; an
// opportunity with no exchange rate is left out and counted in `unknown`.
struct StageTotal {
    std::string_view stage;  // "total" for the total
    int64_t count = 0;
    Figure<Money> value, weighted;
    size_t unknown = 0;
};
struct PipelineByStage {
    std::vector<StageTotal> stages;
    StageTotal total;
};
PipelineByStage pipeline_by_stage(const ReportInput& input);

// Keys: the ranked accounts of the key-account Pareto (not the unranked), as
// the bars of its chart.
std::vector<ParetoBar> pareto_bars(const ReportInput& input, const PortfolioMetrics& whole);

// What the summary and the HTML page are computed from: key accounts judged
// over the whole portfolio (`whole`), totals and alerts over the accounts
// shown. `own_alerts[i]` are the account_alerts of input.accounts[i].
struct PortfolioFigures {
    PortfolioMetrics whole, totals;
    std::vector<Alert> alerts;
};
PortfolioFigures compute_portfolio_figures(const SummaryInput& input,
                                           const std::vector<std::vector<Alert>>& own_alerts);

// Summary: its metadata (report_meta and the number of accounts shown) and
// its blocks (alerts_table is in report_summary.hpp): one row per account
// with its figures; the totals and KPIs; health and its parts, one row per
// account with every column shown. They read the accounts' facts and figures
// only (SummaryInput), never a model.
std::vector<Item> summary_meta(const SummaryInput& input);
// accounts_table's rows are made as they are printed (Table::make_row), from
// a copy of `input`: what it refers to (the facts, the figures, the
// settings) must outlive the table, or be held by `keep_alive`.
Table accounts_table(const SummaryInput& input, const PortfolioMetrics& whole,
                     const PortfolioMetrics& totals, std::shared_ptr<const void> keep_alive = {});
FigureList totals_figures(const SummaryInput& input, const PortfolioMetrics& whole,
                          const PortfolioMetrics& totals);
// health_table's rows are made as they are printed, as accounts_table's.
Table health_table(const SummaryInput& input, std::shared_ptr<const void> keep_alive = {});

}  // namespace kam
