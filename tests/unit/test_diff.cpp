// kam diff's comparison on the in-memory GitSource: typed values, list
// matching (keys, duplicate-key fallback, renames), derived values, figures
// and the gates' thresholds and directions.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "kam/diff/compare.hpp"
#include "kam/diff/portfolio_diff.hpp"
#include "kam/diff/render_diff.hpp"
#include "kam/io/git_source.hpp"
#include "kam/io/git_tree_file_system.hpp"
#include "kam/io/yaml_loader.hpp"

using namespace kam;
using namespace kam::diff;

namespace {

const char* const k_kam = "kam: 1\nname: Test\ncurrency: EUR\n";
const char* const k_cover = "name: Acme\nstatus: active\ntier: key\nmanager: Ann\n";

std::vector<Change> file_changes(const std::string& file, const std::string& a,
                                 const std::string& b) {
    std::string error;
    auto out = diff_file_texts(file, a, b, &error);
    REQUIRE_MESSAGE(error.empty(), error);
    return out;
}

std::vector<std::string> lines(const std::vector<Change>& changes) {
    const std::string text = render_changes_text(changes, {}, "");
    std::vector<std::string> out;
    size_t pos = 0;
    while (pos < text.size()) {
        const size_t nl = text.find('\n', pos);
        out.push_back(text.substr(pos, nl - pos));
        pos = nl + 1;
    }
    return out;
}

struct Repo {
    MemoryGitSource git;
    std::string a, b;
    PortfolioDiff run(const MemoryGitSource::Files& before, const MemoryGitSource::Files& after,
                      DiffOptions o = {}) {
        a = git.add_commit(before);
        b = git.add_commit(after, {a});
        GitTreeFileSystem fa(git, git.tree(a).value(), "/p");
        GitTreeFileSystem fb(git, git.tree(b).value(), "/p");
        Side sa{"A", a, &fa, &fa, "/p"};
        Side sb{"B", b, &fb, &fb, "/p"};
        if (o.as_of == Date{}) o.as_of = *parse_date("2026-06-01");
        return diff_portfolios(sa, sb, git.changes(a, b).value(), o);
    }
};

}  // namespace

TEST_CASE("diff: formatting, comments, key order, quoting and 1150000.00 are no change") {
    const std::string before =
        "contracts:\n"
        "  - id: C1\n"
        "    title: Support\n"
        "    status: active\n"
        "    start: 2024-01-01\n"
        "    annual_value: 1150000\n"
        "    slas: [{id: S1, name: Uptime, target: 99.5}]\n";
    const std::string after =
        "# a comment\n"
        "contracts:\n"
        "- status: \"active\"   # still\n"
        "  id: 'C1'\n"
        "  start: '2024-01-01'\n"
        "  annual_value: 1150000.00\n"
        "  title: >-\n"
        "    Support\n"
        "  slas:\n"
        "    - id: S1\n"
        "      target: 99.50\n"
        "      name: Uptime\n";
    CHECK(file_changes("accounts/acme/contracts.yaml", before, after).empty());
}

TEST_CASE("diff: items by id, with derived values and a rename") {
    const std::string before =
        "risks:\n"
        "  - {id: R1, title: Churn, likelihood: 3, impact: 4, status: open}\n"
        "  - {id: R2, title: Price, likelihood: 2, impact: 2, status: open}\n"
        "  - {id: R3, title: Gone, likelihood: 1, impact: 1, status: open}\n";
    const std::string after =
        "risks:\n"
        "  - {id: R2, title: Price, likelihood: 2, impact: 2, status: closed}\n"
        "  - {id: R1, title: Churn, likelihood: 5, impact: 4, status: open}\n"
        "  - {id: R9, title: Gone, likelihood: 1, impact: 1, status: open}\n"
        "  - {id: R4, title: New one, likelihood: 2, impact: 3, status: open}\n";
    const auto changes = file_changes("accounts/acme/risks.yaml", before, after);
    CHECK(lines(changes) == std::vector<std::string>{
                                "~ risks.R2.status: open -> closed",
                                "~ risks.R1.likelihood: 3 -> 5",
                                "~ risks.R3 -> risks.R9: Gone",
                                "+ risks.R4: New one",
                                "    impact: 3",
                                "    likelihood: 2",
                                "    status: open",
                            });
}

