#include "kam/sql/load.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <array>
#include <functional>
#include <stdexcept>
#include <variant>

#include "kam/metrics/contact_map.hpp"
#include "kam/metrics/fx.hpp"
#include "kam/metrics/lifetime_value.hpp"
#include "kam/metrics/matrix.hpp"
#include "kam/metrics/named_figures.hpp"
#include "kam/metrics/opportunity.hpp"
#include "kam/metrics/portfolio_metrics.hpp"
#include "kam/metrics/relationship_fit.hpp"
#include "kam/metrics/rising.hpp"
#include "kam/sql/schema.hpp"
#include "report_tables.hpp"

namespace kam::sql {

namespace {

using Value = std::variant<std::monostate, int64_t, double, std::string>;

Value of(const std::string& text) {
    if (text.empty()) return {};
    return text;
}
Value of(const std::optional<std::string>& text) {
    if (!text) return {};
    return *text;
}
Value of(const std::optional<Date>& d) {
    if (!d) return {};
    return d->to_string();
}
Value of(const Date& d) {
    return d.to_string();
}
Value of(const std::optional<double>& v) {
    if (!v) return {};
    return *v;
}
Value of(const std::optional<int64_t>& v) {
    if (!v) return {};
    return *v;
}
Value of(const std::optional<bool>& v) {
    if (!v) return {};
    return int64_t{*v ? 1 : 0};
}
Value of(const std::optional<Money>& v) {
    if (!v) return {};
    return v->cents;
}
Value flag(bool b) {
    return int64_t{b ? 1 : 0};
}
Value integer(int64_t v) {
    return v;
}
Value text_or_empty(const std::string& s) {
    return s;
}

// Builds rows of one table by column name and inserts them.
class Inserter {
  public:
    // A table not `filled` takes no rows: set and insert do nothing.
    Inserter(Database& db, std::string_view table, size_t& skipped, bool filled = true)
        : def_(*find_table(table)), skipped_(skipped), filled_(filled) {
        if (!filled_) return;
        std::string sql = fmt::format("INSERT OR IGNORE INTO \"{}\" VALUES (", def_.name);
        for (size_t i = 0; i < def_.columns.size(); ++i) sql += i ? ", ?" : "?";
        stmt_ = db.prepare(sql + ")");
        db_ = &db;
        row_.resize(def_.columns.size());
    }

    Inserter& set(std::string_view column, Value v) {
        if (!filled_) return *this;
        row_[def_.column(column)] = std::move(v);
        return *this;
    }

    void insert() {
        if (!filled_) return;
        for (size_t i = 0; i < row_.size(); ++i) {
            const int at = static_cast<int>(i + 1);
            const Value& v = row_[i];
            if (const auto* n = std::get_if<int64_t>(&v))
                stmt_.bind_int(at, *n);
            else if (const auto* d = std::get_if<double>(&v))
                stmt_.bind_double(at, *d);
            else if (const auto* s = std::get_if<std::string>(&v))
                // row_ keeps the text until after the step and reset below:
                // no copy (5% of kam query's instructions on 100 accounts).
                stmt_.bind_text_in_place(at, *s);
            else
                stmt_.bind_null(at);
        }
        try {
            stmt_.step();
        } catch (const SqlError& e) {
            throw SqlError(fmt::format("loading {}: {}", def_.name, e.what()));
        }
        if (sqlite3_changes(db_->handle()) == 0) ++skipped_;
        // Every parameter is bound again before the next step.
        stmt_.reset_for_rebinding();
        for (Value& v : row_) v = Value{};
    }

