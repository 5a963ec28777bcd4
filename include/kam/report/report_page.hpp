#pragma once
// `kam report`: everything its one HTML page shows, as typed results of the
// report layer. render/report_html formats a PortfolioPage and looks nothing
// up: each section and each chart has a field of its own, so no renderer
// reads a table back by a column's name or position.
#include <functional>
#include <string>
#include <vector>

#include "kam/report/report_charts.hpp"
#include "kam/report/report_input.hpp"

namespace kam {

struct PortfolioPage {
    std::string portfolio;   // its name, as the reports print it ("-" when none)
    std::vector<Item> meta;  // the summary's: portfolio, as_of, currency, ...
    FigureList totals;       // totals and KPIs
    // The sections that grow with the portfolio are built when the renderer
    // reaches them, and each account's page in turn (k < account_page_count),
    // so that the page never holds them all: each is rendered, written and
    // dropped before the next is built. They read the ReportInput the page
    // was built from, which must outlive the page. Unset: an empty section.
    std::function<Table()> health;    // health and its parts, per account
    std::function<Table()> accounts;  // the summary's accounts table
    std::function<Table()> alerts;
    std::function<Report()> matrix, whitespace;  // kam matrix and kam whitespace
    // One `show` report per shown account, with its judgement.
    size_t account_page_count = 0;
    std::function<Report(size_t k)> account_page;

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
