// kam diff [REV [REV]] | REV..REV | REV...REV | --cached: two versions of the
// portfolio compared in account terms. Exit 0 done, 1 with --exit-code and
// changes or a failed gate, 2 usage (unknown revision, not a repository, no
// git, beyond a shallow boundary). --git-driver: git's external diff.
#include <fmt/format.h>
#include <unistd.h>
#include <charconv>
#include <filesystem>
#include <memory>
#include <optional>

#include "commands.hpp"
#include "kam/check/rules.hpp"
#include "kam/diff/portfolio_diff.hpp"
#include "kam/diff/render_diff.hpp"
#include "kam/history/figure_history.hpp"
#include "kam/io/git_source.hpp"
#include "kam/io/git_tree_file_system.hpp"
#include "kam/io/yaml_loader.hpp"
#include "kam/portfolio/load.hpp"
#include "kam/render/diagnostics.hpp"
#include "kam/render/diagnostics_gitlab.hpp"
#include "kam/util/error.hpp"
#include "kam/util/safe_text.hpp"
#include "kam/util/scalar.hpp"
#include "kam/util/spell.hpp"
#include "output.hpp"
#include "report_common.hpp"

namespace kam::cli {

namespace {

struct DiffCliOptions {
    std::vector<std::string> revisions;
    bool cached = false;
    std::string format;  // text markdown json github; empty: text
    bool exit_code = false;
    std::vector<std::string> fail_on;  // RULE=LIMIT
    bool full_text = false;
    bool totals = false;
    size_t max_bytes = 0;
    std::vector<std::string> only, exclude;
    bool redact = false;
    AccountFilter filter;
    bool git_driver = false;
    std::string since;  // "last-review"
};

// A revision the user typed, checked before git sees it.
std::string checked_rev(const GitSource& git, const std::string& rev) {
    auto id = git.resolve(rev);
    if (!id) throw UsageError(id.error());
    return *id;
}

diff::GateLimits parse_gates(const std::vector<std::string>& specs) {
    diff::GateLimits out;
    const auto& known = diff::gate_rule_ids();
    for (const std::string& spec : specs) {
        const size_t eq = spec.find('=');
        const std::string rule = spec.substr(0, eq);
        if (std::find(known.begin(), known.end(), rule) == known.end())
            throw UsageError(fmt::format("--fail-on '{}': unknown gate '{}' (gates: {})", spec,
                                         rule, fmt::join(known, ", ")));
        double limit = 0;
        if (eq != std::string::npos) {
            const std::string text = spec.substr(eq + 1);
            const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), limit);
            if (ec != std::errc() || ptr != text.data() + text.size() || limit < 0)
                throw UsageError(fmt::format(
                    "--fail-on '{}': the limit '{}' is not a number of at least 0", spec, text));
        }
        out[rule] = limit;
    }
    return out;
}

// diff_rules: in kam.yaml (the after side): a limit for the gates that take
// one, true for the others; false, or a limit below 0, leaves a gate off.
// --fail-on wins over it.
void read_diff_rules(const FileSystem& fs, const std::string& root, diff::GateLimits& gates) {
    auto bytes = fs.read_file(join_path(root, "kam.yaml"), k_max_file_bytes);
    if (!bytes) return;
    DiagnosticSink sink("kam.yaml");
    auto tree = load_yaml(*bytes, sink, default_event_source());
    if (!tree) return;
    const Node* rules = tree->find("diff_rules");
    if (!rules || !rules->is_mapping()) return;
    const auto& known = diff::gate_rule_ids();
    for (const Entry& e : rules->entries) {
        if (std::find(known.begin(), known.end(), e.key) == known.end()) continue;
        if (!e.value.is_scalar()) continue;
        const std::string& v = e.value.value;
        if (v == "true") {
            gates.emplace(e.key, 0);
            continue;
        }
        double limit = 0;
        const auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), limit);
        if (ec != std::errc() || ptr != v.data() + v.size() || limit < 0) continue;
        gates.emplace(e.key, limit);
    }
}

