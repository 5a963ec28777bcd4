// kam history and kam log on an in-memory repository: what each point
// samples, what an absent or unreadable account says, that an account is
// parsed once per version, and that reformatting is no change.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include "kam/history/figure_history.hpp"
#include "kam/history/item_log.hpp"
#include "kam/io/file_system.hpp"
#include "kam/io/git_source.hpp"
#include "kam/io/git_tree_file_system.hpp"
#include "kam/io/yaml_loader.hpp"
#include "kam/metrics/account_metrics.hpp"
#include "kam/portfolio/load.hpp"

using namespace kam;

namespace {

const std::string k_settings = "kam: 1\nname: Test\ncurrency: EUR\n";

std::string account_yaml(const std::string& tier) {
    return "name: Acme\nstatus: active\ntier: " + tier + "\nmanager: Ann\n";
}

std::string contracts_yaml(const std::string& value) {
    return "contracts:\n  - id: C1\n    title: Frame\n    status: active\n"
           "    start: 2025-01-01\n    end: 2027-12-31\n    annual_value: " +
           value + "\n";
}

int64_t at(int y, unsigned m, unsigned d) {
    return static_cast<int64_t>(Date::from_ymd(y, m, d).days) * 86400 + 12 * 3600;
}

MemoryGitSource::CommitInfo when(int64_t t, std::string subject = "edit") {
    MemoryGitSource::CommitInfo info;
    info.time = t;
    info.subject = std::move(subject);
    return info;
}

const std::string k_root = "/portfolio";

// Three commits: acme created in January at 100000, raised to 150000 in
// March; beta appears in March.
struct Repo {
    MemoryGitSource git;
    std::string c1, c2, c3;
    Repo() {
        c1 = git.add_commit({{"kam.yaml", k_settings},
                             {"accounts/acme/account.yaml", account_yaml("key")},
                             {"accounts/acme/contracts.yaml", contracts_yaml("100000")}},
                            {}, when(at(2026, 1, 15), "create acme"));
        c2 = git.add_commit({{"kam.yaml", k_settings},
                             {"accounts/acme/account.yaml", account_yaml("key")},
                             {"accounts/acme/contracts.yaml", contracts_yaml("150000")}},
                            {c1}, when(at(2026, 3, 2), "raise C1"));
        c3 = git.add_commit({{"kam.yaml", k_settings},
                             {"accounts/acme/account.yaml", account_yaml("key")},
                             {"accounts/acme/contracts.yaml", contracts_yaml("150000")},
                             {"accounts/beta/account.yaml", account_yaml("growth")}},
                            {c2}, when(at(2026, 3, 20), "add beta"));
        git.set_ref("HEAD", c3);
    }
};

HistoryRequest monthly(Date since, Date until) {
    HistoryRequest r;
    r.ends = period_ends(Sampling::monthly, since, until, 1);
    r.figures = parse_figure_names({"acv"});
    return r;
}

const FigureReading& value(const PortfolioHistory& h, const std::string& slug, size_t point) {
    for (const HistorySeries& s : h.series)
        if (s.slug == slug) return s.at(point, 0);
    FAIL("no series " << slug);
    static FigureReading none;
    return none;
}

}  // namespace

TEST_CASE("history samples the last commit of each month, judged as of the month's end") {
    Repo repo;
    const PortfolioHistory h =
        build_history(repo.git, k_root, default_event_source(),
                      monthly(Date::from_ymd(2025, 12, 1), Date::from_ymd(2026, 3, 31)));
    REQUIRE(h.points.size() == 4);  // 2025-12 .. 2026-03
    CHECK(h.points[0].commit.empty());
    CHECK(h.points[0].missing == "before the first commit");
    CHECK(h.points[1].commit == repo.c1);
    CHECK(h.points[2].commit == repo.c1);  // nothing was committed in February
    CHECK(h.points[3].commit == repo.c3);
    CHECK(h.points[3].as_of == Date::from_ymd(2026, 3, 31));

    CHECK_FALSE(value(h, "acme", 0).known());
    CHECK(value(h, "acme", 0).reason == "before the first commit");
    CHECK(std::get<Money>(value(h, "acme", 1).value).cents == 10'000'000);
    CHECK(std::get<Money>(value(h, "acme", 3).value).cents == 15'000'000);
    CHECK(value(h, "beta", 1).reason == "account not yet created");
    CHECK_FALSE(value(h, "beta", 3).known());  // no contracts.yaml: acv has its own reason
    CHECK(value(h, "beta", 3).reason != "account not yet created");
}

