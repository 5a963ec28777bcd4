#include "kam/sql/load.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <functional>
#include <memory>
#include <stdexcept>
#include <unordered_map>
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
#include "kam/sql/virtual_tables.hpp"
#include "kam/util/parallel.hpp"
#include "report_tables.hpp"

namespace kam::sql {

namespace {

// Text from the model is passed as a view (the store copies it when the row
// is appended); a temporary string would not outlive its row, so it cannot
// be passed this way.
Value of(const std::string& text) {
    if (text.empty()) return {};
    return std::string_view(text);
}
Value of(std::string&&) = delete;
Value of(const std::optional<std::string>& text) {
    if (!text) return {};
    return std::string_view(*text);
}
Value of(std::optional<std::string>&&) = delete;
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
    return std::string_view(s);
}
Value text_or_empty(std::string&&) = delete;

// Builds rows of one table by column name into its RowStore.
class Inserter {
  public:
    // A table not `filled` takes no rows: set and insert do nothing.
    Inserter(std::string_view table, size_t& skipped, bool filled = true)
        : store_(*find_table(table)), skipped_(skipped), filled_(filled) {
        if (filled_) row_.resize(store_.columns());
    }

    Inserter& set(std::string_view column, Value v) {
        if (!filled_) return *this;
        // The columns are mostly set in their order: try the next one first
        // (a search by name for every value was 5% of building the model).
        const auto& columns = store_.def().columns;
        const size_t i = next_ < columns.size() && columns[next_].name == column
                             ? next_
                             : store_.def().column(column);
        row_[i] = std::move(v);
        next_ = i + 1;
        return *this;
    }

    void insert() {
        if (!filled_) return;
        if (!store_.append(row_, RowStore::OnConflict::ignore)) ++skipped_;
        for (Value& v : row_) v = Value{};
        next_ = 0;
    }

    RowStore& store() { return store_; }

  private:
    RowStore store_;
    size_t& skipped_;
    bool filled_ = true;
    size_t next_ = 0;
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
    explicit Loader(const ModelInput& in) : in_(in), fx_(in.portfolio.settings) {}

    ModelRows run() {
        // What every account's figures need from the whole portfolio, before
        // the accounts are shared out among the threads.
        const size_t n = in_.portfolio.accounts.size();
        bool any_report = false;
        for (const ReportTableBuilder& b : report_table_builders())
            any_report = any_report || wanted(b.table);
        if (wanted("figures") || any_report)
            whole_ = compute_portfolio_metrics(in_.portfolio.accounts, in_.metrics,
                                               in_.portfolio.settings, in_.as_of);
        if (wanted("figures")) {
            key_.assign(n, false);
            for (const KeyAccountEntry& e : whole_->ranking) key_[e.account] = e.key;
            matrix_ = compute_matrix(in_.portfolio.accounts, in_.metrics, in_.portfolio.settings,
                                     in_.as_of);
            matrix_of_.assign(n, nullptr);
            for (const MatrixEntry& e : matrix_->entries) matrix_of_[e.account] = &e;
            lifetime_ = expected_lifetime_years(whole_->retention_pct,
                                                in_.portfolio.settings.policy.clv_max_years);
        }

        // Accounts in contiguous parts, each with its own rows; the findings
        // and each report table are a part of their own. Parts are merged in
        // order, so the rows do not depend on the threads.
        const unsigned jobs = std::max(1u, in_.jobs);
        const size_t per_part = std::max<size_t>(64, n / (4 * size_t{jobs}) + 1);
        const size_t account_parts = (n + per_part - 1) / per_part;
        const auto& builders = report_table_builders();
        const auto filled = [this](std::string_view name) { return wanted(name); };
        std::vector<std::unique_ptr<Part>> parts(account_parts + 1 + builders.size());
        // The report tables first: each is one long task.
        parallel_for(parts.size(), jobs, [&](size_t task) {
            const size_t p = (task + account_parts + 1) % parts.size();
            auto part = std::make_unique<Part>(filled);
            if (p < account_parts) {
                for (size_t i = p * per_part; i < std::min(n, (p + 1) * per_part); ++i)
                    account(part->tables, i);
            } else if (p == account_parts) {
                if (wanted("findings")) findings(part->tables);
            } else if (const ReportTableBuilder& b = builders[p - account_parts - 1];
                       wanted(b.table)) {
                part->reports.push_back(report_rows(b));
            }
            parts[p] = std::move(part);
        });

        ModelRows out;
        for (const TableDef& d : tables()) {
            if (d.kind != TableKind::table) continue;
            RowStore merged(d);
            for (auto& part : parts)
                if (RowStore* rows = part->find(d.name); rows && rows->rows() > 0)
                    merged.take(std::move(*rows));
            out.tables.push_back(std::move(merged));
        }
        for (const auto& part : parts) out.skipped += part->skipped;

        dictionary(*out.find_mutable("kam_tables"), *out.find_mutable("kam_columns"));
        meta(*out.find_mutable("kam_meta"), out.skipped);
        return out;
    }

