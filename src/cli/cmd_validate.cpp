// kam validate [PATH...]: schema and checks, one line per finding, exit 0/1/2.
#include <fmt/format.h>
#include <unistd.h>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "commands.hpp"
#include "kam/check/baseline.hpp"
#include "kam/check/rules.hpp"
#include "kam/io/git_source.hpp"
#include "kam/io/git_tree_file_system.hpp"
#include "kam/io/line_index.hpp"
#include "kam/io/yaml_loader.hpp"
#include "kam/portfolio/load.hpp"
#include "kam/render/diagnostics.hpp"
#include "kam/render/diagnostics_gitlab.hpp"
#include "kam/util/error.hpp"
#include "kam/util/scalar.hpp"
#include "kam/util/spell.hpp"
#include "output.hpp"

namespace kam::cli {

namespace {

namespace fs = std::filesystem;

struct ValidateOptions {
    std::vector<std::string> paths;
    std::string
        format;  // text json github junit sarif gitlab; empty: text, or github under GitHub Actions
    bool strict = false;
    std::string fail_on;  // error warning info; empty: error, or warning under --strict
    bool quiet = false;
    bool staged = false;        // the index, not the working tree
    std::string changed_since;  // only accounts touched since this revision
    std::string new_since;      // only findings absent at this revision
};

// What PATH arguments select: whole accounts and kam.yaml. A file selects its
// whole account: deleting a person in profile.yaml breaks sales.yaml.
struct Selection {
    bool everything = true;
    bool settings = false;
    std::set<std::string> accounts;
};

// "'accounts/orion' does not exist; did you mean 'accounts/orion-foods'?":
// the nearest name in the folder the path points into.
std::string no_such_path(const std::string& typed, const fs::path& working_dir) {
    std::string message = fmt::format("'{}' does not exist", typed);
    std::string trimmed = typed;
    while (trimmed.size() > 1 && trimmed.back() == '/') trimmed.pop_back();
    const fs::path abs = (working_dir / trimmed).lexically_normal();
    std::vector<std::string> names;
    std::error_code ec;
    for (fs::directory_iterator it(abs.parent_path(), ec), end; !ec && it != end; it.increment(ec))
        names.push_back(it->path().filename().string());
    const std::vector<std::string_view> candidates(names.begin(), names.end());
    auto m = closest_name(abs.filename().string(), candidates);
    if (m) {
        const size_t slash = trimmed.rfind('/');
        m->insert(0, slash == std::string::npos ? "" : trimmed.substr(0, slash + 1));
    }
    return with_suggestion(std::move(message), m);
}

Selection select(const std::vector<std::string>& paths, const PortfolioRoot& root,
                 const Context& ctx) {
    Selection s;
    if (paths.empty()) return s;
    s.everything = false;
    for (const std::string& p : paths) {
        const fs::path abs = (fs::path(ctx.working_dir()) / p).lexically_normal();
        std::error_code ec;
        if (!fs::exists(fs::symlink_status(abs, ec)))
            throw UsageError(no_such_path(p, ctx.working_dir()));
        std::string rel = abs.lexically_relative(root.path).string();
        while (!rel.empty() && rel.back() == '/') rel.pop_back();
        if (rel.empty() || rel.starts_with(".."))
            throw UsageError(fmt::format("'{}' is outside the portfolio at '{}'", p,
                                         root.display.empty() ? "." : root.display));
        if (rel == "." || rel == "accounts") {
            s.everything = true;
            continue;
        }
        if (rel == "kam.yaml") {
            s.settings = true;
            continue;
        }
        const fs::path r(rel);
        auto it = r.begin();
        if (it == r.end() || *it != "accounts")
            throw UsageError(
                fmt::format("'{}' is neither an account, an account file nor kam.yaml", p));
        const std::string slug = (++it)->string();
        if (!is_valid_slug(slug))
            throw UsageError(
                fmt::format("'{}' is not an account: '{}' is not a valid account name (lowercase "
                            "letters, digits and '-')",
                            p, slug));
        s.accounts.insert(slug);
    }
    return s;
}

bool selected(const Diagnostic& d, const Selection& s) {
    if (s.everything) return true;
    if (d.account.empty()) return s.settings && d.path.ends_with("kam.yaml");
    return s.accounts.count(d.account) > 0;
}

// Reads source lines for the caret display, one file at a time.
class SourceCache {
  public:
    explicit SourceCache(const FileSystem& fs) : fs_(fs) {}
    std::optional<std::string> line(const std::string& path, uint32_t n) {
        // Only files kam parses as text are shown: a stray logo.png is not.
        if (!path.ends_with(".yaml")) return std::nullopt;
        if (path != path_) {
            path_ = path;
            auto bytes = fs_.read_file(path, k_max_file_bytes);
            text_ = bytes ? std::move(bytes).value() : std::string();
            if (text_.starts_with("\xEF\xBB\xBF")) text_.erase(0, 3);
            index_.emplace(text_);
        }
        if (n > index_->line_count()) return std::nullopt;
        return std::string(index_->line_text(n));
    }

