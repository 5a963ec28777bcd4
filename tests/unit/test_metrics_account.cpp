// Per-account figures on small hand-made models. Every expected value is
// worked out by hand in the comment next to it.
#include <doctest/doctest.h>

#include "kam/metrics/account_metrics.hpp"
#include "kam/metrics/fiscal.hpp"

using namespace kam;

namespace {

Date day(const char* text) {
    return *parse_date(text);
}

Financial row(const char* period, int64_t revenue_cents,
              std::optional<int64_t> cost_cents = std::nullopt) {
    Financial f;
    f.period = *parse_period(period);
    f.period_text = period;
    f.revenue = Money{revenue_cents};
    if (cost_cents) f.cost = Money{*cost_cents};
    return f;
}

Contract contract(const char* id, const char* status, const char* end,
                  std::optional<int64_t> value_cents,
                  std::optional<int64_t> notice = std::nullopt) {
    Contract k;
    k.id = id;
    k.status = status;
    k.start = day("2020-01-01");
    k.end = day(end);
    if (value_cents) k.annual_value = Money{*value_cents};
    k.notice_days = notice;
    return k;
}

Opportunity opportunity(const char* stage, int64_t value_cents,
                        std::optional<double> probability = std::nullopt,
                        const char* close = nullptr) {
    Opportunity o;
    o.id = stage;
    o.stage = stage;
    o.value = Money{value_cents};
    o.probability = probability;
    if (close) o.close = day(close);
    return o;
}

Risk risk(const char* status, int likelihood, int impact) {
    Risk r;
    r.status = status;
    r.likelihood = likelihood;
    r.impact = impact;
    return r;
}

Survey survey(const char* date, std::optional<int64_t> nps, std::optional<double> csat) {
    Survey s;
    s.date = day(date);
    s.nps = nps;
    s.csat = csat;
    return s;
}

Person person(const char* role, const char* relationship) {
    Person p;
    p.role = role;
    p.relationship = relationship;
    return p;
}

PortfolioSettings settings() {
    PortfolioSettings s;
    s.currency = "EUR";
    s.fx["USD"] = 1.15;
    s.fx_text["USD"] = "1.15";
    return s;
}

// A key account with a little of everything; as of 2026-11-23 the latest
// complete fiscal year (starting in January) is FY2025.
Account acme() {
    Account a;
    a.slug = "acme";
    a.cover_ok = true;
    a.cover.name = "Acme";
    a.cover.status = "active";
    a.cover.tier = "key";
    a.cover.manager = "Ann";
    a.cover.mission = "Be their partner";

    Performance perf;
    perf.financials = {row("2025", 150000050, 100000000),  // 1,500,000.50, cost 1,000,000
                       row("2024-Q1", 30000000), row("2024-Q2", 30000000), row("2024-Q3", 35000000),
                       row("2024-Q4", 25000000)};  // FY2024: 1,200,000 by quarters
    DeliveryIssue open_high, resolved;
    open_high.severity = "high";
    open_high.status = "open";
    resolved.severity = "critical";
    resolved.status = "resolved";
    perf.issues = {open_high, resolved};
    a.performance = perf;

    Contract c1 = contract("C1", "active", "2027-03-31", 60000000, 90);
    Sla uptime, response;
    uptime.target = 99.5;
    uptime.actual = 99.7;  // met
    response.better = "lower";
    response.target = 4;
    response.actual = 5;  // breached
    c1.slas = {uptime, response};
    Contract c2 = contract("C2", "renewing", "2026-12-15", 12345650, 30);
    c2.currency = "USD";
    a.contracts = std::vector<Contract>{c1, c2, contract("C3", "expired", "2026-01-31", 99900)};

    Opportunity in_usd = opportunity("negotiation", 1000000);
    in_usd.currency = "USD";
    a.opportunities = std::vector<Opportunity>{
        opportunity("lead", 10000000),           // 100,000 at the default 10%
        opportunity("proposal", 5000000, 33.3),  // 50,000 at 33.3%
        in_usd,                                  // USD 10,000 = EUR 11,500 at 75%
        opportunity("won", 7000000, std::nullopt, "2026-06-01"),
        opportunity("lost", 100, std::nullopt, "2025-11-24"),  // 364 days before: inside the year
        opportunity("lost", 100, std::nullopt, "2025-11-23"),  // 365 days before: outside
    };

    a.risks = std::vector<Risk>{risk("open", 4, 5), risk("mitigating", 2, 3), risk("closed", 5, 5)};

    Reviews r;
    Review sept, planned;
    sept.date = day("2026-09-01");
    planned.date = day("2026-12-01");  // after the as-of day: not yet held
    r.reviews = {sept, planned};
    r.surveys = {survey("2026-10-01", 10, 5),
                 survey("2026-05-01", 9, 4),
                 survey("2026-03-01", 7, std::nullopt),
                 survey("2026-01-01", 3, 2),
                 survey("2026-02-01", std::nullopt, 4.5),
                 survey("2025-01-01", 0, 1)};  // older than 365 days: ignored
    a.reviews = r;

    Profile p;
    p.people = {person("decision-maker", "strong"), person("decision-maker", "neutral"),
                person("decision-maker", "good"), person("influencer", "weak")};
    a.profile = p;
    return a;
}

const Date k_as_of = day("2026-11-23");

}  // namespace

