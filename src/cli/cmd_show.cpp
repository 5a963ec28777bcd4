// kam show SLUG: one account, every section and figure, as a one-pager.
#include <fmt/format.h>
#include <algorithm>

#include "commands.hpp"
#include "kam/metrics/matrix.hpp"
#include "kam/metrics/portfolio_metrics.hpp"
#include "kam/metrics/rising.hpp"
#include "kam/report/report_judgement.hpp"
#include "kam/report/report_show.hpp"
#include "kam/util/error.hpp"
#include "kam/util/spell.hpp"
#include "report_common.hpp"

namespace kam::cli {

namespace {

struct ShowOptions {
    std::string slug;
    ReportOptions report;
};

int run_show(const Context& ctx, const ShowOptions& o) {
    const ReportData d = load_report_data(ctx, o.report.explain);
    const auto& accounts = d.portfolio.accounts;
    const auto it = std::find_if(accounts.begin(), accounts.end(),
                                 [&](const Account& a) { return a.slug == o.slug; });
    if (it == accounts.end()) {
        std::vector<std::string_view> slugs;
        for (const Account& a : accounts) slugs.push_back(a.slug);
        throw UsageError(no_account_message(o.slug, "the portfolio", slugs));
    }
    const auto index = static_cast<size_t>(it - accounts.begin());
    Report report = build_show_report(d.input({index}), index);
    // The judgement figures are the whole portfolio's (matrix size, retention, key set).
    const auto& settings = d.portfolio.settings;
    const PortfolioMetrics whole =
        compute_portfolio_metrics(accounts, d.metrics, settings, d.as_of);
    for (Block& b : show_judgement_blocks(
             d.input({index}), index,
             compute_matrix(accounts, d.metrics, settings, d.as_of, d.sources_or_null()), whole,
             rising_accounts(accounts, d.metrics, whole, settings),
             whitespace_of_everyone(accounts), &report))
        report.blocks.push_back(std::move(b));
    return print_report(ctx, report, o.report, d);
}

}  // namespace

void setup_show(CLI::App& sub, Action& action) {
    auto o = std::make_shared<ShowOptions>();
    sub.add_option("slug", o->slug, "The account's folder name")->required();
    add_report_options(sub, o->report, false);
    add_explain_option(sub, o->report);
    sub.callback([&action, o] { action = [o](const Context& ctx) { return run_show(ctx, *o); }; });
}

}  // namespace kam::cli
