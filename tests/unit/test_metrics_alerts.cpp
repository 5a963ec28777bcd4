// Dashboard alerts on a hand-made account, as of 2026-11-23 with a renewal
// horizon of 120 days (to 2027-03-23).
#include <doctest/doctest.h>

#include "kam/metrics/alerts.hpp"

using namespace kam;

namespace {

Date day(const char* text) {
    return *parse_date(text);
}

Contract contract(const char* id, const char* end, std::optional<int64_t> notice, bool auto_renew) {
    Contract k;
    k.id = id;
    k.title = "T";
    k.status = "active";
    k.end = day(end);
    k.notice_days = notice;
    k.auto_renew = auto_renew;
    return k;
}

}  // namespace

TEST_CASE("alerts: renewals, notices, risks, reviews, SLAs and tiers, in that order") {
    PortfolioSettings s;
    s.policy.renewal_horizon_days = 120;
    const Date as_of = day("2026-11-23");

    Account a;
    a.slug = "a";
    a.cover.tier = "key";
    a.cover.status = "active";
    Contract c1 = contract("C1", "2027-01-31", 90, false);  // notice 2026-11-02: passed 21 days ago
    Sla slow;
    slow.name = "Response";
    slow.better = "lower";
    slow.target = 4;
    slow.actual = 5;
    slow.unit = "h";
    c1.slas = {slow};
    a.contracts = std::vector<Contract>{
        c1, contract("C2", "2026-12-15", 30, true),  // auto-renewing: a renewal, no notice alert
        contract("C3", "2027-06-30", 60, false),  // ends after the horizon; notice 2027-05-01 too
        contract("C4", "2026-11-01", 10, false),  // already ended: nothing
    };
    Risk critical, high;
    critical.id = "R1";
    critical.title = "Sponsor leaves";
    critical.status = "open";
    critical.likelihood = 4;
    critical.impact = 5;
    high = critical;
    high.id = "R2";
    high.likelihood = 4;
    high.impact = 4;  // 16: high, not critical
    a.risks = std::vector<Risk>{critical, high};

    AccountMetrics m;
    m.days_since_review = Figure<int64_t>::of(100);  // > 90, < 180: overdue, not urgent

    std::vector<KeyAccountEntry> ranking(1);
    ranking[0].account = 0;
    ranking[0].mismatch = "tier key, but outside the 80% of revenue";

    const auto alerts = compute_alerts({a}, {m}, {0}, ranking, s, as_of);
    REQUIRE(alerts.size() == 7);
    CHECK(alert_kind_name(alerts[0].kind) == "renewal");
    CHECK(alerts[0].message == "C2 T ends, renews automatically");
    CHECK(*alerts[0].days == 22);
    CHECK(alerts[0].urgent);
    CHECK(alerts[1].message == "C1 T ends");
    CHECK(*alerts[1].days == 69);
    CHECK_FALSE(alerts[1].urgent);
    CHECK(alert_kind_name(alerts[2].kind) == "notice");
    CHECK(alerts[2].date->to_string() == "2026-11-02");
    CHECK(*alerts[2].days == -21);
    CHECK(alerts[2].message == "C1 T: notice deadline passed");
    CHECK(alert_kind_name(alerts[3].kind) == "critical-risk");
    CHECK(alerts[3].message == "risk R1 scores 20 (4 x 5): Sponsor leaves");
    CHECK(alert_kind_name(alerts[4].kind) == "review-overdue");
    CHECK(*alerts[4].days == -100);
    CHECK_FALSE(alerts[4].urgent);
    CHECK(alert_kind_name(alerts[5].kind) == "sla-breach");
    CHECK(alerts[5].message == "C1 Response: 5 h, target 4 h (lower is better)");
    CHECK(alert_kind_name(alerts[6].kind) == "tier-mismatch");

    // An account that is not shown gives no alert, not even a tier mismatch.
    CHECK(compute_alerts({a}, {m}, {}, ranking, s, as_of).empty());
}

TEST_CASE("review-overdue spares young clients and other tiers") {
    PortfolioSettings s;
    const Date as_of = day("2026-11-23");
    Account young;
    young.cover.tier = "strategic";
    young.cover.status = "active";
    young.cover.client_since = day("2026-10-01");  // 53 days: cannot be overdue yet
    Account growth;
    growth.cover.tier = "growth";
    growth.cover.status = "active";
    Account old = young;
    old.cover.client_since = day("2020-01-01");
    AccountMetrics none;
    none.days_since_review = Figure<int64_t>::none("no reviews.yaml");
    const auto alerts =
        compute_alerts({young, growth, old}, {none, none, none}, {0, 1, 2}, {}, s, as_of);
    REQUIRE(alerts.size() == 1);
    CHECK(alerts[0].account == 2);
    CHECK(alerts[0].message == "no progress review on record (policy: 90 days)");
    CHECK(alerts[0].urgent);
}
