// The sources of the figures (kam-metrics(7), SOURCES): a tiny portfolio
// read from YAML text, so every line and column below can be counted in the
// text next to it. As of 2026-11-23: the year of the figures is FY2025.
#include <doctest/doctest.h>

#include "kam/io/file_system.hpp"
#include "kam/io/yaml_loader.hpp"
#include "kam/metrics/lifetime_value.hpp"
#include "kam/metrics/matrix.hpp"
#include "kam/metrics/portfolio_metrics.hpp"
#include "kam/metrics/rank.hpp"
#include "kam/metrics/relationship_fit.hpp"
#include "kam/metrics/rising.hpp"
#include "kam/metrics/whitespace.hpp"
#include "kam/portfolio/load.hpp"

using namespace kam;

namespace {

// Line numbers on the right.
constexpr const char* k_kam_yaml =
    "kam: 1\n"                 // 1
    "name: Tiny\n"             // 2
    "currency: EUR\n"          // 3
    "policy:\n"                // 4
    "  min_margin_pct: 15\n";  // 5, value at column 19

constexpr const char* k_account =
    "name: Acme\n"                // 1
    "status: active\n"            // 2
    "tier: key\n"                 // 3, column 7
    "manager: Ann\n"              // 4
    "client_since: 2021-11-22\n"  // 5, column 15
    "growth_potential: high\n"    // 6, column 19
    "replaceability: low\n"       // 7, column 17
    "relationship: moderate\n";   // 8, column 15

constexpr const char* k_performance =
    "financials:\n"           // 1
    "  - period: \"2024\"\n"  // 2
    "    revenue: 800000\n"   // 3, column 14
    "    cost: 600000\n"      // 4
    "  - period: \"2025\"\n"  // 5
    "    revenue: 1000000\n"  // 6, column 14
    "    cost: 700000\n";     // 7, column 11

constexpr const char* k_sales =
    "opportunities:\n"       // 1
    "  - id: O1\n"           // 2
    "    title: Big deal\n"  // 3
    "    stage: proposal\n"  // 4, column 12
    "    value: 400000\n";   // 5, column 12

constexpr const char* k_profile =
    "industry: machinery\n"        // 1, column 11
    "people:\n"                    // 2
    "  - id: P1\n"                 // 3
    "    name: Pat\n"              // 4
    "    role: decision-maker\n"   // 5, column 11
    "    relationship: strong\n";  // 6, column 19

constexpr const char* k_blueprint =
    "offerings:\n"             // 1
    "  - name: Maintenance\n"  // 2
    "    stage: current\n";    // 3, column 12

constexpr const char* k_beta_account =
    "name: Beta\n"      // 1
    "status: active\n"  // 2
    "tier: key\n"       // 3, column 7
    "manager: Bo\n";    // 4

constexpr const char* k_beta_blueprint =
    "offerings:\n"            // 1
    "  - name: Training\n"    // 2
    "    stage: proposed\n";  // 3

struct Tiny {
    LoadedPortfolio portfolio;
    std::vector<AccountMetrics> metrics;
    std::vector<FigureSources> sources;
    Date as_of = Date::from_ymd(2026, 11, 23);

    Tiny() {
        MemoryFileSystem fs;
        fs.add_file("p/kam.yaml", k_kam_yaml);
        fs.add_file("p/accounts/acme/account.yaml", k_account);
        fs.add_file("p/accounts/acme/performance.yaml", k_performance);
        fs.add_file("p/accounts/acme/sales.yaml", k_sales);
        fs.add_file("p/accounts/acme/profile.yaml", k_profile);
        fs.add_file("p/accounts/acme/blueprint.yaml", k_blueprint);
        fs.add_file("p/accounts/beta/account.yaml", k_beta_account);
        fs.add_file("p/accounts/beta/blueprint.yaml", k_beta_blueprint);
        LoadOptions o;
        o.as_of = as_of;
        portfolio = load_portfolio(fs, "p", "p", o, default_event_source());
        sources.resize(portfolio.accounts.size());
        for (size_t i = 0; i < portfolio.accounts.size(); ++i)
            metrics.push_back(compute_account_metrics(portfolio.accounts[i], portfolio.settings,
                                                      as_of, sources[i]));
    }
    const Account& acme() const { return portfolio.accounts[0]; }
};

std::string where(const Source& s) {
    return s.file + ":" + std::to_string(s.pos.line) + ":" + std::to_string(s.pos.column) + " " +
           s.path + " = " + s.value;
}

std::vector<std::string> all(const Sources& sources) {
    std::vector<std::string> out;
    for (const Source& s : sources) out.push_back(where(s));
    return out;
}

// acme's lifetime value with its sources, and the expected lifetime's.
struct AcmeLifetime {
    Sources life;
    LifetimeValue value;
};
AcmeLifetime acme_lifetime(const Tiny& t) {
    const PortfolioMetrics whole =
        compute_portfolio_metrics(t.portfolio.accounts, t.metrics, t.portfolio.settings, t.as_of);
    AcmeLifetime out;
    out.life = expected_lifetime_sources(t.portfolio.accounts, whole, t.portfolio.settings);
    out.value = compute_lifetime_value(
        t.acme(), t.metrics[0], t.portfolio.settings,
        expected_lifetime_years(whole.retention_pct, t.portfolio.settings.policy.clv_max_years),
        &out.life);
    return out;
}

}  // namespace

