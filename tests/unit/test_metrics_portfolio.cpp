// Portfolio figures on eight hand-made accounts, as of 2026-11-23 (so the
// retention year starts on 2025-11-23 and the fiscal year is FY2025).
#include <doctest/doctest.h>
#include <limits>

#include "kam/metrics/portfolio_metrics.hpp"

using namespace kam;

namespace {

Date day(const char* text) {
    return *parse_date(text);
}

struct Fixture {
    std::vector<Account> accounts;
    std::vector<AccountMetrics> metrics;

    void add(const char* slug, const char* tier, const char* status, const char* since,
             const char* lost_on, std::optional<int64_t> annual, std::optional<int64_t> prior) {
        Account a;
        a.slug = slug;
        a.cover_ok = true;
        a.cover.tier = tier;
        a.cover.status = status;
        if (since) a.cover.client_since = day(since);
        if (lost_on) a.cover.lost_on = day(lost_on);
        AccountMetrics m;
        m.fiscal_year = 2025;
        m.annual_revenue =
            annual ? Figure<Money>::of(Money{*annual * 100}) : Figure<Money>::none("no revenue");
        m.prior_revenue =
            prior ? Figure<Money>::of(Money{*prior * 100}) : Figure<Money>::none("no revenue");
        m.acv = Figure<Money>::of(Money{100});
        m.pipeline = m.weighted_pipeline = Figure<Money>::none("no sales.yaml");
        accounts.push_back(a);
        metrics.push_back(m);
    }

    Fixture() {
        //   slug tier            status      client_since  lost_on     FY2025 FY2024
        add("a", "key", "active", "2020-01-01", nullptr, 500, 400);
        add("b", "maintain", "active", "2025-11-23", nullptr, 300, 300);
        add("c", "key", "active", "2025-11-24", nullptr, 150, std::nullopt);
        add("d", "growth", "lost", "2019-01-01", "2026-05-01", std::nullopt, 200);
        add("e", "growth", "lost", "2018-01-01", "2025-11-23", 100, std::nullopt);
        add("f", "transactional", "prospect", nullptr, nullptr, std::nullopt, std::nullopt);
        add("g", "growth", "active", nullptr, nullptr, 50, 0);
        add("h", "growth", "lost", "2025-12-01", "2026-01-10", 10, std::nullopt);
    }
};

PortfolioMetrics compute(const Fixture& f) {
    PortfolioSettings s;
    return compute_portfolio_metrics(f.accounts, f.metrics, s, day("2026-11-23"));
}

}  // namespace

TEST_CASE("key accounts: the smallest leading set reaching 80% of revenue") {
    const Fixture f;
    const PortfolioMetrics p = compute(f);
    // Ranked (not lost, with revenue): a 500, b 300, c 150, g 50 = 1000.
    REQUIRE(p.ranking.size() == 4);
    CHECK(f.accounts[p.ranking[0].account].slug == "a");
    CHECK(f.accounts[p.ranking[1].account].slug == "b");
    CHECK(f.accounts[p.ranking[2].account].slug == "c");
    CHECK(f.accounts[p.ranking[3].account].slug == "g");
    // a (cumulative 0 before it) and b (500) are needed; after them 800 = 80%.
    CHECK(p.key_count == 2);
    CHECK(p.ranking[0].key);
    CHECK(p.ranking[1].key);
    CHECK_FALSE(p.ranking[2].key);
    CHECK(p.ranking[0].share_pct.to_string() == "50.0");
    CHECK(p.ranking[1].cumulative_pct.to_string() == "80.0");
    CHECK(p.ranking[2].cumulative_pct.to_string() == "95.0");
    // b is key by revenue but tier maintain; c is tier key outside the set.
    CHECK(p.ranking[0].mismatch.empty());
    CHECK(p.ranking[1].mismatch == "key by revenue, but tier maintain");
    CHECK(p.ranking[2].mismatch == "tier key, but outside the 80% of revenue");
    CHECK(p.ranking[3].mismatch.empty());
    // f has no revenue: listed, never judged.
    REQUIRE(p.unranked.size() == 1);
    CHECK(f.accounts[p.unranked[0]].slug == "f");
}

TEST_CASE("key accounts follow policy.key_account_share exactly") {
    const Fixture f;
    PortfolioSettings s;
    s.policy.key_account_share = 80.1;  // 800 no longer reaches 801: c joins
    CHECK(compute_portfolio_metrics(f.accounts, f.metrics, s, day("2026-11-23")).key_count == 3);
    s.policy.key_account_share = 50;  // a alone reaches 500
    CHECK(compute_portfolio_metrics(f.accounts, f.metrics, s, day("2026-11-23")).key_count == 1);
}

TEST_CASE("retention: clients on the first day of the year, not lost since") {
    const PortfolioMetrics p = compute(Fixture());
    // In the base: a (2020), b (client since exactly 2025-11-23), d (lost 2026-05-01).
    // Out: c (since after the start), e (lost on the start day), f (prospect),
    // g (no client_since), h (since after the start). Kept 2 of 3.
    CHECK(p.retention_base == 3);
    CHECK(p.retention_pct->to_string() == "66.7");
}

TEST_CASE("net revenue retention and expansion") {
    const PortfolioMetrics p = compute(Fixture());
    // Prior revenue above 0: a 400 -> 500, b 300 -> 300, d 200 -> 0 (lost).
    // (500 + 300 + 0) / 900 = 88.89 %; only a grew: 1 of 3.
    CHECK(p.nrr_base == 3);
    CHECK(p.net_revenue_retention_pct->to_string() == "88.9");
    CHECK(p.expansion_pct->to_string() == "33.3");
}

TEST_CASE("totals and concentration") {
    const PortfolioMetrics p = compute(Fixture());
    // a 500 + b 300 + c 150 + e 100 + g 50 + h 10 = 1110; d and f unknown.
    CHECK(p.revenue.sum.cents == 111000);
    CHECK(p.revenue.known == 6);
    CHECK(p.revenue.unknown == 2);
    CHECK(p.acv.sum.cents == 800);
    CHECK(p.pipeline.unknown == 8);
    // 500 / 1110 = 45.05 %; top five 1100 / 1110 = 99.10 %
    CHECK(p.largest_share_pct->to_string() == "45.0");
    CHECK(p.top_five_share_pct->to_string() == "99.1");
}

TEST_CASE("an empty portfolio has reasons, not zeros") {
    const PortfolioMetrics p =
        compute_portfolio_metrics({}, {}, PortfolioSettings{}, day("2026-11-23"));
    CHECK(p.retention_pct.reason == "no account was a client on 2025-11-23 by its client_since");
    CHECK(p.net_revenue_retention_pct.reason ==
          "no account with revenue for both FY2024 and FY2025");
    CHECK(p.largest_share_pct.reason == "no account has revenue for FY2025");
    CHECK(p.key_count == 0);
}

TEST_CASE("a portfolio total that does not fit is empty with a reason") {
    Fixture f;
    f.metrics[0].acv = Figure<Money>::of(Money{std::numeric_limits<int64_t>::max()});
    f.metrics[0].annual_revenue = Figure<Money>::of(Money{std::numeric_limits<int64_t>::max()});
    const PortfolioMetrics p = compute(f);
    CHECK(p.acv.overflow == "the sum is too large for kam to hold exactly");
    CHECK(p.revenue.overflow == "the sum is too large for kam to hold exactly");
    CHECK(p.prior_revenue.overflow.empty());
    CHECK_FALSE(p.largest_share_pct);
    CHECK(p.largest_share_pct.reason == "the sum is too large for kam to hold exactly");
}
