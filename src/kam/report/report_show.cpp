#include "kam/report/report_show.hpp"

#include <fmt/format.h>
#include <algorithm>

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

// Amounts of one account: in the base currency, and, when any of its amounts
// is in another currency, also as written with that currency.
class Amounts {
  public:
    Amounts(const PortfolioSettings& s, const Account& a)
        : fx_(s), base_(s.currency), currency_(account_currency(a)), foreign_(uses_foreign(a)) {}

    bool foreign() const { return foreign_; }
    const std::string& base() const { return base_; }

    // The columns of one amount: "Title (EUR)" keyed `key`; before it, for an
    // account with foreign amounts, `key_own` (as written) and `key_currency`.
    void columns(std::vector<Column>& cols, const std::string& key, const std::string& title,
                 const std::string& short_title) const {
        if (foreign_) {
            cols.push_back(Column{key + "_own", title, short_title, true, false, false});
            cols.push_back(Column{key + "_currency", "Currency", "Cur.", false, false, false});
        }
        cols.push_back(Column{
            key, fmt::format("{} ({})", title, base_),
            foreign_ ? fmt::format("In {}", base_) : fmt::format("{} ({})", short_title, base_),
            true, false, false});
    }
    void cells(std::vector<Cell>& row, const std::optional<Money>& m,
               const std::optional<std::string>& currency) const {
        const std::string& cur = currency ? *currency : currency_;
        if (foreign_) {
            row.push_back(m ? Cell::of_money(*m) : Cell::none());
            row.push_back(m ? Cell::of(cur.empty() ? base_ : cur) : Cell::none());
        }
        if (!m) {
            row.push_back(Cell::none());
            return;
        }
        auto v = fx_.to_base(*m, cur);
        row.push_back(v ? Cell::of_money(*v) : Cell::none(v.error()));
    }

  private:
    bool uses_foreign(const Account& a) const {
        auto other = [&](const std::optional<std::string>& c) {
            const std::string& cur = c ? *c : currency_;
            return !cur.empty() && cur != base_;
        };
        if (other(std::nullopt)) return true;
        if (a.contracts)
            for (const Contract& k : *a.contracts)
                if (k.annual_value && other(k.currency)) return true;
        if (a.opportunities)
            for (const Opportunity& o : *a.opportunities)
                if (other(o.currency)) return true;
        if (a.performance)
            for (const Financial& f : a.performance->financials)
                if (other(f.currency)) return true;
        return false;
    }

    Converter fx_;
    std::string base_, currency_;
    bool foreign_;
};

Table table(std::string key, std::string title, std::vector<Column> columns) {
    Table t;
    t.key = std::move(key);
    t.title = std::move(title);
    t.columns = std::move(columns);
    return t;
}

// For a terminal too narrow for the whole table: `parts`, each led by the
// record's id, then a last part `rest_title` with every other column the
// terminal shows (the money columns differ with the currencies).
void split_for_terminal(Table& t, std::vector<Table::Part> parts, std::string rest_title) {
    Table::Part rest{std::move(rest_title), {"id"}};
    for (const Column& c : t.columns) {
        if (c.machine_only || c.key == "id") continue;
        bool placed = false;
        for (const Table::Part& p : parts)
            placed = placed || std::find(p.keys.begin(), p.keys.end(), c.key) != p.keys.end();
        if (!placed) rest.keys.push_back(c.key);
    }
    for (Table::Part& p : parts) p.keys.insert(p.keys.begin(), "id");
    parts.push_back(std::move(rest));
    t.terminal_parts = std::move(parts);
}

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

// A money figure in the base currency, after the same in the account's own
// currency when that is another (`own`).
void money_item(std::vector<Item>& items, const std::string& key, const std::string& label,
                Figure<Money> AccountMetrics::*figure, const AccountMetrics& m,
                const AccountMetrics* own, const std::string& base, const std::string& currency) {
    if (own)
        items.push_back(
            {key + "_own", fmt::format("{} ({})", label, currency), Cell::of((*own).*figure)});
    items.push_back({key, fmt::format("{} ({})", label, base), Cell::of(m.*figure)});
}