// The driver: git passes path old-file old-hex old-mode new-file new-hex
// new-mode (and, for a rename, new-path and a similarity message).
int run_git_driver(const Context& ctx, const DiffCliOptions& o) {
    const auto& a = o.revisions;
    if (a.size() != 7 && a.size() != 9) {
        fmt::print(stderr,
                   "kam: --git-driver expects the 7 or 9 arguments git passes to a diff driver "
                   "(got {})\n",
                   a.size());
        return 0;
    }
    const std::string& path = a[0];
    const std::string shown = a.size() == 9 ? fmt::format("{} -> {}", path, a[7]) : path;
    auto read = [&](const std::string& file) -> std::optional<std::string> {
        if (file == "/dev/null") return std::nullopt;
        auto bytes = ctx.fs().read_file(file, k_max_file_bytes);
        if (!bytes) return std::string();
        return std::move(bytes).value();
    };
    const auto before = read(a[1]);
    const auto after = read(a[4]);
    std::string error;
    const auto changes = diff::diff_file_texts(a.size() == 9 ? a[7] : path, before, after, &error);
    std::string out = escape_controls(fmt::format("kam diff {}", shown)) + "\n";
    diff::RenderOptions text;
    text.full_text = true;
    text.color = ctx.color_for(STDOUT_FILENO);
    if (!error.empty()) {
        // Not an account file, or one that does not parse: its lines.
        out += fmt::format("    ({}; its lines follow)\n", error);
        diff::Change c;
        c.op = !before ? '+' : !after ? '-' : '~';
        c.path = path;
        c.before = before.value_or("");
        c.after = after.value_or("");
        c.long_text = true;
        out += diff::render_changes_text({c}, text, "    ");
    } else if (changes.empty()) {
        out += "    (no change in meaning: formatting, comments or order only)\n";
    } else {
        diff::RenderOptions r;
        r.full_text = o.full_text;
        r.color = ctx.color_for(STDOUT_FILENO);
        out += diff::render_changes_text(changes, r, "    ");
    }
    try {
        print_out(out);
        flush_out();
    } catch (const EnvironmentError&) {
        return static_cast<int>(ExitCode::environment);
    }
    return 0;
}

struct LastReview {
    Date day;
    std::string commit;
};

// --since last-review ACCOUNT: the account's latest progress review on or
// before the as-of day (Account::latest_review: every record of its
// reviews: list, whatever its type; surveys and reference visits are not
// reviews), read from the after side, and the last first-parent commit of
// HEAD (or of the after revision) on or before that day.
LastReview last_review(const Context& ctx, const GitSource& git, const diff::Side& after,
                       const std::string& slug, const std::string& after_commit) {
    std::vector<std::string> folders;
    if (auto listing = after.fs->list_dir(join_path(after.root, "accounts")))
        for (const DirEntry& e : *listing)
            if (e.type == EntryType::directory && is_valid_slug(e.name)) folders.push_back(e.name);
    if (std::find(folders.begin(), folders.end(), slug) == folders.end()) {
        const std::vector<std::string_view> names(folders.begin(), folders.end());
        throw UsageError(no_account_message(slug, after.label, names));
    }
    DiagnosticSink sink("kam.yaml");
    const PortfolioSettings settings =
        read_settings(*after.fs, after.root, sink, default_event_source());
    std::vector<Diagnostic> findings;
    const std::string dir = join_path(after.root, "accounts/" + slug);
    const Account account = load_account(*after.fs, dir, dir, slug, settings, ctx.as_of(),
                                         default_event_source(), findings);
    const auto day = account.latest_review(ctx.as_of());
    if (!day)
        throw UsageError(
            fmt::format("{} has no progress review on or before {} in {} (the reviews: list of its "
                        "reviews.yaml): there is no last review to compare with",
                        slug, ctx.as_of().to_string(), after.label));
    std::string tip = after_commit;
    if (tip.empty()) tip = checked_rev(git, "HEAD");
    auto commit = commit_at_day(git, tip, *day);
    if (!commit)
        throw UsageError(
            fmt::format("the last review of {} ({}): {}", slug, day->to_string(), commit.error()));
    return {*day, *commit};
}