TEST_CASE("fiscal years start in fiscal_year_start of their own year") {
    CHECK(latest_complete_fiscal_year(day("2026-11-23"), 1) == 2025);
    CHECK(latest_complete_fiscal_year(day("2026-01-01"), 1) == 2025);
    CHECK(latest_complete_fiscal_year(day("2026-11-23"), 4) == 2025);  // FY2026 began 2026-04-01
    CHECK(latest_complete_fiscal_year(day("2026-03-31"), 4) == 2024);  // FY2025 ends today
    CHECK(latest_complete_fiscal_year(day("2026-04-01"), 4) == 2025);
    const FiscalYear fy = fiscal_year(2025, 4);
    CHECK(fy.first == day("2025-04-01"));
    CHECK(fy.last == day("2026-03-31"));
}

TEST_CASE("revenue, growth and margin of the latest complete fiscal year") {
    const AccountMetrics m = compute_account_metrics(acme(), settings(), k_as_of);
    CHECK(m.fiscal_year == 2025);
    REQUIRE(m.annual_revenue);
    CHECK(m.annual_revenue->cents == 150000050);
    CHECK(m.annual_revenue->whole_units() == 1500001);  // 1,500,000.50 -> 1,500,001
    REQUIRE(m.prior_revenue);
    CHECK(m.prior_revenue->cents == 120000000);  // the four quarters of FY2024
    // (1,500,000.50 - 1,200,000) / 1,200,000 = 25.00004 %
    CHECK(m.growth_pct->to_string() == "25.0");
    // (1,500,000.50 - 1,000,000) / 1,500,000.50 = 33.33336 %
    CHECK(m.margin_pct->to_string() == "33.3");
    CHECK_FALSE(m.incomplete);
}

TEST_CASE("contracts: acv, next renewal and its notice deadline") {
    const AccountMetrics m = compute_account_metrics(acme(), settings(), k_as_of);
    // 600,000 EUR + USD 123,456.50 x 1.15 = 141,974.975 -> 141,974.98; expired C3 left out.
    REQUIRE(m.acv);
    CHECK(m.acv->cents == 60000000 + 14197498);
    CHECK(m.next_renewal->to_string() == "2026-12-15");
    CHECK(m.next_renewal_contract == "C2");
    CHECK(m.next_renewal_value->cents == 14197498);         // USD 123,456.50 x 1.15
    CHECK(m.notice_deadline->to_string() == "2026-11-15");  // 30 days before
}

TEST_CASE("pipeline, weighted pipeline and win rate") {
    const AccountMetrics m = compute_account_metrics(acme(), settings(), k_as_of);
    // 100,000 + 50,000 + 11,500
    CHECK(m.pipeline->cents == 16150000);
    // 10,000 + 16,650 + 8,625
    CHECK(m.weighted_pipeline->cents == 3527500);
    // one won, one lost inside the 365 days
    CHECK(m.won == 1);
    CHECK(m.lost == 1);
    CHECK(m.win_rate_pct->to_string() == "50.0");
    // by value: 70,000 won, 1 lost: 7,000,000 / 7,000,100 cents = 99.9986 % -> 100.0
    CHECK(m.won_value.cents == 7000000);
    CHECK(m.lost_value.cents == 100);
    CHECK(m.win_rate_value_pct->to_string() == "100.0");
    CHECK(win_rate_by_value(Money{0}, Money{0}, 2, "", k_as_of).reason ==
          "the opportunities won and lost are worth 0");
}