TEST_CASE("an account is parsed once per version, not once per point") {
    Repo repo;
    const PortfolioHistory h =
        build_history(repo.git, k_root, default_event_source(),
                      monthly(Date::from_ymd(2026, 1, 1), Date::from_ymd(2026, 6, 30)));
    // Points: Jan (c1), Feb (c1), Mar..Jun (c3): acme parsed at c1 and c3, beta at c3.
    CHECK(h.accounts_parsed == 3);
}

TEST_CASE("each distinct blob is parsed once: an unchanged file, a revert, a copy") {
    // acme's contracts go 100000 -> 150000 -> 100000 again; beta's cover
    // sheet is byte for byte acme's. Four distinct blobs: kam.yaml, the cover
    // sheet and the two contracts files. Parsing whole accounts again made it
    // 3 + 3 + 2 = 8.
    MemoryGitSource git;
    const std::string c1 =
        git.add_commit({{"kam.yaml", k_settings},
                        {"accounts/acme/account.yaml", account_yaml("key")},
                        {"accounts/acme/contracts.yaml", contracts_yaml("100000")}},
                       {}, when(at(2026, 1, 10)));
    const std::string c2 =
        git.add_commit({{"kam.yaml", k_settings},
                        {"accounts/acme/account.yaml", account_yaml("key")},
                        {"accounts/acme/contracts.yaml", contracts_yaml("150000")},
                        {"accounts/beta/account.yaml", account_yaml("key")}},
                       {c1}, when(at(2026, 2, 10)));
    const std::string c3 =
        git.add_commit({{"kam.yaml", k_settings},
                        {"accounts/acme/account.yaml", account_yaml("key")},
                        {"accounts/acme/contracts.yaml", contracts_yaml("100000")},
                        {"accounts/beta/account.yaml", account_yaml("key")}},
                       {c2}, when(at(2026, 3, 10)));
    git.set_ref("HEAD", c3);
    const PortfolioHistory h =
        build_history(git, k_root, default_event_source(),
                      monthly(Date::from_ymd(2026, 1, 1), Date::from_ymd(2026, 3, 31)));
    CHECK(h.files_parsed == 4);
    CHECK(h.accounts_parsed == 4);  // acme three times, beta once
    CHECK(std::get<Money>(value(h, "acme", 0).value).cents == 10'000'000);
    CHECK(std::get<Money>(value(h, "acme", 1).value).cents == 15'000'000);
    CHECK(std::get<Money>(value(h, "acme", 2).value).cents == 10'000'000);
    CHECK(value(h, "beta", 1).reason != "account not yet created");
}

TEST_CASE("a file parsed once gives each account that holds it its own findings") {
    MemoryGitSource git;
    const std::string risks =
        "risks:\n  - id: R1\n    title: T\n    likelihood: 9\n"
        "    impact: 2\n    status: open\n";
    const std::string c = git.add_commit({{"kam.yaml", k_settings},
                                          {"accounts/acme/account.yaml", account_yaml("key")},
                                          {"accounts/acme/risks.yaml", risks},
                                          {"accounts/beta/account.yaml", account_yaml("growth")},
                                          {"accounts/beta/risks.yaml", risks}});
    const GitTreeFileSystem fs(git, git.tree(c).value(), k_root);
    const PortfolioSettings settings;
    ParsedFileCache cache;
    std::vector<Diagnostic> a, b;
    load_account(fs, k_root + "/accounts/acme", "accounts/acme", "acme", settings,
                 Date::from_ymd(2026, 1, 1), default_event_source(), a, nullptr, &cache);
    const Account beta =
        load_account(fs, k_root + "/accounts/beta", "accounts/beta", "beta", settings,
                     Date::from_ymd(2026, 1, 1), default_event_source(), b, nullptr, &cache);
    CHECK(cache.parsed() == 3);  // two cover sheets, one risks file
    auto range = [](const std::vector<Diagnostic>& ds) {
        for (const Diagnostic& d : ds)
            if (d.rule == Rule::schema_range) return d.path + " " + d.account;
        return std::string();
    };
    CHECK(range(a) == "accounts/acme/risks.yaml acme");
    CHECK(range(b) == "accounts/beta/risks.yaml beta");
    REQUIRE(beta.risks);
    CHECK(beta.risks->size() == 1);
}

