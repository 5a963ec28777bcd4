#pragma once
// Two versions of a portfolio compared in account terms: per account the
// fields that changed (diff/compare.hpp) with values derived from the model
// (risk score and band, notice deadline, SLA met or breached), and its
// figures before and after, both judged as of the same day; kam.yaml's
// changes on their own; the portfolio's totals.
//
// Cheap by design: an account whose files are the same on both sides (equal
// blob ids between two revisions, equal bytes against the working tree) is
// not parsed. Only when kam.yaml changed, or the non-additive totals or a
// key-account gate are asked for, is every account loaded.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "kam/diff/compare.hpp"
#include "kam/io/file_system.hpp"
#include "kam/io/git_tree_file_system.hpp"
#include "kam/metrics/select.hpp"
#include "kam/util/date.hpp"
#include "kam/util/diagnostic.hpp"

namespace kam::diff {

// One side of a comparison: a portfolio as a FileSystem mounted at `root`.
struct Side {
    std::string
        label;  // what the user named: "HEAD", "origin/main", "the index", "the working tree"
    std::string commit;  // the commit id, empty for the index and the working tree
    const FileSystem* fs = nullptr;
    const GitTreeFileSystem* tree = nullptr;  // when fs is a revision or the index: blob ids
    std::string root;                         // absolute portfolio root in fs
};

// A figure of one account on both sides.
struct FigureDelta {
    std::string name;           // "health", "nps", "csat", "risk_exposure", "acv", ...
    std::string before, after;  // as printed ("72", "40 (n=5)", "1150000"), or the reason
    std::optional<double> before_value, after_value;  // numbers, for gates and JSON
    bool changed = false;
    std::vector<std::string> parts;  // health: "nps 80.0 -> 60.0", the parts that moved
};

struct AlertDelta {
    std::string kind;  // "renewal", "critical-risk", ...
    std::string message;
};

struct AccountDiff {
    char op = '~';  // '+' added, '-' removed, '~' changed, '>' folder renamed (maybe changed)
    std::string slug, old_slug;  // old_slug for '>'
    std::string name;            // the client's name (after; before when removed)
    std::string tier, status, manager;
    std::vector<std::string> tags;
    std::vector<Change> changes;  // paths start with the section ("risks.R1.status")
    std::vector<FigureDelta> figures;
    std::vector<AlertDelta> alerts_raised, alerts_cleared;
    std::string unreadable_before, unreadable_after;  // "unreadable at <label>: risks.yaml"
    bool key_before = false, key_after = false;       // in the key-account set (when computed)
    bool figures_only = false;  // no file changed: figures moved with kam.yaml
    size_t weight() const;      // how much changed, for dropping details first
};

struct TotalDelta {
    std::string name;  // "revenue", "acv", "pipeline", "weighted_pipeline", "risk_exposure"
    std::string before, after, delta;
    bool changed = false;
};

struct PortfolioDiff {
    Side before_side, after_side;  // labels and commits (fs pointers not to be used after)
    std::string before_label, after_label, before_commit, after_commit;
    Date as_of;
    std::vector<Change> settings;  // kam.yaml, paths as keys in it ("fx.USD")
    std::string settings_unreadable;
    std::vector<AccountDiff> accounts;  // by slug
    std::vector<TotalDelta> totals;     // additive, over the changed accounts
    bool full_totals = false;           // `totals` also holds the non-additive ones
    std::vector<Diagnostic> findings;   // gates, severities applied
    size_t accounts_compared = 0, accounts_parsed = 0;

    bool empty() const { return settings.empty() && accounts.empty(); }
};

// Gate limits: rule id -> limit (points of health or NPS, money for acv-drop,
// score points for risk-score-rise; rules without a limit take none).
using GateLimits = std::map<std::string, double>;

struct DiffOptions {
    Date as_of;
    unsigned jobs = 1;
    bool totals = false;     // the non-additive totals (key-account set, mean health, retention)
    bool full_text = false;  // --text: long texts whole, not summarised
    AccountFilter filter;    // applied to the after side (before for removed accounts)
    std::set<std::string> accounts;          // only these slugs (kam diff --since); empty: all
    std::vector<std::string> only, exclude;  // kam path prefixes ("risks", "contracts.C1")
    bool redact = false;                     // contact details (email, phone) hidden
    GateLimits gates;                        // --fail-on and kam.yaml diff_rules
    std::string working_dir;                 // for paths in findings
    std::string display_root;
    // When `after` is the working tree: the portfolio-relative paths git
    // says differ from `before`'s commit (GitSource::worktree_changes). An
    // account whose YAML file names are the commit's and none of whose
    // paths is here is the same without its files being read. Null: read.
    const std::vector<std::string>* worktree_changed = nullptr;
};

// The gates kam knows, in the order they are documented.
const std::vector<std::string>& gate_rule_ids();

// Compares two sides. `git_changes` (git's rename pairing between two
// commits) may be empty; account folders are also paired by their content.
PortfolioDiff diff_portfolios(const Side& before, const Side& after,
                              const std::vector<GitChange>& git_changes,
                              const DiffOptions& options);

// Two versions of one account file for the git driver (`--git-driver`):
// `path` tells the section; either text may be absent (a file added or removed).
std::vector<Change> diff_file_texts(const std::string& path,
                                    const std::optional<std::string>& before,
                                    const std::optional<std::string>& after, std::string* error);

}  // namespace kam::diff