int run_diff(const Context& ctx, const DiffCliOptions& o) {
    if (o.git_driver) return run_git_driver(ctx, o);
    const PortfolioRoot root = ctx.root();
    const std::unique_ptr<GitSource> git = open_git(root.path);

    // The two sides.
    std::string rev_a, rev_b;  // empty rev_b: the working tree (or the index with --cached)
    bool symmetric = false;
    std::vector<std::string> revisions = o.revisions;
    std::string review_slug;  // --since last-review: the account
    if (!o.since.empty()) {
        if (revisions.empty())
            throw UsageError(
                "--since last-review needs an account: kam diff --since last-review ACCOUNT "
                "[REV]");
        review_slug = revisions.front();
        revisions.erase(revisions.begin());
        if (revisions.size() > 1)
            throw UsageError(
                "kam diff --since last-review takes one account and at most one revision to "
                "compare with (each account has a review of its own: run it once per account)");
        if (!revisions.empty() && revisions[0].find("..") != std::string::npos)
            throw UsageError(
                fmt::format("--since last-review compares with one revision, not a range ('{}')",
                            revisions[0]));
        if (!is_valid_slug(review_slug))
            throw UsageError(fmt::format(
                "'{}' is not an account name (lowercase letters, digits and '-')", review_slug));
        if (!revisions.empty()) rev_b = revisions[0];
    } else if (revisions.size() > 2) {
        throw UsageError("kam diff takes at most two revisions");
    }
    if (!o.since.empty()) {
        // The base is found below, from the account's reviews on the after side.
    } else if (revisions.size() == 1) {
        const std::string& r = revisions[0];
        if (const size_t dots = r.find("..."); dots != std::string::npos) {
            rev_a = r.substr(0, dots);
            rev_b = r.substr(dots + 3);
            symmetric = true;
            if (rev_a.empty()) rev_a = "HEAD";
            if (rev_b.empty()) rev_b = "HEAD";
        } else if (const size_t two = r.find(".."); two != std::string::npos) {
            rev_a = r.substr(0, two);
            rev_b = r.substr(two + 2);
            if (rev_a.empty()) rev_a = "HEAD";
            if (rev_b.empty()) rev_b = "HEAD";
        } else {
            rev_a = r;
        }
    } else if (revisions.size() == 2) {
        rev_a = revisions[0];
        rev_b = revisions[1];
    } else {
        rev_a = "HEAD";
    }
    if (o.cached && !rev_b.empty())
        throw UsageError("--cached compares one revision with the index; give at most one");

    auto cache = std::make_shared<BlobCache>();
    // Blobs from the working tree where it holds the same bytes. Folders are
    // not read ahead: the comparison lists every account's folder and reads
    // only the files that differ.
    const GitTreeReading reading{&ctx.fs(), false};
    std::string id_a = review_slug.empty() ? checked_rev(*git, rev_a) : std::string();
    if (!review_slug.empty() && !rev_b.empty() && !git->resolve(rev_b) &&
        ctx.fs().type_of(join_path(root.path, "accounts/" + rev_b)) == EntryType::directory)
        throw UsageError(fmt::format(
            "'{}' is an account, not a revision: kam diff --since last-review compares one "
            "account a run (each has a review of its own); run it once for {}",
            rev_b, rev_b));
    std::string id_b = rev_b.empty() ? std::string() : checked_rev(*git, rev_b);

    std::unique_ptr<GitTreeFileSystem> fs_b;
    diff::Side after;
    after.root = root.path;
    if (!id_b.empty()) {
        auto tree_b = git->tree(id_b);
        if (!tree_b) throw UsageError(tree_b.error());
        fs_b = std::make_unique<GitTreeFileSystem>(*git, std::move(tree_b).value(), root.path,
                                                   cache, reading);
        after = {rev_b, id_b, fs_b.get(), fs_b.get(), root.path};
    } else if (o.cached) {
        auto index = git->index();
        if (!index) throw UsageError(index.error());
        fs_b = std::make_unique<GitTreeFileSystem>(*git, std::move(index).value(), root.path, cache,
                                                   reading);
        after = {"the index", "", fs_b.get(), fs_b.get(), root.path};
    } else {
        after = {"the working tree", "", &ctx.fs(), nullptr, root.path};
    }

    std::string label_a = rev_a;
    if (!review_slug.empty()) {
        const LastReview r = last_review(ctx, *git, after, review_slug, id_b);
        id_a = r.commit;
        label_a = fmt::format("{}'s last review, {}", review_slug, r.day.to_string());
    }
    if (symmetric) {
        auto base = git->merge_base(id_a, id_b);
        if (!base) throw UsageError(base.error());
        label_a = fmt::format("merge-base of {} and {}", rev_a, rev_b);
        id_a = *base;
    }
    auto tree_a = git->tree(id_a);
    if (!tree_a) throw UsageError(tree_a.error());
    GitTreeFileSystem fs_a(*git, std::move(tree_a).value(), root.path, cache, reading);
    diff::Side before{label_a, id_a, &fs_a, &fs_a, root.path};
    std::vector<GitChange> changes;
    if (!id_b.empty()) {
        auto c = git->changes(id_a, id_b);
        if (c) changes = std::move(c).value();
    }
    // Against the working tree, git says which files differ (it trusts the
    // index's stat data, refreshed): the others are not read. Without an
    // answer, every file is compared.
    std::optional<std::vector<std::string>> worktree_changed;
    if (id_b.empty() && !o.cached)
        if (auto w = git->worktree_changes(id_a)) worktree_changed = std::move(w).value();

    diff::DiffOptions d;
    d.as_of = ctx.as_of();
    d.jobs = ctx.jobs();
    d.totals = o.totals;
    d.full_text = o.full_text;
    d.filter = o.filter;
    if (!review_slug.empty()) d.accounts.insert(review_slug);
    d.only = o.only;
    d.exclude = o.exclude;
    d.redact = o.redact;
    d.gates = parse_gates(o.fail_on);
    read_diff_rules(*after.fs, root.path, d.gates);
    d.working_dir = ctx.working_dir();
    d.display_root = root.display;
    d.worktree_changed = worktree_changed ? &*worktree_changed : nullptr;
    const diff::PortfolioDiff result = diff::diff_portfolios(before, after, changes, d);

    // The whole diff is printed before the exit status is decided.
    const std::string format = o.format.empty() ? "text" : o.format;
    diff::RenderOptions r;
    r.full_text = o.full_text;
    r.max_bytes = o.max_bytes;
    std::string out;
    if (format == "json") {
        out = diff::render_diff_json(result);
    } else if (format == "markdown") {
        out = diff::render_diff_markdown(result, r);
    } else if (format == "github") {
        std::vector<Diagnostic> shown = result.findings;
        if (const auto ws = env("GITHUB_WORKSPACE"); ws && !ws->empty())
            for (Diagnostic& f : shown)
                f.path = display_path(
                    (std::filesystem::path(ctx.working_dir()) / f.path).lexically_normal().string(),
                    *ws);
        out = render_github(shown);
        r.color = false;
        out += diff::render_diff_text(result, r);
    } else if (format == "sarif") {
        out = render_sarif(result.findings, KAM_VERSION);
    } else if (format == "gitlab") {
        std::vector<Diagnostic> shown = result.findings;
        if (const auto dir = env("CI_PROJECT_DIR"); dir && !dir->empty())
            for (Diagnostic& f : shown)
                f.path = display_path(
                    (std::filesystem::path(ctx.working_dir()) / f.path).lexically_normal().string(),
                    *dir);
        out = render_gitlab(shown);
    } else if (format == "junit") {
        // One testcase per account compared.
        std::vector<std::string> files;
        for (const diff::AccountDiff& a : result.accounts)
            files.push_back(join_path(root.display, "accounts/" + a.slug));
        for (const Diagnostic& f : result.findings)
            if (std::find(files.begin(), files.end(), f.path) == files.end())
                files.push_back(f.path);
        out = render_junit(result.findings, files);
    } else {
        r.color = ctx.color_for(STDOUT_FILENO);
        out = diff::render_diff_text(result, r);
    }
    print_out(out);
    flush_out();

    const bool gate_failed =
        std::any_of(result.findings.begin(), result.findings.end(),
                    [](const Diagnostic& f) { return f.severity == Severity::error; });
    if (gate_failed) return static_cast<int>(ExitCode::findings);
    if (o.exit_code && !result.empty()) return static_cast<int>(ExitCode::findings);
    return static_cast<int>(ExitCode::ok);
}

}  // namespace

