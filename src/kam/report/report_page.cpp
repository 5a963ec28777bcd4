#include "kam/report/report_page.hpp"

#include <fmt/format.h>
#include <memory>

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

// What the page's sections are built from, when the renderer asks for them.
struct PageState {
    const ReportInput* in = nullptr;
    std::vector<AccountFacts> facts;
    PortfolioFigures figures;
    PortfolioMatrix matrix;
    std::vector<RisingEntry> rising;
    Whitespace everyone;  // each account page's cross-sell, computed once

    // The summary's blocks, from the accounts' facts as kam summary has them.
    SummaryInput summary() const {
        return SummaryInput{in->settings, in->as_of, facts, in->metrics, in->shown};
    }
};

}  // namespace

PortfolioPage build_portfolio_page(const ReportInput& in, const PageHistory* history) {
    auto state = std::make_shared<PageState>();
    state->in = &in;
    state->facts = facts_of(in.accounts);
    {
        std::vector<std::vector<Alert>> own_alerts(in.accounts.size());
        for (const size_t i : in.shown)
            own_alerts[i] = account_alerts(i, in.accounts[i], in.metrics[i], in.settings, in.as_of);
        state->figures = compute_portfolio_figures(state->summary(), own_alerts);
    }
    const PortfolioMetrics& whole = state->figures.whole;
    state->matrix = compute_matrix(in.accounts, in.metrics, in.settings, in.as_of, in.sources);
    // Each account's page ends with its judgement, as kam show does.
    state->rising = rising_accounts(in.accounts, in.metrics, whole, in.settings);
    state->everyone = whitespace_of_everyone(in.accounts);
    const std::shared_ptr<const PageState> s = state;

    PortfolioPage p;
    p.meta = summary_meta(s->summary());
    p.portfolio = human_text(in.settings.name.empty() ? Cell::none() : Cell::of(in.settings.name));
    p.totals = totals_figures(s->summary(), whole, s->figures.totals);
    p.health = [s] { return health_table(s->summary(), s); };
    p.accounts = [s] {
        return accounts_table(s->summary(), s->figures.whole, s->figures.totals, s);
    };
    p.alerts = [s] { return alerts_table(s->summary(), s->figures.alerts); };
    p.matrix = [s] {
        return build_matrix_report(*s->in, std::shared_ptr<const PortfolioMatrix>(s, &s->matrix));
    };
    p.value = [s] { return build_value_report(*s->in, s->figures.whole); };
    p.whitespace = [s] {
        // Every account shown, in account order (no filter): the grid is the
        // whitespace the account pages read, so it is not computed twice.
        bool everyone = s->in->shown.size() == s->in->accounts.size();
        for (size_t k = 0; everyone && k < s->in->shown.size(); ++k)
            everyone = s->in->shown[k] == k;
        if (everyone)
            return build_whitespace_report(*s->in,
                                           std::shared_ptr<const Whitespace>(s, &s->everyone));
        return build_whitespace_report(
            *s->in,
            std::make_shared<const Whitespace>(compute_whitespace(s->in->accounts, s->in->shown)));
    };
    p.account_page_count = in.shown.size();
    p.account_page = [s](size_t k) {
        const size_t i = s->in->shown.at(k);
        Report page = build_show_report(*s->in, i);
        for (Block& b : show_judgement_blocks(*s->in, i, s->matrix, s->figures.whole, s->rising,
                                              s->everyone, &page))
            page.blocks.push_back(std::move(b));
        return page;
    };

    p.pareto = pareto_bars(in, whole);
    p.key_share = in.settings.policy.key_account_share;
    p.heat_map = risk_heat_map(in, 1);
    p.renewal_within = in.settings.policy.renewal_horizon_days;
    for (const RenewalDue& d : renewals_due(in, p.renewal_within))
        p.renewals.push_back(
            {fmt::format("{} {}", display_name(in.accounts[d.account]), d.contract->id),
             d.days_to_end, d.days_to_notice});
    for (const StageTotal& st : pipeline_by_stage(in).stages)
        p.stages.push_back({std::string(st.stage), st.value ? st.value->whole_units() : 0,
                            st.weighted ? st.weighted->whole_units() : 0});
    std::vector<bool> shown(in.accounts.size(), false);
    for (const size_t i : in.shown) shown[i] = true;
    for (const MatrixEntry& e : s->matrix.entries) {
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