  private:
    const FileSystem& fs_;
    std::string path_, text_;
    std::optional<LineIndex> index_;
};

// The revision a branch is compared with: where it left REV (git's A...B),
// so what REV gained since is not counted as the branch's doing.
std::string base_of(const GitSource& git, const std::string& rev, std::string_view option) {
    auto other = git.resolve(rev);
    if (!other) throw UsageError(fmt::format("{} {}: {}", option, rev, other.error()));
    auto head = git.resolve("HEAD");
    if (!head) throw UsageError(fmt::format("{}: HEAD: {}", option, head.error()));
    auto base = git.merge_base(*other, *head);
    if (!base) throw UsageError(fmt::format("{} {}: {}", option, rev, base.error()));
    return *base;
}

// The portfolio-relative paths that differ between `base` and what is
// checked: the index under --staged, else the working tree (untracked files
// included).
std::vector<std::string> touched_paths(const GitSource& git, const std::string& base, bool staged) {
    if (!staged) {
        auto paths = git.worktree_changes(base);
        if (!paths) throw UsageError(paths.error());
        return std::move(*paths);
    }
    auto before = git.tree(base);
    if (!before) throw UsageError(before.error());
    auto now = git.index();
    if (!now) throw UsageError(now.error());
    std::map<std::string, std::string> blobs;
    for (const GitEntry& e : *before) blobs[e.path] = e.blob;
    std::vector<std::string> out;
    for (const GitEntry& e : *now) {
        auto it = blobs.find(e.path);
        if (it == blobs.end() || it->second != e.blob) out.push_back(e.path);
        if (it != blobs.end()) blobs.erase(it);
    }
    for (const auto& [path, blob] : blobs) out.push_back(path);  // deleted
    return out;
}

// --changed-since: the accounts the paths lie in (each checked whole), or
// everything when kam.yaml changed.
Selection changed_selection(const std::vector<std::string>& paths) {
    Selection s;
    s.everything = false;
    for (const std::string& p : paths) {
        if (p == "kam.yaml") {
            s.everything = true;
            return s;
        }
        if (const std::string slug = account_of_path(p); !slug.empty()) s.accounts.insert(slug);
    }
    return s;
}

int run_validate(const Context& ctx, const ValidateOptions& o) {
    std::string format = o.format;
    if (format.empty()) format = env("GITHUB_ACTIONS").value_or("") == "true" ? "github" : "text";
    const PortfolioRoot root = ctx.root();
    Selection sel = select(o.paths, root, ctx);

    // What is checked: the working tree, or the index under --staged.
    std::unique_ptr<GitSource> git;
    if (o.staged || !o.changed_since.empty() || !o.new_since.empty()) git = open_git(root.path);
    std::optional<GitTreeFileSystem> index_fs;
    if (o.staged) {
        auto entries = git->index();
        if (!entries) throw UsageError(entries.error());
        index_fs.emplace(*git, std::move(*entries), root.path, std::make_shared<BlobCache>(),
                         GitTreeReading{&ctx.fs(), true});
    }
    const FileSystem& fs = index_fs ? static_cast<const FileSystem&>(*index_fs) : ctx.fs();
    if (!o.changed_since.empty()) {
        const std::string base = base_of(*git, o.changed_since, "--changed-since");
        const std::vector<std::string> paths = touched_paths(*git, base, o.staged);
        sel = changed_selection(paths);
        // An account deleted since has nothing left to check.
        std::erase_if(sel.accounts, [&](const std::string& slug) {
            return !fs.type_of(join_path(root.path, "accounts/" + slug));
        });
    }

    LoadOptions load;
    load.as_of = ctx.as_of();
    load.jobs = ctx.jobs();
    load.keep_accounts = false;
    load.working_dir = ctx.working_dir();
    if (!sel.everything) {
        load.only_accounts = sel.accounts;
        load.skip_accounts = load.only_accounts.empty();
    }
    LoadedPortfolio p = load_portfolio(fs, root.path, root.display, load, default_event_source());

    // --new-since: the same accounts at the base, judged as of the same day.
    std::optional<std::vector<Diagnostic>> baseline;
    if (!o.new_since.empty()) {
        const std::string base = base_of(*git, o.new_since, "--new-since");
        auto entries = git->tree(base);
        if (!entries) throw UsageError(entries.error());
        const GitTreeFileSystem base_fs(*git, std::move(*entries), root.path,
                                        std::make_shared<BlobCache>(),
                                        GitTreeReading{&ctx.fs(), true});
        LoadOptions at_base = load;
        // Only accounts that exist at the base can have findings there.
        std::erase_if(at_base.only_accounts, [&](const std::string& slug) {
            return !base_fs.type_of(join_path(root.path, "accounts/" + slug));
        });
        if (!sel.everything && at_base.only_accounts.empty()) at_base.skip_accounts = true;
        baseline = load_portfolio(base_fs, root.path, root.display, at_base, default_event_source())
                       .diagnostics;
    }

    std::vector<Diagnostic> shown;
    for (Diagnostic& d : p.diagnostics)
        if (selected(d, sel)) shown.push_back(std::move(d));
    if (baseline) shown = new_findings(std::move(shown), *baseline);
    const FindingCounts all = count_findings(shown, p.account_count);
    // The least severity that fails; CLI11 has checked --fail-on's value.
    const Severity fail_at = !o.fail_on.empty() ? parse_severity(o.fail_on).value()
                             : o.strict         ? Severity::warning
                                                : Severity::error;
    const size_t failing_warnings = fail_at <= Severity::warning ? all.warnings : 0;
    const size_t failing_infos = fail_at <= Severity::info ? all.infos : 0;
    const bool failed = all.errors + failing_warnings + failing_infos > 0;
    if (o.quiet) {
        std::erase_if(shown, [](const Diagnostic& d) { return d.severity != Severity::error; });
        // A silent failure would leave the user guessing.
        if (failed && all.errors == 0) {
            std::string what;
            if (failing_warnings > 0)
                what = failing_warnings == 1 ? std::string("1 warning")
                                             : fmt::format("{} warnings", failing_warnings);
            if (failing_infos > 0)
                what += (what.empty() ? "" : ", ") + (failing_infos == 1
                                                          ? std::string("1 info")
                                                          : fmt::format("{} infos", failing_infos));
            const bool one = failing_warnings + failing_infos == 1;
            fmt::print(stderr, "kam: {} {} under {} (hidden by --quiet)\n", what,
                       one ? "fails" : "fail",
                       o.fail_on.empty() ? std::string("--strict")
                                         : fmt::format("--fail-on {}", o.fail_on));
        }
    }
    // Counts describe what is printed, so a JSON consumer sees matching numbers.
    const FindingCounts counts = count_findings(shown, p.account_count);

    std::string out;
    if (format == "json") {
        out = render_json(shown, counts);
    } else if (format == "github") {
        // GitHub resolves file= against the workspace, not our working directory.
        if (const auto ws = env("GITHUB_WORKSPACE"); ws && !ws->empty())
            for (Diagnostic& d : shown)
                d.path = display_path(
                    (std::filesystem::path(ctx.working_dir()) / d.path).lexically_normal().string(),
                    *ws);
        out = render_github(shown);
        if (!o.quiet) out += summary_line(counts) + "\n";
    } else if (format == "gitlab") {
        // GitLab resolves location.path against the project folder.
        if (const auto dir = env("CI_PROJECT_DIR"); dir && !dir->empty())
            for (Diagnostic& d : shown)
                d.path = display_path(
                    (std::filesystem::path(ctx.working_dir()) / d.path).lexically_normal().string(),
                    *dir);
        out = render_gitlab(shown);
    } else if (format == "sarif") {
        out = render_sarif(shown, KAM_VERSION, baseline ? "new" : "");
    } else if (format == "junit") {
        std::vector<std::string> files;
        if (sel.everything || sel.settings)
            files.push_back(display_path(join_path(root.path, "kam.yaml"), ctx.working_dir()));
        for (const Account& a : p.accounts)
            for (const std::string& section : a.present_files) {
                const std::string path = a.file_path(section + ".yaml");
                if (sel.everything || sel.accounts.count(a.slug)) files.push_back(path);
            }
        out = render_junit(shown, files, fail_at);
    } else {
        SourceCache cache(fs);
        // The terminal presentation (colour, source line and caret); --color
        // always asks for it in a pipe too.
        const bool color = ctx.color_for(STDOUT_FILENO);
        const bool source = ::isatty(STDOUT_FILENO) == 1 || ctx.options().color == "always";
        out = render_text(
            shown, TextOptions{color, source},
            [&](const std::string& path, uint32_t line) { return cache.line(path, line); });
        if (!o.quiet) out += summary_line(counts) + "\n";
    }
    print_out(out);
    flush_out();
    return static_cast<int>(failed ? ExitCode::findings : ExitCode::ok);
}

}  // namespace

void setup_validate(CLI::App& sub, Action& action) {
    auto o = std::make_shared<ValidateOptions>();
    auto* paths_option = sub.add_option(
        "paths", o->paths, "Accounts, account files or kam.yaml to check (default: everything)");
    sub.add_option("-f,--format", o->format,
                   "text, json, github, junit, sarif or gitlab (github under GITHUB_ACTIONS)")
        ->check(CLI::IsMember({"text", "json", "github", "junit", "sarif", "gitlab"}));
    auto* strict = sub.add_flag("--strict", o->strict, "Warnings fail too (exit 1)");
    sub.add_option("--fail-on", o->fail_on,
                   "The least severity that fails (exit 1): error (the default), warning or "
                   "info")
        ->check(CLI::IsMember({"error", "warning", "info"}))
        ->excludes(strict);
    sub.add_flag("-q,--quiet", o->quiet, "Print only errors, no count line");
    sub.add_flag("--staged", o->staged,
                 "Check the portfolio as it will be committed (git's index), not the working "
                 "tree");
    auto* changed =
        sub.add_option("--changed-since", o->changed_since,
                       "Only the accounts changed since where HEAD left REV (each checked whole; "
                       "everything when kam.yaml changed)");
    sub.add_option("--new-since", o->new_since,
                   "Only findings that are not there where HEAD left REV (matched by rule, "
                   "account, file and message, not by line)");
    changed->excludes(paths_option);
    sub.callback(
        [&action, o] { action = [o](const Context& ctx) { return run_validate(ctx, *o); }; });
}

}  // namespace kam::cli
