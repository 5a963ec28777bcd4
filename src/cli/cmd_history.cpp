// kam history [ACCOUNT...]: every figure sampled along the first-parent
// history of HEAD, at period ends (--monthly, the default; --weekly,
// --quarterly and --yearly in kam's fiscal year) or at every commit that
// touched the accounts (--by commit).
#include <fmt/format.h>

#include "commands.hpp"
#include "kam/history/history_report.hpp"
#include "kam/io/yaml_loader.hpp"
#include "kam/render/report_formats.hpp"
#include "kam/util/error.hpp"
#include "kam/util/scalar.hpp"
#include "kam/util/spell.hpp"
#include "output.hpp"
#include "report_common.hpp"

namespace kam::cli {

namespace {

struct HistoryOptions {
    ReportOptions report;
    std::vector<std::string> accounts;
    bool weekly = false, monthly = false, quarterly = false, yearly = false;
    std::string by;  // "commit"
    std::string metrics = "health,nps,acv,pipeline,risk_exposure";
    std::string since, until;
    bool change = false, tidy = false;
};

Date parse_day(const std::string& text, std::string_view option) {
    if (auto d = parse_date(text)) return *d;
    throw UsageError(fmt::format("{} '{}' is not a date (YYYY-MM-DD)", option, text));
}

int run_history(const Context& ctx, const HistoryOptions& o) {
    const PortfolioRoot root = ctx.root();
    const auto git = open_git(root.path);

    Sampling sampling = Sampling::monthly;
    std::string sampling_name = "monthly";
    if (o.weekly) sampling = Sampling::weekly, sampling_name = "weekly";
    if (o.quarterly) sampling = Sampling::quarterly, sampling_name = "quarterly";
    if (o.yearly) sampling = Sampling::yearly, sampling_name = "yearly";
    if (!o.by.empty()) sampling_name = "by commit";

    HistoryRequest r;
    r.by_commit = !o.by.empty();
    if (!ctx.options().as_of.empty()) r.frozen_as_of = ctx.as_of();
    const Date until = o.until.empty() ? ctx.as_of() : parse_day(o.until, "--until");
    const Date since = o.since.empty() ? (r.by_commit ? Date{INT32_MIN / 2}
                                                      : default_history_start(sampling, until))
                                       : parse_day(o.since, "--since");
    if (since > until)
        throw UsageError(
            fmt::format("--since {} is after {}", since.to_string(), until.to_string()));
    r.since = since;
    r.until = until;
    // The fiscal year of the working tree's kam.yaml names the quarters.
    const PortfolioSettings settings = [&] {
        DiagnosticSink sink("kam.yaml");
        return read_settings(ctx.fs(), root.path, sink, default_event_source());
    }();
    if (!r.by_commit) r.ends = period_ends(sampling, since, until, settings.fiscal_year_start);
    std::vector<std::string> names;
    for (size_t start = 0; start <= o.metrics.size();) {
        size_t comma = o.metrics.find(',', start);
        if (comma == std::string::npos) comma = o.metrics.size();
        if (comma > start) names.push_back(o.metrics.substr(start, comma - start));
        start = comma + 1;
    }
    r.figures = parse_figure_names(names);
    for (const std::string& a : o.accounts) {
        if (!is_valid_slug(a))
            throw UsageError(
                fmt::format("'{}' is not an account name (lowercase letters, "
                            "digits and '-')",
                            a));
        r.accounts.insert(a);
    }
    r.filter = o.report.filter;
    r.jobs = ctx.jobs();
    r.worktree = &ctx.fs();

    PortfolioHistory h = build_history(*git, root.path, default_event_source(), r);
    for (const std::string& a : o.accounts) {
        const bool found = std::any_of(h.series.begin(), h.series.end(),
                                       [&](const HistorySeries& s) { return s.slug == a; });
        if (found) continue;
        // The suggestion comes from the accounts of the working tree.
        std::vector<std::string> folders;
        if (auto listing = ctx.fs().list_dir(join_path(root.path, "accounts")))
            for (const DirEntry& e : *listing)
                if (e.type == EntryType::directory) folders.push_back(e.name);
        const std::vector<std::string_view> slugs(folders.begin(), folders.end());
        throw UsageError(no_account_message(a, "the history of HEAD", slugs));
    }
    Report report = build_history_report(h, r, {sampling_name, o.change, o.tidy});
    // JSON goes out a row at a time, never as one document in memory.
    if (o.report.format == "json")
        write_report_json(report, [](std::string_view piece) { print_out(piece); });
    else
        print_out(render_in_format(ctx, report, o.report.format, o.report.wide));
    flush_out();
    return 0;
}

}  // namespace

void setup_history(CLI::App& sub, Action& action) {
    auto o = std::make_shared<HistoryOptions>();
    sub.add_option("accounts", o->accounts, "Only these accounts (default: every account)");
    auto* weekly = sub.add_flag("--weekly", o->weekly, "Sample at the end of every week (Sunday)");
    auto* monthly = sub.add_flag("--monthly", o->monthly, "Sample at every month's end (default)");
    auto* quarterly =
        sub.add_flag("--quarterly", o->quarterly, "Sample at every fiscal quarter's end");
    auto* yearly = sub.add_flag("--yearly", o->yearly, "Sample at every fiscal year's end");
    auto* by = sub.add_option("--by", o->by, "commit: a point for every commit that touched them")
                   ->check(CLI::IsMember({"commit"}));
    weekly->excludes(monthly, quarterly, yearly, by);
    monthly->excludes(quarterly, yearly, by);
    quarterly->excludes(yearly, by);
    yearly->excludes(by);
    sub.add_option("--metric", o->metrics,
                   "Figures to show, comma-separated (default: health,nps,acv,pipeline,"
                   "risk_exposure)");
    sub.add_option("--since", o->since,
                   "First day (default: 12 months, 8 quarters, 13 weeks or "
                   "5 years back)");
    sub.add_option("--until", o->until, "Last day (default: the as-of day)");
    sub.add_flag("--change", o->change, "Show each point's change from the point before");
    sub.add_flag("--tidy", o->tidy,
                 "One row per point, account and figure, with the reason of every empty value");
    add_report_options(sub, o->report, true);
    sub.callback(
        [&action, o] { action = [o](const Context& ctx) { return run_history(ctx, *o); }; });
}

}  // namespace kam::cli
