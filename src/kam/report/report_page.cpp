#include "kam/report/report_page.hpp"

#include <fmt/format.h>

#include "kam/metrics/matrix.hpp"
#include "kam/metrics/rising.hpp"
#include "kam/metrics/whitespace.hpp"
#include "kam/report/report_judgement.hpp"
#include "kam/report/report_parts.hpp"
#include "kam/report/report_show.hpp"

namespace kam {

namespace {

// A figure's name on the page: acv_cents is shown as acv, as in every report.
std::string figure_label(size_t figure) {
    std::string_view name = named_figures()[figure].name;
    if (name.ends_with("_cents")) name.remove_suffix(6);
    return std::string(name);
}

// A reading as a point: the number drawn (money in whole units) and the text
// the reports print; an empty reading is a gap with its reason.
SparkPoint spark_point(const std::string& period, const FigureReading& r) {
    const Cell c = reading_cell(r);
    SparkPoint p{period, std::nullopt, c.kind == Cell::Kind::empty ? c.reason : human_text(c)};
    if (c.kind == Cell::Kind::integer || c.kind == Cell::Kind::money)
        p.value = static_cast<double>(c.number);
    else if (c.kind == Cell::Kind::fixed)
        p.value = c.fixed.to_double();
    if (p.text.empty()) p.text = "no value";
    return p;
}

std::vector<AccountTrend> trends(const ReportInput& in, const PageHistory& h) {
    std::vector<AccountTrend> out;
    for (const size_t i : in.shown) {
        const Account& a = in.accounts[i];
        const auto it = h.series.find(a.slug);
        AccountTrend t{display_name(a), {}};
        for (size_t f = 0; f < h.figures.size(); ++f) {
            Sparkline line{figure_label(h.figures[f]), {}};
            for (size_t p = 0; p < h.periods.size(); ++p) {
                if (it == h.series.end() || p >= it->second.size() || f >= it->second[p].size())
                    line.points.push_back({h.periods[p], std::nullopt, "not in the history"});
                else
                    line.points.push_back(spark_point(h.periods[p], it->second[p][f]));
            }
            t.lines.push_back(std::move(line));
        }
        out.push_back(std::move(t));
    }
    return out;
}

}  // namespace

PortfolioPage build_portfolio_page(const ReportInput& in, const PageHistory* history) {
    const PortfolioFigures f = compute_portfolio_figures(in);
    const PortfolioMetrics& whole = f.whole;
    PortfolioPage p;
    p.meta = summary_meta(in);
    p.portfolio = human_text(in.settings.name.empty() ? Cell::none() : Cell::of(in.settings.name));
    p.totals = totals_figures(in, whole, f.totals);
    p.health = health_table(in);
    p.accounts = accounts_table(in, whole, f.totals);
    p.alerts = alerts_table(in, f.alerts);
    const PortfolioMatrix matrix = compute_matrix(in.accounts, in.metrics, in.settings, in.as_of);
    p.matrix = build_matrix_report(in, matrix);
    p.whitespace = build_whitespace_report(in, compute_whitespace(in.accounts, in.shown));
    // Each account's page ends with its judgement, as kam show does.
    const auto rising = rising_accounts(in.accounts, in.metrics, whole, in.settings);
    for (const size_t i : in.shown) {
        p.account_pages.push_back(build_show_report(in, i));
        for (Block& b : show_judgement_blocks(in, i, matrix, whole, rising))
            p.account_pages.back().blocks.push_back(std::move(b));
    }

    p.pareto = pareto_bars(in, whole);
    p.key_share = in.settings.policy.key_account_share;
    p.heat_map = risk_heat_map(in, 1);
    p.renewal_within = in.settings.policy.renewal_horizon_days;
    for (const RenewalDue& d : renewals_due(in, p.renewal_within))
        p.renewals.push_back(
            {fmt::format("{} {}", display_name(in.accounts[d.account]), d.contract->id),
             d.days_to_end, d.days_to_notice});
    for (const StageTotal& s : pipeline_by_stage(in).stages)
        p.stages.push_back({std::string(s.stage), s.value ? s.value->whole_units() : 0,
                            s.weighted ? s.weighted->whole_units() : 0});
    std::vector<bool> shown(in.accounts.size(), false);
    for (const size_t i : in.shown) shown[i] = true;
    for (const MatrixEntry& e : matrix.entries) {
        if (!shown[e.account] || !e.quadrant) continue;
        const Account& a = in.accounts[e.account];
        const auto& revenue = in.metrics[e.account].annual_revenue;
        p.bubbles.push_back({display_name(a), a.cover.tier, *e.attractiveness.score,
                             *e.strength.score, revenue ? revenue->whole_units() : 0,
                             std::string(e.quadrant->name)});
    }
    if (history) {
        p.trends_note = history->note;
        if (history->available) p.trends = trends(in, *history);
    }
    return p;
}

}  // namespace kam