// A GitSource that counts the blobs asked of it, over a MemoryGitSource.
class CountingGit final : public GitSource {
  public:
    explicit CountingGit(const MemoryGitSource& git) : git_(git) {}
    mutable size_t blobs_read = 0;
    Expected<std::string> resolve(std::string_view rev) const override { return git_.resolve(rev); }
    Expected<GitCommit> commit(const std::string& id) const override { return git_.commit(id); }
    Expected<std::vector<GitEntry>> tree(const std::string& c) const override {
        return git_.tree(c);
    }
    Expected<std::vector<GitEntry>> index() const override { return git_.index(); }
    Expected<std::string> blob(const std::string& id) const override {
        ++blobs_read;
        return git_.blob(id);
    }
    Expected<std::vector<GitChange>> changes(const std::string& a,
                                             const std::string& b) const override {
        return git_.changes(a, b);
    }
    Expected<std::vector<std::string>> first_parent_log(const std::string& rev) const override {
        return git_.first_parent_log(rev);
    }
    Expected<std::string> merge_base(const std::string& a, const std::string& b) const override {
        return git_.merge_base(a, b);
    }
    Expected<std::vector<std::string>> first_parent_touching(
        const std::string& rev, const std::vector<std::string>& paths) const override {
        return git_.first_parent_touching(rev, paths);
    }
    Expected<std::optional<std::string>> file_at(const std::string& c,
                                                 const std::string& path) const override {
        return git_.file_at(c, path);
    }
    Expected<std::vector<std::string>> worktree_changes(const std::string& c) const override {
        return git_.worktree_changes(c);
    }
    bool is_shallow() const override { return git_.is_shallow(); }
    std::vector<std::string> shallow_boundary() const override { return git_.shallow_boundary(); }

  private:
    const MemoryGitSource& git_;
};

TEST_CASE("a new kam.yaml makes a new version of every account; each blob is read once") {
    MemoryGitSource git;
    const std::string eur = k_settings;
    const std::string usd = "kam: 1\nname: Test\ncurrency: USD\n";
    const MemoryGitSource::Files acme = {
        {"accounts/acme/account.yaml", account_yaml("key")},
        {"accounts/acme/contracts.yaml", contracts_yaml("100000")}};
    auto with = [&](const std::string& settings) {
        MemoryGitSource::Files f = acme;
        f["kam.yaml"] = settings;
        return f;
    };
    const std::string c1 = git.add_commit(with(eur), {}, when(at(2026, 1, 10)));
    const std::string c2 = git.add_commit(with(usd), {c1}, when(at(2026, 2, 10)));
    const std::string c3 = git.add_commit(with(eur), {c2}, when(at(2026, 3, 10)));
    git.set_ref("HEAD", c3);
    const PortfolioHistory h =
        build_history(git, k_root, default_event_source(),
                      monthly(Date::from_ymd(2026, 1, 1), Date::from_ymd(2026, 3, 31)));
    // Two kam.yaml blobs and acme's two files, each parsed once, though acme
    // was built three times (EUR, USD, EUR again).
    CHECK(h.files_parsed == 4);
    CHECK(h.accounts_parsed == 3);
    CHECK(std::get<Money>(value(h, "acme", 0).value).cents == 10'000'000);
    CHECK(std::get<Money>(value(h, "acme", 2).value).cents == 10'000'000);
}