FigureList figures(const AccountMetrics& m, const AccountMetrics* own, const std::string& base,
                   const std::string& currency) {
    std::vector<std::string> missing(m.completeness.missing.begin(), m.completeness.missing.end());
    std::vector<Item> items;
    auto money = [&](const std::string& key, const std::string& label,
                     Figure<Money> AccountMetrics::*figure) {
        money_item(items, key, label, figure, m, own, base, currency);
    };
    money("annual_revenue", fmt::format("Annual revenue, FY{}", m.fiscal_year),
          &AccountMetrics::annual_revenue);
    money("prior_revenue", fmt::format("Prior revenue, FY{}", m.fiscal_year - 1),
          &AccountMetrics::prior_revenue);
    money("ytd_revenue", fmt::format("Revenue to date, FY{} ({} months)", m.ytd_year, m.ytd_months),
          &AccountMetrics::ytd_revenue);
    money("run_rate", fmt::format("Run rate, FY{} annualised", m.ytd_year),
          &AccountMetrics::run_rate);
    items.push_back({"growth_pct", "Growth %", Cell::of(m.growth_pct)});
    items.push_back({"margin_pct", "Margin %", Cell::of(m.margin_pct)});
    money("acv", "ACV", &AccountMetrics::acv);
    items.push_back({"next_renewal", "Next renewal", Cell::of(m.next_renewal)});
    items.push_back(
        {"next_renewal_contract", "Next renewal: contract", text(m.next_renewal_contract)});
    money("next_renewal_value", "Next renewal: annual value", &AccountMetrics::next_renewal_value);
    items.push_back({"notice_deadline", "Notice deadline", Cell::of(m.notice_deadline)});
    money("pipeline", "Pipeline", &AccountMetrics::pipeline);
    money("weighted_pipeline", "Weighted pipeline", &AccountMetrics::weighted_pipeline);
    items.push_back({"win_rate_pct", "Win rate % (by count)", Cell::of(m.win_rate_pct)});
    items.push_back(
        {"win_rate_value_pct", "Win rate % (by value)", Cell::of(m.win_rate_value_pct)});
    items.push_back({"risk_exposure", "Risk exposure", Cell::of(m.risk_exposure)});
    items.push_back(
        {"max_risk", "Max risk",
         Cell::of(m.max_risk).with_tone(m.max_risk ? risk_tone(*m.max_risk) : Tone::none)});
    items.push_back({"nps", "NPS", Cell::of(m.nps)});
    items.push_back({"nps_n", "NPS responses (n)", Cell::of_int(m.nps_n)});
    items.push_back({"csat", "CSAT", Cell::of(m.csat)});
    items.push_back({"csat_n", "CSAT responses (n)", Cell::of_int(m.csat_n)});
    items.push_back({"days_since_review", "Days since review", Cell::of(m.days_since_review)});
    items.push_back({"coverage_pct", "Coverage %", Cell::of(m.coverage_pct)});
    items.push_back({"completeness_pct", "Completeness %", Cell::of_fixed(m.completeness.pct)});
    items.push_back({"missing_components", "Missing components", text(joined(missing, ", "))});
    items.push_back(
        {"health", "Health", Cell::of(m.health.score).with_tone(health_tone(m.health.score))});
    items.push_back({"health_data_pct", "Health: share of weight on data %",
                     Cell::of_fixed(m.health.data_pct)});
    items.push_back({"incomplete", "Incomplete (load errors)", Cell::of_bool(m.incomplete)});
    return FigureList{"figures", "Figures", std::move(items)};
}

Table health(const AccountMetrics& m) {
    Table t = table("health", "Health parts",
                    {col("part", "Part"), col("score", "Score", true),
                     col("weight", "Weight", true), col("reason", "Missing because", false, true)});
    t.columns.back().human_only = true;  // json and csv carry the reason with the null score
    for (const HealthPart& p : m.health.parts) {
        Cell weight = Cell::of_fixed(Fixed{static_cast<int64_t>(p.weight.units), p.weight.scale});
        t.rows.push_back({Cell::of(std::string(p.name)), Cell::of(p.score), std::move(weight),
                          text(p.score.reason)});
    }
    return t;
}