  private:
    bool wanted(std::string_view table) const {
        return !in_.only || in_.only->count(std::string(table)) > 0;
    }

    // One Inserter for each table an account's or the findings' rows go to,
    // each with its name. The names are references into `all`, so find()
    // needs no second list.
    struct Tables {
        Tables(size_t& skipped, const std::function<bool(std::string_view)>& filled)
            : all(inserters(skipped, filled)) {}
        Tables(const Tables&) = delete;
        Tables& operator=(const Tables&) = delete;

      private:
        std::vector<Inserter> all;  // declared first: the names below refer into it

      public:
        Inserter& accounts = at("accounts");
        Inserter& team = at("team");
        Inserter& history = at("history");
        Inserter& objectives = at("objectives");
        Inserter& tags = at("tags");
        Inserter& people = at("people");
        Inserter& suppliers = at("suppliers");
        Inserter& client_competitors = at("client_competitors");
        Inserter& swot_items = at("swot_items");
        Inserter& goals = at("goals");
        Inserter& actions = at("actions");
        Inserter& competition = at("competition");
        Inserter& offerings = at("offerings");
        Inserter& risks = at("risks");
        Inserter& contracts = at("contracts");
        Inserter& slas = at("slas");
        Inserter& financials = at("financials");
        Inserter& scorecard = at("scorecard");
        Inserter& delivery_issues = at("delivery_issues");
        Inserter& opportunities = at("opportunities");
        Inserter& reviews = at("reviews");
        Inserter& review_attendees = at("review_attendees");
        Inserter& review_actions = at("review_actions");
        Inserter& surveys = at("surveys");
        Inserter& reference_visits = at("reference_visits");
        Inserter& findings = at("findings");
        Inserter& figures = at("figures");

        Inserter* find(std::string_view name) {
            for (Inserter& i : all)
                if (i.store().def().name == name) return &i;
            return nullptr;
        }

      private:
        // The tables kam fills from the portfolio: not the report tables
        // (each its own task) nor the dictionary and kam_meta.
        static std::vector<Inserter> inserters(
            size_t& skipped, const std::function<bool(std::string_view)>& filled) {
            std::vector<Inserter> out;
            for (const TableDef& d : tables())
                if (d.kind == TableKind::table && d.group != "reports" && d.group != "meta")
                    out.emplace_back(d.name, skipped, filled(d.name));
            return out;
        }
        Inserter& at(std::string_view name) {
            Inserter* i = find(name);
            if (!i) throw std::logic_error(fmt::format("no table {} to fill", name));
            return *i;
        }
    };

    // The rows one thread builds: some accounts', the findings or the reports'.
    struct Part {
        explicit Part(const std::function<bool(std::string_view)>& filled)
            : tables(skipped, filled) {}
        size_t skipped = 0;
        Tables tables;
        std::vector<RowStore> reports;
        RowStore* find(std::string_view name) {
            if (Inserter* i = tables.find(name)) return &i->store();
            for (RowStore& r : reports)
                if (r.def().name == name) return &r;
            return nullptr;
        }
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

