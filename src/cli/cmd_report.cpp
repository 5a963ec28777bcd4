// kam report -o FILE.html: the self-contained HTML report (charts, health,
// accounts, sparklines from the git history, alerts, and a page per
// account). `-o -` writes to stdout.
#include <fmt/format.h>

#include "commands.hpp"
#include "kam/history/figure_history.hpp"
#include "kam/io/yaml_loader.hpp"
#include "kam/render/report_html.hpp"
#include "kam/report/report_page.hpp"
#include "kam/util/atomic_file.hpp"
#include "kam/util/error.hpp"
#include "output.hpp"
#include "report_common.hpp"

namespace kam::cli {

namespace {

struct HtmlOptions {
    std::string output;
    AccountFilter filter;
    bool strict = false;
    int history_months = 12;
    bool no_history = false;
    bool explain = false;
};

// The sparklines' history: health, NPS, ACV and pipeline of the shown
// accounts at the last `months` month ends (the running month ending on the
// as-of day), sampled as kam history samples them. Never fails: without
// git, outside a repository, in a shallow clone or an empty repository the
// note says why there are none.
PageHistory read_page_history(const Context& ctx, const ReportData& d,
                              const std::vector<size_t>& shown, int months) {
    PageHistory page;
    if (shown.empty()) return page;
    try {
        const PortfolioRoot root = ctx.root();
        const auto git = open_git(root.path);
        if (git->is_shallow()) {
            page.note =
                "No sparklines: this clone is shallow, so its history stops early; fetch the "
                "history (actions/checkout with fetch-depth: 0, or git fetch "
                "--shallow-since=DATE).";
            return page;
        }
        HistoryRequest r;
        const Date since = add_months(d.as_of, -(months - 1));
        r.ends =
            period_ends(Sampling::monthly, since, d.as_of, d.portfolio.settings.fiscal_year_start);
        r.since = since;
        r.until = d.as_of;
        r.figures = parse_figure_names({"health", "nps", "acv", "pipeline"});
        for (const size_t i : shown) r.accounts.insert(d.portfolio.accounts[i].slug);
        r.jobs = ctx.jobs();
        r.worktree = &ctx.fs();
        PortfolioHistory h = build_history(*git, root.path, default_event_source(), r);
        for (const HistoryPoint& p : h.points) page.periods.push_back(p.label);
        page.figures = r.figures;
        for (const HistorySeries& s : h.series) {
            std::vector<std::vector<FigureReading>>& by_point = page.series[s.slug];
            for (size_t p = 0; p < s.points(); ++p)
                by_point.emplace_back(
                    s.values.begin() + static_cast<std::ptrdiff_t>(p * s.figures),
                    s.values.begin() + static_cast<std::ptrdiff_t>((p + 1) * s.figures));
        }
        page.available = true;
        page.note = fmt::format(
            "At the last {} month ends, {} to {} (the running month to the as-of day): the "
            "last commit of HEAD's first-parent history on or before each day, judged as of "
            "it; uncommitted changes are not in them. A gap is a month with no value.",
            months, page.periods.front(), page.periods.back());
    } catch (const UsageError& e) {
        page.note = fmt::format("No sparklines: {}.", e.what());
    }
    return page;
}

int run_report(const Context& ctx, const HtmlOptions& o) {
    const ReportData d = load_report_data(ctx, o.explain);
    const std::vector<size_t> shown = select_accounts(d.portfolio.accounts, o.filter);
    std::optional<PageHistory> history;
    if (!o.no_history) history = read_page_history(ctx, d, shown, o.history_months);
    const ReportInput in = d.input(shown);
    // The page goes out a section and an account at a time, never whole in memory.
    const PortfolioPage page = build_portfolio_page(in, history ? &*history : nullptr);

    if (o.output == "-") {
        write_html_page(page, [](std::string_view piece) { print_out(piece); });
        flush_out();
    } else {
        // A relative path is relative to the working directory, as the user typed it.
        // The message names the file or its folder already.
        throw_unless_written(write_pieces_atomically(
            o.output, [&](const TextSink& write) { write_html_page(page, write); }));
        print_out(fmt::format("Wrote {} ({} account{})\n", o.output, in.shown.size(),
                              in.shown.size() == 1 ? "" : "s"));
    }
    return finish_report(d, o.strict);
}

}  // namespace

void setup_report(CLI::App& sub, Action& action) {
    auto o = std::make_shared<HtmlOptions>();
    sub.add_option("-o,--output", o->output, "The HTML file to write ('-' for stdout)")->required();
    add_filter_options(sub, o->filter);
    sub.add_flag("--strict", o->strict, "Exit 1 when any file has an error");
    auto* months = sub.add_option("--history-months", o->history_months,
                                  "Sparklines over the last N month ends (default 12, 2 to 120)")
                       ->check(CLI::Range(2, 120));
    sub.add_flag("--explain", o->explain,
                 "Each figure of the matrix, value, whitespace and account sections with its "
                 "formula (kam-metrics(7)) and its inputs at file:line:column");
    sub.add_flag("--no-history", o->no_history, "No sparklines: do not read the git history")
        ->excludes(months);
    sub.callback(
        [&action, o] { action = [o](const Context& ctx) { return run_report(ctx, *o); }; });
}

}  // namespace kam::cli