FigureList profile(const Account& a, const Amounts& money) {
    FigureList f{"profile", "Profile", {}};
    const Profile p = a.profile.value_or(Profile{});  // none: every field empty
    const std::string own = account_currency(a);
    const bool own_foreign = !own.empty() && own != money.base();
    std::vector<Cell> revenue;
    money.cells(revenue, p.annual_revenue, a.cover.currency);
    f.items = {{"industry", "Industry", text(p.industry)},
               {"market", "Market", text(p.market)},
               {"business", "Business", text(p.business)},
               {"headquarters", "Headquarters", text(p.headquarters)},
               {"structure", "Structure", text(p.structure)},
               {"employees", "Employees", p.employees ? Cell::of_int(*p.employees) : Cell::none()}};
    // The client's own revenue: as written when in another currency, and in the base currency.
    if (own_foreign)
        f.items.push_back(
            {"annual_revenue_own", fmt::format("Client revenue ({})", own), revenue[0]});
    f.items.push_back(
        {"annual_revenue", fmt::format("Client revenue ({})", money.base()), revenue.back()});
    const std::vector<Item> procurement = {
        {"procurement_process", "Procurement process", text(p.procurement_process)},
        {"procurement_framework", "Procurement framework", text(p.procurement_framework)},
        {"preferred_supplier", "Preferred supplier", flag(p.preferred_supplier)},
        {"payment_terms_days", "Payment terms (days)",
         p.payment_terms_days ? Cell::of_int(*p.payment_terms_days) : Cell::none()},
        {"next_tender", "Next tender", date(p.next_tender)}};
    f.items.insert(f.items.end(), procurement.begin(), procurement.end());
    return f;
}

// The SWOT as kam(1) describes it: a 2x2, strengths beside weaknesses over
// opportunities beside threats, for people; the items one per row for JSON.
void swot(const Account& a, Report& r) {
    Table grid = table(
        "swot_grid", "SWOT",
        {col("helpful", "Strengths", false, true), col("harmful", "Weaknesses", false, true)});
    grid.human_only = true;
    Table items = table(
        "swot", "SWOT items",
        {col("quadrant", "Quadrant"), col("text", "Item", false, true), col("impact", "Impact")});
    items.machine_only = true;
    if (a.swot) {
        const Swot& w = *a.swot;
        auto line = [](const std::vector<SwotItem>& list, size_t i) {
            if (i >= list.size()) return Cell::of("");
            const SwotItem& item = list[i];
            return Cell::of(item.impact.empty() ? item.text
                                                : fmt::format("{} ({})", item.text, item.impact));
        };
        auto pair = [&](const std::vector<SwotItem>& left, const std::vector<SwotItem>& right) {
            for (size_t i = 0; i < std::max(left.size(), right.size()); ++i)
                grid.rows.push_back({line(left, i), line(right, i)});
        };
        pair(w.strengths, w.weaknesses);
        grid.heading_rows.push_back(grid.rows.size());
        grid.rows.push_back({Cell::of("Opportunities"), Cell::of("Threats")});
        pair(w.opportunities, w.threats);
        if (w.strengths.empty() && w.weaknesses.empty() && w.opportunities.empty() &&
            w.threats.empty()) {
            grid.rows.clear();
            grid.heading_rows.clear();
        }
        const std::pair<const char*, const std::vector<SwotItem>*> quadrants[] = {
            {"strength", &w.strengths},
            {"weakness", &w.weaknesses},
            {"opportunity", &w.opportunities},
            {"threat", &w.threats}};
        for (const auto& [name, list] : quadrants)
            for (const SwotItem& i : *list)
                items.rows.push_back({Cell::of(name), text(i.text), text(i.impact)});
        if (w.updated) grid.notes.push_back("Updated " + w.updated->to_string() + ".");
    }
    r.blocks.push_back(std::move(grid));
    r.blocks.push_back(std::move(items));
}

}  // namespace

