#pragma once
// The focused reports: renewals, risks, pipeline, actions and key accounts.
// Each lists records of the shown accounts; money is in the base currency.
// A builder decides nothing about the domain: what is due, overdue, open or
// urgent comes from model/ and metrics/.
//
// To add a report, touch these places (ARCHITECTURE.md, "Where to touch"):
// its builder (src/kam/report/report_NAME.cpp) and its declaration here; its
// subcommand (src/cli/commands.hpp lists those places); its table in
// src/kam/sql/report_tables.cpp; on the HTML page, a field of PortfolioPage
// (report_page.hpp) filled from report_parts.hpp in report_page.cpp and
// drawn in render/report_html.cpp.
#include "kam/metrics/portfolio_metrics.hpp"
#include "kam/report/report_input.hpp"

namespace kam {

// Contracts in force (active, renewing) that end within `within` days of the
// as-of day, soonest first, with their notice deadlines.
Report build_renewals_report(const ReportInput& input, int within);

// Live risks scoring at least `min_score`, highest first, and the 5 x 5 heat
// map of their likelihood and impact.
Report build_risks_report(const ReportInput& input, int min_score);

// Open opportunities (lead..negotiation), by expected close, and the totals by stage.
Report build_pipeline_report(const ReportInput& input);

// Blueprint actions: the open ones (or only the overdue ones), by due date.
Report build_actions_report(const ReportInput& input, bool overdue_only);

// The key-account Pareto of the whole portfolio (`whole`), for the shown accounts.
Report build_keys_report(const ReportInput& input, const PortfolioMetrics& whole);

}  // namespace kam