TEST_CASE("a renamed account folder: the old name removed, the new one with the same files") {
    MemoryGitSource git;
    const std::string c1 =
        git.add_commit({{"kam.yaml", k_settings},
                        {"accounts/acme/account.yaml", account_yaml("key")},
                        {"accounts/acme/contracts.yaml", contracts_yaml("100000")}},
                       {}, when(at(2026, 1, 10)));
    const std::string c2 =
        git.add_commit({{"kam.yaml", k_settings},
                        {"accounts/acme-gmbh/account.yaml", account_yaml("key")},
                        {"accounts/acme-gmbh/contracts.yaml", contracts_yaml("100000")}},
                       {c1}, when(at(2026, 2, 10)));
    git.set_ref("HEAD", c2);
    const PortfolioHistory h =
        build_history(git, k_root, default_event_source(),
                      monthly(Date::from_ymd(2026, 1, 1), Date::from_ymd(2026, 2, 28)));
    CHECK(value(h, "acme", 0).known());
    CHECK(value(h, "acme", 1).reason == "account removed");
    CHECK(value(h, "acme-gmbh", 0).reason == "account not yet created");
    CHECK(std::get<Money>(value(h, "acme-gmbh", 1).value).cents == 10'000'000);
    CHECK(h.files_parsed == 3);  // the blobs are the same: each parsed once for both names
}

TEST_CASE("a working-tree file that is the blob is read from the working tree, not from git") {
    Repo repo;
    CountingGit counting(repo.git);
    const auto r = monthly(Date::from_ymd(2026, 1, 1), Date::from_ymd(2026, 3, 31));
    const PortfolioHistory from_git = build_history(counting, k_root, default_event_source(), r);
    const size_t all = counting.blobs_read;
    // kam.yaml, acme's cover, its contracts at c1 and at c3, beta's cover.
    CHECK(all == 5);

    // The checkout holds HEAD's files; one of them edited since.
    MemoryFileSystem worktree;
    worktree.add_file(k_root + "/kam.yaml", k_settings);
    worktree.add_file(k_root + "/accounts/acme/account.yaml", account_yaml("key"));
    worktree.add_file(k_root + "/accounts/acme/contracts.yaml", contracts_yaml("150000"));
    worktree.add_file(k_root + "/accounts/beta/account.yaml", account_yaml("maintain"));
    counting.blobs_read = 0;
    auto with_worktree = r;
    with_worktree.worktree = &worktree;
    const PortfolioHistory h =
        build_history(counting, k_root, default_event_source(), with_worktree);
    // From git: kam.yaml (settings are read from git), acme's first contracts
    // and beta's cover (edited in the working tree).
    CHECK(counting.blobs_read == 3);
    CHECK(h.files_parsed == from_git.files_parsed);
    for (size_t p = 0; p < h.points.size(); ++p) {
        const FigureReading& a = value(h, "acme", p);
        const FigureReading& b = value(from_git, "acme", p);
        CHECK(a.reason == b.reason);
        REQUIRE(a.known() == b.known());
        if (a.known()) CHECK(std::get<Money>(a.value).cents == std::get<Money>(b.value).cents);
    }
}

TEST_CASE("commit_at_day: the last commit on or before a day, or why there is none") {
    Repo repo;
    CHECK(commit_at_day(repo.git, repo.c3, Date::from_ymd(2026, 1, 15)).value() == repo.c1);
    CHECK(commit_at_day(repo.git, repo.c3, Date::from_ymd(2026, 3, 19)).value() == repo.c2);
    CHECK(commit_at_day(repo.git, repo.c2, Date::from_ymd(2026, 12, 31)).value() == repo.c2);
    const auto before = commit_at_day(repo.git, repo.c3, Date::from_ymd(2026, 1, 14));
    REQUIRE_FALSE(before);
    CHECK(before.error() == "2026-01-14 is before the repository's first commit (" +
                                repo.c1.substr(0, 8) + " of 2026-01-15)");
    repo.git.set_shallow({repo.c2});
    const auto beyond = commit_at_day(repo.git, repo.c3, Date::from_ymd(2026, 2, 1));
    REQUIRE_FALSE(beyond);
    CHECK(beyond.error() ==
          "no commit on or before 2026-02-01 in this clone: history truncated at " +
              repo.c2.substr(0, 8) + " 2026-03-02: " + std::string(k_shallow_advice));
}

