// kam summary from each account's digest, filled by the loader's workers
// with the models dropped, against the summary from the models: the same
// report in every format, over every account and over a filtered few.
#include <doctest/doctest.h>

#include <atomic>
#include <set>

#include "kam/io/file_system.hpp"
#include "kam/io/yaml_loader.hpp"
#include "kam/metrics/select.hpp"
#include "kam/portfolio/load.hpp"
#include "kam/render/report_formats.hpp"
#include "kam/report/report_digest.hpp"
#include "kam/report/report_parts.hpp"
#include "kam/report/report_summary.hpp"

using namespace kam;

namespace {

const Date k_as_of = *parse_date("2026-11-23");

LoadedPortfolio load(AccountVisitor* visitor, bool keep) {
    LoadOptions o;
    o.as_of = k_as_of;
    o.jobs = 2;
    o.keep_accounts = keep;
    o.visitor = visitor;
    return load_portfolio(RealFileSystem(), std::string(KAM_SOURCE_DIR) + "/examples/portfolio", "",
                          o, default_event_source());
}

class Digester final : public AccountVisitor {
  public:
    void start(size_t count, const PortfolioSettings& s) override {
        settings = &s;
        digest.resize(count);
        seen.assign(count, 0);
        ++starts;
    }
    void visit(size_t index, const Account& a) override {
        ++seen.at(index);
        digest.add(index, a, *settings, k_as_of);
    }

    PortfolioDigest digest;
    std::vector<int> seen;
    int starts = 0;
    const PortfolioSettings* settings = nullptr;
};

std::vector<std::string> all_formats(const Report& r) {
    return {render_report_table(r, {false, 200}), render_report_markdown(r), render_report_json(r),
            render_report_csv(r)};
}

}  // namespace

TEST_CASE("the summary from digests is the summary from the models, filtered or not") {
    const LoadedPortfolio full = load(nullptr, true);
    std::vector<AccountMetrics> metrics;
    for (const Account& a : full.accounts)
        metrics.push_back(compute_account_metrics(a, full.settings, k_as_of));

    Digester d;
    const LoadedPortfolio light = load(&d, false);
    CHECK(d.starts == 1);
    REQUIRE(d.seen.size() == full.accounts.size());
    for (const int n : d.seen) CHECK(n == 1);
    REQUIRE(light.accounts.size() == full.accounts.size());
    for (size_t i = 0; i < light.accounts.size(); ++i) {
        CHECK(light.accounts[i].slug == full.accounts[i].slug);
        CHECK(light.accounts[i].has_errors == full.accounts[i].has_errors);
        CHECK_FALSE(light.accounts[i].contracts);  // the model was dropped
        CHECK(d.digest.accounts[i].slug == full.accounts[i].slug);
    }

    AccountFilter key_only;
    key_only.tiers = {"key"};
    for (const AccountFilter& filter : {AccountFilter{}, key_only}) {
        const std::vector<size_t> shown = select_accounts(full.accounts, filter);
        CHECK(select_accounts(d.digest.accounts, filter) == shown);

        // From the models, as kam summary did before it kept digests.
        const ReportInput in{full.settings, k_as_of, full.accounts, metrics, shown};
        const PortfolioMetrics whole =
            compute_portfolio_metrics(full.accounts, metrics, full.settings, k_as_of);
        const PortfolioMetrics totals =
            compute_portfolio_metrics(full.accounts, metrics, shown, full.settings, k_as_of);
        const std::vector<Alert> alerts =
            compute_alerts(full.accounts, metrics, shown, whole.ranking, full.settings, k_as_of);
        const Report before = build_summary_report(in, whole, totals, alerts);

        const SummaryInput digest_in = d.digest.input(light.settings, k_as_of, shown);
        const PortfolioFigures f = compute_portfolio_figures(digest_in, d.digest.alerts);
        CHECK(f.alerts.size() == alerts.size());
        const Report after = build_summary_report(digest_in, f.whole, f.totals, f.alerts);
        CHECK(all_formats(after) == all_formats(before));
        CHECK_FALSE(std::get<Table>(after.blocks.at(2)).rows.empty());  // alerts there to compare
    }
}

TEST_CASE("account_alerts then portfolio_alerts are compute_alerts") {
    const LoadedPortfolio full = load(nullptr, true);
    std::vector<AccountMetrics> metrics;
    for (const Account& a : full.accounts)
        metrics.push_back(compute_account_metrics(a, full.settings, k_as_of));
    std::vector<size_t> which;
    for (size_t i = 0; i < full.accounts.size(); i += 2) which.push_back(i);
    const PortfolioMetrics whole =
        compute_portfolio_metrics(full.accounts, metrics, full.settings, k_as_of);
    std::vector<std::vector<Alert>> own(full.accounts.size());
    for (size_t i = 0; i < full.accounts.size(); ++i) {
        own[i] = account_alerts(i, full.accounts[i], metrics[i], full.settings, k_as_of);
        for (const Alert& a : own[i]) CHECK(a.account == i);
    }
    const auto split = portfolio_alerts(facts_of(full.accounts), own, which, whole.ranking);
    const auto whole_alerts =
        compute_alerts(full.accounts, metrics, which, whole.ranking, full.settings, k_as_of);
    REQUIRE(split.size() == whole_alerts.size());
    for (size_t i = 0; i < split.size(); ++i) {
        CHECK(split[i].kind == whole_alerts[i].kind);
        CHECK(split[i].account == whole_alerts[i].account);
        CHECK(split[i].date == whole_alerts[i].date);
        CHECK(split[i].message == whole_alerts[i].message);
    }
}
