#include "kam/render/report_show.hpp"

#include <fmt/format.h>

#include "kam/metrics/fx.hpp"

namespace kam {

namespace {

Cell text(const std::string& s) {
    return s.empty() ? Cell::none() : Cell::of(s);
}
Cell date(const std::optional<Date>& d) {
    return d ? Cell::of_date(*d) : Cell::none();
}
Cell number(const std::optional<double>& v) {
    return v ? Cell::of_number(*v) : Cell::none();
}
Cell flag(const std::optional<bool>& b) {
    return b ? Cell::of_bool(*b) : Cell::none();
}

Column col(std::string key, std::string title, bool numeric = false, bool elide = false) {
    return Column{std::move(key), std::move(title), "", numeric, elide, false};
}

std::string joined(const std::vector<std::string>& items, std::string_view sep) {
    return fmt::format("{}", fmt::join(items, sep));
}

// Amounts of one account in the base currency, or why not.
class BaseMoney {
  public:
    BaseMoney(const PortfolioSettings& s, const Account& a)
        : fx_(s), currency_(account_currency(a)) {}
    Cell operator()(const std::optional<Money>& m,
                    const std::optional<std::string>& currency = std::nullopt) const {
        if (!m) return Cell::none();
        auto v = fx_.to_base(*m, currency ? *currency : currency_);
        return v ? Cell::of_money(*v) : Cell::none(v.error());
    }