TEST_CASE("sources: the per-account figures name the rows they are computed from") {
    const Tiny t;
    REQUIRE(t.portfolio.accounts.size() == 2);
    for (const Diagnostic& d : t.portfolio.diagnostics)
        CHECK_MESSAGE(d.severity != Severity::error, d.path, ":", d.line, ": ", d.message);
    const FigureSources& s = t.sources[0];
    CHECK(*t.metrics[0].annual_revenue == Money{100'000'000});
    CHECK(all(s.of("annual_revenue")) ==
          std::vector<std::string>{
              "p/accounts/acme/performance.yaml:6:14 performance.financials.1.revenue = "
              "1000000.00 (2025)"});
    CHECK(all(s.of("prior_revenue")) ==
          std::vector<std::string>{
              "p/accounts/acme/performance.yaml:3:14 performance.financials.0.revenue = "
              "800000.00 (2024)"});
    CHECK(all(s.of("margin_pct")) ==
          std::vector<std::string>{
              "p/accounts/acme/performance.yaml:6:14 performance.financials.1.revenue = "
              "1000000.00 (2025)",
              "p/accounts/acme/performance.yaml:7:11 performance.financials.1.cost = "
              "700000.00 (2025)"});
    CHECK(s.of("growth_pct").size() == 2);
    CHECK(all(s.of("weighted_pipeline")) ==
          std::vector<std::string>{
              "p/accounts/acme/sales.yaml:5:12 sales.opportunities.O1.value = 400000.00",
              "p/accounts/acme/sales.yaml:4:12 sales.opportunities.O1.stage = proposal: 50% by "
              "default"});
    CHECK(all(s.of("coverage_pct")) ==
          std::vector<std::string>{
              "p/accounts/acme/profile.yaml:6:19 profile.people.P1.relationship = strong"});
    // Health rests on coverage alone here (20 of 100: unknown), but the part names its input.
    CHECK(s.of("health_coverage").size() == 1);
    CHECK(s.of("health_nps").empty());
}

TEST_CASE("sources: the matrix's parts name their inputs, and none unless asked") {
    const Tiny t;
    const PortfolioMatrix m =
        compute_matrix(t.portfolio.accounts, t.metrics, t.portfolio.settings, t.as_of, &t.sources);
    const MatrixEntry& e = m.entries[0];
    REQUIRE(e.account == 0);
    const auto& a = e.attractiveness.parts;
    CHECK(a[0].name == "size");
    CHECK(all(a[0].sources) == all(t.sources[0].of("annual_revenue")));
    CHECK(all(a[2].sources) == std::vector<std::string>{"p/accounts/acme/account.yaml:6:19 "
                                                        "account.growth_potential = high"});
    // pipeline: the weighted pipeline's inputs, then annual_revenue's.
    CHECK(a[4].sources.size() == 3);
    const auto& st = e.strength.parts;
    CHECK(all(st[2].sources) == std::vector<std::string>{"p/accounts/acme/account.yaml:7:17 "
                                                         "account.replaceability = low"});
    CHECK(all(st[4].sources) == std::vector<std::string>{"p/accounts/acme/account.yaml:5:15 "
                                                         "account.client_since = 2021-11-22"});
    CHECK(st[3].sources.empty());  // no share_of_wallet: the part is missing, so no sources
    CHECK(all(e.tier_sources) ==
          std::vector<std::string>{"p/accounts/acme/account.yaml:3:7 account.tier = key"});

    const PortfolioMatrix plain =
        compute_matrix(t.portfolio.accounts, t.metrics, t.portfolio.settings, t.as_of);
    CHECK(plain.entries[0].attractiveness.parts[0].sources.empty());
    CHECK(plain.entries[0].tier_sources.empty());
}