TEST_CASE("risks, surveys, reviews and coverage") {
    const AccountMetrics m = compute_account_metrics(acme(), settings(), k_as_of);
    CHECK(*m.risk_exposure == 26);  // 20 + 6; the closed 25 is not live
    CHECK(*m.max_risk == 20);
    // nps answers 10, 9, 7, 3: (2 promoters - 1 detractor) / 4 = 25 %
    CHECK(m.nps->to_string() == "25.0");
    CHECK(m.nps_n == 4);
    CHECK(m.csat_n == 4);
    // csat 5, 4, 2, 4.5: 15.5 / 4 = 3.875 -> 3.88
    CHECK(m.csat->to_string() == "3.88");
    CHECK(*m.days_since_review == 83);             // 2026-09-01 to 2026-11-23
    CHECK(m.coverage_pct->to_string() == "66.7");  // 2 of 3 decision-makers
}

TEST_CASE("a contact who left counts in no coverage from the day after, and stays in the file") {
    Account a = acme();
    Person gone = person("decision-maker", "hostile");
    gone.id = "P9";
    gone.left_on = *parse_date("2026-10-31");
    a.profile->people.push_back(gone);
    CHECK(compute_account_metrics(a, settings(), k_as_of).coverage_pct->to_string() == "66.7");
    // Before the day they left, they were still a (hostile) decision-maker: 2 of 4.
    CHECK(compute_account_metrics(a, settings(), *parse_date("2026-10-30"))
              .coverage_pct->to_string() == "50.0");
    CHECK_FALSE(gone.current(*parse_date("2026-10-31")));
    CHECK(gone.current(*parse_date("2026-10-30")));
}

TEST_CASE("completeness counts fifteen components") {
    const AccountMetrics m = compute_account_metrics(acme(), settings(), k_as_of);
    // present: mission, manager, overview/profile, financials, opportunities,
    // reviews/surveys, risks, contracts = 8 of 15
    CHECK(m.completeness.pct.to_string() == "53.3");
    CHECK(m.completeness.missing ==
          std::vector<std::string_view>{"background/history", "position/objectives", "strategy",
                                        "goals", "swot", "competition", "scorecard"});
}

TEST_CASE("health: the documented parts and their weighted mean") {
    const AccountMetrics m = compute_account_metrics(acme(), settings(), k_as_of);
    const auto& parts = m.health.parts;
    CHECK(parts[0].score->to_string() == "62.5");  // nps: (25 + 100) / 2
    CHECK(parts[1].score->to_string() == "66.7");  // coverage
    CHECK(parts[2].score->to_string() == "20.0");  // risk: 100 - 4 x 20
    CHECK(parts[3].score->to_string() ==
          "40.0");  // delivery: 1 of 2 SLAs met = 50, - 10 for the open high issue
    CHECK(parts[4].score->to_string() == "100.0");  // review: 83 days <= 90
    // (25 x 62.5 + 20 x 66.7 + 20 x 20 + 20 x 40 + 15 x 100) / 100 = 55.965 -> 56
    CHECK(*m.health.score == 56);

    // Weight 0 leaves nps out: (20 x 66.7 + 20 x 20 + 20 x 40 + 15 x 100) / 75 = 53.79 -> 54
    PortfolioSettings s = settings();
    s.health_weights["nps"] = 0;
    CHECK(*compute_account_metrics(acme(), s, k_as_of).health.score == 54);
    // Fractional weights are exact too: 0.5 x 62.5 + 0.5 x 66.7 over 1.0 = 64.6 -> 65, with the
    // rest at 0.
    s.health_weights = {
        {"nps", 0.5}, {"coverage", 0.5}, {"risk", 0}, {"delivery", 0}, {"review", 0}};
    CHECK(*compute_account_metrics(acme(), s, k_as_of).health.score == 65);
}