  private:
    const TableDef& def_;
    size_t& skipped_;
    bool filled_ = true;
    Database* db_ = nullptr;
    Statement stmt_;
    std::vector<Value> row_;
};

Value fixed(const Fixed& f) {
    return f.to_double();
}

struct FigureValue {
    std::string_view name;
    Value value;
    std::optional<Date> date;
    std::string reason;
};

// The readings of metrics/named_figures as SQL values: money in cents,
// decimals as reals, dates in their own column.
std::vector<FigureValue> figures_of(const AccountMetrics& m, Date as_of, bool key) {
    struct ToValue {
        FigureValue& out;
        void operator()(std::monostate) const {}
        void operator()(Money v) const { out.value = Value{v.cents}; }
        void operator()(const Fixed& v) const { out.value = fixed(v); }
        void operator()(int64_t v) const { out.value = Value{v}; }
        void operator()(Date v) const { out.date = v; }
        void operator()(bool v) const { out.value = flag(v); }
    };
    const std::vector<NamedFigure>& names = named_figures();
    std::vector<FigureReading> readings = read_figures(m, as_of, key);
    std::vector<FigureValue> out;
    out.reserve(readings.size());
    for (size_t i = 0; i < readings.size(); ++i) {
        FigureValue v{names[i].name, {}, std::nullopt, std::move(readings[i].reason)};
        std::visit(ToValue{v}, readings[i].value);
        out.push_back(std::move(v));
    }
    return out;
}

template <typename T, typename F>
FigureValue figure(std::string_view name, const Figure<T>& f, F convert) {
    FigureValue out{name, {}, std::nullopt, f.reason};
    if (f) out.value = convert(*f);
    return out;
}

// The judgement figures of kam-metrics(7), from their homes in metrics/;
// `entry` is the account's place in the portfolio matrix (null when lost).
std::vector<FigureValue> judgement_figures_of(const Account& a, const AccountMetrics& m,
                                              const PortfolioSettings& s, Date as_of,
                                              const MatrixEntry* entry,
                                              const Figure<int64_t>& lifetime) {
    const auto money = [](Money v) { return Value{v.cents}; };
    const auto whole = [](int64_t v) { return Value{v}; };
    const auto fx = [](const Fixed& v) { return fixed(v); };
    const auto flag_of = [](bool b) { return flag(b); };
    const std::string lost = "a lost account is not placed";
    const LifetimeValue v = compute_lifetime_value(a, m, s, lifetime);
    const RelationshipFit fit = relationship_fit(a, m, s.policy);
    const ContactMap map = contact_map(a, as_of);
    return {
        figure("attractiveness", entry ? entry->attractiveness.score : Figure<int64_t>::none(lost),
               whole),
        figure("strength", entry ? entry->strength.score : Figure<int64_t>::none(lost), whole),
        figure("annual_margin_cents", v.annual_margin, money),
        figure("historical_margin_cents", v.historical_margin, money),
        figure("forward_value_cents", v.forward_value, money),
        figure("clv_cents", v.clv, money),
        figure("fix_or_trim",
               m.margin_pct ? Figure<bool>::of(v.fix_or_trim)
                            : Figure<bool>::none(m.margin_pct.reason),
               flag_of),
        figure("relationship_mismatch",
               fit.suggested ? Figure<bool>::of(fit.mismatch)
                             : Figure<bool>::none(fit.suggested.reason),
               flag_of),
        figure("single_threaded",
               map.known ? Figure<bool>::of(map.single_threaded) : Figure<bool>::none(map.reason),
               flag_of),
        figure("pipeline_ratio_pct", pipeline_ratio(m), fx),
    };
}

class Loader {
  public:
    Loader(Database& db, const ModelInput& in) : db_(db), in_(in), fx_(in.portfolio.settings) {}

    void run() {
        // Built in one transaction into a fresh database: no rollback journal needed.
        db_.exec("PRAGMA journal_mode = OFF");
        for (const std::string& s : schema_statements()) db_.exec(s);
        db_.exec("BEGIN");
        {
            Tables t(db_, skipped_, [this](std::string_view name) { return wanted(name); });
            for (size_t i = 0; i < in_.portfolio.accounts.size(); ++i) account(t, i);
            if (wanted("findings")) findings(t);
            reports(t);
        }
        dictionary();
        meta();
        db_.exec("COMMIT");
    }

  private:
    bool wanted(std::string_view table) const {
        return !in_.only || in_.only->count(std::string(table)) > 0;
    }

