#include "kam/history/figure_history.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "kam/history/revision_loader.hpp"
#include "kam/history/samples.hpp"
#include "kam/metrics/account_facts.hpp"
#include "kam/metrics/account_metrics.hpp"
#include "kam/metrics/portfolio_metrics.hpp"
#include "kam/util/error.hpp"
#include "kam/util/parallel.hpp"
#include "kam/util/spell.hpp"

namespace kam {

namespace {

std::string short_id(const std::string& id) {
    return id.substr(0, 8);
}

std::vector<FigureReading> missing_readings(size_t count, const std::string& why) {
    return std::vector<FigureReading>(count, FigureReading{std::monostate{}, why});
}

bool needs_key_set(const std::vector<size_t>& figures) {
    const NamedFigure* key = find_named_figure("key_account");
    return std::any_of(figures.begin(), figures.end(),
                       [&](size_t i) { return &named_figures()[i] == key; });
}

// The first-parent chain of HEAD, oldest first, with commit times.
struct Chain {
    std::vector<GitCommit> commits;
    std::string truncated;  // set when the oldest commit is a shallow clone's boundary
};

Chain read_chain(const GitSource& git, const std::string& tip = {}) {
    std::string head = tip;
    if (head.empty()) {
        auto resolved = git.resolve("HEAD");
        if (!resolved) throw UsageError(resolved.error());
        head = *resolved;
    }
    auto ids = git.first_parent_log(head);
    if (!ids) throw UsageError(ids.error());
    Chain chain;
    auto commits = git.commits(std::vector<std::string>(ids->rbegin(), ids->rend()));
    if (!commits) throw UsageError(commits.error());
    chain.commits = std::move(*commits);
    if (!chain.commits.empty() && chain.commits.front().grafted) {
        const GitCommit& first = chain.commits.front();
        chain.truncated = fmt::format("history truncated at {} {}: {}", short_id(first.id),
                                      commit_day(first.commit_time).to_string(), k_shallow_advice);
    }
    return chain;
}

// Points at period ends.
std::vector<HistoryPoint> period_points(const Chain& chain, const HistoryRequest& r) {
    std::vector<ChainCommit> times;
    for (const GitCommit& c : chain.commits) times.push_back({c.id, c.commit_time});
    std::vector<Date> days;
    for (const PeriodEnd& e : r.ends) days.push_back(e.end);
    const std::vector<Sample> samples = choose_samples(times, days);
    std::vector<HistoryPoint> points;
    for (size_t i = 0; i < r.ends.size(); ++i) {
        HistoryPoint p;
        p.label = r.ends[i].label;
        p.as_of = r.frozen_as_of.value_or(r.ends[i].end);
        p.partial = r.ends[i].partial;
        if (samples[i].commit) {
            p.meta = chain.commits[*samples[i].commit];
            p.commit = p.meta.id;
        } else {
            p.missing = chain.truncated.empty()
                            ? "before the first commit"
                            : "not in shallow history (" + chain.truncated + ")";
        }
        points.push_back(std::move(p));
    }
    return points;
}

// Points at every commit that touched the accounts (or kam.yaml), from
// `since` to `until`: one rev-list over the paths, not a diff per commit.
std::vector<HistoryPoint> commit_points(const GitSource& git, const Chain& chain,
                                        const HistoryRequest& r) {
    std::vector<std::string> paths = {"kam.yaml"};
    if (r.accounts.empty()) paths.push_back("accounts");
    for (const std::string& slug : r.accounts) paths.push_back("accounts/" + slug);
    auto touching = git.first_parent_touching(chain.commits.back().id, paths);
    if (!touching) throw UsageError(touching.error());
    const std::set<std::string> touched(touching->begin(), touching->end());
    std::vector<HistoryPoint> points;
    for (const GitCommit& c : chain.commits) {
        if (!touched.count(c.id)) continue;
        const Date day = commit_day(c.commit_time);
        if (day < r.since || day > r.until) continue;
        HistoryPoint p;
        p.label = short_id(c.id);
        p.as_of = r.frozen_as_of.value_or(day);
        p.commit = c.id;
        p.meta = c;
        points.push_back(std::move(p));
    }
    return points;
}

}  // namespace

Expected<std::string> commit_at_day(const GitSource& git, const std::string& tip, Date day) {
    Chain chain;
    try {
        chain = read_chain(git, tip);
    } catch (const UsageError& e) {
        return unexpected(e.what());
    }
    if (chain.commits.empty()) return unexpected("the repository has no commit yet");
    std::vector<ChainCommit> times;
    for (const GitCommit& c : chain.commits) times.push_back({c.id, c.commit_time});
    const Sample s = choose_samples(times, {day}).front();
    if (s.commit) return chain.commits[*s.commit].id;
    const GitCommit& first = chain.commits.front();
    if (!chain.truncated.empty())
        return unexpected(fmt::format("no commit on or before {} in this clone: {}",
                                      day.to_string(), chain.truncated));
    return unexpected(fmt::format("{} is before the repository's first commit ({} of {})",
                                  day.to_string(), short_id(first.id),
                                  commit_day(first.commit_time).to_string()));
}

std::vector<size_t> parse_figure_names(const std::vector<std::string>& names) {
    const std::vector<NamedFigure>& all = named_figures();
    std::vector<size_t> out;
    for (const std::string& name : names) {
        std::optional<size_t> found;
        for (size_t i = 0; i < all.size() && !found; ++i)
            if (all[i].name == name || all[i].name == name + "_cents") found = i;
        if (!found) {
            std::vector<std::string_view> candidates;
            for (const NamedFigure& f : all) candidates.push_back(f.name);
            throw UsageError(with_suggestion(fmt::format("no figure '{}'", name),
                                             closest_name(name, candidates)) +
                             " (kam-metrics(7) lists them)");
        }
        if (std::find(out.begin(), out.end(), *found) == out.end()) out.push_back(*found);
    }
    return out;
}

PortfolioHistory build_history(const GitSource& git, const std::string& root,
                               const YamlEventSource& source, const HistoryRequest& r) {
    PortfolioHistory out;
    const Chain chain = read_chain(git);
    out.truncated = chain.truncated;
    out.points = r.by_commit ? commit_points(git, chain, r) : period_points(chain, r);
    const size_t n = out.points.size();

    // Which version of each account stands at each point: the trees' changes only.
    RevisionLoader loader(git, root, source, r.worktree);
    std::vector<std::string> commits;
    for (const HistoryPoint& p : out.points) commits.push_back(p.commit);
    const RevisionTracks tracks = loader.track(commits, r.accounts);

    // What the key-account set of a point needs of each account there.
    struct KeyInput {
        bool readable = false;
        std::string status, tier;
        Figure<Money> annual_revenue;
    };
    const size_t figures = r.figures.size();
    struct Row {
        std::vector<FigureReading> values;  // [point * figures + figure]
        std::vector<char> filled;           // [point]: values there set
        void set(size_t point, size_t width, const std::vector<FigureReading>& readings) {
            std::copy(readings.begin(), readings.end(),
                      values.begin() + static_cast<std::ptrdiff_t>(point * width));
            filled[point] = 1;
        }
        // The filter on the account as it is at the last point it was readable.
        std::optional<bool> matches;
        std::vector<KeyInput> key;  // [point], with key_account among the figures
    };
    const bool key_set = needs_key_set(r.figures);
    const AccountFilter& f = r.filter;
    const bool filtered =
        !f.tiers.empty() || !f.statuses.empty() || !f.tags.empty() || !f.managers.empty();
    std::vector<const std::pair<const std::string, AccountTrack>*> accounts;
    for (const auto& entry : tracks.accounts) accounts.push_back(&entry);
    std::vector<Row> rows(accounts.size());

    // Account after account, in parallel: each version built once, its
    // figures computed once per day it is judged as of (with a frozen as-of
    // day, once), and its parsed files forgotten when no other account holds
    // them, so only the accounts being built are in memory.
    parallel_for(accounts.size(), r.jobs, [&](size_t i) {
        const std::string& slug = accounts[i]->first;
        const AccountTrack& track = accounts[i]->second;
        Row& row = rows[i];
        row.values.resize(n * figures);
        row.filled.assign(n, 0);
        if (key_set) row.key.resize(n);
        int built = -1;
        RevisionAccount state;
        bool matches = true;
        std::optional<Date> judged;  // the day `chosen` is judged as of
        std::vector<FigureReading> chosen;
        KeyInput key;
        for (size_t p = 0; p < n; ++p) {
            const int v = track.at[p];
            if (v < 0) continue;
            const HistoryPoint& point = out.points[p];
            if (v != built) {
                state = loader.load(slug, track.versions[v]);
                built = v;
                judged.reset();
                if (state.account && filtered) matches = f.matches(*state.account);
            }
            if (!state.account) {
                row.set(p, figures,
                        missing_readings(figures,
                                         fmt::format("unreadable at {}: {}", short_id(point.commit),
                                                     state.unreadable)));
                continue;
            }
            row.matches = matches;
            if (judged != point.as_of) {
                const AccountMetrics m = compute_account_metrics(
                    *state.account, loader.settings(track.versions[v].settings_blob), point.as_of);
                const std::vector<FigureReading> all = read_figures(m, point.as_of, false);
                chosen.clear();
                for (size_t figure : r.figures) chosen.push_back(all[figure]);
                judged = point.as_of;
                if (key_set)
                    key = {true, state.account->cover.status, state.account->cover.tier,
                           m.annual_revenue};
            }
            row.set(p, figures, chosen);
            if (key_set) row.key[p] = key;
        }
        state = {};
        loader.done(track);
    });
    out.files_parsed = loader.files_parsed();
    out.accounts_parsed = loader.accounts_parsed();

    // The key-account set of each point, over the accounts readable there.
    if (key_set) {
        const NamedFigure* key_figure = find_named_figure("key_account");
        for (size_t p = 0; p < n; ++p) {
            std::vector<size_t> which;
            std::vector<AccountFacts> facts;
            std::vector<AccountMetrics> metrics;
            for (size_t i = 0; i < rows.size(); ++i) {
                if (!rows[i].key[p].readable) continue;
                which.push_back(i);
                AccountFacts a;
                a.slug = accounts[i]->first;
                a.status = rows[i].key[p].status;
                a.tier = rows[i].key[p].tier;
                facts.push_back(std::move(a));
                metrics.emplace_back().annual_revenue = rows[i].key[p].annual_revenue;
            }
            if (which.empty()) continue;
            const PortfolioMetrics pm = compute_portfolio_metrics_from_facts(
                facts, metrics, loader.settings(tracks.settings_blob[p]), out.points[p].as_of);
            for (const KeyAccountEntry& e : pm.ranking) {
                if (!e.key) continue;
                for (size_t j = 0; j < r.figures.size(); ++j)
                    if (&named_figures()[r.figures[j]] == key_figure)
                        rows[which[e.account]].values[p * figures + j] = FigureReading{true, {}};
            }
        }
    }

    for (size_t i = 0; i < rows.size(); ++i) {
        Row& row = rows[i];
        // An account never readable has no tier or status to match: only an
        // unfiltered history shows it.
        if (row.matches ? !*row.matches : filtered) continue;
        // Before the account's first appearance it was not yet created;
        // after its last, removed; a point with no commit says why.
        bool existed = false;
        for (size_t p = 0; p < n; ++p) {
            if (row.filled[p]) {
                existed = true;
                continue;
            }
            std::string why = out.points[p].missing;
            if (why.empty()) why = existed ? "account removed" : "account not yet created";
            row.set(p, figures, missing_readings(figures, why));
        }
        out.series.push_back(HistorySeries{accounts[i]->first, std::move(row.values), figures});
        row = Row{};  // its memory goes as the series takes it
    }
    return out;
}

}  // namespace kam