TEST_CASE("sources: lifetime value and relationship fit name the rows and the policy") {
    const Tiny t;
    const AcmeLifetime acme = acme_lifetime(t);
    const Sources& life = acme.life;
    const LifetimeValue& v = acme.value;
    // acme is the one account retention is over (beta has no client_since); the cap is a default.
    CHECK(all(life) == std::vector<std::string>{
                           "p/accounts/acme/account.yaml:5:15 account.client_since = 2021-11-22",
                           "p/kam.yaml:0:0 policy.clv_max_years = 10 (the default)"});
    CHECK(v.annual_margin_sources.size() == 2);
    CHECK(v.historical_margin_sources.size() == 4);  // both years, revenue and cost
    CHECK(where(v.fix_or_trim_sources.back()) == "p/kam.yaml:5:19 policy.min_margin_pct = 15");
    // forward: the year's rows, the discount rate (a default), the lifetime's.
    REQUIRE(v.forward_value_sources.size() == 5);
    CHECK(where(v.forward_value_sources[2]) ==
          "p/kam.yaml:0:0 policy.discount_rate_pct = 10 (the default)");

    const RelationshipFit fit =
        relationship_fit(t.acme(), t.metrics[0], t.portfolio.settings, t.sources[0]);
    CHECK(where(fit.sources.back()) ==
          "p/accounts/acme/account.yaml:8:15 account.relationship = moderate");
}

TEST_CASE("sources: a whitespace gap names the peer's offering and both tiers") {
    const Tiny t;
    const Whitespace w = compute_whitespace(t.portfolio.accounts, {0, 1});
    REQUIRE(w.rows.size() == 2);
    REQUIRE(w.rows[1].gaps.size() == 1);  // beta lacks Maintenance, which acme (key too) has
    CHECK(all(whitespace_gap_sources(t.portfolio.accounts, w, 1, w.rows[1].gaps[0])) ==
          std::vector<std::string>{
              "p/accounts/beta/account.yaml:3:7 account.tier = key",
              "p/accounts/acme/blueprint.yaml:3:12 blueprint.offerings.0.stage = Maintenance: "
              "current",
              "p/accounts/acme/account.yaml:3:7 account.tier = key"});
    CHECK(whitespace_cell_sources(t.portfolio.accounts, w, 0, 1).empty());  // acme: no Training
}

TEST_CASE("sources: an offering's counts name each account's stage, or its offerings") {
    const Tiny t;
    const Whitespace w = compute_whitespace(t.portfolio.accounts, {0, 1});
    REQUIRE(w.offerings.size() == 2);  // Maintenance, Training
    CHECK(w.offerings[1].name == "Training");
    CHECK(all(whitespace_count_sources(t.portfolio.accounts, w, 1, "proposed")) ==
          std::vector<std::string>{"p/accounts/beta/blueprint.yaml:3:12 "
                                   "blueprint.offerings.0.stage = Training: proposed"});
    CHECK(whitespace_count_sources(t.portfolio.accounts, w, 1, "current").empty());
    // Both accounts' offerings are known: the denominator names the first offering of each.
    CHECK(all(whitespace_count_sources(t.portfolio.accounts, w, 1, "")) ==
          std::vector<std::string>{
              "p/accounts/acme/blueprint.yaml:2:5 blueprint.offerings.0.name = Maintenance",
              "p/accounts/beta/blueprint.yaml:2:5 blueprint.offerings.0.name = Training"});
    CHECK(all(whitespace_penetration_sources(t.portfolio.accounts, w, 0)) ==
          all(whitespace_count_sources(t.portfolio.accounts, w, 0, "current")));
}

TEST_CASE("sources: years on file name each period counted; rising names signals and policy") {
    const Tiny t;
    const AcmeLifetime acme = acme_lifetime(t);
    const LifetimeValue& v = acme.value;
    CHECK(v.years_on_file == 2);
    CHECK(all(v.years_on_file_sources) ==
          std::vector<std::string>{
              "p/accounts/acme/performance.yaml:2:13 performance.financials.0.period = 2024 "
              "(FY2024)",
              "p/accounts/acme/performance.yaml:5:13 performance.financials.1.period = 2025 "
              "(FY2025)"});

    const Sources r = rising_sources(t.acme(), t.sources[0], t.portfolio.settings);
    REQUIRE(r.size() == 1 + 2 + 1 + 2 + 1 + 1);
    CHECK(where(r.front()) == "p/accounts/acme/account.yaml:6:19 account.growth_potential = high");
    CHECK(where(r[3]) == "p/kam.yaml:0:0 policy.rising_growth_pct = 20 (the default)");
    CHECK(where(r.back()) == "p/kam.yaml:0:0 policy.rising_pipeline_pct = 50 (the default)");
    // beta writes no growth_potential: the source says so, at the record.
    const Sources b = rising_sources(t.portfolio.accounts[1], t.sources[1], t.portfolio.settings);
    CHECK(b.front().value == "not written");
}

