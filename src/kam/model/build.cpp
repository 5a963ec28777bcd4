#include "kam/model/build.hpp"

#include <span>

#include "kam/model/schema.hpp"

namespace kam {

namespace {

Pos pos_of(const Node& n) {
    return Pos{n.mark.line, n.mark.column};
}

// The schema of the records of list (or object) `key` in `parent`.
const Schema* records(const Schema& parent, std::string_view key) {
    const FieldSpec* f = parent.find(key);
    return f ? f->schema : nullptr;
}
const Schema* records(std::string_view section, std::string_view key) {
    return records(*find_section(section)->schema, key);
}

// Typed, forgiving reads of one mapping: a missing or malformed value is nullopt.
// With the mapping's schema, a number outside its field's range is nullopt too
// (FieldSpec::in_range; the schema check reports it).
class Fields {
  public:
    explicit Fields(const Node& node, const Schema* schema = nullptr)
        : node_(node), schema_(schema) {}

    const Node* get(std::string_view key) const {
        const Node* n = node_.is_mapping() ? node_.find(key) : nullptr;
        return n && n->is_scalar() && !n->is_absent() ? n : nullptr;
    }
    std::string text(std::string_view key) const {
        const Node* n = get(key);
        return n ? n->value : std::string();
    }
    std::optional<std::string> opt_text(std::string_view key) const {
        const Node* n = get(key);
        return n ? std::optional<std::string>(n->value) : std::nullopt;
    }
    std::string choice(std::string_view key, std::span<const std::string_view> values) const {
        const Node* n = get(key);
        if (!n) return {};
        for (std::string_view v : values)
            if (v == n->value) return n->value;
        return {};
    }
    std::optional<Date> date(std::string_view key) const {
        const Node* n = get(key);
        return n ? parse_date(n->value) : std::nullopt;
    }
    std::optional<Money> money(std::string_view key) const {
        const Node* n = get(key);
        if (!n) return std::nullopt;
        auto v = parse_money(n->value);
        return v ? std::optional<Money>(*v) : std::nullopt;
    }
    std::optional<double> number(std::string_view key) const {
        const Node* n = get(key);
        if (!n) return std::nullopt;
        auto v = parse_number(n->value);
        return v ? std::optional<double>(*v) : std::nullopt;
    }
    std::optional<int64_t> ranged_integer(std::string_view key) const {
        return in_range(key, integer(key));
    }
    std::optional<double> ranged_number(std::string_view key) const {
        return in_range(key, number(key));
    }
    std::optional<int64_t> integer(std::string_view key) const {
        const Node* n = get(key);
        if (!n) return std::nullopt;
        auto v = parse_int(n->value);
        return v ? std::optional<int64_t>(*v) : std::nullopt;
    }
    std::optional<bool> boolean(std::string_view key) const {
        const Node* n = get(key);
        if (!n) return std::nullopt;
        auto v = parse_bool(n->value);
        return v ? std::optional<bool>(*v) : std::nullopt;
    }
    std::optional<std::string> currency(std::string_view key) const {
        const Node* n = get(key);
        return n && is_currency_code(n->value) ? std::optional<std::string>(n->value)
                                               : std::nullopt;
    }
    Pos pos(std::string_view key) const {
        const Node* n = node_.is_mapping() ? node_.find(key) : nullptr;
        return n ? pos_of(*n) : pos_of(node_);
    }
    // Where the key is written (the mapping's own position when absent): for
    // a value that is itself a mapping, whose position is its first key's.
    Pos key_pos(std::string_view key) const {
        if (node_.is_mapping())
            for (const Entry& e : node_.entries)
                if (e.key == key) return Pos{e.key_mark.line, e.key_mark.column};
        return pos_of(node_);
    }
    // The mappings of a list field; other items were reported by the schema check.
    std::vector<const Node*> list(std::string_view key) const {
        std::vector<const Node*> out;
        const Node* n = node_.is_mapping() ? node_.find(key) : nullptr;
        if (n && n->is_sequence())
            for (const Node& item : n->items)
                if (item.is_mapping()) out.push_back(&item);
        return out;
    }
    // The place of `item` (one of list(key)) among all the items of that list,
    // as a kam path counts them.
    size_t index_of(std::string_view key, const Node* item) const {
        const Node* n = node_.find(key);
        return static_cast<size_t>(item - n->items.data());
    }
    std::vector<std::string> texts(std::string_view key) const {
        std::vector<std::string> out;
        const Node* n = node_.is_mapping() ? node_.find(key) : nullptr;
        if (n && n->is_sequence())
            for (const Node& item : n->items)
                if (item.is_scalar() && !item.is_absent()) out.push_back(item.value);
        out.shrink_to_fit();  // kept in the model as long as the report runs
        return out;
    }
    // Where each of texts(key) is written, in the same order.
    std::vector<Pos> text_positions(std::string_view key) const {
        std::vector<Pos> out;
        const Node* n = node_.is_mapping() ? node_.find(key) : nullptr;
        if (n && n->is_sequence())
            for (const Node& item : n->items)
                if (item.is_scalar() && !item.is_absent()) out.push_back(pos_of(item));
        out.shrink_to_fit();
        return out;
    }
    const Node* child(std::string_view key) const {
        const Node* n = node_.is_mapping() ? node_.find(key) : nullptr;
        return n && n->is_mapping() ? n : nullptr;
    }