TEST_CASE("diff: id-less lists match by their key, repeated keys by position, never by order") {
    const std::string before =
        "financials:\n"
        "  - {period: 2025, revenue: 100}\n"
        "  - {period: 2026-Q1, revenue: 30}\n"
        "scorecard:\n"
        "  - {perspective: customer, measure: NPS, target: 30}\n"
        "  - {perspective: internal, measure: NPS, target: 10}\n"
        "  - {perspective: financial, measure: Margin, target: 20}\n"
        "  - {perspective: financial, measure: Margin, target: 25}\n";
    const std::string after =
        "financials:\n"
        "  - {period: 2026-Q1, revenue: 35}\n"
        "  - {period: 2025, revenue: 100.00}\n"
        "scorecard:\n"
        "  - {perspective: internal, measure: NPS, target: 10}\n"
        "  - {perspective: customer, measure: NPS, target: 40}\n"
        "  - {perspective: financial, measure: Margin, target: 20}\n"
        "  - {perspective: financial, measure: Margin, target: 26}\n";
    const auto changes = file_changes("accounts/acme/performance.yaml", before, after);
    CHECK(lines(changes) ==
          std::vector<std::string>{
              "~ performance.financials.0.revenue [period 2026-Q1]: 30 -> 35",
              "~ performance.scorecard.1.target [perspective customer, measure NPS]: 30 -> 40",
              "~ performance.scorecard.3.target [perspective financial, measure Margin]: 25 -> 26",
          });
}

TEST_CASE("diff: a repeated id falls back to position among its items, and says so") {
    const std::string before =
        "risks:\n"
        "  - {id: R1, title: A, likelihood: 1, impact: 1, status: open}\n"
        "  - {id: R2, title: B, likelihood: 2, impact: 2, status: open}\n"
        "  - {id: R2, title: C, likelihood: 3, impact: 3, status: open}\n";
    const std::string after =
        "risks:\n"
        "  - {id: R2, title: B, likelihood: 2, impact: 2, status: open}\n"
        "  - {id: R1, title: A, likelihood: 1, impact: 1, status: open}\n"
        "  - {id: R2, title: C, likelihood: 4, impact: 3, status: open}\n";
    const auto changes = file_changes("accounts/acme/risks.yaml", before, after);
    CHECK(lines(changes) == std::vector<std::string>{
                                "~ risks.R2.likelihood [id repeated: item 2]: 3 -> 4",
                            });
}

TEST_CASE("diff: text lists match by value; a long text is summarised") {
    const std::string before =
        "name: Acme\nstatus: active\ntier: key\nmanager: Ann\ntags: [a, b, c]\n"
        "background: |\n  one\n  two\n  three\n";
    const std::string after =
        "name: Acme\nstatus: active\ntier: key\nmanager: Ann\ntags: [c, a, d]\n"
        "background: |\n  one\n  2\n  three\n  four\n";
    const auto changes = file_changes("accounts/acme/account.yaml", before, after);
    CHECK(lines(changes) == std::vector<std::string>{
                                "~ account.background: +2 lines, -1 line",
                                "- account.tags.1: b",
                                "+ account.tags.2: d",
                            });
}

TEST_CASE("diff: kam.yaml changes have their own section; figures move with them") {
    Repo r;
    const auto d = r.run(
        {{"kam.yaml", std::string(k_kam) + "fx: {USD: 0.9}\n"},
         {"accounts/acme/account.yaml", k_cover},
         {"accounts/acme/contracts.yaml",
          "contracts:\n  - {id: C1, title: T, status: active, start: 2025-01-01, end: 2026-12-31, "
          "annual_value: 1000, currency: USD}\n"}},
        {{"kam.yaml", std::string(k_kam) + "fx: {USD: 0.95}\n"},
         {"accounts/acme/account.yaml", k_cover},
         {"accounts/acme/contracts.yaml",
          "contracts:\n  - {id: C1, title: T, status: active, start: 2025-01-01, end: 2026-12-31, "
          "annual_value: 1000, currency: USD}\n"}});
    REQUIRE(d.settings.size() == 1);
    CHECK(d.settings[0].path == "fx.USD");
    CHECK(d.settings[0].before == "0.9");
    CHECK(d.settings[0].after == "0.95");
    REQUIRE(d.accounts.size() == 1);
    CHECK(d.accounts[0].figures_only);
    CHECK(d.accounts[0].changes.empty());
}