TEST_CASE("a removed account and an unreadable version say so") {
    MemoryGitSource git;
    const std::string c1 = git.add_commit({{"kam.yaml", k_settings},
                                           {"accounts/acme/account.yaml", account_yaml("key")},
                                           {"accounts/acme/contracts.yaml", contracts_yaml("1")}},
                                          {}, when(at(2026, 1, 10)));
    const std::string c2 =
        git.add_commit({{"kam.yaml", k_settings},
                        {"accounts/acme/account.yaml", account_yaml("key")},
                        {"accounts/acme/contracts.yaml", "contracts: [unclosed\n"}},
                       {c1}, when(at(2026, 2, 10)));
    const std::string c3 = git.add_commit({{"kam.yaml", k_settings}}, {c2}, when(at(2026, 3, 10)));
    git.set_ref("HEAD", c3);
    const PortfolioHistory h =
        build_history(git, k_root, default_event_source(),
                      monthly(Date::from_ymd(2026, 1, 1), Date::from_ymd(2026, 3, 31)));
    REQUIRE(h.points.size() == 3);
    CHECK(value(h, "acme", 0).known());
    CHECK(value(h, "acme", 1).reason.starts_with("unreadable at " + c2.substr(0, 8)));
    CHECK(value(h, "acme", 2).reason == "account removed");
}

TEST_CASE("a shallow history says where it stops") {
    Repo repo;
    repo.git.set_shallow({repo.c2});
    const PortfolioHistory h =
        build_history(repo.git, k_root, default_event_source(),
                      monthly(Date::from_ymd(2026, 1, 1), Date::from_ymd(2026, 3, 31)));
    CHECK(h.truncated.starts_with("history truncated at " + repo.c2.substr(0, 8) + " 2026-03-02"));
    CHECK(h.points[0].missing.starts_with("not in shallow history"));
    CHECK(h.points[2].commit == repo.c3);
}

TEST_CASE("by commit: a point for every commit that touched the account") {
    Repo repo;
    HistoryRequest r;
    r.by_commit = true;
    r.since = Date::from_ymd(2000, 1, 1);
    r.until = Date::from_ymd(2030, 1, 1);
    r.figures = parse_figure_names({"acv_cents"});
    r.accounts = {"acme"};
    const PortfolioHistory h = build_history(repo.git, k_root, default_event_source(), r);
    REQUIRE(h.points.size() == 2);  // c3 only added beta
    CHECK(h.points[0].commit == repo.c1);
    CHECK(h.points[1].commit == repo.c2);
    CHECK(h.points[1].as_of == Date::from_ymd(2026, 3, 2));
    REQUIRE(h.series.size() == 1);
}

TEST_CASE("figure names: a unit suffix may be left out; a typo gets a suggestion") {
    CHECK(parse_figure_names({"health", "acv", "acv_cents"}).size() == 2);
    CHECK_THROWS_WITH(parse_figure_names({"helth"}),
                      doctest::Contains("no figure 'helth'; did you mean 'health'?"));
}