TEST_CASE("health: a missing part never raises it, and too little data leaves it unknown") {
    const AccountMetrics full = compute_account_metrics(acme(), settings(), k_as_of);
    CHECK(full.health.data_pct.to_string() == "100.0");
    CHECK(*full.health.score == 56);
    // Without the risk register (risk part 20): the missing part counts 0 of its
    // weight 20: (25 x 62.5 + 20 x 66.7 + 20 x 40 + 15 x 100) / 100 = 51.965 -> 52.
    Account a = acme();
    a.risks.reset();
    const AccountMetrics m = compute_account_metrics(a, settings(), k_as_of);
    CHECK(m.health.data_pct.to_string() == "80.0");
    CHECK(*m.health.score == 52);
    CHECK(*m.health.score <= *full.health.score);

    // An empty account has no health at all, not 100.
    Account empty;
    empty.cover_ok = true;
    empty.risks = std::vector<Risk>{};
    const AccountMetrics e = compute_account_metrics(empty, settings(), k_as_of);
    CHECK(e.health.data_pct.to_string() == "20.0");  // only the risk part (100) rests on data
    CHECK_FALSE(e.health.score);
    CHECK(e.health.score.reason == "only 20.0% of the weight of health rests on data (needs 50%)");
}

TEST_CASE("an auto-renewing contract rolls forward by its renewal term") {
    Contract k = contract("C9", "active", "2025-09-30", 10000000, 30);
    k.auto_renew = true;
    k.renewal_term_months = 3;
    // Terms: 2025-10-01..2025-12-31, 2026-01-01..2026-03-31, ... 2026-10-01..2026-12-31.
    CHECK(k.current_end(k_as_of)->to_string() == "2026-12-31");
    CHECK(k.notice_deadline(k_as_of)->to_string() == "2026-12-01");
    k.renewal_term_months.reset();  // default 12: 2026-09-30, then 2027-09-30
    CHECK(k.current_end(k_as_of)->to_string() == "2027-09-30");
    k.auto_renew = false;  // not auto-renewing: the end as written
    CHECK(k.current_end(k_as_of)->to_string() == "2025-09-30");

    Account a;
    a.cover_ok = true;
    k.auto_renew = true;
    k.renewal_term_months = 3;
    a.contracts = std::vector<Contract>{k};
    const AccountMetrics m = compute_account_metrics(a, settings(), k_as_of);
    CHECK(m.next_renewal->to_string() == "2026-12-31");
    CHECK(m.next_renewal_contract == "C9");
    CHECK(m.next_renewal_value->cents == 10000000);
    CHECK(m.notice_deadline->to_string() == "2026-12-01");
}

TEST_CASE("review part falls linearly to 0 at twice the policy") {
    HealthInputs in;
    in.review_every_days = 90;
    const auto weights = health_weights({});
    in.days_since_review = 135;  // halfway: 100 x (180 - 135) / 90 = 50
    CHECK(compute_health(in, weights).parts[4].score->to_string() == "50.0");
    in.days_since_review = 200;
    CHECK(compute_health(in, weights).parts[4].score->to_string() == "0.0");
    // The only part present is 15% of the weight: too little for a health.
    CHECK_FALSE(compute_health(in, weights).score);
    CHECK(compute_health(in, weights).data_pct.to_string() == "15.0");
    in.days_since_review = 91;  // 100 x 89 / 90 = 98.89
    CHECK(compute_health(in, weights).parts[4].score->to_string() == "98.9");
}