Report build_show_report(const ReportInput& in, size_t index) {
    const Account& a = in.accounts[index];
    const AccountMetrics& m = in.metrics[index];
    const Amounts money(in.settings, a);
    const std::string own_currency = account_currency(a);
    std::optional<AccountMetrics> own;
    if (!own_currency.empty() && own_currency != in.settings.currency)
        own = compute_account_metrics_in_own_currency(a, in.settings, in.as_of);
    Report r;
    r.kind = "show";
    r.title = fmt::format("Account {}", display_name(a));
    r.meta = report_meta(in);
    r.blocks.push_back(cover(a));
    r.blocks.push_back(figures(m, own ? &*own : nullptr, in.settings.currency, own_currency));
    r.csv_block = 1;
    if (in.sources) {
        // The figures whose inputs the metrics recorded, then health's parts.
        const FigureSources& fs = (*in.sources)[index];
        for (const Item& i : std::get<FigureList>(r.blocks.back()).items)
            if (fs.figures.count(i.key))
                explain(r, a.slug, i.key,
                        i.key == "health" || i.key == "health_data_pct" ? formula::health
                                                                        : formula::per_account,
                        i.value, fs.of(i.key), fs.from(i.key));
        for (const HealthPart& p : m.health.parts) {
            const std::string key = fmt::format("health_{}", p.name);
            explain(r, a.slug, key, formula::health, Cell::of(p.score), fs.of(key));
        }
    }
    r.blocks.push_back(health(m));
    r.blocks.push_back(profile(a, money));
    // Under --explain each record row names its record (kam-metrics(7), SOURCES, Records):
    // "people: ID" at the id, "financials: 2025-Q1" at its period.
    auto record = [&](std::string_view table_key, std::string label, Source source) {
        if (!in.sources) return;
        explain(r, a.slug, fmt::format("{}: {}", table_key, label), formula::records,
                Cell::of(label), {std::move(source)});
    };

    Table people = table("people", "People",
                         {col("id", "Id"), col("name", "Name", false, true),
                          col("title", "Title", false, true), col("role", "Role"),
                          col("relationship", "Relationship"), col("owner", "Owner", false, true),
                          col("last_contact", "Last contact"), col("stale", "Stale")});
    Table suppliers = table("suppliers", "Suppliers to the client",
                            {col("name", "Supplier", false, true),
                             col("scope", "Scope", false, true), col("share", "Share %", true)});
    Table rivals =
        table("client_competitors", "The client's competitors",
              {col("name", "Competitor", false, true), col("notes", "Notes", false, true)});
    if (a.profile) {
        for (const Person& p : a.profile->people) {
            const bool stale = p.stale(in.as_of, in.settings.policy.contact_every_days);
            people.rows.push_back({Cell::of(p.id), text(p.name), text(p.title), text(p.role),
                                   text(p.relationship), text(p.owner),
                                   date(p.last_contact).with_tone(stale ? Tone::warn : Tone::none),
                                   Cell::of_bool(stale)});
            record(
                "people", p.id,
                record_source(a, "profile.yaml", "profile.people", p.id + ".id", p.id_pos, p.id));
        }
        for (const Supplier& x : a.profile->suppliers) {
            suppliers.rows.push_back({text(x.name), text(x.scope), number(x.share)});
            record("suppliers", x.name,
                   record_source(a, "profile.yaml", "profile.suppliers",
                                 fmt::format("{}.name", x.index), x.name_pos, x.name));
        }
        for (const ClientCompetitor& c : a.profile->competitors) {
            rivals.rows.push_back({text(c.name), text(c.notes)});
            record("client_competitors", c.name,
                   record_source(a, "profile.yaml", "profile.competitors",
                                 fmt::format("{}.name", c.index), c.name_pos, c.name));
        }
    }
    r.blocks.push_back(std::move(people));
    r.blocks.push_back(std::move(suppliers));
    r.blocks.push_back(std::move(rivals));

    swot(a, r);
    if (a.swot) {
        const std::pair<const char*, const std::vector<SwotItem>*> quadrants[] = {
            {"strengths", &a.swot->strengths},
            {"weaknesses", &a.swot->weaknesses},
            {"opportunities", &a.swot->opportunities},
            {"threats", &a.swot->threats}};
        for (const auto& [name, items] : quadrants)
            for (const SwotItem& i : *items)
                record("swot", fmt::format("{} {}", name, i.index),
                       record_source(
                           a, "swot.yaml", fmt::format("swot.{}", name),
                           i.plain ? std::to_string(i.index) : fmt::format("{}.text", i.index),
                           i.pos, i.text));
    }

    FigureList plan{"blueprint", "Blueprint", {}};
    Table goals = table("goals", "Goals",
                        {col("id", "Id"), col("title", "Title", false, true),
                         col("status", "Status"), col("target", "Target", true),
                         col("actual", "Actual", true), col("unit", "Unit"), col("due", "Due")});
    Table actions =
        table("actions", "Actions",
              {col("id", "Id"), col("title", "Title", false, true), col("status", "Status"),
               col("owner", "Owner", false, true), col("due", "Due"), col("goal", "Goal")});
    Table competition =
        table("competition", "Our competition",
              {col("name", "Competitor", false, true), col("position", "Position", false, true),
               col("threat", "Threat"), col("share", "Share %", true)});
    Table offerings = table("offerings", "Offerings",
                            {col("name", "Offering", false, true), col("stage", "Stage"),
                             col("notes", "Notes", false, true)});
    plan.items = {{"strategy", "Strategy", Cell::none()}, {"horizon", "Horizon", Cell::none()}};
    if (a.blueprint) {
        const Blueprint& b = *a.blueprint;
        plan.items = {{"strategy", "Strategy", text(b.strategy)},
                      {"horizon", "Horizon", date(b.horizon)}};
        for (const Goal& g : b.goals) {
            goals.rows.push_back({Cell::of(g.id), text(g.title), text(g.status), number(g.target),
                                  number(g.actual), text(g.unit), date(g.due)});
            record("goals", g.id,
                   record_source(a, "blueprint.yaml", "blueprint.goals", g.id + ".id", g.id_pos,
                                 g.id));
        }
        for (const Action& x : b.actions) {
            actions.rows.push_back({Cell::of(x.id), text(x.title), text(x.status), text(x.owner),
                                    date(x.due), text(x.goal)});
            record("actions", x.id,
                   record_source(a, "blueprint.yaml", "blueprint.actions", x.id + ".id", x.id_pos,
                                 x.id));
        }
        for (const Competitor& c : b.competition) {
            competition.rows.push_back(
                {text(c.name), text(c.position), text(c.threat), number(c.share)});
            record("competition", c.name,
                   record_source(a, "blueprint.yaml", "blueprint.competition",
                                 fmt::format("{}.name", c.index), c.name_pos, c.name));
        }
        for (const Offering& o : b.offerings) {
            offerings.rows.push_back({text(o.name), text(o.stage), text(o.notes)});
            record("offerings", o.name, offering_source(a, o));
        }
    }
    r.blocks.push_back(std::move(plan));
    r.blocks.push_back(std::move(goals));
    r.blocks.push_back(std::move(actions));
    r.blocks.push_back(std::move(competition));
    r.blocks.push_back(std::move(offerings));

    Table risks =
        table("risks", "Risks",
              {col("id", "Id"), col("title", "Title", false, true), col("category", "Category"),
               col("score", "Score", true), col("band", "Band"), col("status", "Status"),
               col("owner", "Owner", false, true), col("review", "Review"),
               col("mitigation", "Mitigation", false, true)});
    if (a.risks)
        for (const Risk& k : *a.risks) {
            risks.rows.push_back(
                {Cell::of(k.id), text(k.title), text(k.category),
                 Cell::of_int(k.score()).with_tone(k.live() ? risk_tone(k.score()) : Tone::none),
                 text(std::string(risk_band(k.score()))), text(k.status), text(k.owner),
                 date(k.review), text(k.mitigation)});
            record("risks", k.id,
                   record_source(a, "risks.yaml", "risks", k.id + ".id", k.id_pos, k.id));
        }
    r.blocks.push_back(std::move(risks));

    std::vector<Column> contract_cols = {
        col("id", "Id"),
        col("title", "Title", false, true),
        col("type", "Type"),
        col("status", "Status"),
        col("end", "End"),
        col("end_as_written", "End as written"),
        col("notice_deadline", "Notice by"),
        Column{"auto_renew", "Auto-renew", "Auto", false, false, false}};
    contract_cols[5].machine_only = true;
    money.columns(contract_cols, "annual_value", "Annual value", "Value");
    Table contracts = table("contracts", "Contracts", std::move(contract_cols));
    split_for_terminal(contracts,
                       {{"title", {"title"}},
                        {"term", {"type", "status", "end", "notice_deadline", "auto_renew"}}},
                       "value");
    Table slas =
        table("slas", "SLAs",
              {col("contract", "Contract"), col("id", "Id"), col("name", "Name", false, true),
               col("target", "Target", true), col("actual", "Actual", true), col("unit", "Unit"),
               col("better", "Better"), col("breached", "Breached")});
    if (a.contracts)
        for (const Contract& k : *a.contracts) {
            std::vector<Cell> row = {
                Cell::of(k.id),
                text(k.title),
                text(k.type),
                text(k.status),
                date(k.current_end(in.as_of)),
                date(k.end),
                k.notice_days ? date(k.notice_deadline(in.as_of)) : Cell::none(),
                flag(k.auto_renew)};
            money.cells(row, k.annual_value, k.currency);
            contracts.rows.push_back(std::move(row));
            record("contracts", k.id,
                   record_source(a, "contracts.yaml", "contracts", k.id + ".id", k.id_pos, k.id));
            if (k.current_end(in.as_of) != k.end)
                contracts.notes.push_back(fmt::format(
                    "{} renews automatically: its end of {} rolled forward by {} months at a time.",
                    k.id, k.end->to_string(),
                    k.renewal_term_months.value_or(Contract::k_default_renewal_term_months)));
            for (const Sla& x : k.slas) {
                slas.rows.push_back(
                    {Cell::of(k.id), Cell::of(x.id), text(x.name), Cell::of_number(x.target),
                     number(x.actual), text(x.unit),
                     Cell::of(x.better == "lower" ? "lower" : "higher"),
                     Cell::of_bool(x.breached()).with_tone(x.breached() ? Tone::bad : Tone::none)});
                record("slas", fmt::format("{} {}", k.id, x.id),
                       record_source(a, "contracts.yaml", fmt::format("contracts.{}.slas", k.id),
                                     x.id + ".id", x.id_pos, x.id));
            }
        }
    r.blocks.push_back(std::move(contracts));
    r.blocks.push_back(std::move(slas));

    std::vector<Column> fin_cols = {col("period", "Period")};
    money.columns(fin_cols, "revenue", "Revenue", "Revenue");
    money.columns(fin_cols, "cost", "Cost", "Cost");
    Table fin = table("financials", "Financials", std::move(fin_cols));
    Table scorecard =
        table("scorecard", "Balanced scorecard",
              {col("perspective", "Perspective"), col("measure", "Measure", false, true),
               col("target", "Target", true), col("actual", "Actual", true), col("unit", "Unit"),
               col("better", "Better"), col("met", "Met")});
    Table issues =
        table("issues", "Delivery issues",
              {col("id", "Id"), col("title", "Title", false, true), col("severity", "Severity"),
               col("status", "Status"), col("owner", "Owner", false, true), col("opened", "Opened"),
               col("resolved_on", "Resolved")});
    if (a.performance) {
        for (const Financial& f : a.performance->financials) {
            std::vector<Cell> row = {Cell::of(f.period_text)};
            money.cells(row, f.revenue, f.currency);
            money.cells(row, f.cost, f.currency);
            fin.rows.push_back(std::move(row));
            record("financials", f.period_text,
                   record_source(a, "performance.yaml", "performance.financials",
                                 fmt::format("{}.period", f.index), f.period_pos, f.period_text));
        }
        for (const ScorecardRow& c : a.performance->scorecard) {
            const auto met = c.met();
            scorecard.rows.push_back({text(c.perspective), text(c.measure),
                                      Cell::of_number(c.target), number(c.actual), text(c.unit),
                                      Cell::of(c.better == "lower" ? "lower" : "higher"),
                                      flag(met).with_tone(met && !*met ? Tone::bad : Tone::none)});
            record("scorecard", c.measure,
                   record_source(a, "performance.yaml", "performance.scorecard",
                                 fmt::format("{}.measure", c.index), c.measure_pos, c.measure));
        }
        for (const DeliveryIssue& x : a.performance->issues) {
            const Tone tone = x.status != "open"                                 ? Tone::none
                              : x.severity == "critical" || x.severity == "high" ? Tone::bad
                                                                                 : Tone::warn;
            issues.rows.push_back({Cell::of(x.id), text(x.title), text(x.severity).with_tone(tone),
                                   text(x.status), text(x.owner), date(x.opened),
                                   date(x.resolved_on)});
            record("issues", x.id,
                   record_source(a, "performance.yaml", "performance.issues", x.id + ".id",
                                 x.id_pos, x.id));
        }
    }
    r.blocks.push_back(std::move(fin));
    r.blocks.push_back(std::move(scorecard));
    r.blocks.push_back(std::move(issues));

    std::vector<Column> opp_cols = {col("id", "Id"), col("title", "Title", false, true),
                                    col("stage", "Stage")};
    money.columns(opp_cols, "value", "Value", "Value");
    const std::vector<Column> opp_rest = {
        col("probability", "Prob. %", true), col("close", "Close"),
        col("owner", "Owner", false, true),
        Column{"qualification", "Qualification (BANT)", "BANT", false, false, false},
        col("lost_reason", "Lost reason", false, true)};
    opp_cols.insert(opp_cols.end(), opp_rest.begin(), opp_rest.end());
    Table opps = table("opportunities", "Opportunities", std::move(opp_cols));
    split_for_terminal(opps,
                       {{"title", {"title"}},
                        {"deal", {"stage", "probability", "close", "owner", "qualification"}},
                        {"lost reason", {"lost_reason"}}},
                       "value");
    if (a.opportunities)
        for (const Opportunity& o : *a.opportunities) {
            std::vector<Cell> row = {Cell::of(o.id), text(o.title), text(o.stage)};
            money.cells(row, o.value, o.currency);
            // Budget, authority, need, timeline: the letter when yes, "-" when no, "?" unknown.
            std::string bant;
            const std::pair<char, const std::optional<bool>*> letters[] = {
                {'B', &o.budget}, {'A', &o.authority}, {'N', &o.need}, {'T', &o.timeline}};
            for (const auto& [letter, v] : letters) bant += !*v ? '?' : **v ? letter : '-';
            row.push_back(Cell::of_number(o.effective_probability()));
            row.push_back(date(o.close));
            row.push_back(text(o.owner));
            row.push_back(bant == "????" ? Cell::none() : Cell::of(bant));
            row.push_back(text(o.lost_reason));
            opps.rows.push_back(std::move(row));
            record("opportunities", o.id,
                   record_source(a, "sales.yaml", "sales.opportunities", o.id + ".id", o.id_pos,
                                 o.id));
        }
    if (!opps.rows.empty())
        opps.notes.push_back(
            "BANT: budget, authority, need, timeline; the letter when yes, - when no, ? when "
            "not recorded.");
    r.blocks.push_back(std::move(opps));

    Table reviews =
        table("reviews", "Reviews",
              {col("date", "Date"), col("type", "Type"), col("summary", "Summary", false, true),
               col("attendees", "Attendees", false, true), col("actions", "Actions", false, true),
               col("next", "Next")});
    Table surveys =
        table("surveys", "Surveys",
              {col("date", "Date"), col("respondent", "Respondent"), col("nps", "NPS", true),
               col("csat", "CSAT", true), col("comment", "Comment", false, true)});
    Table references = table("references", "Reference visits",
                             {col("date", "Date"), col("visitor", "Visitor", false, true),
                              col("outcome", "Outcome", false, true)});
    if (a.reviews) {
        auto dated = [&](std::string_view table_key, std::string_view list, size_t place, Date day,
                         Pos pos) {
            record(table_key, day.to_string(),
                   record_source(a, "reviews.yaml", list, fmt::format("{}.date", place), pos,
                                 day.to_string()));
        };
        for (const Review& v : a.reviews->reviews) {
            reviews.rows.push_back({Cell::of_date(v.date), text(v.type), text(v.summary),
                                    text(joined(v.attendees, "; ")), text(joined(v.actions, "; ")),
                                    date(v.next)});
            dated("reviews", "reviews.reviews", v.index, v.date, v.date_pos);
        }
        for (const Survey& x : a.reviews->surveys) {
            surveys.rows.push_back({Cell::of_date(x.date), text(x.respondent),
                                    x.nps ? Cell::of_int(*x.nps) : Cell::none(), number(x.csat),
                                    text(x.comment)});
            dated("surveys", "reviews.surveys", x.index, x.date, x.date_pos);
        }
        for (const ReferenceVisit& v : a.reviews->references) {
            references.rows.push_back({Cell::of_date(v.date), text(v.visitor), text(v.outcome)});
            dated("references", "reviews.references", v.index, v.date, v.date_pos);
        }
    }
    surveys.notes.push_back(
        fmt::format("NPS {} over n = {} answers, CSAT {} over n = {}, in the last {} days.",
                    human_text(Cell::of(m.nps)), m.nps_n, human_text(Cell::of(m.csat)), m.csat_n,
                    in.settings.policy.survey_every_days));
    r.blocks.push_back(std::move(reviews));
    r.blocks.push_back(std::move(surveys));
    r.blocks.push_back(std::move(references));
    return r;
}

}  // namespace kam