TEST_CASE("kam log: every change of an item, and reformatting is none") {
    MemoryGitSource git;
    const std::string c1 =
        git.add_commit({{"kam.yaml", k_settings},
                        {"accounts/acme/account.yaml", account_yaml("key")},
                        {"accounts/acme/contracts.yaml", contracts_yaml("100000")}},
                       {}, when(at(2026, 1, 10), "create"));
    // Only quoting and a comment change: `kam get` prints the same value.
    std::string reformatted = contracts_yaml("100000");
    reformatted.replace(reformatted.find("title: Frame"), 12, "title: \"Frame\"  # the frame");
    const std::string c2 = git.add_commit({{"kam.yaml", k_settings},
                                           {"accounts/acme/account.yaml", account_yaml("key")},
                                           {"accounts/acme/contracts.yaml", reformatted}},
                                          {c1}, when(at(2026, 2, 10), "reformat"));
    const std::string c3 =
        git.add_commit({{"kam.yaml", k_settings},
                        {"accounts/acme/account.yaml", account_yaml("key")},
                        {"accounts/acme/contracts.yaml", contracts_yaml("120000")}},
                       {c2}, when(at(2026, 3, 10), "raise"));
    git.set_ref("HEAD", c3);
    const auto title = item_log(git, {k_root, "acme", "contracts.C1.title"});
    REQUIRE(title.size() == 1);
    CHECK(title[0].kind == ItemChange::Kind::added);
    CHECK(title[0].after == "Frame\n");
    const auto value = item_log(git, {k_root, "acme", "contracts.C1.annual_value"});
    REQUIRE(value.size() == 2);
    CHECK(value[1].commit.id == c3);
    CHECK(value[1].commit.subject == "raise");
    CHECK(value[1].before == "100000\n");
    CHECK(value[1].after == "120000\n");
    CHECK_THROWS_WITH(item_log(git, {k_root, "acme", "contrcts.C1"}),
                      doctest::Contains("did you mean"));
}

TEST_CASE("each point's figures follow the kam.yaml of its revision, fiscal year included") {
    // Month k of 2025-01 .. 2026-03 earns k x 1,000: which months make "the
    // year of the figures" shows which fiscal year each point was judged in.
    std::string performance = "financials:\n";
    for (int k = 1; k <= 15; ++k)
        performance += fmt::format("  - period: \"{}-{:02}\"\n    revenue: {}\n",
                                   k <= 12 ? 2025 : 2026, k <= 12 ? k : k - 12, k * 1000);
    const std::string april = k_settings + "fiscal_year_start: 4\n";
    auto files = [&](const std::string& settings) {
        return MemoryGitSource::Files{{"kam.yaml", settings},
                                      {"accounts/acme/account.yaml", account_yaml("key")},
                                      {"accounts/acme/performance.yaml", performance}};
    };
    MemoryGitSource git;
    const std::string c1 = git.add_commit(files(k_settings), {}, when(at(2026, 3, 10)));
    const std::string c2 = git.add_commit(files(april), {c1}, when(at(2026, 4, 10)));
    git.set_ref("HEAD", c2);
    HistoryRequest r = monthly(Date::from_ymd(2026, 3, 1), Date::from_ymd(2026, 4, 30));
    r.figures = parse_figure_names({"annual_revenue"});
    const PortfolioHistory h = build_history(git, k_root, default_event_source(), r);
    REQUIRE(h.points.size() == 2);
    // March, calendar years: FY2025 is January to December 2025, months 1-12.
    CHECK(std::get<Money>(value(h, "acme", 0).value).cents == 78'000 * 100);
    // April, years from April: the year that ended on 31 March 2026, months 4-15.
    CHECK(std::get<Money>(value(h, "acme", 1).value).cents == 114'000 * 100);

    // The same as kam summary of that revision as of that day.
    for (const auto& [settings, day] : {std::pair{k_settings, Date::from_ymd(2026, 3, 31)},
                                        std::pair{april, Date::from_ymd(2026, 4, 30)}}) {
        MemoryFileSystem fs;
        for (const auto& [path, text] : files(settings)) fs.add_file("p/" + path, text);
        LoadOptions o;
        o.as_of = day;
        const LoadedPortfolio p = load_portfolio(fs, "p", "p", o, default_event_source());
        const AccountMetrics m = compute_account_metrics(p.accounts[0], p.settings, day);
        CHECK(m.annual_revenue->cents ==
              std::get<Money>(value(h, "acme", day.month() == 3 ? 0 : 1).value).cents);
    }
}
