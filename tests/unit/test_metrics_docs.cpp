// kam-metrics(7) is written from the code's own names: every completeness
// component, every health part, and every JSON/CSV name of the summary and
// the focused reports must appear in it, so the page cannot drift silently.
#include <doctest/doctest.h>

#include <algorithm>

#include "kam/metrics/completeness.hpp"
#include "kam/metrics/health.hpp"
#include "kam/metrics/source.hpp"
#include "kam/report/report_judgement.hpp"
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

TEST_CASE("kam-metrics(7) names every JSON/CSV field of matrix, value, whitespace and rising") {
    const std::string man = page();
    for (std::string_view p : kam::k_attractiveness_part_names)
        CHECK_MESSAGE(man.find("attractiveness_" + std::string(p)) != std::string::npos, p);
    for (std::string_view p : kam::k_strength_part_names)
        CHECK_MESSAGE(man.find("strength_" + std::string(p)) != std::string::npos, p);
    std::string flat = man;  // the page's lines joined, for phrases that wrap
    std::replace(flat.begin(), flat.end(), '\n', ' ');
    for (const kam::QuadrantInfo& q : kam::k_quadrants) {
        CHECK_MESSAGE(man.find(std::string(q.name)) != std::string::npos, q.name);
        CHECK_MESSAGE(flat.find(std::string(q.action)) != std::string::npos, q.action);
    }

    const kam::PortfolioSettings settings;
    const std::vector<kam::Account> accounts;
    const std::vector<kam::AccountMetrics> metrics;
    const kam::ReportInput in{settings, kam::Date{}, accounts, metrics, {}};
    const kam::PortfolioMetrics none;
    const kam::Report reports[] = {
        kam::build_matrix_report(in, std::make_shared<const kam::PortfolioMatrix>()),
        kam::build_value_report(in, none),
        kam::build_whitespace_report(in, std::make_shared<const kam::Whitespace>())};
    std::vector<kam::Block> blocks;
    for (const kam::Report& r : reports)
        blocks.insert(blocks.end(), r.blocks.begin(), r.blocks.end());
    blocks.emplace_back(kam::rising_table(in, {}, {}));
    for (const kam::Block& b : blocks) {
        if (const auto* t = std::get_if<kam::Table>(&b)) {
            if (t->human_only) continue;  // no JSON or CSV field (the decisions)
            for (const kam::Column& c : t->columns) {
                if (c.key == "slug" || c.key == "name" || c.key == "tier" || c.key == "status")
                    continue;  // the account's own fields, documented in kam-files(5)
                CHECK_MESSAGE(man.find(c.key) != std::string::npos, t->key, ".", c.key);
            }
        } else {
            for (const kam::Item& i : std::get<kam::FigureList>(b).items)
                CHECK_MESSAGE(man.find(i.key) != std::string::npos, i.key);
        }
    }
}

TEST_CASE("kam-metrics(7) has a section for every formula an explanation names") {
    const std::string man =
        kam::test::read_text(std::string(KAM_SOURCE_DIR) + "/man/kam-metrics.7");
    REQUIRE_FALSE(man.empty());
    CHECK(man.find("\n.SH SOURCES\n") != std::string::npos);
    for (std::string_view f : kam::formula::all) {
        const bool section = man.find(".SH " + std::string(f) + "\n") != std::string::npos ||
                             man.find(".SS " + std::string(f) + "\n") != std::string::npos;
        CHECK_MESSAGE(section, f);
    }
}
