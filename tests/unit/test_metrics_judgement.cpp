// The judgement figures of kam-metrics(7) (matrix, lifetime value,
// relationship fit, contact map, rising accounts, whitespace, qualification)
// on three hand-made accounts. Every expected value is worked out by hand in
// the comment next to it. As of 2026-11-23, fiscal years from January: the
// year of the figures is FY2025.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <array>

#include "kam/metrics/contact_map.hpp"
#include "kam/metrics/lifetime_value.hpp"
#include "kam/metrics/matrix.hpp"
#include "kam/metrics/portfolio_metrics.hpp"
#include "kam/metrics/qualification.hpp"
#include "kam/metrics/relationship_fit.hpp"
#include "kam/metrics/rising.hpp"
#include "kam/metrics/whitespace.hpp"
#include "kam/report/report_judgement.hpp"

using namespace kam;

namespace {

Date day(const char* text) {
    return *parse_date(text);
}

constexpr int64_t k_unit = 100;  // cents per unit

Financial row(const char* period, int64_t revenue, std::optional<int64_t> cost = std::nullopt) {
    Financial f;
    f.period = *parse_period(period);
    f.period_text = period;
    f.revenue = Money{revenue * k_unit};
    if (cost) f.cost = Money{*cost * k_unit};
    return f;
}

Person person(const char* id, const char* role, const char* relationship, const char* owner = "") {
    Person p;
    p.id = id;
    p.name = id;
    p.role = role;
    p.relationship = relationship;
    p.owner = owner;
    return p;
}

Opportunity opportunity(const char* id, const char* stage, int64_t value) {
    Opportunity o;
    o.id = id;
    o.stage = stage;
    o.value = Money{value * k_unit};
    return o;
}

Offering offering(const char* name, const char* stage) {
    Offering o;
    o.name = name;
    o.stage = stage;
    return o;
}

// alpha: key, manufacturing. FY2025 revenue 1,000,000, cost 700,000 (margin
// 30%); FY2024 800,000, cost 600,000 (growth 25%). Growth potential high,
// replaceability low, relationship moderate, client since 2021-11-22 (1827
// days). A proposal of 400,000 at the default 50%: weighted 200,000. Two
// decision-makers, strong and good, both owned by Ann. Offerings:
// Maintenance current, Analytics proposed, Training current.
Account alpha() {
    Account a;
    a.slug = "alpha";
    a.cover_ok = true;
    a.cover.name = "Alpha";
    a.cover.status = "active";
    a.cover.tier = "key";
    a.cover.manager = "Ann";
    a.cover.relationship = "moderate";
    a.cover.growth_potential = "high";
    a.cover.replaceability = "low";
    a.cover.client_since = day("2021-11-22");
    a.performance = Performance{};
    a.performance->financials = {row("2024", 800'000, 600'000), row("2025", 1'000'000, 700'000)};
    a.opportunities = std::vector<Opportunity>{opportunity("o1", "proposal", 400'000)};
    a.profile = Profile{};
    a.profile->industry = "manufacturing";
    a.profile->people = {person("dm1", "decision-maker", "strong", "Ann"),
                         person("dm2", "decision-maker", "good", "Ann")};
    a.blueprint = Blueprint{};
    a.blueprint->offerings = {offering("Maintenance", "current"), offering("Analytics", "proposed"),
                              offering("Training", "current")};
    return a;
}

// beta: growth, manufacturing. FY2025 revenue 250,000, cost 240,000 (margin
// 4%); FY2024 250,000 without cost (growth 0%). Replaceability high, share of
// wallet 30%, client since 2024-11-23 (730 days). A negotiation of 200,000 at
// the default 75%: weighted 150,000, with BANT budget and need only. A
// profile without people. Offerings: Maintenance current.
Account beta() {
    Account a;
    a.slug = "beta";
    a.cover_ok = true;
    a.cover.name = "Beta";
    a.cover.status = "active";
    a.cover.tier = "growth";
    a.cover.manager = "Bo";
    a.cover.replaceability = "high";
    a.cover.share_of_wallet = 30;
    a.cover.client_since = day("2024-11-23");
    a.performance = Performance{};
    a.performance->financials = {row("2024", 250'000), row("2025", 250'000, 240'000)};
    Opportunity o = opportunity("o2", "negotiation", 200'000);
    o.budget = true;
    o.need = true;
    o.authority = false;
    a.opportunities = std::vector<Opportunity>{o};
    a.profile = Profile{};
    a.profile->industry = "manufacturing";
    a.blueprint = Blueprint{};
    a.blueprint->offerings = {offering("Maintenance", "current")};
    return a;
}

// gamma: maintain, no performance.yaml, no sales.yaml, no blueprint.yaml,
// no client_since. The client's own annual revenue 50,000,000. Growth
// potential high, replaceability medium. People: a neutral decision-maker and
// a strong champion without an owner (so the manager, Cy, owns it).
Account gamma() {
    Account a;
    a.slug = "gamma";
    a.cover_ok = true;
    a.cover.name = "Gamma";
    a.cover.status = "active";
    a.cover.tier = "maintain";
    a.cover.manager = "Cy";
    a.cover.growth_potential = "high";
    a.cover.replaceability = "medium";
    a.profile = Profile{};
    a.profile->annual_revenue = Money{50'000'000 * k_unit};
    a.profile->industry = "food";
    a.profile->people = {person("dm3", "decision-maker", "neutral"),
                         person("ch1", "champion", "strong")};
    return a;
}

struct Fixture {
    PortfolioSettings settings;
    Date as_of = day("2026-11-23");
    std::vector<Account> accounts{alpha(), beta(), gamma()};
    std::vector<AccountMetrics> metrics;
    Fixture() {
        for (const Account& a : accounts)
            metrics.push_back(compute_account_metrics(a, settings, as_of));
    }
};

std::string fixed(const Figure<Fixed>& f) {
    return f ? f->to_string() : "unknown: " + f.reason;
}

}  // namespace

TEST_CASE("matrix: attractiveness, strength, quadrant and tier of three accounts") {
    const Fixture f;
    const PortfolioMatrix m = compute_matrix(f.accounts, f.metrics, f.settings, f.as_of);
    REQUIRE(m.entries.size() == 3);
    const MatrixEntry& a = m.entries[0];
    const MatrixEntry& b = m.entries[1];
    const MatrixEntry& c = m.entries[2];

    // alpha attractiveness: size 1,000,000 / 1,000,000 = 100; growth 50 + 2.5 x
    // 25 = 112.5, kept at 100; potential high 100; margin 2.5 x 30 = 75;
    // pipeline 200,000 / 1,000,000 = 20. (35x100 + 15x100 + 15x100 + 20x75 +
    // 15x20) / 100 = 8300 / 100 = 83.
    CHECK(a.size_basis == "annual_revenue");
    CHECK(fixed(a.attractiveness.parts[0].score) == "100.0");
    CHECK(fixed(a.attractiveness.parts[1].score) == "100.0");
    CHECK(fixed(a.attractiveness.parts[3].score) == "75.0");
    CHECK(fixed(a.attractiveness.parts[4].score) == "20.0");
    CHECK(*a.attractiveness.score == 83);
    // alpha strength: coverage 2/2 = 100; health unknown (only coverage, 20%
    // of its weight, rests on data); replaceability low 100; no share of
    // wallet; tenure 1827 days, kept at 100. Present 25 + 20 + 15 = 60%:
    // (25x100 + 20x100 + 15x100) / 100 = 60.
    CHECK_FALSE(a.strength.parts[1].score.has_value());
    CHECK(a.strength.data_pct.to_string() == "60.0");
    CHECK(*a.strength.score == 60);
    REQUIRE(a.quadrant);
    CHECK(a.quadrant->name == "strategic");
    CHECK(a.quadrant->suggested_tier == "key");
    CHECK(a.tier_mismatch.empty());

    // beta attractiveness: size 250,000 / 1,000,000 = 25; growth 50 + 0 = 50;
    // potential missing; margin 2.5 x 4 = 10; pipeline 150,000 / 250,000 = 60.
    // (35x25 + 15x50 + 20x10 + 15x60) / 100 = (875 + 750 + 200 + 900) / 100 =
    // 27.25, so 27.
    CHECK(fixed(b.attractiveness.parts[0].score) == "25.0");
    CHECK(fixed(b.attractiveness.parts[1].score) == "50.0");
    CHECK_FALSE(b.attractiveness.parts[2].score.has_value());
    CHECK(fixed(b.attractiveness.parts[4].score) == "60.0");
    CHECK(*b.attractiveness.score == 27);
    // beta strength: coverage missing (no decision-maker), health unknown,
    // replaceability high 0, share of wallet 30, tenure 730 x 100 / 1825 = 40.
    // Present 20 + 15 + 15 = 50%, just enough: (0 + 15x30 + 15x40) / 100 =
    // 10.5, half away from zero 11.
    CHECK(fixed(b.strength.parts[4].score) == "40.0");
    CHECK(b.strength.data_pct.to_string() == "50.0");
    CHECK(*b.strength.score == 11);
    REQUIRE(b.quadrant);
    CHECK(b.quadrant->name == "streamline");
    CHECK(b.tier_mismatch == "tier growth, but quadrant streamline suggests transactional");

    // gamma attractiveness: no annual_revenue, so the client's revenue over
    // the largest client revenue in the matrix (its own): 100; potential high
    // 100; growth, margin and pipeline missing. Present 35 + 15 = 50%:
    // (35x100 + 15x100) / 100 = 50, high.
    CHECK(c.size_basis == "client_revenue");
    CHECK(*c.attractiveness.score == 50);
    // gamma strength: coverage 0/1 = 0, replaceability medium 50, the rest
    // missing: 25 + 20 = 45% < 50%, unknown, and so is the quadrant.
    CHECK_FALSE(c.strength.score.has_value());
    CHECK(c.strength.score.reason ==
          "only 45.0% of the weight of strength rests on data (needs 50%)");
    CHECK(c.quadrant == nullptr);
    CHECK(c.quadrant_reason == c.strength.score.reason);
}

TEST_CASE("matrix: weights from kam.yaml and the quadrant boundaries") {
    Fixture f;
    f.settings.attractiveness_weights["pipeline"] = 0;  // leaves pipeline out
    const PortfolioMatrix m = compute_matrix(f.accounts, f.metrics, f.settings, f.as_of);
    // alpha: (3500 + 1500 + 1500 + 1500) / 85 = 94.1, so 94.
    CHECK(*m.entries[0].attractiveness.score == 94);
    CHECK(quadrant_of(50, 50).name == "strategic");
    CHECK(quadrant_of(50, 49).name == "develop");
    CHECK(quadrant_of(49, 50).name == "status");
    CHECK(quadrant_of(0, 0).name == "streamline");
    CHECK(tier_mismatch(quadrant_of(80, 20), "strategic").empty());
    CHECK(tier_mismatch(quadrant_of(20, 80), "key") ==
          "tier key, but quadrant status suggests maintain");
}

TEST_CASE("lifetime value: margin, history, forward value and the unknown cases") {
    const Fixture f;
    // Retention 80%: 1 / (1 - 0.8) = 5 years.
    const Figure<int64_t> life = expected_lifetime_years(Figure<Fixed>::of(Fixed{800, 1}), 10);
    REQUIRE(life);
    CHECK(*life == 5);

    // alpha: annual margin 1,000,000 - 700,000 = 300,000. History: FY2024
    // 200,000 + FY2025 300,000 = 500,000 over 2 years. Forward at 10%:
    // 272,727.27 + 247,933.88 + 225,394.44 + 204,904.04 + 186,276.40 =
    // 1,137,236.03 (each year the previous / 1.1, rounded to cents).
    const LifetimeValue a = compute_lifetime_value(f.accounts[0], f.metrics[0], f.settings, life);
    CHECK(a.annual_margin->cents == 300'000 * k_unit);
    CHECK(a.historical_margin->cents == 500'000 * k_unit);
    CHECK(a.years_on_file == 2);
    CHECK(a.forward_value->cents == 113'723'603);
    CHECK(a.clv->cents == 163'723'603);
    CHECK_FALSE(a.fix_or_trim);

    // beta: margin 10,000; FY2024 has no cost, so no history and no clv.
    // Forward: 9,090.91 + 8,264.46 + 7,513.15 + 6,830.14 + 6,209.22 = 37,907.88.
    // Margin 4% is below the policy's 10%: fix or trim.
    const LifetimeValue b = compute_lifetime_value(f.accounts[1], f.metrics[1], f.settings, life);
    CHECK(b.annual_margin->cents == 10'000 * k_unit);
    CHECK_FALSE(b.historical_margin.has_value());
    CHECK(b.historical_margin.reason.find("cost") != std::string::npos);
    CHECK(b.forward_value->cents == 3'790'788);
    CHECK_FALSE(b.clv.has_value());
    CHECK(b.fix_or_trim);

    // gamma: no performance.yaml, every figure unknown with that reason.
    const LifetimeValue c = compute_lifetime_value(f.accounts[2], f.metrics[2], f.settings, life);
    CHECK(c.annual_margin.reason == "no performance.yaml");
    CHECK(c.forward_value.reason == "no performance.yaml");
    CHECK(c.clv.reason == "no performance.yaml");
    CHECK_FALSE(c.fix_or_trim);

    // Lifetime: 66.7% -> 1000 / 333 = 3.0 -> 3; 100% and 95% (20 years) -> the cap.
    CHECK(*expected_lifetime_years(Figure<Fixed>::of(Fixed{667, 1}), 10) == 3);
    CHECK(*expected_lifetime_years(Figure<Fixed>::of(Fixed{1000, 1}), 10) == 10);
    CHECK(*expected_lifetime_years(Figure<Fixed>::of(Fixed{950, 1}), 10) == 10);
    CHECK_FALSE(expected_lifetime_years(Figure<Fixed>::none("no base"), 10).has_value());
    // A lost account has no future: forward 0.
    Account lost = f.accounts[0];
    lost.cover.status = "lost";
    CHECK(compute_lifetime_value(lost, f.metrics[0], f.settings, life).forward_value->cents == 0);
}

TEST_CASE("relationship fit from value and margin") {
    const Fixture f;
    // alpha: 1,000,000 >= 1,000,000 and 30% >= 20%: intense; the file says moderate.
    const RelationshipFit a = relationship_fit(f.accounts[0], f.metrics[0], f.settings.policy);
    CHECK(*a.suggested == "intense");
    CHECK(a.mismatch);
    // beta: 250,000 >= 250,000 but 4% is below 10%: arm's length; none chosen.
    const RelationshipFit b = relationship_fit(f.accounts[1], f.metrics[1], f.settings.policy);
    CHECK(*b.suggested == "arms-length");
    CHECK_FALSE(b.mismatch);
    // gamma: no revenue.
    const RelationshipFit c = relationship_fit(f.accounts[2], f.metrics[2], f.settings.policy);
    CHECK(c.suggested.reason == "no performance.yaml");
    CHECK_FALSE(c.mismatch);
}

TEST_CASE("contact map and single-threaded relationships") {
    const Fixture f;
    // alpha: two carrying contacts, both Ann's: single-threaded on our side.
    const ContactMap a = contact_map(f.accounts[0], f.as_of);
    CHECK(a.known);
    CHECK(a.counts.at("decision-maker").at("strong") == 1);
    CHECK(a.uncovered_decision_makers.empty());
    CHECK(a.single_threaded);
    CHECK(a.single_threaded_reason == "all 2 strong or good relationships are owned by Ann");
    // beta: a profile without people: unknown.
    const ContactMap b = contact_map(f.accounts[1], f.as_of);
    CHECK_FALSE(b.known);
    CHECK(b.reason == "no person at the client on 2026-11-23 in profile.yaml");
    // gamma: dm3 is not covered; only ch1 carries the account (owned by the manager).
    const ContactMap c = contact_map(f.accounts[2], f.as_of);
    REQUIRE(c.uncovered_decision_makers.size() == 1);
    CHECK(c.uncovered_decision_makers[0]->id == "dm3");
    CHECK(c.owners == std::vector<std::string>{"Cy"});
    CHECK(c.single_threaded_reason == "only ch1 has a strong or good relationship with us");
    // Two carrying contacts with two owners: not single-threaded.
    Account two = f.accounts[0];
    two.profile->people[1].owner = "Bo";
    CHECK_FALSE(contact_map(two, f.as_of).single_threaded);
    CHECK(single_thread_matters(f.accounts[0]));
    CHECK_FALSE(single_thread_matters(f.accounts[1]));
}

TEST_CASE("rising accounts outside the key set") {
    const Fixture f;
    const PortfolioMetrics whole =
        compute_portfolio_metrics(f.accounts, f.metrics, f.settings, f.as_of);
    // Ranked: alpha 1,000,000 (key: 80% of 1,250,000 reached with it), beta
    // 250,000 (not key); gamma unranked.
    const auto rising = rising_accounts(f.accounts, f.metrics, whole, f.settings);
    REQUIRE(rising.size() == 2);
    // beta: weighted pipeline 150,000 / 250,000 = 60% >= 50%; gamma: potential
    // high. One signal each; beta's known pipeline ratio ranks it first.
    CHECK(f.accounts[rising[0].account].slug == "beta");
    CHECK(fixed(rising[0].pipeline_ratio_pct) == "60.0");
    CHECK(rising[0].signals ==
          std::vector<std::string>{"weighted pipeline 60.0% of revenue (policy 50%)"});
    CHECK(f.accounts[rising[1].account].slug == "gamma");
    CHECK(rising[1].signals == std::vector<std::string>{"growth potential high"});
}

TEST_CASE("whitespace: cells, penetration and peer gaps") {
    const Fixture f;
    const Whitespace w = compute_whitespace(f.accounts, {0, 1, 2});
    REQUIRE(w.offerings.size() == 3);
    CHECK(w.offerings[0].name == "Analytics");
    CHECK(w.offerings[1].name == "Maintenance");
    CHECK(w.offerings[2].name == "Training");
    // Known offerings: alpha and beta. Analytics 0/2, Maintenance 2/2, Training 1/2.
    CHECK(fixed(w.offerings[0].penetration_pct) == "0.0");
    CHECK(w.offerings[0].proposed == 1);
    CHECK(fixed(w.offerings[1].penetration_pct) == "100.0");
    CHECK(fixed(w.offerings[2].penetration_pct) == "50.0");
    CHECK(w.rows[0].stages == std::vector<std::string>{"proposed", "current", "current"});
    CHECK(w.rows[0].gaps.empty());
    // beta lacks Training, which alpha (same industry) buys; Analytics is
    // only proposed to alpha, so it is no gap.
    REQUIRE(w.rows[1].gaps.size() == 1);
    CHECK(w.rows[1].gaps[0].offering == 2);
    CHECK(w.rows[1].gaps[0].peers == 1);
    CHECK(w.rows[1].gaps[0].basis == "industry");
    // gamma: no blueprint.yaml.
    CHECK_FALSE(w.rows[2].known);
    CHECK(w.rows[2].reason == "no blueprint.yaml");
}

namespace {

Account ws_account(std::string slug, std::string industry, std::string tier,
                   std::vector<std::pair<std::string, std::string>> offerings) {
    Account a;
    a.slug = std::move(slug);
    a.cover.tier = std::move(tier);
    a.cover.status = "active";
    Profile p;
    p.industry = std::move(industry);
    a.profile = std::move(p);
    Blueprint b;
    for (auto& [name, stage] : offerings) {
        Offering o;
        o.name = name;
        o.stage = stage;
        b.offerings.push_back(std::move(o));
    }
    a.blueprint = std::move(b);
    return a;
}

}  // namespace

TEST_CASE(
    "whitespace: a peer of the same industry and tier counts once, and the peers are found "
    "again") {
    std::vector<Account> accounts;
    accounts.push_back(ws_account("a", "X", "key", {{"O1", "current"}}));
    accounts.push_back(ws_account("b", "X", "key", {{"O1", "current"}}));
    accounts.push_back(ws_account("c", "Y", "key", {{"O1", "current"}}));
    accounts.push_back(ws_account("d", "X", "growth", {{"O1", "current"}}));
    accounts.push_back(ws_account("e", "X", "key", {{"O2", "current"}}));
    accounts.push_back(ws_account("f", "Z", "", {{"O2", "proposed"}}));
    accounts.push_back(ws_account("g", "", "growth", {{"O1", "proposed"}}));
    const Whitespace w = whitespace_of_everyone(accounts);
    REQUIRE(w.rows.size() == 7);
    // e lacks O1: a and b (industry and tier), c (tier), d (industry) = 4.
    REQUIRE(w.rows[4].gaps.size() == 1);
    CHECK(w.rows[4].gaps[0].peers == 4);
    CHECK(w.rows[4].gaps[0].basis == "industry, tier");
    CHECK(whitespace_peer_rows(accounts, w, 4, w.rows[4].gaps[0]) ==
          std::vector<size_t>{0, 1, 2, 3});
    // f shares neither an industry nor a tier with anyone: no gap.
    CHECK(w.rows[5].gaps.empty());
    // g (no industry, tier growth) lacks O2 (only proposed for O1): d is its
    // tier peer for nothing it lacks; O2 is current at e (key): no peer.
    CHECK(w.rows[6].gaps.empty());
    // a lacks O2, current at e (industry X and tier key): one peer, both ways.
    REQUIRE(w.rows[0].gaps.size() == 1);
    CHECK(w.rows[0].gaps[0].peers == 1);
    CHECK(w.rows[0].gaps[0].basis == "industry, tier");
    CHECK(find_row(w, 4) == &w.rows[4]);
}

TEST_CASE("whitespace over 20,000 accounts: peers are counted by group, never kept per pair") {
    // Pair by pair this was 4e8 comparisons and kept every peer of every gap
    // (about 10,000 per gap here); by group it is one pass.
    std::vector<Account> accounts;
    const std::array<std::string, 4> tiers = {"key", "strategic", "growth", "maintain"};
    for (int i = 0; i < 20000; ++i)
        accounts.push_back(ws_account(fmt::format("a{:05}", i), fmt::format("I{}", i % 7),
                                      tiers[static_cast<size_t>(i % 4)],
                                      {{i % 2 == 0 ? "P" : "Q", "current"}}));
    const Whitespace w = whitespace_of_everyone(accounts);
    REQUIRE(w.rows.size() == 20000);
    // Account 0 has P; it lacks Q, current at the 10,000 odd-numbered
    // accounts. Its peers: industry I0 (i % 7 == 0) or tier key (i % 4 == 0).
    // Odd i are never i % 4 == 0, so its peers are the odd i with i % 7 == 0.
    int expected = 0;
    for (int i = 1; i < 20000; i += 2) expected += i % 7 == 0;
    REQUIRE(w.rows[0].gaps.size() == 1);
    CHECK(w.rows[0].gaps[0].peers == expected);
    CHECK(w.rows[0].gaps[0].basis == "industry");
    CHECK(whitespace_peer_rows(accounts, w, 0, w.rows[0].gaps[0]).size() ==
          static_cast<size_t>(expected));
    // It names its first five (rows 7, 21, 35, 49, 63), never all of them.
    CHECK(w.rows[0].gaps[0].first_peers == std::vector<size_t>{7, 21, 35, 49, 63});
}

TEST_CASE("kam whitespace's gaps table names a gap's first five peers and counts the rest") {
    std::vector<Account> accounts;
    accounts.push_back(ws_account("a-target", "", "key", {{"Other", "current"}}));
    for (int i = 1; i <= 7; ++i)
        accounts.push_back(ws_account(fmt::format("p{}", i), "", "key", {{"O", "current"}}));
    const PortfolioSettings settings;
    const std::vector<AccountMetrics> metrics(accounts.size());
    const ReportInput in{settings, Date{}, accounts, metrics, {0, 1, 2, 3, 4, 5, 6, 7}};
    const Report r = build_whitespace_report(
        in, std::make_shared<const Whitespace>(whitespace_of_everyone(accounts)));
    const Table* gaps = nullptr;
    for (const Block& b : r.blocks)
        if (const auto* t = std::get_if<Table>(&b); t && t->key == "gaps") gaps = t;
    REQUIRE(gaps != nullptr);
    size_t column = gaps->columns.size();
    for (size_t c = 0; c < gaps->columns.size(); ++c)
        if (gaps->columns[c].key == "peer_accounts") column = c;
    REQUIRE(column < gaps->columns.size());
    REQUIRE(gaps->row_count() > 0);
    std::vector<Cell> scratch;
    const std::vector<Cell>& first = gaps->row(0, scratch);
    CHECK(first[0].text == "a-target");
    CHECK(first[column].text == "p1, p2, p3, p4, p5, and 2 more");
}

TEST_CASE("whitespace: a gap its own industry buys comes before one of tier peers only") {
    auto account = [](const char* slug, const char* tier, const char* industry,
                      std::vector<Offering> offerings) {
        Account a;
        a.slug = slug;
        a.cover_ok = true;
        a.cover.status = "active";
        a.cover.tier = tier;
        a.profile = Profile{};
        a.profile->industry = industry;
        a.blueprint = Blueprint{};
        a.blueprint->offerings = std::move(offerings);
        return a;
    };
    const std::vector<Account> accounts = {
        account("target", "key", "machinery", {offering("Base", "current")}),
        account("maker", "growth", "machinery", {offering("Alpha", "current")}),
        account("grid", "key", "energy", {offering("Beta", "current")}),
        account("power", "key", "energy", {offering("Beta", "current")})};
    const Whitespace w = compute_whitespace(accounts, {0, 1, 2, 3});
    const WhitespaceRow& t = w.rows[0];
    REQUIRE(t.gaps.size() == 2);
    // Alpha: one peer, of the same industry; Beta: two, of the same tier only.
    CHECK(w.offerings[t.gaps[0].offering].name == "Alpha");
    CHECK(t.gaps[0].peers == 1);
    CHECK(t.gaps[0].industry_peers == 1);
    CHECK(w.offerings[t.gaps[1].offering].name == "Beta");
    CHECK(t.gaps[1].peers == 2);
    CHECK(t.gaps[1].industry_peers == 0);
    CHECK(t.gaps[1].basis == "tier");
    CHECK(t.gaps[1].first_peers == std::vector<size_t>{2, 3});
    CHECK(whitespace_peer_rows(accounts, w, 0, t.gaps[1]) == std::vector<size_t>{2, 3});
}

TEST_CASE("qualification: BANT") {
    const Fixture f;
    const Opportunity& o = (*f.accounts[1].opportunities)[0];
    CHECK(needs_qualification(o));
    CHECK_FALSE(qualified(o));
    CHECK(missing_qualification(o) == std::vector<std::string_view>{"authority", "timeline"});
    Opportunity full = o;
    full.authority = full.timeline = true;
    CHECK(qualified(full));
    CHECK(needs_qualification((*f.accounts[0].opportunities)[0]));
}

TEST_CASE("unknown inputs carry their reason") {
    Fixture f;
    // No retention, no lifetime: the forward value says why.
    const LifetimeValue a = compute_lifetime_value(
        f.accounts[0], f.metrics[0], f.settings,
        expected_lifetime_years(Figure<Fixed>::none("no account was a client"), 10));
    CHECK(a.forward_value.reason == "no expected lifetime: no account was a client");
    CHECK(a.clv.reason == a.forward_value.reason);
    // A blueprint without offerings: not known, so no gaps and out of penetration.
    f.accounts[1].blueprint->offerings.clear();
    const Whitespace w = compute_whitespace(f.accounts, {0, 1, 2});
    CHECK(w.rows[1].reason == "no offerings in blueprint.yaml");
    CHECK(w.offerings[1].accounts == 1);  // Maintenance: alpha only
    // A lost account is left out of the matrix, the whitespace and the rising accounts.
    f.accounts[2].cover.status = "lost";
    CHECK(compute_matrix(f.accounts, f.metrics, f.settings, f.as_of).entries.size() == 2);
    CHECK(compute_whitespace(f.accounts, {0, 1, 2}).rows.size() == 2);
    const PortfolioMetrics whole =
        compute_portfolio_metrics(f.accounts, f.metrics, f.settings, f.as_of);
    for (const RisingEntry& e : rising_accounts(f.accounts, f.metrics, whole, f.settings))
        CHECK(f.accounts[e.account].slug != "gamma");
    // Weights all 0: no score.
    f.settings.strength_weights = {{"coverage", 0},
                                   {"health", 0},
                                   {"replaceability", 0},
                                   {"share_of_wallet", 0},
                                   {"tenure", 0}};
    const PortfolioMatrix m = compute_matrix(f.accounts, f.metrics, f.settings, f.as_of);
    CHECK(m.entries[0].strength.score.reason == "no part of strength rests on data");
}