  private:
    template <typename T>
    std::optional<T> in_range(std::string_view key, std::optional<T> v) const {
        const FieldSpec* f = schema_ ? schema_->find(key) : nullptr;
        return v && f && f->in_range(static_cast<double>(*v)) ? v : std::nullopt;
    }

    const Node& node_;
    const Schema* schema_;
};

// Lists keep no spare capacity: a portfolio's models live as long as the
// report that shows them (kam report holds every one).
template <typename... Lists>
void fit(Lists&... lists) {
    (lists.shrink_to_fit(), ...);
}

std::vector<SwotItem> swot_items(const Node& root, std::string_view key) {
    std::vector<SwotItem> out;
    const Node* n = root.find(key);
    if (!n || !n->is_sequence()) return out;
    for (size_t k = 0; k < n->items.size(); ++k) {
        const Node& item = n->items[k];
        if (item.is_scalar() && !item.is_absent()) {
            out.push_back({item.value, "", k, pos_of(item), true});
        } else if (item.is_mapping()) {
            Fields f(item);
            if (!f.text("text").empty())
                out.push_back(
                    {f.text("text"), f.choice("impact", enums::impact), k, f.pos("text"), false});
        }
    }
    return out;
}

}  // namespace

void build_cover(const Node& root, Cover& c) {
    // With its schema: share_of_wallet is read only within its range.
    Fields f(root, find_section("account")->schema);
    c.name = f.text("name");
    c.status = f.choice("status", enums::status);
    c.status_pos = f.pos("status");
    c.tier = f.choice("tier", enums::tier);
    c.tier_pos = f.pos("tier");
    c.manager = f.text("manager");
    for (const Node* m : f.list("team")) {
        Fields t(*m);
        c.team.push_back({t.text("name"), t.text("role"), pos_of(*m)});
    }
    c.relationship = f.choice("relationship", enums::relationship_type);
    c.relationship_pos = f.pos("relationship");
    c.client_since = f.date("client_since");
    c.client_since_pos = f.pos("client_since");
    c.lost_on = f.date("lost_on");
    c.lost_on_pos = f.pos("lost_on");
    c.lost_on_written = f.get("lost_on") != nullptr;
    c.currency = f.currency("currency");
    c.currency_pos = f.pos("currency");
    c.mission = f.text("mission");
    c.background = f.text("background");
    c.overview = f.text("overview");
    c.name_pos = f.pos("name");
    c.mission_pos = f.pos("mission");
    c.manager_pos = f.pos("manager");
    c.background_pos = f.pos("background");
    c.overview_pos = f.pos("overview");
    c.position_pos = f.key_pos("position");
    for (const Node* m : f.list("history")) {
        Fields h(*m);
        if (auto d = h.date("date"))
            c.history.push_back(
                {*d, h.text("event"), pos_of(*m), h.pos("date"), f.index_of("history", m)});
    }
    if (const Node* p = f.child("position")) {
        Fields pf(*p);
        c.position_current = pf.text("current");
        c.position_scope = pf.text("scope");
        c.objectives = pf.texts("objectives");
        c.objectives_pos = pf.text_positions("objectives");
    }
    c.growth_potential = f.choice("growth_potential", enums::level);
    c.replaceability = f.choice("replaceability", enums::level);
    c.share_of_wallet = f.ranged_number("share_of_wallet");
    c.growth_potential_pos = f.pos("growth_potential");
    c.replaceability_pos = f.pos("replaceability");
    c.share_of_wallet_pos = f.pos("share_of_wallet");
    c.tags = f.texts("tags");
    c.tags_pos = f.text_positions("tags");
    fit(c.team, c.history);
}

Profile build_profile(const Node& root) {
    Fields f(root);
    Profile p;
    p.industry = f.text("industry");
    p.market = f.text("market");
    p.business = f.text("business");
    p.headquarters = f.text("headquarters");
    p.structure = f.text("structure");
    p.employees = f.integer("employees");
    p.annual_revenue = f.money("annual_revenue");
    p.industry_pos = f.pos("industry");
    p.annual_revenue_pos = f.pos("annual_revenue");
    for (const Node* m : f.list("people")) {
        Fields r(*m);
        Person x;
        x.id = r.text("id");
        x.name = r.text("name");
        x.title = r.text("title");
        x.role = r.choice("role", enums::person_role);
        x.relationship = r.choice("relationship", enums::person_relationship);
        x.owner = r.text("owner");
        x.email = r.text("email");
        x.phone = r.text("phone");
        x.last_contact = r.date("last_contact");
        x.left_on = r.date("left_on");
        x.notes = r.text("notes");
        x.pos = pos_of(*m);
        x.id_pos = r.pos("id");
        x.last_contact_pos = r.pos("last_contact");
        x.role_pos = r.pos("role");
        x.relationship_pos = r.pos("relationship");
        p.people.push_back(std::move(x));
    }
    if (const Node* pr = f.child("procurement")) {
        Fields r(*pr);
        p.procurement_process = r.text("process");
        p.procurement_framework = r.text("framework");
        p.preferred_supplier = r.boolean("preferred_supplier");
        p.payment_terms_days = r.integer("payment_terms_days");
        p.next_tender = r.date("next_tender");
    }
    for (const Node* m : f.list("suppliers")) {
        Fields r(*m, records("profile", "suppliers"));
        p.suppliers.push_back({r.text("name"), r.text("scope"), r.ranged_number("share"),
                               f.index_of("suppliers", m), pos_of(*m), r.pos("name")});
    }
    for (const Node* m : f.list("competitors")) {
        Fields r(*m);
        p.competitors.push_back({r.text("name"), r.text("notes"), f.index_of("competitors", m),
                                 pos_of(*m), r.pos("name")});
    }
    fit(p.people, p.suppliers, p.competitors);
    return p;
}

Swot build_swot(const Node& root) {
    Fields f(root);
    Swot s;
    s.updated = f.date("updated");
    s.strengths = swot_items(root, "strengths");
    s.weaknesses = swot_items(root, "weaknesses");
    s.opportunities = swot_items(root, "opportunities");
    s.threats = swot_items(root, "threats");
    s.strengths_pos = f.key_pos("strengths");
    s.weaknesses_pos = f.key_pos("weaknesses");
    s.opportunities_pos = f.key_pos("opportunities");
    s.threats_pos = f.key_pos("threats");
    return s;
}

Blueprint build_blueprint(const Node& root) {
    Fields f(root);
    Blueprint b;
    b.strategy = f.text("strategy");
    b.strategy_pos = f.pos("strategy");
    b.horizon = f.date("horizon");
    for (const Node* m : f.list("goals")) {
        Fields r(*m);
        Goal g;
        g.id = r.text("id");
        g.title = r.text("title");
        g.status = r.choice("status", enums::goal_status);
        g.metric = r.text("metric");
        g.target = r.number("target");
        g.actual = r.number("actual");
        g.unit = r.text("unit");
        g.due = r.date("due");
        g.owner = r.text("owner");
        g.pos = pos_of(*m);
        g.id_pos = r.pos("id");
        g.due_pos = r.pos("due");
        b.goals.push_back(std::move(g));
    }
    for (const Node* m : f.list("actions")) {
        Fields r(*m);
        Action a;
        a.id = r.text("id");
        a.title = r.text("title");
        a.status = r.choice("status", enums::action_status);
        a.owner = r.text("owner");
        a.due = r.date("due");
        a.goal = r.text("goal");
        a.pos = pos_of(*m);
        a.id_pos = r.pos("id");
        a.due_pos = r.pos("due");
        a.goal_pos = r.pos("goal");
        b.actions.push_back(std::move(a));
    }
    for (const Node* m : f.list("competition")) {
        Fields r(*m, records("blueprint", "competition"));
        b.competition.push_back({r.text("name"), r.text("position"),
                                 r.choice("threat", enums::level), r.ranged_number("share"),
                                 f.index_of("competition", m), pos_of(*m), r.pos("name")});
    }
    for (const Node* m : f.list("offerings")) {
        Fields r(*m);
        Offering o;
        o.name = r.text("name");
        o.stage = r.choice("stage", enums::offering_stage);
        o.notes = r.text("notes");
        o.index = f.index_of("offerings", m);
        o.pos = pos_of(*m);
        o.stage_pos = r.pos("stage");
        b.offerings.push_back(std::move(o));
    }
    fit(b.goals, b.actions, b.competition, b.offerings);
    return b;
}

std::vector<Risk> build_risks(const Node& root) {
    std::vector<Risk> out;
    for (const Node* m : Fields(root).list("risks")) {
        Fields r(*m, records("risks", "risks"));
        Risk x;
        x.id = r.text("id");
        x.title = r.text("title");
        x.likelihood = static_cast<int>(r.ranged_integer("likelihood").value_or(0));
        x.impact = static_cast<int>(r.ranged_integer("impact").value_or(0));
        x.status = r.choice("status", enums::risk_status);
        x.category = r.choice("category", enums::risk_category);
        x.owner = r.text("owner");
        x.raised = r.date("raised");
        x.review = r.date("review");
        x.mitigation = r.text("mitigation");
        x.contract = r.text("contract");
        x.pos = pos_of(*m);
        x.id_pos = r.pos("id");
        x.review_pos = r.pos("review");
        x.contract_pos = r.pos("contract");
        out.push_back(std::move(x));
    }
    fit(out);
    return out;
}

std::vector<Contract> build_contracts(const Node& root) {
    std::vector<Contract> out;
    for (const Node* m : Fields(root).list("contracts")) {
        Fields r(*m, records("contracts", "contracts"));
        Contract c;
        c.id = r.text("id");
        c.title = r.text("title");
        c.status = r.choice("status", enums::contract_status);
        c.start = r.date("start");
        c.end = r.date("end");
        c.type = r.choice("type", enums::contract_type);
        c.annual_value = r.money("annual_value");
        c.currency = r.currency("currency");
        c.notice_days = r.ranged_integer("notice_days");
        if (c.notice_days && c.end &&
            *c.end - static_cast<int>(*c.notice_days) < Date::from_ymd(1, 1, 1)) {
            c.notice_days_before_year_one = c.notice_days;
            c.notice_days.reset();
        }
        c.auto_renew = r.boolean("auto_renew");
        c.renewal_term_months = r.ranged_integer("renewal_term_months");
        c.owner = r.text("owner");
        for (const Node* s : r.list("slas")) {
            Fields q(*s);
            Sla sla;
            sla.id = q.text("id");
            sla.name = q.text("name");
            sla.target = q.number("target").value_or(0);
            sla.actual = q.number("actual");
            sla.unit = q.text("unit");
            sla.better = q.choice("better", enums::better);
            sla.pos = pos_of(*s);
            sla.id_pos = q.pos("id");
            sla.actual_pos = q.pos("actual");
            c.slas.push_back(std::move(sla));
        }
        c.pos = pos_of(*m);
        c.id_pos = r.pos("id");
        c.status_pos = r.pos("status");
        c.end_pos = r.pos("end");
        c.notice_days_pos = r.pos("notice_days");
        c.currency_pos = r.pos("currency");
        c.annual_value_pos = r.pos("annual_value");
        out.push_back(std::move(c));
    }
    for (Contract& c : out) fit(c.slas);
    fit(out);
    return out;
}

Performance build_performance(const Node& root) {
    Fields f(root);
    Performance p;
    for (const Node* m : f.list("financials")) {
        Fields r(*m);
        const Node* period = r.get("period");
        const auto revenue = r.money("revenue");
        if (!period || !revenue) continue;
        const auto parsed = parse_period(period->value);
        if (!parsed) continue;
        Financial x;
        x.period = *parsed;
        x.period_text = period->value;
        x.revenue = *revenue;
        x.cost = r.money("cost");
        x.currency = r.currency("currency");
        x.pos = pos_of(*m);
        x.period_pos = r.pos("period");
        x.currency_pos = r.pos("currency");
        x.revenue_pos = r.pos("revenue");
        x.cost_pos = r.pos("cost");
        x.index = f.index_of("financials", m);
        p.financials.push_back(std::move(x));
    }
    for (const Node* m : f.list("scorecard")) {
        Fields r(*m);
        ScorecardRow s;
        s.perspective = r.choice("perspective", enums::perspective);
        s.measure = r.text("measure");
        s.target = r.number("target").value_or(0);
        s.actual = r.number("actual");
        s.unit = r.text("unit");
        s.better = r.choice("better", enums::better);
        s.pos = pos_of(*m);
        s.index = f.index_of("scorecard", m);
        s.measure_pos = r.pos("measure");
        p.scorecard.push_back(std::move(s));
    }
    for (const Node* m : f.list("issues")) {
        Fields r(*m);
        DeliveryIssue i;
        i.id = r.text("id");
        i.title = r.text("title");
        i.severity = r.choice("severity", enums::issue_severity);
        i.status = r.choice("status", enums::issue_status);
        i.opened = r.date("opened");
        i.resolved_on = r.date("resolved_on");
        i.owner = r.text("owner");
        i.pos = pos_of(*m);
        i.id_pos = r.pos("id");
        i.resolved_on_pos = r.pos("resolved_on");
        i.severity_pos = r.pos("severity");
        p.issues.push_back(std::move(i));
    }
    fit(p.financials, p.scorecard, p.issues);
    return p;
}

std::vector<Opportunity> build_opportunities(const Node& root) {
    std::vector<Opportunity> out;
    for (const Node* m : Fields(root).list("opportunities")) {
        Fields r(*m, records("sales", "opportunities"));
        Opportunity o;
        o.id = r.text("id");
        o.title = r.text("title");
        o.stage = r.choice("stage", enums::opportunity_stage);
        o.value = r.money("value").value_or(Money{});
        o.probability = r.ranged_number("probability");
        o.close = r.date("close");
        o.currency = r.currency("currency");
        o.owner = r.text("owner");
        o.contact = r.text("contact");
        o.offering = r.text("offering");
        o.proposition = r.text("proposition");
        o.pricing = r.text("pricing");
        if (const Node* q = r.child("qualification")) {
            Fields qf(*q);
            o.budget = qf.boolean("budget");
            o.authority = qf.boolean("authority");
            o.need = qf.boolean("need");
            o.timeline = qf.boolean("timeline");
        }
        o.lost_reason = r.text("lost_reason");
        o.pos = pos_of(*m);
        o.id_pos = r.pos("id");
        o.contact_pos = r.pos("contact");
        o.currency_pos = r.pos("currency");
        o.probability_pos = r.pos("probability");
        o.close_pos = r.pos("close");
        o.value_pos = r.pos("value");
        o.stage_pos = r.pos("stage");
        o.qualification_pos = r.key_pos("qualification");
        out.push_back(std::move(o));
    }
    fit(out);
    return out;
}

Reviews build_reviews(const Node& root) {
    Fields f(root);
    Reviews out;
    for (const Node* m : f.list("reviews")) {
        Fields r(*m);
        const auto date = r.date("date");
        if (!date) continue;
        out.reviews.push_back({*date, r.choice("type", enums::review_type), r.text("summary"),
                               r.texts("attendees"), r.texts("actions"), r.date("next"),
                               r.pos("date"), f.index_of("reviews", m), pos_of(*m),
                               r.text_positions("attendees"), r.text_positions("actions")});
    }
    for (const Node* m : f.list("surveys")) {
        Fields r(*m, records("reviews", "surveys"));
        const auto date = r.date("date");
        if (!date) continue;
        Survey s;
        s.date = *date;
        s.respondent = r.text("respondent");
        s.comment = r.text("comment");
        s.nps = r.ranged_integer("nps");
        s.csat = r.ranged_number("csat");
        s.score_written = r.get("nps") != nullptr || r.get("csat") != nullptr;
        s.pos = pos_of(*m);
        s.respondent_pos = r.pos("respondent");
        s.date_pos = r.pos("date");
        s.nps_pos = r.pos("nps");
        s.csat_pos = r.pos("csat");
        s.index = f.index_of("surveys", m);
        out.surveys.push_back(std::move(s));
    }
    for (const Node* m : f.list("references")) {
        Fields r(*m);
        const auto date = r.date("date");
        if (!date) continue;
        out.references.push_back({*date, r.text("visitor"), r.text("outcome"), pos_of(*m),
                                  r.pos("date"), f.index_of("references", m)});
    }
    fit(out.reviews, out.surveys, out.references);
    return out;
}

PortfolioSettings build_settings(const Node& root) {
    Fields f(root, &portfolio_schema());
    PortfolioSettings s;
    s.version = static_cast<int>(f.integer("kam").value_or(1));
    s.name = f.text("name");
    if (auto c = f.currency("currency")) s.currency = *c;
    if (const Node* fx = f.child("fx")) {
        for (const Entry& e : fx->entries) {
            if (!is_currency_code(e.key) || !e.value.is_scalar()) continue;
            const auto rate = parse_number(e.value.value);
            if (!rate || *rate <= 0) continue;
            s.fx[e.key] = *rate;
            s.fx_text[e.key] = e.value.value;
            s.fx_pos[e.key] = pos_of(e.value);
        }
    }
    if (const auto fy = f.ranged_integer("fiscal_year_start"))
        s.fiscal_year_start = static_cast<int>(*fy);
    bool require_given = false;
    if (const Node* p = f.child("policy")) {
        Fields pf(*p, records(portfolio_schema(), "policy"));
        for (const Entry& e : p->entries)
            if (e.value.is_scalar() && !e.value.is_absent()) s.policy_pos[e.key] = pos_of(e.value);
        auto days = [&](std::string_view key, int& out) {
            if (const auto v = pf.ranged_integer(key)) out = static_cast<int>(*v);
        };
        days("review_every_days", s.policy.review_every_days);
        days("survey_every_days", s.policy.survey_every_days);
        days("contact_every_days", s.policy.contact_every_days);
        days("renewal_horizon_days", s.policy.renewal_horizon_days);
        if (auto share = pf.ranged_number("key_account_share")) s.policy.key_account_share = *share;
        if (auto v = pf.number("min_margin_pct")) s.policy.min_margin_pct = *v;
        if (auto v = pf.ranged_number("discount_rate_pct")) s.policy.discount_rate_pct = *v;
        if (auto v = pf.ranged_integer("clv_max_years"))
            s.policy.clv_max_years = static_cast<int>(*v);
        if (auto v = pf.money("intense_revenue")) s.policy.intense_revenue = *v;
        if (auto v = pf.money("moderate_revenue")) s.policy.moderate_revenue = *v;
        if (auto v = pf.number("intense_margin_pct")) s.policy.intense_margin_pct = *v;
        if (auto v = pf.number("rising_growth_pct")) s.policy.rising_growth_pct = *v;
        if (auto v = pf.ranged_number("rising_pipeline_pct")) s.policy.rising_pipeline_pct = *v;
        if (const Node* req = pf.child("require")) {
            require_given = true;
            for (const Entry& e : req->entries) {
                if (!e.value.is_sequence()) continue;
                std::vector<std::string> sections;
                for (const Node& item : e.value.items)
                    if (item.is_scalar() && find_section(item.value))
                        sections.push_back(item.value);
                s.policy.require[e.key] = std::move(sections);
            }
        }
    }
    if (!require_given) {
        const std::vector<std::string> base{"profile", "swot", "blueprint", "risks", "contracts"};
        s.policy.require["key"] = base;
        s.policy.require["strategic"] = base;
    }
    if (const Node* rules = f.child("rules"))
        for (const Entry& e : rules->entries)
            if (e.value.is_scalar()) {
                s.rules[e.key] = e.value.value;
                s.rule_pos[e.key] = pos_of(e.value);
            }
    for (const auto& [key, out] : {std::pair{"attractiveness_weights", &s.attractiveness_weights},
                                   std::pair{"strength_weights", &s.strength_weights}})
        if (const Node* w = f.child(key))
            for (const Entry& e : w->entries)
                if (e.value.is_scalar())
                    if (auto v = parse_number(e.value.value); v && *v >= 0) {
                        (*out)[e.key] = *v;
                        s.weight_pos[std::string(key) + "." + e.key] = pos_of(e.value);
                    }
    if (const Node* w = f.child("health_weights"))
        for (const Entry& e : w->entries)
            if (e.value.is_scalar())
                if (auto v = parse_number(e.value.value); v && *v >= 0) {
                    s.health_weights[e.key] = *v;
                    s.weight_pos["health_weights." + e.key] = pos_of(e.value);
                }
    return s;
}

void drop_section(std::string_view section, Account& a) {
    if (section == "account") {
        a.cover = Cover{};
        a.cover_ok = false;
    } else if (section == "profile") {
        a.profile.reset();
    } else if (section == "swot") {
        a.swot.reset();
    } else if (section == "blueprint") {
        a.blueprint.reset();
    } else if (section == "risks") {
        a.risks.reset();
    } else if (section == "contracts") {
        a.contracts.reset();
    } else if (section == "performance") {
        a.performance.reset();
    } else if (section == "sales") {
        a.opportunities.reset();
    } else if (section == "reviews") {
        a.reviews.reset();
    }
}

SectionModel build_section(std::string_view section, const Node& root) {
    if (section == "account") {
        Cover c;
        build_cover(root, c);
        return c;
    }
    if (section == "profile") return build_profile(root);
    if (section == "swot") return build_swot(root);
    if (section == "blueprint") return build_blueprint(root);
    if (section == "risks") return build_risks(root);
    if (section == "contracts") return build_contracts(root);
    if (section == "performance") return build_performance(root);
    if (section == "sales") return build_opportunities(root);
    if (section == "reviews") return build_reviews(root);
    return std::monostate{};
}

void set_section(const SectionModel& model, Account& a) {
    struct Visitor {
        Account& a;
        void operator()(std::monostate) const {}
        void operator()(const Cover& c) const {
            a.cover = c;
            a.cover_ok = true;
        }
        void operator()(const Profile& v) const { a.profile = v; }
        void operator()(const Swot& v) const { a.swot = v; }
        void operator()(const Blueprint& v) const { a.blueprint = v; }
        void operator()(const std::vector<Risk>& v) const { a.risks = v; }
        void operator()(const std::vector<Contract>& v) const { a.contracts = v; }
        void operator()(const Performance& v) const { a.performance = v; }
        void operator()(const std::vector<Opportunity>& v) const { a.opportunities = v; }
        void operator()(const Reviews& v) const { a.reviews = v; }
    };
    std::visit(Visitor{a}, model);
}

void set_section(SectionModel&& model, Account& a) {
    struct Visitor {
        Account& a;
        void operator()(std::monostate) const {}
        void operator()(Cover&& c) const {
            a.cover = std::move(c);
            a.cover_ok = true;
        }
        void operator()(Profile&& v) const { a.profile = std::move(v); }
        void operator()(Swot&& v) const { a.swot = std::move(v); }
        void operator()(Blueprint&& v) const { a.blueprint = std::move(v); }
        void operator()(std::vector<Risk>&& v) const { a.risks = std::move(v); }
        void operator()(std::vector<Contract>&& v) const { a.contracts = std::move(v); }
        void operator()(Performance&& v) const { a.performance = std::move(v); }
        void operator()(std::vector<Opportunity>&& v) const { a.opportunities = std::move(v); }
        void operator()(Reviews&& v) const { a.reviews = std::move(v); }
    };
    std::visit(Visitor{a}, std::move(model));
}

}  // namespace kam