TEST_CASE("diff: unchanged accounts are not parsed; added, removed and renamed folders") {
    Repo r;
    const MemoryGitSource::Files before = {
        {"kam.yaml", k_kam},
        {"accounts/acme/account.yaml", k_cover},
        {"accounts/beta/account.yaml", "name: Beta\nstatus: active\ntier: growth\nmanager: B\n"},
        {"accounts/gamma/account.yaml", "name: Gamma\nstatus: active\ntier: growth\nmanager: G\n"},
    };
    MemoryGitSource::Files after = before;
    after.erase("accounts/beta/account.yaml");
    after["accounts/beta-group/account.yaml"] = before.at("accounts/beta/account.yaml");
    after.erase("accounts/gamma/account.yaml");
    after["accounts/delta/account.yaml"] =
        "name: Delta\nstatus: prospect\ntier: growth\nmanager: D\n";
    DiffOptions o;
    o.gates["account-removed"] = 0;
    const auto d = r.run(before, after, o);
    REQUIRE(d.accounts.size() == 3);
    CHECK(d.accounts[0].op == '>');
    CHECK(d.accounts[0].old_slug == "beta");
    CHECK(d.accounts[0].slug == "beta-group");
    CHECK(d.accounts[0].changes.empty());
    CHECK(d.accounts[1].op == '+');
    CHECK(d.accounts[1].slug == "delta");
    CHECK(d.accounts[2].op == '-');
    CHECK(d.accounts[2].slug == "gamma");
    CHECK(d.accounts_parsed == 1);  // delta's account.yaml; acme never, beta's blob is equal
    REQUIRE(d.findings.size() == 1);
    CHECK(d.findings[0].rule == Rule::account_removed);
    CHECK(d.findings[0].severity == Severity::error);
}

TEST_CASE("diff: derived values and gates, with their thresholds and directions") {
    const std::string risks_a =
        "risks:\n"
        "  - {id: R1, title: A, likelihood: 2, impact: 2, status: open}\n"
        "  - {id: R2, title: B, likelihood: 3, impact: 3, status: open}\n";
    const std::string risks_b =
        "risks:\n"
        "  - {id: R1, title: A, likelihood: 4, impact: 2, status: open}\n"
        "  - {id: R2, title: B, likelihood: 3, impact: 3, status: closed}\n";
    const std::string contracts_a =
        "contracts:\n"
        "  - {id: C1, title: Main, status: active, start: 2025-01-01, end: 2026-12-31, "
        "notice_days: 90, annual_value: 100000, slas: [{id: S1, name: Up, target: 99, actual: "
        "99.5}]}\n"
        "  - {id: C2, title: Old, status: active, start: 2025-01-01, annual_value: 5000}\n";
    const std::string contracts_b =
        "contracts:\n"
        "  - {id: C1, title: Main, status: active, start: 2025-01-01, end: 2027-06-30, "
        "notice_days: 90, annual_value: 100000, slas: [{id: S1, name: Up, target: 99, actual: "
        "98}]}\n";
    const MemoryGitSource::Files before = {{"kam.yaml", k_kam},
                                           {"accounts/acme/account.yaml", k_cover},
                                           {"accounts/acme/risks.yaml", risks_a},
                                           {"accounts/acme/contracts.yaml", contracts_a}};
    const MemoryGitSource::Files after = {{"kam.yaml", k_kam},
                                          {"accounts/acme/account.yaml", k_cover},
                                          {"accounts/acme/risks.yaml", risks_b},
                                          {"accounts/acme/contracts.yaml", contracts_b}};

    SUBCASE("derived values") {
        Repo r;
        const auto d = r.run(before, after);
        REQUIRE(d.accounts.size() == 1);
        const auto text = lines(d.accounts[0].changes);
        auto has = [&](const std::string& l) {
            return std::find(text.begin(), text.end(), l) != text.end();
        };
        CHECK(has("~ risks.R1 (score): 4 (low) -> 8 (medium)"));
        CHECK(has("~ contracts.C1 (notice deadline): 2026-10-02 -> 2027-04-01"));
        CHECK(has("~ contracts.C1.slas.S1 (SLA): met -> breached"));
        CHECK(has("- contracts.C2: Old"));
        CHECK(d.findings.empty());  // no gate asked for
    }
    SUBCASE("a rise at the limit fails, below it does not; a closed risk is no rise") {
        DiffOptions o;
        o.gates["risk-score-rise"] = 4;
        Repo r;
        auto d = r.run(before, after, o);
        REQUIRE(d.findings.size() == 1);
        CHECK(d.findings[0].rule == Rule::risk_score_rise);
        CHECK(d.findings[0].message == "risk R1 rose from 4 to 8 (medium)");
        o.gates["risk-score-rise"] = 5;
        Repo r2;
        CHECK(r2.run(before, after, o).findings.empty());
    }
    SUBCASE("closed without mitigation, a removed contract, and an ACV drop") {
        DiffOptions o;
        o.gates["risk-closed-without-mitigation"] = 0;
        o.gates["contract-removed"] = 0;
        o.gates["acv-drop"] = 5000;
        Repo r;
        const auto d = r.run(before, after, o);
        std::vector<std::string> rules;
        for (const Diagnostic& f : d.findings) rules.emplace_back(rule_id(f.rule));
        std::sort(rules.begin(), rules.end());
        CHECK(rules == std::vector<std::string>{"acv-drop", "contract-removed",
                                                "risk-closed-without-mitigation"});
        o.gates["acv-drop"] = 5000.01;
        o.gates.erase("contract-removed");
        o.gates.erase("risk-closed-without-mitigation");
        Repo r2;
        CHECK(r2.run(before, after, o).findings.empty());
    }
    SUBCASE("a rise is no drop: the reverse direction passes a drop gate") {
        DiffOptions o;
        o.gates["acv-drop"] = 1;
        o.gates["health-drop"] = 1;
        Repo r;
        CHECK(r.run(after, before, o).findings.empty());
    }
}

