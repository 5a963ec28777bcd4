#include "kam/report/report_summary.hpp"

#include <fmt/format.h>

#include "kam/metrics/fiscal.hpp"
#include "kam/report/report_parts.hpp"

namespace kam {

namespace {

// key, title (markdown, html), terminal title, numeric, elide, machine only, least width
constexpr std::string_view k_no_account = "no account matches";

const Column k_name_column = {"name", "Account", "", false, true, false, 12};

// Health and its parts, as the accounts table has them (all but the score machine-only).
const std::vector<Column>& health_columns() {
    static const std::vector<Column> k_columns = {
        {"health", "Health", "", true, false, false},
        {"health_data_pct", "Health: data %", "", true, false, true},
        {"health_nps", "Health: NPS", "", true, false, true},
        {"health_coverage", "Health: coverage", "", true, false, true},
        {"health_risk", "Health: risk", "", true, false, true},
        {"health_delivery", "Health: delivery", "", true, false, true},
        {"health_review", "Health: review", "", true, false, true},
    };
    return k_columns;
}

const std::vector<Column>& account_columns() {
    static const std::vector<Column> k_columns = [] {
        std::vector<Column> c = {
            {"slug", "Slug", "", false, false, true},
            k_name_column,
            {"tier", "Tier", "", false, true, false, 5},
            {"status", "Status", "", false, true, false, 6},
            {"manager", "Manager", "", false, false, true},
            {"annual_revenue", "Annual revenue", "Revenue", true, false, false},
            {"prior_revenue", "Prior revenue", "", true, false, true},
            {"ytd_revenue", "Revenue to date", "", true, false, true},
            {"run_rate", "Run rate", "", true, false, true},
            {"growth_pct", "Growth %", "Growth\n%", true, false, false},
            {"margin_pct", "Margin %", "Margin\n%", true, false, false},
            {"acv", "ACV", "", true, false, false},
            {"pipeline", "Pipeline", "", true, false, true},
            {"weighted_pipeline", "Weighted pipeline", "Weighted\npipeline", true, false, false},
            {"win_rate_pct", "Win rate %", "", true, false, true},
            {"win_rate_value_pct", "Win rate by value %", "", true, false, true},
            {"risk_exposure", "Risk exposure", "", true, false, true},
            {"max_risk", "Max risk", "Max\nrisk", true, false, false},
            {"next_renewal", "Next renewal", "", false, false, true},
            {"days_to_renewal", "Renewal in days", "Renew\ndays", true, false, false},
            {"next_renewal_contract", "Renewing contract", "Renews", false, true, false, 8},
            {"next_renewal_value", "Renewal value", "Renewal\nvalue", true, false, false},
            {"notice_deadline", "Notice deadline", "", false, false, true},
            {"nps", "NPS", "", true, false, false},
            {"nps_n", "NPS n", "n", true, false, false},
            {"csat", "CSAT", "", true, false, true},
            {"csat_n", "CSAT n", "", true, false, true},
            {"days_since_review", "Days since review", "Review\ndays", true, false, false},
            {"coverage_pct", "Coverage %", "", true, false, true},
            {"completeness_pct", "Completeness %", "Compl\n%", true, false, false}};
        c.insert(c.end(), health_columns().begin(), health_columns().end());
        c.push_back({"key_account", "Key account", "", false, false, true});
        c.push_back({"incomplete", "Incomplete", "", false, false, true});
        return c;
    }();
    return k_columns;
}

Cell name_cell(const AccountFacts& a, const AccountMetrics& m) {
    return Cell::of(display_name(a)).with_tone(m.incomplete ? Tone::warn : Tone::none);
}

// The cells of health_columns().
void health_cells(const AccountMetrics& m, std::vector<Cell>& row) {
    row.push_back(Cell::of(m.health.score).with_tone(health_tone(m.health.score)));
    row.push_back(Cell::of_fixed(m.health.data_pct));
    for (const HealthPart& p : m.health.parts) row.push_back(Cell::of(p.score));
}

std::vector<Cell> account_row(const SummaryInput& in, size_t i, bool key) {
    const AccountFacts& a = in.accounts[i];
    const AccountMetrics& m = in.metrics[i];
    const int horizon = in.settings.policy.renewal_horizon_days;
    Cell to_renewal = m.next_renewal ? Cell::of_int(*m.next_renewal - in.as_of)
                                     : Cell::none(m.next_renewal.reason);
    if (m.next_renewal) {
        const int64_t days = *m.next_renewal - in.as_of;
        to_renewal.tone = urgent(days) ? Tone::bad : days <= horizon ? Tone::warn : Tone::none;
    }
    std::vector<Cell> row = {
        Cell::of(a.slug),
        name_cell(a, m),
        Cell::of(a.tier),
        Cell::of(a.status),
        Cell::of(a.manager),
        Cell::of(m.annual_revenue),
        Cell::of(m.prior_revenue),
        Cell::of(m.ytd_revenue),
        Cell::of(m.run_rate),
        Cell::of(m.growth_pct),
        Cell::of(m.margin_pct),
        Cell::of(m.acv),
        Cell::of(m.pipeline),
        Cell::of(m.weighted_pipeline),
        Cell::of(m.win_rate_pct),
        Cell::of(m.win_rate_value_pct),
        Cell::of(m.risk_exposure),
        Cell::of(m.max_risk).with_tone(m.max_risk ? risk_tone(*m.max_risk) : Tone::none),
        Cell::of(m.next_renewal),
        std::move(to_renewal),
        m.next_renewal_contract.empty() ? Cell::none(m.next_renewal.reason)
                                        : Cell::of(m.next_renewal_contract),
        Cell::of(m.next_renewal_value),
        Cell::of(m.notice_deadline),
        Cell::of(m.nps),
        Cell::of_int(m.nps_n),
        Cell::of(m.csat),
        Cell::of_int(m.csat_n),
        Cell::of(m.days_since_review),
        Cell::of(m.coverage_pct),
        Cell::of_fixed(m.completeness.pct),
    };
    row.reserve(account_columns().size());  // one row for each account: no spare capacity
    health_cells(m, row);
    row.push_back(Cell::of_bool(key));
    row.push_back(Cell::of_bool(m.incomplete));
    return row;
}

// A total over the accounts whose figure is known; none is not a total of 0.
Item total(std::string key, std::string label, const Total& t, std::string_view currency) {
    label = fmt::format("{} ({})", label, currency);
    if (t.known == 0 && t.unknown > 0)
        return {std::move(key), std::move(label), Cell::none("unknown for every account"),
                t.unknown};
    if (!t.overflow.empty())
        return {std::move(key), std::move(label), Cell::none(t.overflow), t.unknown};
    std::string suffix;
    if (t.unknown > 0) suffix = fmt::format(" ({} unknown)", t.unknown);
    return {std::move(key), label + suffix, Cell::of_money(t.sum), t.unknown};
}

}  // namespace

Table alerts_table(const SummaryInput& in, const std::vector<Alert>& alerts) {
    Table t;
    t.key = "alerts";
    t.title = "Alerts";
    t.columns = {
        {"kind", "Alert", "", false, false, false},  {"slug", "Slug", "", false, false, true},
        {"name", "Account", "", false, true, false}, {"date", "Date", "", false, false, false},
        {"days", "Days", "", true, false, false},    {"message", "What", "", false, true, false}};
    for (const Alert& a : alerts)
        t.rows.push_back({Cell::of(std::string(alert_kind_name(a.kind)))
                              .with_tone(a.urgent ? Tone::bad : Tone::warn),
                          Cell::of(in.accounts[a.account].slug),
                          Cell::of(display_name(in.accounts[a.account])),
                          a.date ? Cell::of_date(*a.date) : Cell::none(),
                          a.days ? Cell::of_int(*a.days) : Cell::none(), Cell::of(a.message)});
    return t;
}

PortfolioFigures compute_portfolio_figures(const SummaryInput& in,
                                           const std::vector<std::vector<Alert>>& own_alerts) {
    PortfolioFigures f{
        compute_portfolio_metrics_from_facts(in.accounts, in.metrics, in.settings, in.as_of),
        compute_portfolio_metrics_from_facts(in.accounts, in.metrics, in.shown, in.settings,
                                             in.as_of),
        {}};
    f.alerts = portfolio_alerts(in.accounts, own_alerts, in.shown, f.whole.ranking);
    return f;
}

std::vector<Item> summary_meta(const SummaryInput& in) {
    std::vector<Item> meta = report_meta(in.settings, in.as_of);
    meta.push_back(
        {"account_count", "Accounts", Cell::of_int(static_cast<int64_t>(in.shown.size()))});
    return meta;
}

Table health_table(const SummaryInput& in, std::shared_ptr<const void> keep_alive) {
    Table t;
    t.key = "health";
    t.title = "Health";
    t.columns = {k_name_column};
    t.columns.insert(t.columns.end(), health_columns().begin(), health_columns().end());
    for (Column& c : t.columns) c.machine_only = false;
    t.empty_text = k_no_account;
    // Made as they are printed, as the accounts table's rows.
    auto rows_of = std::make_shared<const SummaryInput>(in);
    t.made_rows = in.shown.size();
    t.make_row = [rows_of, keep_alive](size_t k) {
        const size_t i = rows_of->shown[k];
        std::vector<Cell> row = {name_cell(rows_of->accounts[i], rows_of->metrics[i])};
        health_cells(rows_of->metrics[i], row);
        return row;
    };
    return t;
}

Table accounts_table(const SummaryInput& in, const PortfolioMetrics& whole,
                     const PortfolioMetrics& totals, std::shared_ptr<const void> keep_alive) {
    std::vector<bool> key(in.accounts.size(), false);
    for (const KeyAccountEntry& e : whole.ranking) key[e.account] = e.key;

    Table t;
    t.key = "accounts";
    t.title = "Accounts";
    t.columns = account_columns();
    t.empty_text = k_no_account;
    // A row per shown account, made as it is printed: the HTML report of
    // 50,000 accounts never holds them all (issue 16's memory target).
    auto rows_of = std::make_shared<const SummaryInput>(in);
    auto is_key = std::make_shared<const std::vector<bool>>(key);
    t.made_rows = in.shown.size();
    t.make_row = [rows_of, is_key, keep_alive](size_t k) {
        const size_t i = rows_of->shown[k];
        return account_row(*rows_of, i, (*is_key)[i]);
    };
    std::vector<std::string> incomplete, no_revenue;
    for (const size_t i : in.shown) {
        const AccountMetrics& m = in.metrics[i];
        if (m.incomplete) incomplete.push_back(in.accounts[i].slug);
        // An empty revenue says why, and what there is instead.
        if (!m.annual_revenue && in.accounts[i].has_performance) {
            std::string why = fmt::format("{} ({}", in.accounts[i].slug, m.annual_revenue.reason);
            if (m.run_rate)
                why += fmt::format("; run rate {} from {} months of {}",
                                   human_text(Cell::of(m.run_rate)), m.ytd_months,
                                   fiscal_year_label(m.ytd_year));
            no_revenue.push_back(why + ")");
        }
    }
    name_currency(t,
                  {"annual_revenue", "prior_revenue", "ytd_revenue", "run_rate", "acv", "pipeline",
                   "weighted_pipeline", "next_renewal_value"},
                  in.settings.currency);
    t.notes.push_back(
        fmt::format("Money in whole {}; revenue for {}. Growth, margin, NPS and completeness in %; "
                    "renewal and review in days.",
                    in.settings.currency, fiscal_year_label(totals.fiscal_year)));
    if (!no_revenue.empty())
        t.notes.push_back(fmt::format("No revenue for {}: {}.",
                                      fiscal_year_label(totals.fiscal_year),
                                      fmt::join(no_revenue, ", ")));
    if (!incomplete.empty())
        t.notes.push_back(fmt::format("Incomplete (load errors, see kam validate): {}.",
                                      fmt::join(incomplete, ", ")));
    return t;
}

FigureList totals_figures(const SummaryInput& in, const PortfolioMetrics& whole,
                          const PortfolioMetrics& totals) {
    FigureList f;
    f.key = "totals";
    f.title = "Totals and KPIs";
    f.items = {
        total("annual_revenue", "Annual revenue", totals.revenue, in.settings.currency),
        total("prior_revenue", "Prior revenue", totals.prior_revenue, in.settings.currency),
        total("acv", "ACV", totals.acv, in.settings.currency),
        total("pipeline", "Pipeline", totals.pipeline, in.settings.currency),
        total("weighted_pipeline", "Weighted pipeline", totals.weighted_pipeline,
              in.settings.currency),
        {"key_accounts", "Key accounts (whole portfolio)",
         Cell::of_int(static_cast<int64_t>(whole.key_count))},
        {"retention_pct", "Retention %", Cell::of(totals.retention_pct)},
        {"net_revenue_retention_pct", "Net revenue retention %",
         Cell::of(totals.net_revenue_retention_pct)},
        {"expansion_pct", "Expansion %", Cell::of(totals.expansion_pct)},
        {"largest_account_pct", "Largest account, % of revenue",
         Cell::of(totals.largest_share_pct)},
        {"top_five_pct", "Top five accounts, % of revenue", Cell::of(totals.top_five_share_pct)},
    };
    return f;
}

namespace {

Report summary_report(const SummaryInput& in, const PortfolioMetrics& whole,
                      const PortfolioMetrics& totals, const std::vector<Alert>& alerts,
                      std::shared_ptr<const void> keep_alive) {
    Report r;
    r.kind = "summary";
    r.title = "Portfolio summary";
    r.meta = summary_meta(in);
    r.blocks.push_back(accounts_table(in, whole, totals, std::move(keep_alive)));
    r.blocks.push_back(totals_figures(in, whole, totals));
    r.blocks.push_back(alerts_table(in, alerts));
    return r;
}

}  // namespace

Report build_summary_report(const SummaryInput& in, const PortfolioMetrics& whole,
                            const PortfolioMetrics& totals, const std::vector<Alert>& alerts) {
    return summary_report(in, whole, totals, alerts, {});
}

Report build_summary_report(const ReportInput& in, const PortfolioMetrics& whole,
                            const PortfolioMetrics& totals, const std::vector<Alert>& alerts) {
    // The facts are made here: the accounts table's rows, made later, hold them.
    auto facts = std::make_shared<const std::vector<AccountFacts>>(facts_of(in.accounts));
    return summary_report(SummaryInput{in.settings, in.as_of, *facts, in.metrics, in.shown}, whole,
                          totals, alerts, facts);
}

}  // namespace kam