void setup_diff(CLI::App& sub, Action& action) {
    auto o = std::make_shared<DiffCliOptions>();
    sub.add_option("revisions", o->revisions,
                   "REV (against the working tree), REV REV, REV..REV or REV...REV (from the "
                   "merge base); default HEAD against the working tree");
    sub.add_flag("--cached,--staged", o->cached, "Compare HEAD (or REV) with the index");
    sub.add_option("-f,--format", o->format,
                   "text (default), markdown, json; github (annotations, then the text), "
                   "sarif, junit or gitlab (the gates' findings alone)")
        ->check(CLI::IsMember({"text", "markdown", "json", "github", "sarif", "junit", "gitlab"}));
    sub.add_flag("--exit-code", o->exit_code, "Exit 1 when there are changes, as git diff does");
    sub.add_option("--fail-on", o->fail_on,
                   "A gate, RULE=LIMIT (health-drop=10, nps-drop=20, acv-drop=50000, "
                   "risk-score-rise=5) or RULE (risk-closed-without-mitigation, "
                   "contract-removed, account-removed, key-account-lost); repeatable");
    sub.add_flag("--text", o->full_text, "Long texts line by line, not summarised");
    sub.add_flag("--totals", o->totals,
                 "Load every account: portfolio totals before and after, key accounts, mean "
                 "health, retention");
    sub.add_option("--max-bytes", o->max_bytes,
                   "Markdown: at most this many bytes, dropping the least-changed accounts' "
                   "details first");
    sub.add_option("--only", o->only, "Only changes at or below this kam path (repeatable)");
    sub.add_option("--exclude", o->exclude, "No changes at or below this kam path (repeatable)");
    sub.add_flag("--redact", o->redact, "Hide contact details (email, phone)");
    add_filter_options(sub, o->filter);
    // One value per occurrence: a list option must not swallow the revisions
    // after it (kam diff --fail-on health-drop=10 origin/main...HEAD).
    for (const char* name :
         {"--fail-on", "--only", "--exclude", "--tier", "--status", "--tag", "--manager"})
        sub.get_option(name)->allow_extra_args(false);
    sub.add_option("--since", o->since,
                   "last-review: compare ACCOUNT (the first argument) as it was at its latest "
                   "progress review with the working tree (or REV, the second argument)")
        ->check(CLI::IsMember({"last-review"}));
    sub.add_flag("--git-driver", o->git_driver,
                 "Run as git's diff driver: path old-file old-hex old-mode new-file new-hex "
                 "new-mode [new-path message]");
    sub.callback([&action, o] { action = [o](const Context& ctx) { return run_diff(ctx, *o); }; });
}

}  // namespace kam::cli