TEST_CASE("a figure that cannot be computed says why") {
    Account a;
    a.slug = "bare";
    a.cover_ok = true;
    a.cover.manager = "Bo";
    a.has_errors = true;
    const AccountMetrics m = compute_account_metrics(a, settings(), k_as_of);
    CHECK(m.incomplete);
    CHECK_FALSE(m.annual_revenue);
    CHECK(m.annual_revenue.reason == "no performance.yaml");
    CHECK(m.acv.reason == "no contracts.yaml");
    CHECK(m.pipeline.reason == "no sales.yaml");
    CHECK(m.max_risk.reason == "no risks.yaml");
    CHECK(m.nps.reason == "no reviews.yaml");
    CHECK(m.coverage_pct.reason == "no profile.yaml");
    CHECK_FALSE(m.health.score);
    CHECK(m.health.score.reason == "no part of health rests on data");
    CHECK(m.health.parts[0].score.reason == "no reviews.yaml");
    CHECK(m.completeness.pct.to_string() == "6.7");  // the manager only: 1 of 15

    // Present but empty sections give reasons of their own.
    a.performance = Performance{};
    a.performance->financials = {row("2025", 0, 100), row("2024-Q1", 100), row("2024-Q2", 100),
                                 row("2024-Q3", 100)};
    a.risks = std::vector<Risk>{risk("closed", 5, 5)};
    a.reviews = Reviews{};
    a.reviews->surveys = {survey("2025-06-01", 10, std::nullopt)};
    a.profile = Profile{};
    a.opportunities = std::vector<Opportunity>{};
    a.contracts = std::vector<Contract>{contract("C1", "active", "2026-01-01", std::nullopt)};
    const AccountMetrics n = compute_account_metrics(a, settings(), k_as_of);
    CHECK(n.annual_revenue->cents == 0);
    CHECK(n.prior_revenue.reason == "FY2024 incomplete: Q4 missing");
    CHECK(n.growth_pct.reason == "FY2024 incomplete: Q4 missing");
    CHECK(n.margin_pct.reason == "revenue for FY2025 is 0");
    CHECK(n.max_risk.reason == "no live risk");
    CHECK(*n.risk_exposure == 0);
    CHECK(n.nps.reason == "no survey with an nps in the last 365 days");
    CHECK(n.coverage_pct.reason == "no decision-maker in profile.yaml");
    CHECK(n.win_rate_pct.reason == "no opportunity won or lost in the 365 days to 2026-11-23");
    CHECK(n.pipeline->cents == 0);  // an empty sales.yaml: nothing in the pipeline
    CHECK(n.acv->cents == 0);       // the one contract has no annual_value
    CHECK(n.next_renewal.reason == "no active or renewing contract ends on or after 2026-11-23");
    CHECK(n.days_since_review.reason == "no progress review on or before 2026-11-23");
    // Only risk remains (100, no live risk): delivery needs a measured SLA or
    // an issue on record, and an empty performance.yaml has neither; 20% of the
    // weight is too little for a health.
    CHECK(n.health.parts[3].score.reason == "no measured SLA and no delivery issue on record");
    CHECK_FALSE(n.health.score);
    CHECK(n.health.data_pct.to_string() == "20.0");
}

TEST_CASE("on 1 January: the year just ended says what is missing, the new one has a YTD") {
    Account a;
    a.cover_ok = true;
    a.performance = Performance{};
    a.performance->financials = {row("2025-Q1", 100000), row("2025-Q2", 200000),
                                 row("2025-Q3", 300000)};
    const AccountMetrics m = compute_account_metrics(a, settings(), day("2026-01-01"));
    CHECK(m.fiscal_year == 2025);
    CHECK(m.annual_revenue.reason == "FY2025 incomplete: Q4 missing");
    // Nothing recorded for FY2026 yet: the fallback is the year just ended, to date.
    CHECK(m.ytd_year == 2025);
    CHECK(m.ytd_months == 9);
    CHECK(m.ytd_revenue->cents == 600000);
    // 6,000 x 12 / 9 = 8,000
    CHECK(m.run_rate->cents == 800000);

    // Once FY2026 has a quarter, it is the year to date (a quarter still running counts).
    a.performance->financials.push_back(row("2026-Q1", 250000));
    a.performance->financials.push_back(row("2026-Q3", 999999));  // not begun: left out
    const AccountMetrics n = compute_account_metrics(a, settings(), day("2026-02-15"));
    CHECK(n.ytd_year == 2026);
    CHECK(n.ytd_months == 3);
    CHECK(n.ytd_revenue->cents == 250000);
    CHECK(n.run_rate->cents == 1000000);  // 2,500 x 12 / 3

    a.performance->financials = {row("2025-01", 1), row("2025-02", 1), row("2025-05", 1)};
    const AccountMetrics k = compute_account_metrics(a, settings(), day("2026-01-01"));
    CHECK(k.annual_revenue.reason ==
          "FY2025 incomplete: 2025-03, 2025-04, 2025-06 and 6 more months missing");
    CHECK(k.ytd_months == 3);

    a.performance.reset();
    CHECK(compute_account_metrics(a, settings(), day("2026-01-01")).run_rate.reason ==
          "no performance.yaml");
}