        // The figures need the whole portfolio's (the key set, the matrix),
        // computed in run(): only when they are read.
        if (!wanted("figures")) return;
        std::vector<FigureValue> figures = figures_of(in_.metrics[index], in_.as_of, key_[index]);
        for (FigureValue& f : judgement_figures_of(a, in_.metrics[index], in_.portfolio.settings,
                                                   in_.as_of, matrix_of_[index], *lifetime_))
            figures.push_back(std::move(f));
        const std::string as_of = in_.as_of.to_string();
        for (FigureValue& f : figures) {
            t.figures.set("account", text_or_empty(a.slug))
                .set("figure", f.name)
                .set("value", std::move(f.value))
                .set("date_value", of(f.date))
                .set("unit", unit_of(f.name))
                .set("reason", of(f.reason))
                .set("as_of", std::string_view(as_of))
                .insert();
        }
    }

    static std::string_view unit_of(std::string_view figure) {
        static const std::unordered_map<std::string_view, std::string_view> k_units = [] {
            std::unordered_map<std::string_view, std::string_view> out;
            for (const FigureDef& d : figure_defs()) out.emplace(d.name, d.unit);
            return out;
        }();
        const auto it = k_units.find(figure);
        if (it == k_units.end())
            throw std::logic_error(fmt::format("figure {} is not in figure_defs()", figure));
        return it->second;
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
                .set("rule", std::string(rule_id(d.rule)))
                .set("account", of(d.account))
                .set("file", of(d.path))
                .set("line", int64_t{d.line})
                .set("column", int64_t{d.column})
                .set("message", of(d.message))
                .set("hint", of(d.hint))
                .insert();
        }
    }

    // The rows of one report_* table, from its report as `kam <report>` builds it.
    RowStore report_rows(const ReportTableBuilder& builder) const {
        std::vector<size_t> all(in_.portfolio.accounts.size());
        for (size_t i = 0; i < all.size(); ++i) all[i] = i;
        const ReportInput input{in_.portfolio.settings, in_.as_of, in_.portfolio.accounts,
                                in_.metrics, all};
        std::vector<Alert> alerts;
        if (builder.table == "report_summary")
            alerts = compute_alerts(in_.portfolio.accounts, in_.metrics, all, whole_->ranking,
                                    in_.portfolio.settings, in_.as_of);
        const Report report = builder.build(input, *whole_, alerts);
        RowStore rows(*find_table(builder.table));
        const auto* table = std::get_if<Table>(&report.blocks.at(report.csv_block));
        if (!table) return rows;
        std::vector<size_t> keep;
        for (size_t i = 0; i < table->columns.size(); ++i)
            if (!table->columns[i].human_only) keep.push_back(i);
        std::vector<Cell> scratch;
        std::vector<Value> values(keep.size());
        for (size_t ri = 0; ri < table->row_count(); ++ri) {
            const std::vector<Cell>& row = table->row(ri, scratch);
            for (size_t i = 0; i < keep.size(); ++i) {
                // As the report's CSV writes it (plain_text), the column's
                // affinity making numbers of the numeric ones.
                const Cell& c = row[keep[i]];
                switch (c.kind) {
                    case Cell::Kind::empty:
                        values[i] = Value{};
                        break;
                    case Cell::Kind::integer:
                    case Cell::Kind::money:
                        values[i] = c.number;
                        break;
                    case Cell::Kind::text:
                    case Cell::Kind::date:
                        values[i].emplace<std::string_view>(c.text);
                        break;
                    case Cell::Kind::boolean:
                        values[i].emplace<std::string_view>(c.number ? "true" : "false");
                        break;
                    case Cell::Kind::fixed:
                        values[i] = plain_text(c);
                        break;
                }
            }
            rows.append(values, RowStore::OnConflict::fail);
        }
        return rows;
    }

