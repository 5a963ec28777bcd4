#pragma once
// `kam report`: everything its one HTML page shows, as typed results of the
// report layer. render/report_html formats a PortfolioPage and looks nothing
// up: each section and each chart has a field of its own, so no renderer
// reads a table back by a column's name or position.
#include <string>
#include <vector>

#include "kam/report/report_charts.hpp"
#include "kam/report/report_input.hpp"

namespace kam {

struct PortfolioPage {
    std::string portfolio;   // its name, as the reports print it ("-" when none)
    std::vector<Item> meta;  // the summary's: portfolio, as_of, currency, ...
    FigureList totals;       // totals and KPIs
    Table health;            // health and its parts, per account
    Table accounts;          // the summary's accounts table
    Table alerts;
    Report matrix, whitespace;          // kam matrix and kam whitespace
    std::vector<Report> account_pages;  // one `show` report per account, with its judgement

    std::vector<ParetoBar> pareto;       // the key-account ranking
    double key_share = 80;               // policy.key_account_share
    HeatMapCounts heat_map{};            // every live risk
    std::vector<TimelineItem> renewals;  // due within renewal_within days
    int renewal_within = 180;            // policy.renewal_horizon_days
    std::vector<StageBar> stages;        // the pipeline by stage, without the total
    std::vector<MatrixBubble> bubbles;   // the placed accounts of the portfolio matrix
};

// The page of the shown accounts, its figures from compute_portfolio_figures().
PortfolioPage build_portfolio_page(const ReportInput& input);

}  // namespace kam