    struct Tables {
        Tables(Database& db, size_t& skipped, const std::function<bool(std::string_view)>& filled)
            : accounts(db, "accounts", skipped, filled("accounts")),
              team(db, "team", skipped, filled("team")),
              history(db, "history", skipped, filled("history")),
              objectives(db, "objectives", skipped, filled("objectives")),
              tags(db, "tags", skipped, filled("tags")),
              people(db, "people", skipped, filled("people")),
              suppliers(db, "suppliers", skipped, filled("suppliers")),
              client_competitors(db, "client_competitors", skipped, filled("client_competitors")),
              swot_items(db, "swot_items", skipped, filled("swot_items")),
              goals(db, "goals", skipped, filled("goals")),
              actions(db, "actions", skipped, filled("actions")),
              competition(db, "competition", skipped, filled("competition")),
              offerings(db, "offerings", skipped, filled("offerings")),
              risks(db, "risks", skipped, filled("risks")),
              contracts(db, "contracts", skipped, filled("contracts")),
              slas(db, "slas", skipped, filled("slas")),
              financials(db, "financials", skipped, filled("financials")),
              scorecard(db, "scorecard", skipped, filled("scorecard")),
              delivery_issues(db, "delivery_issues", skipped, filled("delivery_issues")),
              opportunities(db, "opportunities", skipped, filled("opportunities")),
              reviews(db, "reviews", skipped, filled("reviews")),
              review_attendees(db, "review_attendees", skipped, filled("review_attendees")),
              review_actions(db, "review_actions", skipped, filled("review_actions")),
              surveys(db, "surveys", skipped, filled("surveys")),
              reference_visits(db, "reference_visits", skipped, filled("reference_visits")),
              findings(db, "findings", skipped, filled("findings")),
              figures(db, "figures", skipped, filled("figures")) {}
        Inserter accounts, team, history, objectives, tags, people, suppliers, client_competitors,
            swot_items, goals, actions, competition, offerings, risks, contracts, slas, financials,
            scorecard, delivery_issues, opportunities, reviews, review_attendees, review_actions,
            surveys, reference_visits, findings, figures;
    };

    static std::string file_of(const Account& a, std::string_view file) {
        return fmt::format("accounts/{}/{}", a.slug, file);
    }

    // The row's start: account, source_file and, when known, source_line.
    static Inserter& start(Inserter& t, const Account& a, const std::string& file, uint32_t line) {
        return t.set("account", a.slug).set("source_file", file).set("source_line", int64_t{line});
    }

    Value base(std::optional<Money> amount, const std::string& currency) const {
        if (!amount) return {};
        auto v = fx_.to_base(*amount, currency);
        if (!v) return {};
        return v->cents;
    }

    std::string currency_of(const Account& a, const std::optional<std::string>& own) const {
        if (own) return *own;
        std::string c = account_currency(a);
        return c.empty() ? in_.portfolio.settings.currency : c;
    }

