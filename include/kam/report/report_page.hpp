#pragma once
// `kam report`: everything its one HTML page shows, as typed results of the
// report layer. render/report_html formats a PortfolioPage and looks nothing
// up: each section and each chart has a field of its own, so no renderer
// reads a table back by a column's name or position.
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "kam/metrics/named_figures.hpp"
#include "kam/report/report_charts.hpp"
#include "kam/report/report_input.hpp"

namespace kam {

// The history behind the page's sparklines, as kam history sampled it
// (history/figure_history; cli/cmd_report fills this from it).
struct PageHistory {
    bool available = false;
    std::vector<std::string> periods;  // the period of each point, oldest first
    std::vector<size_t> figures;       // indices into named_figures(), in the order drawn
    // slug -> values[point][figure], with the reason of every empty one.
    std::map<std::string, std::vector<std::vector<FigureReading>>> series;
    std::string note;  // what the sparklines show, or why there are none
};

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
    // kam matrix, kam value and kam whitespace; with the input's sources
    // (--explain) each with its explanations, as the account pages.
    std::function<Report()> matrix, value, whitespace;
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
    // Sparklines per shown account, when the portfolio's history was read;
    // `trends_note` says what they show or why there are none (empty: the
    // history was not asked for).
    std::vector<AccountTrend> trends;
    std::string trends_note;
};

// The page of the shown accounts, its figures from compute_portfolio_figures();
// the sparklines from `history` when given.
PortfolioPage build_portfolio_page(const ReportInput& input, const PageHistory* history = nullptr);

}  // namespace kam
