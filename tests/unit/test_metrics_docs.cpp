// kam-metrics(7) is written from the code's own names: every completeness
// component, every health part, and every JSON/CSV name of the summary and
// the focused reports must appear in it, so the page cannot drift silently.
#include <doctest/doctest.h>

#include "kam/metrics/completeness.hpp"
#include "kam/metrics/health.hpp"
#include "kam/report/report_summary.hpp"
#include "test_files.hpp"

namespace {

std::string page() {
    return kam::test::unescape_roff(
        kam::test::read_text(std::string(KAM_SOURCE_DIR) + "/man/kam-metrics.7"));
}

}  // namespace

TEST_CASE("kam-metrics(7) names every component, health part and summary figure") {
    const std::string man = page();
    REQUIRE_FALSE(man.empty());
    for (std::string_view c : kam::k_components)
        CHECK_MESSAGE(man.find(std::string(c)) != std::string::npos, c);
    for (std::string_view p : kam::k_health_part_names) {
        CHECK_MESSAGE(man.find(std::string(p)) != std::string::npos, p);
        CHECK_MESSAGE(man.find("health_" + std::string(p)) != std::string::npos, p);
    }

    const kam::PortfolioSettings settings;
    const std::vector<kam::Account> accounts;
    const std::vector<kam::AccountMetrics> metrics;
    const kam::ReportInput in{settings, kam::Date{}, accounts, metrics, {}};
    const kam::PortfolioMetrics none;
    const kam::Report summary = kam::build_summary_report(in, none, none, {});
    const auto& table = std::get<kam::Table>(summary.blocks[0]);
    for (const kam::Column& c : table.columns) {
        if (c.key == "slug" || c.key == "name" || c.key == "tier" || c.key == "status" ||
            c.key == "manager" || c.key == "key_account" || c.key == "incomplete")
            continue;  // the account's own fields, documented in kam-files(5)
        CHECK_MESSAGE(man.find(c.key) != std::string::npos, c.key);
    }
    for (const kam::Item& i : std::get<kam::FigureList>(summary.blocks[1]).items)
        if (i.key != "key_accounts") CHECK_MESSAGE(man.find(i.key) != std::string::npos, i.key);
}