    void account(Tables& t, size_t index) {
        const Account& a = in_.portfolio.accounts[index];
        const Cover& c = a.cover;
        const std::string cover_file = file_of(a, "account.yaml");
        start(t.accounts, a, cover_file, 1)
            .set("name", of(c.name))
            .set("status", of(c.status))
            .set("tier", of(c.tier))
            .set("manager", of(c.manager))
            .set("relationship", of(c.relationship))
            .set("client_since", of(c.client_since))
            .set("lost_on", of(c.lost_on))
            .set("currency", of(c.currency))
            .set("mission", of(c.mission))
            .set("background", of(c.background))
            .set("overview", of(c.overview))
            .set("position_current", of(c.position_current))
            .set("position_scope", of(c.position_scope))
            .set("growth_potential", of(c.growth_potential))
            .set("replaceability", of(c.replaceability))
            .set("has_errors", flag(a.has_errors));
        std::string files;
        for (const std::string& f : a.present_files) files += (files.empty() ? "" : ",") + f;
        t.accounts.set("files", of(files));
        if (a.profile) {
            const Profile& p = *a.profile;
            t.accounts.set("industry", of(p.industry))
                .set("market", of(p.market))
                .set("business", of(p.business))
                .set("headquarters", of(p.headquarters))
                .set("structure", of(p.structure))
                .set("employees", of(p.employees))
                .set("client_revenue_cents", of(p.annual_revenue))
                .set("procurement_process", of(p.procurement_process))
                .set("procurement_framework", of(p.procurement_framework))
                .set("preferred_supplier", of(p.preferred_supplier))
                .set("payment_terms_days", of(p.payment_terms_days))
                .set("next_tender", of(p.next_tender));
        }
        if (a.swot) t.accounts.set("swot_updated", of(a.swot->updated));
        if (a.blueprint)
            t.accounts.set("strategy", of(a.blueprint->strategy))
                .set("horizon", of(a.blueprint->horizon));
        t.accounts.insert();

        int64_t n = 0;
        for (const TeamMember& m : c.team)
            start(t.team, a, cover_file, m.pos.line)
                .set("position", ++n)
                .set("name", text_or_empty(m.name))
                .set("role", of(m.role))
                .insert();
        n = 0;
        for (const HistoryEvent& h : c.history)
            start(t.history, a, cover_file, h.pos.line)
                .set("position", ++n)
                .set("date", of(h.date))
                .set("event", of(h.event))
                .insert();
        n = 0;
        for (size_t i = 0; i < c.objectives.size(); ++i)
            start(t.objectives, a, cover_file, c.objectives_pos[i].line)
                .set("position", ++n)
                .set("objective", text_or_empty(c.objectives[i]))
                .insert();
        n = 0;
        for (size_t i = 0; i < c.tags.size(); ++i)
            start(t.tags, a, cover_file, c.tags_pos[i].line)
                .set("position", ++n)
                .set("tag", text_or_empty(c.tags[i]))
                .insert();

        if (a.profile) profile(t, a, *a.profile);
        if (a.swot) swot(t, a, *a.swot);
        if (a.blueprint) blueprint(t, a, *a.blueprint);
        if (a.risks) risks(t, a, *a.risks);
        if (a.contracts) contracts(t, a, *a.contracts);
        if (a.performance) performance(t, a, *a.performance);
        if (a.opportunities) opportunities(t, a, *a.opportunities);
        if (a.reviews) reviews(t, a, *a.reviews);

        // The figures need the whole portfolio's (the key set, the matrix):
        // only when they are read.
        if (!wanted("figures")) return;
        if (key_.empty()) {
            key_.assign(in_.portfolio.accounts.size(), false);
            for (const KeyAccountEntry& e : whole().ranking) key_[e.account] = e.key;
        }
        std::vector<FigureValue> figures = figures_of(in_.metrics[index], in_.as_of, key_[index]);
        for (FigureValue& f : judgement_figures_of(a, in_.metrics[index], in_.portfolio.settings,
                                                   in_.as_of, matrix_entry(index), lifetime()))
            figures.push_back(std::move(f));
        for (FigureValue& f : figures) {
            t.figures.set("account", a.slug)
                .set("figure", std::string(f.name))
                .set("value", std::move(f.value))
                .set("date_value", of(f.date))
                .set("unit", std::string(unit_of(f.name)))
                .set("reason", of(f.reason))
                .set("as_of", of(in_.as_of))
                .insert();
        }
    }

    static std::string_view unit_of(std::string_view figure) {
        for (const FigureDef& d : figure_defs())
            if (d.name == figure) return d.unit;
        throw std::logic_error(fmt::format("figure {} is not in figure_defs()", figure));
    }