TEST_CASE("diff: a file that does not parse makes the figures unreadable, never an error") {
    Repo r;
    const auto d = r.run({{"kam.yaml", k_kam},
                          {"accounts/acme/account.yaml", k_cover},
                          {"accounts/acme/risks.yaml", "risks: []\n"}},
                         {{"kam.yaml", k_kam},
                          {"accounts/acme/account.yaml", k_cover},
                          {"accounts/acme/risks.yaml", "risks: [\n"}});
    REQUIRE(d.accounts.size() == 1);
    const std::string want = "unreadable at B (" + r.b.substr(0, 12) + "): risks.yaml";
    CHECK(d.accounts[0].unreadable_after == want);
    CHECK(d.accounts[0].figures[0].after == want);
    CHECK(d.accounts[0].unreadable_before.empty());
}

TEST_CASE("diff: markdown keeps within --max-bytes by dropping details, least changed first") {
    Repo r;
    std::string big = "risks:\n";
    for (int i = 0; i < 40; ++i)
        big += "  - {id: R" + std::to_string(i) +
               ", title: T, likelihood: 2, impact: 2, status: open}\n";
    const auto d = r.run(
        {{"kam.yaml", k_kam},
         {"accounts/acme/account.yaml", k_cover},
         {"accounts/beta/account.yaml", k_cover}},
        {{"kam.yaml", k_kam},
         {"accounts/acme/account.yaml", k_cover},
         {"accounts/acme/risks.yaml", big},
         {"accounts/beta/account.yaml", "name: Beta\nstatus: active\ntier: key\nmanager: Ann\n"}});
    RenderOptions ro;
    const std::string full = render_diff_markdown(d, ro);
    CHECK(full.starts_with(k_markdown_marker));
    CHECK(full.find("<details><summary><code>beta") != std::string::npos);
    ro.max_bytes = full.size() - 1;
    const std::string cut = render_diff_markdown(d, ro);
    CHECK(cut.size() <= ro.max_bytes);
    CHECK(cut.find("<details><summary><code>beta") == std::string::npos);  // 1 change: first out
    CHECK(cut.find("<details><summary><code>acme") != std::string::npos);
}

TEST_CASE("diff: key-account-lost loads every account and compares the key-account sets") {
    auto perf = [](int revenue) {
        return "financials:\n  - {period: 2025, revenue: " + std::to_string(revenue) + "}\n";
    };
    const std::string beta = "name: Beta\nstatus: active\ntier: growth\nmanager: Bo\n";
    DiffOptions o;
    o.gates["key-account-lost"] = 0;
    Repo r;
    const auto d = r.run({{"kam.yaml", k_kam},
                          {"accounts/acme/account.yaml", k_cover},
                          {"accounts/acme/performance.yaml", perf(900)},
                          {"accounts/beta/account.yaml", beta},
                          {"accounts/beta/performance.yaml", perf(100)}},
                         {{"kam.yaml", k_kam},
                          {"accounts/acme/account.yaml", k_cover},
                          {"accounts/acme/performance.yaml", perf(100)},
                          {"accounts/beta/account.yaml", beta},
                          {"accounts/beta/performance.yaml", perf(900)}},
                         o);
    REQUIRE(d.accounts.size() == 2);
    CHECK(d.accounts[0].key_before);
    CHECK_FALSE(d.accounts[0].key_after);
    REQUIRE(d.findings.size() == 1);
    CHECK(d.findings[0].rule == Rule::key_account_lost);
    CHECK(d.findings[0].account == "acme");
    CHECK(d.full_totals);
}