TEST_CASE("months and quarters of a fiscal year starting in April") {
    PortfolioSettings s = settings();
    s.fiscal_year_start = 4;
    Account a;
    a.cover_ok = true;
    a.performance = Performance{};
    // FY2025 = 2025-04 .. 2026-03, twelve months of 1,000.
    for (const char* m : {"2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09",
                          "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03"})
        a.performance->financials.push_back(row(m, 100000, 25000));
    a.performance->financials.push_back(row("2026-04", 999999));  // FY2026: not counted
    a.performance->financials.push_back(row("2024-Q1", 100000));
    a.performance->financials.push_back(row("2024-05", 100000));
    const AccountMetrics m = compute_account_metrics(a, s, day("2026-11-23"));
    CHECK(m.fiscal_year == 2025);
    CHECK(m.annual_revenue->cents == 1200000);
    CHECK(m.margin_pct->to_string() == "75.0");
    CHECK(m.prior_revenue.reason ==
          "FY2024 mixes quarters and months; give all four quarters or all twelve months");
}

TEST_CASE("a currency without a rate makes the figure unknown, not 0") {
    Account a = acme();
    (*a.contracts)[0].currency = "GBP";
    const AccountMetrics m = compute_account_metrics(a, settings(), k_as_of);
    CHECK_FALSE(m.acv);
    CHECK(m.acv.reason == "no exchange rate for GBP in kam.yaml");
}

TEST_CASE("money sums that do not fit are empty with a reason, never wrapped") {
    // Each 50,000,000,000,000,000.00 is valid; two of them pass 2^63 cents.
    constexpr int64_t huge = 5'000'000'000'000'000'000;
    Account a = acme();
    a.contracts = std::vector<Contract>{contract("C1", "active", "2027-03-31", huge),
                                        contract("C2", "active", "2027-03-31", huge)};
    a.opportunities =
        std::vector<Opportunity>{opportunity("lead", huge), opportunity("proposal", huge)};
    a.performance->financials = {row("2025-Q1", huge), row("2025-Q2", huge), row("2025-Q3", 0),
                                 row("2025-Q4", 0)};
    const AccountMetrics m = compute_account_metrics(a, settings(), k_as_of);
    CHECK_FALSE(m.acv);
    CHECK(m.acv.reason == "the sum is too large for kam to hold exactly");
    CHECK_FALSE(m.pipeline);
    CHECK_FALSE(m.weighted_pipeline);
    CHECK(m.pipeline.reason == "the sum is too large for kam to hold exactly");
    CHECK_FALSE(m.annual_revenue);
    CHECK(m.annual_revenue.reason == "the sum is too large for kam to hold exactly");
}

TEST_CASE("revenue to date, run rate and won/lost values that do not fit are empty too") {
    // Found by UBSan after two branches met: the year-to-date sum and the won
    // and lost values were added without the overflow check the other sums have.
    constexpr int64_t huge = 5'000'000'000'000'000'000;
    Account a = acme();
    a.performance->financials = {row("2026-Q1", huge), row("2026-Q2", huge)};
    a.opportunities =
        std::vector<Opportunity>{opportunity("won", huge, std::nullopt, "2026-10-01"),
                                 opportunity("won", huge, std::nullopt, "2026-10-02"),
                                 opportunity("lost", 100, std::nullopt, "2026-10-03")};
    const AccountMetrics m = compute_account_metrics(a, settings(), k_as_of);
    CHECK_FALSE(m.ytd_revenue);
    CHECK(m.ytd_revenue.reason == "the sum is too large for kam to hold exactly");
    CHECK_FALSE(m.run_rate);
    CHECK(m.won == 2);
    CHECK_FALSE(m.win_rate_value_pct);
    CHECK(m.win_rate_value_pct.reason == "the sum is too large for kam to hold exactly");
    // One quarter that fits, but whose run rate (x 12 / 3) would not.
    a.performance->financials = {row("2026-Q1", huge)};
    const AccountMetrics one = compute_account_metrics(a, settings(), k_as_of);
    REQUIRE(one.ytd_revenue);
    CHECK_FALSE(one.run_rate);
    CHECK(one.run_rate.reason == "the sum is too large for kam to hold exactly");
}