    void profile(Tables& t, const Account& a, const Profile& p) {
        const std::string file = file_of(a, "profile.yaml");
        for (const Person& x : p.people)
            start(t.people, a, file, x.pos.line)
                .set("id", text_or_empty(x.id))
                .set("name", of(x.name))
                .set("title", of(x.title))
                .set("role", of(x.role))
                .set("relationship", of(x.relationship))
                .set("owner", of(x.owner))
                .set("email", of(x.email))
                .set("phone", of(x.phone))
                .set("notes", of(x.notes))
                .set("last_contact", of(x.last_contact))
                .set("left_on", of(x.left_on))
                .set("current", flag(x.current(in_.as_of)))
                .insert();
        int64_t n = 0;
        for (const Supplier& s : p.suppliers)
            start(t.suppliers, a, file, s.pos.line)
                .set("position", ++n)
                .set("name", of(s.name))
                .set("scope", of(s.scope))
                .set("share_pct", of(s.share))
                .insert();
        n = 0;
        for (const ClientCompetitor& c : p.competitors)
            start(t.client_competitors, a, file, c.pos.line)
                .set("position", ++n)
                .set("name", of(c.name))
                .set("notes", of(c.notes))
                .insert();
    }

    void swot(Tables& t, const Account& a, const Swot& s) {
        const std::string file = file_of(a, "swot.yaml");
        const auto quadrant = [&](std::string_view name, const std::vector<SwotItem>& items) {
            int64_t n = 0;
            for (const SwotItem& i : items)
                start(t.swot_items, a, file, i.pos.line)
                    .set("quadrant", std::string(name))
                    .set("position", ++n)
                    .set("text", of(i.text))
                    .set("impact", of(i.impact))
                    .insert();
        };
        quadrant("strength", s.strengths);
        quadrant("weakness", s.weaknesses);
        quadrant("opportunity", s.opportunities);
        quadrant("threat", s.threats);
    }

    void blueprint(Tables& t, const Account& a, const Blueprint& b) {
        const std::string file = file_of(a, "blueprint.yaml");
        for (const Goal& g : b.goals)
            start(t.goals, a, file, g.pos.line)
                .set("id", text_or_empty(g.id))
                .set("title", of(g.title))
                .set("status", of(g.status))
                .set("metric", of(g.metric))
                .set("unit", of(g.unit))
                .set("target", of(g.target))
                .set("actual", of(g.actual))
                .set("due", of(g.due))
                .set("owner", of(g.owner))
                .insert();
        for (const Action& x : b.actions)
            start(t.actions, a, file, x.pos.line)
                .set("id", text_or_empty(x.id))
                .set("title", of(x.title))
                .set("status", of(x.status))
                .set("owner", of(x.owner))
                .set("due", of(x.due))
                .set("goal", of(x.goal))
                .insert();
        int64_t n = 0;
        for (const Competitor& c : b.competition)
            start(t.competition, a, file, c.pos.line)
                .set("position", ++n)
                .set("name", of(c.name))
                .set("market_position", of(c.position))
                .set("threat", of(c.threat))
                .set("share_pct", of(c.share))
                .insert();
        n = 0;
        for (const Offering& o : b.offerings)
            start(t.offerings, a, file, o.pos.line)
                .set("position", ++n)
                .set("name", of(o.name))
                .set("stage", of(o.stage))
                .set("notes", of(o.notes))
                .insert();
    }

    void risks(Tables& t, const Account& a, const std::vector<Risk>& risks) {
        const std::string file = file_of(a, "risks.yaml");
        for (const Risk& r : risks)
            start(t.risks, a, file, r.pos.line)
                .set("id", text_or_empty(r.id))
                .set("title", of(r.title))
                .set("status", of(r.status))
                .set("category", of(r.category))
                .set("likelihood", integer(r.likelihood))
                .set("impact", integer(r.impact))
                .set("score", integer(r.score()))
                .set("band", std::string(risk_band(r.score())))
                .set("live", flag(r.live()))
                .set("owner", of(r.owner))
                .set("mitigation", of(r.mitigation))
                .set("raised", of(r.raised))
                .set("review", of(r.review))
                .set("contract", of(r.contract))
                .insert();
    }