    static void dictionary(RowStore& table_rows, RowStore& column_rows) {
        for (const TableDef& d : tables()) {
            std::string key;
            for (const std::string_view k : d.primary_key)
                key += (key.empty() ? "" : ",") + std::string(k);
            table_rows.append(
                {d.name, std::string_view(d.kind == TableKind::view ? "view" : "table"),
                 d.description, key.empty() ? Value{} : Value{key}},
                RowStore::OnConflict::fail);
            int64_t n = 0;
            for (const ColumnDef& col : d.columns)
                column_rows.append({d.name, ++n, col.name, type_name(col.type),
                                    col.unit.empty() ? Value{} : Value{col.unit}, col.description},
                                   RowStore::OnConflict::fail);
        }
    }

    void meta(RowStore& rows, size_t skipped) const {
        const auto put = [&](std::string_view key, const std::string& value) {
            rows.append({key, value.empty() ? Value{} : Value{value}}, RowStore::OnConflict::fail);
        };
        put("schema_version", std::to_string(k_schema_version));
        put("kam_version", KAM_VERSION);
        put("as_of", in_.as_of.to_string());
        put("portfolio", in_.portfolio.settings.name);
        put("base_currency", in_.portfolio.settings.currency);
        put("git_commit", in_.git_commit);
        put("rows_skipped", std::to_string(skipped));
    }

    const ModelInput& in_;
    Converter fx_;
    // Computed in run() before the threads start, then only read.
    std::optional<PortfolioMetrics> whole_;
    std::optional<PortfolioMatrix> matrix_;
    std::vector<const MatrixEntry*> matrix_of_;  // by account index; null when not placed
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

const RowStore* ModelRows::find(std::string_view name) const {
    for (const RowStore& t : tables)
        if (t.def().name == name) return &t;
    return nullptr;
}

RowStore* ModelRows::find_mutable(std::string_view name) {
    for (RowStore& t : tables)
        if (t.def().name == name) return &t;
    return nullptr;
}

ModelRows build_model_rows(const ModelInput& in) {
    return Loader(in).run();
}

void write_model(Database& db, const ModelRows& rows) {
    // Built in one transaction into a fresh database: no rollback journal needed.
    db.exec("PRAGMA journal_mode = OFF");
    for (const std::string& s : schema_statements()) db.exec(s);
    db.exec("BEGIN");
    for (const RowStore& t : rows.tables) {
        std::string sql = fmt::format("INSERT INTO \"{}\" VALUES (", t.def().name);
        for (size_t i = 0; i < t.columns(); ++i) sql += i ? ", ?" : "?";
        Statement s = db.prepare(sql + ")");
        for (size_t r = 0; r < t.rows(); ++r) {
            for (size_t c = 0; c < t.columns(); ++c) {
                const StoredValue& v = t.at(r, c);
                const int at = static_cast<int>(c + 1);
                switch (v.kind) {
                    case StoredValue::Kind::null:
                        s.bind_null(at);
                        break;
                    case StoredValue::Kind::integer:
                        s.bind_int(at, v.integer);
                        break;
                    case StoredValue::Kind::real:
                        s.bind_double(at, v.real);
                        break;
                    case StoredValue::Kind::text:
                        // The rows outlive the statement.
                        s.bind_text_in_place(at, std::string_view(v.text, v.size));
                        break;
                }
            }
            try {
                s.step();
            } catch (const SqlError& e) {
                // The store refuses what the table would: a failure here is a bug.
                throw SqlError(fmt::format("loading {}: {}", t.def().name, e.what()));
            }
            s.reset_for_rebinding();
        }
    }
    db.exec("COMMIT");
}

void load_model(Database& db, const ModelInput& in) {
    write_model(db, build_model_rows(in));
}

std::shared_ptr<const ModelRows> load_model_virtual(Database& db, const ModelInput& in) {
    auto rows = std::make_shared<const ModelRows>(build_model_rows(in));
    open_virtual_model(db, rows);
    return rows;
}

void open_virtual_model(Database& db, std::shared_ptr<const ModelRows> rows) {
    create_virtual_tables(db, std::move(rows));
    for (const TableDef& t : tables())
        if (t.kind == TableKind::view) db.exec(create_statement(t));
}

}  // namespace kam::sql