  private:
    Converter fx_;
    std::string currency_;
};

FigureList cover(const Account& a) {
    const Cover& c = a.cover;
    std::vector<std::string> team;
    for (const TeamMember& m : c.team)
        team.push_back(m.role.empty() ? m.name : fmt::format("{} ({})", m.name, m.role));
    std::vector<std::string> history;
    for (const HistoryEvent& e : c.history)
        history.push_back(fmt::format("{} {}", e.date.to_string(), e.event));
    return FigureList{"account",
                      "Account",
                      {{"slug", "Slug", Cell::of(a.slug)},
                       {"name", "Name", text(c.name)},
                       {"tier", "Tier", text(c.tier)},
                       {"status", "Status", text(c.status)},
                       {"manager", "Manager", text(c.manager)},
                       {"team", "Team", text(joined(team, "; "))},
                       {"relationship", "Relationship", text(c.relationship)},
                       {"client_since", "Client since", date(c.client_since)},
                       {"lost_on", "Lost on", date(c.lost_on)},
                       {"currency", "Currency", text(c.currency.value_or(""))},
                       {"growth_potential", "Growth potential", text(c.growth_potential)},
                       {"replaceability", "Replaceability", text(c.replaceability)},
                       {"tags", "Tags", text(joined(c.tags, ", "))},
                       {"mission", "Mission", text(c.mission)},
                       {"background", "Background", text(c.background)},
                       {"history", "History", text(joined(history, "; "))},
                       {"overview", "Overview", text(c.overview)},
                       {"position", "Current position", text(c.position_current)},
                       {"scope", "Scope", text(c.position_scope)},
                       {"objectives", "Objectives", text(joined(c.objectives, "; "))}}};
}

FigureList figures(const AccountMetrics& m) {
    std::vector<std::string> missing(m.completeness.missing.begin(), m.completeness.missing.end());
    return FigureList{
        "figures",
        "Figures",
        {{"annual_revenue", fmt::format("Annual revenue (FY{})", m.fiscal_year),
          Cell::of(m.annual_revenue)},
         {"prior_revenue", fmt::format("Prior revenue (FY{})", m.fiscal_year - 1),
          Cell::of(m.prior_revenue)},
         {"growth_pct", "Growth %", Cell::of(m.growth_pct)},
         {"margin_pct", "Margin %", Cell::of(m.margin_pct)},
         {"acv", "ACV", Cell::of(m.acv)},
         {"next_renewal", "Next renewal", Cell::of(m.next_renewal)},
         {"next_renewal_contract", "Next renewal: contract", text(m.next_renewal_contract)},
         {"notice_deadline", "Notice deadline", Cell::of(m.notice_deadline)},
         {"pipeline", "Pipeline", Cell::of(m.pipeline)},
         {"weighted_pipeline", "Weighted pipeline", Cell::of(m.weighted_pipeline)},
         {"win_rate_pct", "Win rate %", Cell::of(m.win_rate_pct)},
         {"risk_exposure", "Risk exposure", Cell::of(m.risk_exposure)},
         {"max_risk", "Max risk",
          Cell::of(m.max_risk).with_tone(m.max_risk ? risk_tone(*m.max_risk) : Tone::none)},
         {"nps", "NPS", Cell::of(m.nps)},
         {"csat", "CSAT", Cell::of(m.csat)},
         {"days_since_review", "Days since review", Cell::of(m.days_since_review)},
         {"coverage_pct", "Coverage %", Cell::of(m.coverage_pct)},
         {"completeness_pct", "Completeness %", Cell::of_fixed(m.completeness.pct)},
         {"missing_components", "Missing components", text(joined(missing, ", "))},
         {"health", "Health", Cell::of(m.health.score).with_tone(health_tone(m.health.score))},
         {"incomplete", "Incomplete (load errors)", Cell::of_bool(m.incomplete)}}};
}

Table health(const AccountMetrics& m) {
    Table t{"health",
            "Health parts",
            {col("part", "Part"), col("score", "Score", true), col("weight", "Weight", true),
             col("reason", "Missing because", false, true)},
            {},
            "none",
            {}};
    t.columns.back().human_only = true;  // json and csv carry the reason with the null score
    for (const HealthPart& p : m.health.parts) {
        Cell weight = Cell::of_fixed(Fixed{static_cast<int64_t>(p.weight.units), p.weight.scale});
        t.rows.push_back({Cell::of(std::string(p.name)), Cell::of(p.score), std::move(weight),
                          text(p.score.reason)});
    }
    return t;
}

}  // namespace

Report build_show_report(const ReportInput& in, size_t index) {
    const Account& a = in.accounts[index];
    const AccountMetrics& m = in.metrics[index];
    const BaseMoney money(in.settings, a);
    Report r;
    r.kind = "show";
    r.title = fmt::format("Account {}", display_name(a));
    r.meta = report_meta(in);
    r.blocks.push_back(cover(a));
    r.blocks.push_back(figures(m));
    r.csv_block = 1;
    r.blocks.push_back(health(m));

    Table people{
        "people",
        "People",
        {col("id", "Id"), col("name", "Name", false, true), col("title", "Title", false, true),
         col("role", "Role"), col("relationship", "Relationship"),
         col("owner", "Owner", false, true), col("last_contact", "Last contact")},
        {},
        "none",
        {}};
    if (a.profile)
        for (const Person& p : a.profile->people)
            people.rows.push_back({Cell::of(p.id), text(p.name), text(p.title), text(p.role),
                                   text(p.relationship), text(p.owner), date(p.last_contact)});
    r.blocks.push_back(std::move(people));

    Table contracts{
        "contracts",
        "Contracts",
        {col("id", "Id"), col("title", "Title", false, true), col("type", "Type"),
         col("status", "Status"), col("end", "End"), col("notice_deadline", "Notice by"),
         col("auto_renew", "Auto-renew"), col("annual_value", "Annual value", true)},
        {},
        "none",
        {}};
    Table slas{"slas",
               "SLAs",
               {col("contract", "Contract"), col("id", "Id"), col("name", "Name", false, true),
                col("target", "Target", true), col("actual", "Actual", true), col("unit", "Unit"),
                col("better", "Better"), col("breached", "Breached")},
               {},
               "none",
               {}};
    if (a.contracts)
        for (const Contract& k : *a.contracts) {
            contracts.rows.push_back({Cell::of(k.id), text(k.title), text(k.type), text(k.status),
                                      date(k.end),
                                      k.notice_days ? date(k.notice_deadline()) : Cell::none(),
                                      flag(k.auto_renew), money(k.annual_value, k.currency)});
            for (const Sla& s : k.slas)
                slas.rows.push_back(
                    {Cell::of(k.id), Cell::of(s.id), text(s.name), Cell::of_number(s.target),
                     number(s.actual), text(s.unit),
                     Cell::of(s.better == "lower" ? "lower" : "higher"),
                     Cell::of_bool(s.breached()).with_tone(s.breached() ? Tone::bad : Tone::none)});
        }
    r.blocks.push_back(std::move(contracts));
    r.blocks.push_back(std::move(slas));

    Table risks{"risks",
                "Risks",
                {col("id", "Id"), col("title", "Title", false, true), col("category", "Category"),
                 col("score", "Score", true), col("band", "Band"), col("status", "Status"),
                 col("owner", "Owner", false, true), col("review", "Review")},
                {},
                "none",
                {}};
    if (a.risks)
        for (const Risk& k : *a.risks)
            risks.rows.push_back(
                {Cell::of(k.id), text(k.title), text(k.category),
                 Cell::of_int(k.score()).with_tone(k.live() ? risk_tone(k.score()) : Tone::none),
                 text(std::string(risk_band(k.score()))), text(k.status), text(k.owner),
                 date(k.review)});
    r.blocks.push_back(std::move(risks));

    Table opps{"opportunities",
               "Opportunities",
               {col("id", "Id"), col("title", "Title", false, true), col("stage", "Stage"),
                col("value", "Value", true), col("probability", "Prob. %", true),
                col("close", "Close"), col("owner", "Owner", false, true)},
               {},
               "none",
               {}};
    if (a.opportunities)
        for (const Opportunity& o : *a.opportunities)
            opps.rows.push_back(
                {Cell::of(o.id), text(o.title), text(o.stage), money(o.value, o.currency),
                 Cell::of_number(o.effective_probability()), date(o.close), text(o.owner)});
    r.blocks.push_back(std::move(opps));

    Table goals{"goals",
                "Goals",
                {col("id", "Id"), col("title", "Title", false, true), col("status", "Status"),
                 col("target", "Target", true), col("actual", "Actual", true), col("unit", "Unit"),
                 col("due", "Due")},
                {},
                "none",
                {}};
    Table actions{"actions",
                  "Actions",
                  {col("id", "Id"), col("title", "Title", false, true), col("status", "Status"),
                   col("owner", "Owner", false, true), col("due", "Due"), col("goal", "Goal")},
                  {},
                  "none",
                  {}};
    if (a.blueprint) {
        for (const Goal& g : a.blueprint->goals)
            goals.rows.push_back({Cell::of(g.id), text(g.title), text(g.status), number(g.target),
                                  number(g.actual), text(g.unit), date(g.due)});
        for (const Action& x : a.blueprint->actions)
            actions.rows.push_back({Cell::of(x.id), text(x.title), text(x.status), text(x.owner),
                                    date(x.due), text(x.goal)});
    }
    r.blocks.push_back(std::move(goals));
    r.blocks.push_back(std::move(actions));

    Table swot{
        "swot",
        "SWOT",
        {col("quadrant", "Quadrant"), col("text", "Item", false, true), col("impact", "Impact")},
        {},
        "none",
        {}};
    if (a.swot) {
        const std::pair<const char*, const std::vector<SwotItem>*> quadrants[] = {
            {"strength", &a.swot->strengths},
            {"weakness", &a.swot->weaknesses},
            {"opportunity", &a.swot->opportunities},
            {"threat", &a.swot->threats}};
        for (const auto& [name, items] : quadrants)
            for (const SwotItem& i : *items)
                swot.rows.push_back({Cell::of(name), text(i.text), text(i.impact)});
    }
    r.blocks.push_back(std::move(swot));

    Table fin{"financials",
              "Financials",
              {col("period", "Period"), col("revenue", "Revenue", true), col("cost", "Cost", true)},
              {},
              "none",
              {}};
    if (a.performance)
        for (const Financial& f : a.performance->financials)
            fin.rows.push_back(
                {Cell::of(f.period_text), money(f.revenue, f.currency), money(f.cost, f.currency)});
    r.blocks.push_back(std::move(fin));

    Table reviews{"reviews",
                  "Reviews",
                  {col("date", "Date"), col("type", "Type"), col("summary", "Summary", false, true),
                   col("next", "Next")},
                  {},
                  "none",
                  {}};
    Table surveys{"surveys",
                  "Surveys",
                  {col("date", "Date"), col("respondent", "Respondent"), col("nps", "NPS", true),
                   col("csat", "CSAT", true)},
                  {},
                  "none",
                  {}};
    if (a.reviews) {
        for (const Review& v : a.reviews->reviews)
            reviews.rows.push_back(
                {Cell::of_date(v.date), text(v.type), text(v.summary), date(v.next)});
        for (const Survey& s : a.reviews->surveys)
            surveys.rows.push_back({Cell::of_date(s.date), text(s.respondent),
                                    s.nps ? Cell::of_int(*s.nps) : Cell::none(), number(s.csat)});
    }
    r.blocks.push_back(std::move(reviews));
    r.blocks.push_back(std::move(surveys));
    return r;
}

}  // namespace kam