TEST_CASE("sources: completeness names where each present component is written") {
    const Tiny t;
    // manager, overview/profile (profile.yaml has content), financials, opportunities: 4 of 15.
    CHECK(t.metrics[0].completeness.pct.to_string() == "26.7");
    CHECK(all(t.sources[0].of("completeness_pct")) ==
          std::vector<std::string>{
              "p/accounts/acme/account.yaml:4:10 account.manager = manager: Ann",
              "p/accounts/acme/profile.yaml:1:1 profile = overview/profile: profile.yaml has "
              "content",
              "p/accounts/acme/performance.yaml:2:13 performance.financials.0.period = "
              "financials: 2024",
              "p/accounts/acme/sales.yaml:2:9 sales.opportunities.O1.id = opportunities: O1"});
    // No row of FY2026 has begun: revenue to date and run rate name nothing.
    CHECK(!t.metrics[0].ytd_revenue);
    CHECK(t.sources[0].of("ytd_revenue").empty());
}

TEST_CASE("sources: a data share names every weight and derives from the parts with data") {
    const Tiny t;
    const FigureSources& s = t.sources[0];
    CHECK(all(s.of("health_data_pct")) ==
          std::vector<std::string>{"p/kam.yaml:0:0 health_weights.nps = 25 (the default)",
                                   "p/kam.yaml:0:0 health_weights.coverage = 20 (the default)",
                                   "p/kam.yaml:0:0 health_weights.risk = 20 (the default)",
                                   "p/kam.yaml:0:0 health_weights.delivery = 20 (the default)",
                                   "p/kam.yaml:0:0 health_weights.review = 15 (the default)"});
    REQUIRE(s.from("health_data_pct").size() == 1);
    CHECK(s.from("health_data_pct")[0].account == "acme");
    CHECK(s.from("health_data_pct")[0].figure == "health_coverage");
    CHECK(s.from("health_data_pct")[0].value == "100.0");

    const PortfolioMatrix m =
        compute_matrix(t.portfolio.accounts, t.metrics, t.portfolio.settings, t.as_of, &t.sources);
    const MatrixEntry& e = m.entries[0];
    CHECK(e.attractiveness.data_sources.size() == 5);
    std::vector<std::string> parts;
    for (const FigureRef& f : e.attractiveness.data_from) parts.push_back(f.figure);
    // size, growth, potential, margin, pipeline all have data for Acme.
    CHECK(parts == std::vector<std::string>{"attractiveness_size", "attractiveness_growth",
                                            "attractiveness_potential", "attractiveness_margin",
                                            "attractiveness_pipeline"});
    CHECK(e.attractiveness.data_pct.to_string() == "100.0");
    // The quadrant derives from the two scores, when both are known.
    CHECK(e.quadrant_from.size() == (e.strength.score ? 2u : 1u));
    CHECK(e.quadrant_from[0].figure == "attractiveness");
    CHECK(e.quadrant_from[0].value == std::to_string(*e.attractiveness.score));
}

TEST_CASE("ranks: highest first, ties by name, unknown unranked, each with the one above") {
    const Ranking r = rank_descending({5, std::nullopt, 9, 5}, {"b", "x", "a", "a2"});
    CHECK(r.rank == std::vector<int64_t>{3, 0, 1, 2});
    CHECK(!r.above[2]);       // rank 1: nothing above
    CHECK(*r.above[3] == 2);  // a2 (5) under a (9)
    CHECK(*r.above[0] == 3);  // b (5) under a2 (5): the tie goes by name
    CHECK(!r.above[1]);       // unranked
}

TEST_CASE("decimal_text: a weight as written, exactly") {
    CHECK(decimal_text(Decimal{125, 1}) == "12.5");
    CHECK(decimal_text(Decimal{5, 3}) == "0.005");
    CHECK(decimal_text(Decimal{-20, 0}) == "-20");
    CHECK(decimal_text(Decimal{0, 0}) == "0");
    CHECK(decimal_text(Decimal{100, 2}) == "1.00");
}
