#pragma once
// kam history: the figures of every account (or some) sampled along the
// first-parent history of HEAD. A point is a period end (the last commit
// made by that day, judged as of that day unless the as-of day is frozen)
// or, by commit, every commit that touched the account.
//
// A value that does not exist says why: "account not yet created",
// "account removed", "before the first commit", "not in shallow history
// (...)", "unreadable at <commit>: <file>:<line>: <message>", or the
// figure's own reason ("no survey in the window").
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "kam/history/periods.hpp"
#include "kam/io/file_system.hpp"
#include "kam/io/git_source.hpp"
#include "kam/io/yaml_events.hpp"
#include "kam/metrics/named_figures.hpp"
#include "kam/metrics/select.hpp"

namespace kam {

struct HistoryRequest {
    // Period ends to sample at; ignored when `by_commit`.
    std::vector<PeriodEnd> ends;
    // Every commit that touched the selected accounts (or kam.yaml), from
    // `since` to `until` (commit days, UTC).
    bool by_commit = false;
    Date since, until;
    // Judge every point as of this day instead of its own end.
    std::optional<Date> frozen_as_of;
    std::vector<size_t> figures;     // indices into named_figures()
    std::set<std::string> accounts;  // empty: every account
    AccountFilter filter;            // on the account as it is at the last point it exists
    unsigned jobs = 1;
    // The file system the portfolio root is on (the working tree): files
    // there that are a wanted blob byte for byte are read from it, not from
    // git. May be null.
    const FileSystem* worktree = nullptr;
};

struct HistoryPoint {
    std::string label;  // "2026-11", "FY2026-Q3"; by commit, the short id
    Date as_of;         // the day its figures are judged as of
    bool partial = false;
    std::string commit;   // empty when no commit stands for it
    GitCommit meta;       // author, dates and subject of `commit`
    std::string missing;  // why no commit stands for it
};

struct HistorySeries {
    std::string slug;
    // Point after point, each with every figure asked for (`figures`):
    // empty readings with the reason where the account did not exist or
    // could not be read. One array, not one per point: 10,000 accounts x 37
    // points held 15 MB of per-point vectors alone.
    std::vector<FigureReading> values;
    size_t figures = 0;

    const FigureReading& at(size_t point, size_t figure) const {
        return values.at(point * figures + figure);
    }
    size_t points() const { return figures ? values.size() / figures : 0; }
};

struct PortfolioHistory {
    std::vector<HistoryPoint> points;
    std::vector<HistorySeries> series;  // by slug
    std::string truncated;  // "history truncated at <id> <date>: ..." in a shallow clone
    size_t files_parsed = 0, accounts_parsed = 0;
};

// Throws UsageError for an unknown HEAD (an empty repository) or an
// unreadable tree.
PortfolioHistory build_history(const GitSource& git, const std::string& root,
                               const YamlEventSource& source, const HistoryRequest& request);

// The commit standing for the portfolio at the end of `day` (UTC): the last
// commit of `tip`'s first-parent chain made on or before it, as kam history
// samples (history/samples). An error when there is none: the day is before
// the repository's first commit, or beyond a shallow clone's boundary (then
// with the advice to fetch more). kam diff --since last-review.
Expected<std::string> commit_at_day(const GitSource& git, const std::string& tip, Date day);

// The figures a user names ("health,nps,acv"): a name of named_figures(),
// or one without its unit suffix ("acv" for acv_cents). Throws UsageError
// with a "did you mean" for an unknown name.
std::vector<size_t> parse_figure_names(const std::vector<std::string>& names);

}  // namespace kam
