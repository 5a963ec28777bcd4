#pragma once
// `kam summary`: one row per account, totals and KPIs, and the alerts.
#include "kam/metrics/alerts.hpp"
#include "kam/metrics/portfolio_metrics.hpp"
#include "kam/report/report_input.hpp"

namespace kam {

// `totals` is computed over the shown accounts; `alerts` likewise (with the
// key-account judgement made over the whole portfolio).
Report build_summary_report(const SummaryInput& input, const PortfolioMetrics& whole,
                            const PortfolioMetrics& totals, const std::vector<Alert>& alerts);
// The same over the models of `input` (their facts_of).
Report build_summary_report(const ReportInput& input, const PortfolioMetrics& whole,
                            const PortfolioMetrics& totals, const std::vector<Alert>& alerts);

// The alerts as a table, shared with other reports.
Table alerts_table(const SummaryInput& input, const std::vector<Alert>& alerts);

}  // namespace kam