    void contracts(Tables& t, const Account& a, const std::vector<Contract>& contracts) {
        const std::string file = file_of(a, "contracts.yaml");
        for (const Contract& k : contracts) {
            const std::string cur = currency_of(a, k.currency);
            start(t.contracts, a, file, k.pos.line)
                .set("id", text_or_empty(k.id))
                .set("title", of(k.title))
                .set("status", of(k.status))
                .set("type", of(k.type))
                .set("owner", of(k.owner))
                .set("start", of(k.start))
                .set("end", of(k.end))
                .set("annual_value_cents", of(k.annual_value))
                .set("currency", cur)
                .set("annual_value_base_cents", base(k.annual_value, cur))
                .set("notice_days", of(k.notice_days))
                .set("auto_renew", of(k.auto_renew))
                .set("notice_deadline", of(k.notice_deadline(in_.as_of)))
                .set("renewal_term_months", of(k.renewal_term_months))
                .set("current_end", of(k.current_end(in_.as_of)))
                .insert();
            for (const Sla& s : k.slas)
                start(t.slas, a, file, s.pos.line)
                    .set("contract", text_or_empty(k.id))
                    .set("id", text_or_empty(s.id))
                    .set("name", of(s.name))
                    .set("target", s.target)
                    .set("actual", of(s.actual))
                    .set("unit", of(s.unit))
                    .set("better", of(s.better))
                    .set("breached", flag(s.breached()))
                    .insert();
        }
    }

    void performance(Tables& t, const Account& a, const Performance& p) {
        const std::string file = file_of(a, "performance.yaml");
        for (const Financial& f : p.financials) {
            const std::string cur = currency_of(a, f.currency);
            static constexpr std::array<std::string_view, 3> k_kinds = {"year", "quarter", "month"};
            start(t.financials, a, file, f.pos.line)
                .set("period", text_or_empty(f.period_text))
                .set("period_kind", std::string(k_kinds.at(static_cast<size_t>(f.period.kind))))
                .set("period_year", integer(f.period.year))
                .set("period_index", integer(f.period.index))
                .set("revenue_cents", f.revenue.cents)
                .set("cost_cents", of(f.cost))
                .set("currency", cur)
                .set("revenue_base_cents", base(f.revenue, cur))
                .set("cost_base_cents", base(f.cost, cur))
                .insert();
        }
        int64_t n = 0;
        for (const ScorecardRow& s : p.scorecard)
            start(t.scorecard, a, file, s.pos.line)
                .set("position", ++n)
                .set("perspective", of(s.perspective))
                .set("measure", of(s.measure))
                .set("target", s.target)
                .set("actual", of(s.actual))
                .set("unit", of(s.unit))
                .set("better", of(s.better))
                .insert();
        for (const DeliveryIssue& d : p.issues)
            start(t.delivery_issues, a, file, d.pos.line)
                .set("id", text_or_empty(d.id))
                .set("title", of(d.title))
                .set("severity", of(d.severity))
                .set("status", of(d.status))
                .set("opened", of(d.opened))
                .set("resolved_on", of(d.resolved_on))
                .set("owner", of(d.owner))
                .insert();
    }

    void opportunities(Tables& t, const Account& a, const std::vector<Opportunity>& opps) {
        const std::string file = file_of(a, "sales.yaml");
        for (const Opportunity& o : opps) {
            const std::string cur = currency_of(a, o.currency);
            const Value value_base = base(o.value, cur);
            Value weighted;
            const bool open = o.open();
            if (open && std::holds_alternative<int64_t>(value_base)) {
                auto w = weighted_value(Money{std::get<int64_t>(value_base)}, o);
                if (w) weighted = w->cents;
            }
            start(t.opportunities, a, file, o.pos.line)
                .set("id", text_or_empty(o.id))
                .set("title", of(o.title))
                .set("stage", of(o.stage))
                .set("value_cents", o.value.cents)
                .set("currency", cur)
                .set("value_base_cents", value_base)
                .set("probability_pct", of(o.probability))
                .set("effective_probability_pct", o.effective_probability())
                .set("weighted_value_cents", std::move(weighted))
                .set("open", flag(open))
                .set("close", of(o.close))
                .set("owner", of(o.owner))
                .set("contact", of(o.contact))
                .set("offering", of(o.offering))
                .set("proposition", of(o.proposition))
                .set("pricing", of(o.pricing))
                .set("lost_reason", of(o.lost_reason))
                .set("budget", of(o.budget))
                .set("authority", of(o.authority))
                .set("need", of(o.need))
                .set("timeline", of(o.timeline))
                .insert();
        }
    }

