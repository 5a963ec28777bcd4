#pragma once
// What the report subcommands share: --format, the account filters, --sort
// and --strict; one load of the portfolio with every account's figures; the
// printing of a report in the chosen format and the exit status.
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "context.hpp"
#include "kam/metrics/account_metrics.hpp"
#include "kam/metrics/select.hpp"
#include "kam/portfolio/load.hpp"
#include "kam/report/report_digest.hpp"
#include "kam/report/report_input.hpp"

namespace kam::cli {

struct ReportOptions {
    std::string format = "table";  // table markdown json csv
    AccountFilter filter;
    std::string sort;  // a column key; a leading '-' sorts descending
    bool strict = false;
    bool wide = false;     // the table never cuts text to fit
    bool explain = false;  // every figure with its formula and inputs (kam-metrics(7), SOURCES)
};

// --format always; --tier/--status/--tag/--manager and --sort when `filters`.
void add_report_options(CLI::App& sub, ReportOptions& options, bool filters);
// --explain (matrix, value, whitespace, show).
void add_explain_option(CLI::App& sub, ReportOptions& options);
// --tier/--status/--tag/--manager alone.
void add_filter_options(CLI::App& sub, AccountFilter& filter);

// One load: kam.yaml, every account (models kept) and their figures. The
// findings are counted (error_count) and dropped.
struct ReportData {
    LoadedPortfolio portfolio;
    std::vector<AccountMetrics> metrics;
    Date as_of;
    size_t error_count = 0;
    std::vector<FigureSources> sources;  // sources[i] of metrics[i], with --explain
    bool explain = false;

    // With --explain, the figures' sources go with them.
    const std::vector<FigureSources>* sources_or_null() const {
        return explain ? &sources : nullptr;
    }
    ReportInput input(std::vector<size_t> shown) const {
        return ReportInput{portfolio.settings, as_of, portfolio.accounts, metrics, std::move(shown),
                           sources_or_null()};
    }
};
// `explain`: the figures are computed with their sources.
ReportData load_report_data(const Context& ctx, bool explain = false);

// One load for kam summary: each account's digest (facts, figures, its own
// alerts) computed in the loader's workers and its model dropped there.
struct DigestData {
    LoadedPortfolio portfolio;  // the accounts without their contents, no findings
    PortfolioDigest digest;
    Date as_of;
    size_t error_count = 0;

    SummaryInput input(std::vector<size_t> shown) const {
        return digest.input(portfolio.settings, as_of, std::move(shown));
    }
};
DigestData load_digest_data(const Context& ctx);

// Sorts the main table by --sort, renders, prints to stdout, warns on stderr
// about accounts with load errors; returns the exit status (1 under --strict
// when there were errors).
// The report in one of the report formats (table, markdown, json, csv); a
// table fits the terminal unless `wide`.
std::string render_in_format(const Context& ctx, const Report& report, std::string_view format,
                             bool wide);

int print_report(const Context& ctx, Report& report, const ReportOptions& options,
                 const ReportData& data);
int print_report(const Context& ctx, Report& report, const ReportOptions& options,
                 const LoadedPortfolio& portfolio, size_t error_count);
// The stderr warning about load errors and the exit status, for commands
// that print no report themselves.
int finish_report(const ReportData& data, bool strict);
int finish_report(const LoadedPortfolio& portfolio, size_t error_count, bool strict);

}  // namespace kam::cli