    void reviews(Tables& t, const Account& a, const Reviews& r) {
        const std::string file = file_of(a, "reviews.yaml");
        int64_t n = 0;
        for (const Review& v : r.reviews) {
            ++n;
            start(t.reviews, a, file, v.pos.line)
                .set("position", n)
                .set("date", of(v.date))
                .set("type", of(v.type))
                .set("summary", of(v.summary))
                .set("next", of(v.next))
                .insert();
            int64_t m = 0;
            for (size_t i = 0; i < v.attendees.size(); ++i)
                start(t.review_attendees, a, file, v.attendees_pos[i].line)
                    .set("review", n)
                    .set("position", ++m)
                    .set("attendee", text_or_empty(v.attendees[i]))
                    .insert();
            m = 0;
            for (size_t i = 0; i < v.actions.size(); ++i)
                start(t.review_actions, a, file, v.actions_pos[i].line)
                    .set("review", n)
                    .set("position", ++m)
                    .set("action", text_or_empty(v.actions[i]))
                    .insert();
        }
        n = 0;
        for (const Survey& s : r.surveys)
            start(t.surveys, a, file, s.pos.line)
                .set("position", ++n)
                .set("date", of(s.date))
                .set("respondent", of(s.respondent))
                .set("nps", of(s.nps))
                .set("csat", of(s.csat))
                .set("comment", of(s.comment))
                .insert();
        n = 0;
        for (const ReferenceVisit& v : r.references)
            start(t.reference_visits, a, file, v.pos.line)
                .set("position", ++n)
                .set("date", of(v.date))
                .set("visitor", of(v.visitor))
                .set("outcome", of(v.outcome))
                .insert();
    }

    void findings(Tables& t) {
        int64_t n = 0;
        for (const Diagnostic& d : in_.portfolio.diagnostics) {
            if (d.severity == Severity::off) continue;
            t.findings.set("position", ++n)
                .set("severity", std::string(severity_name(d.severity)))
                .set("rule", text_or_empty(std::string(rule_id(d.rule))))
                .set("account", of(d.account))
                .set("file", of(d.path))
                .set("line", int64_t{d.line})
                .set("column", int64_t{d.column})
                .set("message", of(d.message))
                .set("hint", of(d.hint))
                .insert();
        }
    }

    const MatrixEntry* matrix_entry(size_t index) {
        if (!matrix_)
            matrix_ = compute_matrix(in_.portfolio.accounts, in_.metrics, in_.portfolio.settings,
                                     in_.as_of);
        for (const MatrixEntry& e : matrix_->entries)
            if (e.account == index) return &e;
        return nullptr;
    }

    const Figure<int64_t>& lifetime() {
        if (!lifetime_)
            lifetime_ = expected_lifetime_years(whole().retention_pct,
                                                in_.portfolio.settings.policy.clv_max_years);
        return *lifetime_;
    }

    const PortfolioMetrics& whole() {
        if (!whole_)
            whole_ = compute_portfolio_metrics(in_.portfolio.accounts, in_.metrics,
                                               in_.portfolio.settings, in_.as_of);
        return *whole_;
    }

    void reports(Tables&) {
        bool any = false;
        for (const TableDef& d : report_table_defs()) any = any || wanted(d.name);
        if (!any) return;
        std::vector<size_t> all(in_.portfolio.accounts.size());
        for (size_t i = 0; i < all.size(); ++i) all[i] = i;
        const ReportInput input{in_.portfolio.settings, in_.as_of, in_.portfolio.accounts,
                                in_.metrics, all};
        const auto alerts = compute_alerts(in_.portfolio.accounts, in_.metrics, all,
                                           whole().ranking, in_.portfolio.settings, in_.as_of);
        for (const ReportTable& r : build_report_tables(input, whole(), alerts)) {
            if (!wanted(r.table)) continue;
            const auto* table = std::get_if<Table>(&r.report.blocks.at(r.report.csv_block));
            if (!table) continue;
            std::vector<size_t> keep;
            for (size_t i = 0; i < table->columns.size(); ++i)
                if (!table->columns[i].human_only) keep.push_back(i);
            std::string sql = fmt::format("INSERT INTO \"{}\" VALUES (", r.table);
            for (size_t i = 0; i < keep.size(); ++i) sql += i ? ", ?" : "?";
            Statement s = db_.prepare(sql + ")");
            std::vector<Cell> scratch;
            for (size_t ri = 0; ri < table->row_count(); ++ri) {
                const std::vector<Cell>& row = table->row(ri, scratch);
                for (size_t i = 0; i < keep.size(); ++i) {
                    const Cell& c = row[keep[i]];
                    const int at = static_cast<int>(i + 1);
                    if (c.kind == Cell::Kind::empty)
                        s.bind_null(at);
                    else if (c.kind == Cell::Kind::integer || c.kind == Cell::Kind::money)
                        s.bind_int(at, c.number);
                    else
                        s.bind_text(at, plain_text(c));
                }
                s.step();
                s.reset();
            }
        }
    }

    void dictionary() {
        Statement t = db_.prepare("INSERT INTO kam_tables VALUES (?, ?, ?, ?)");
        Statement c = db_.prepare("INSERT INTO kam_columns VALUES (?, ?, ?, ?, ?, ?)");
        for (const TableDef& d : tables()) {
            std::string key;
            for (const std::string_view k : d.primary_key)
                key += (key.empty() ? "" : ",") + std::string(k);
            t.bind_text(1, d.name);
            t.bind_text(2, d.kind == TableKind::view ? "view" : "table");
            t.bind_text(3, d.description);
            if (key.empty())
                t.bind_null(4);
            else
                t.bind_text(4, key);
            t.step();
            t.reset();
            int64_t n = 0;
            for (const ColumnDef& col : d.columns) {
                c.bind_text(1, d.name);
                c.bind_int(2, ++n);
                c.bind_text(3, col.name);
                c.bind_text(4, type_name(col.type));
                if (col.unit.empty())
                    c.bind_null(5);
                else
                    c.bind_text(5, col.unit);
                c.bind_text(6, col.description);
                c.step();
                c.reset();
            }
        }
    }

    void meta() {
        Statement s = db_.prepare("INSERT INTO kam_meta VALUES (?, ?)");
        const auto put = [&](std::string_view key, const std::string& value) {
            s.bind_text(1, key);
            if (value.empty())
                s.bind_null(2);
            else
                s.bind_text(2, value);
            s.step();
            s.reset();
        };
        put("schema_version", std::to_string(k_schema_version));
        put("kam_version", KAM_VERSION);
        put("as_of", in_.as_of.to_string());
        put("portfolio", in_.portfolio.settings.name);
        put("base_currency", in_.portfolio.settings.currency);
        put("git_commit", in_.git_commit);
        put("rows_skipped", std::to_string(skipped_));
    }

    Database& db_;
    const ModelInput& in_;
    Converter fx_;
    size_t skipped_ = 0;
    std::optional<PortfolioMetrics> whole_;
    std::optional<PortfolioMatrix> matrix_;
    std::optional<Figure<int64_t>> lifetime_;
    std::vector<bool> key_;  // in the key-account set, by account index
};

}  // namespace

std::vector<std::string> schema_statements() {
    std::vector<std::string> out;
    for (const TableDef& t : tables())
        if (t.kind == TableKind::table) out.push_back(create_statement(t));
    for (const TableDef& t : tables())
        if (t.kind == TableKind::view) out.push_back(create_statement(t));
    return out;
}

void load_model(Database& db, const ModelInput& in) {
    Loader(db, in).run();
}

}  // namespace kam::sql
