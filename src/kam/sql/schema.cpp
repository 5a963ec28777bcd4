// The definitions of schema version 1. To add a column: append it to its
// table here, fill it in sql/load.cpp, regenerate man/kam-tables.7
// (KAM_UPDATE_GOLDEN=1 build/tests/kam_unit_tests -tc='kam-tables*').
#include "kam/sql/schema.hpp"

#include <fmt/format.h>

#include <deque>
#include <stdexcept>

#include "kam/metrics/named_figures.hpp"
#include "report_tables.hpp"

namespace kam::sql {

std::string_view sqlite_type(ColumnType t) {
    switch (t) {
        case ColumnType::text:
            return "TEXT";
        case ColumnType::integer:
        case ColumnType::cents:
            return "INTEGER";
        case ColumnType::real:
            return "REAL";
        case ColumnType::date:
            return "DATE";
        case ColumnType::boolean:
            return "BOOLEAN";
        case ColumnType::numeric:
            return "NUMERIC";
    }
    return "TEXT";
}

std::string_view duckdb_type(ColumnType t) {
    switch (t) {
        case ColumnType::text:
            return "VARCHAR";
        case ColumnType::integer:
        case ColumnType::cents:
            return "BIGINT";
        case ColumnType::real:
        case ColumnType::numeric:
            return "DOUBLE";
        case ColumnType::date:
            return "DATE";
        case ColumnType::boolean:
            return "BOOLEAN";
    }
    return "VARCHAR";
}

std::string_view postgres_type(ColumnType t) {
    switch (t) {
        case ColumnType::text:
            return "text";
        case ColumnType::integer:
        case ColumnType::cents:
            return "bigint";
        case ColumnType::real:
            return "double precision";
        case ColumnType::numeric:
            return "numeric";
        case ColumnType::date:
            return "date";
        case ColumnType::boolean:
            return "boolean";
    }
    return "text";
}

std::string_view type_name(ColumnType t) {
    switch (t) {
        case ColumnType::text:
            return "text";
        case ColumnType::integer:
            return "integer";
        case ColumnType::real:
            return "real";
        case ColumnType::date:
            return "date";
        case ColumnType::boolean:
            return "boolean";
        case ColumnType::cents:
            return "cents";
        case ColumnType::numeric:
            return "numeric";
    }
    return "text";
}

size_t TableDef::column(std::string_view n) const {
    for (size_t i = 0; i < columns.size(); ++i)
        if (columns[i].name == n) return i;
    throw std::logic_error(fmt::format("table {} has no column {}", name, n));
}

namespace {

using C = ColumnDef;
using T = ColumnType;

C key_account() {
    return {"account", T::text, "", "the account's slug (its folder name)", true};
}
C position(std::string_view of) {
    return {"position", T::integer, "", of, true};
}
C source_file() {
    return {"source_file", T::text, "", "the file the row was read from, as kam validate names it",
            true};
}
C source_line() {
    return {"source_line", T::integer, "",
            "the line of the record in source_file (NULL where the model keeps no position)",
            false};
}
C text(std::string_view n, std::string_view d, bool not_null = false) {
    return {n, T::text, "", d, not_null};
}
C date(std::string_view n, std::string_view d) {
    return {n, T::date, "", d, false};
}
C integer(std::string_view n, std::string_view unit, std::string_view d) {
    return {n, T::integer, unit, d, false};
}
C real(std::string_view n, std::string_view unit, std::string_view d) {
    return {n, T::real, unit, d, false};
}
C boolean(std::string_view n, std::string_view d) {
    return {n, T::boolean, "", d, false};
}
C cents(std::string_view n, std::string_view d) {
    return {n, T::cents, "cents", d, false};
}
C currency(std::string_view d) {
    return {"currency", T::text, "currency", d, false};
}

ForeignKey to_account() {
    return {{"account"}, "accounts", {"account"}};
}

std::vector<TableDef> make_tables() {
    std::vector<TableDef> t;
    t.push_back(
        {"accounts",
         "One row per account folder: the cover sheet (account.yaml), the client profile's "
         "scalars (profile.yaml) and the blueprint's strategy (blueprint.yaml).",
         {key_account(),
          text("name", "the client's name"),
          text("status", "prospect, onboarding, active, at-risk, dormant or lost"),
          text("tier", "key, strategic, growth, maintain or transactional"),
          text("manager", "the account manager"),
          text("relationship", "intense, moderate or arms-length"),
          date("client_since", "first day as a client"),
          date("lost_on", "the day the account was lost"),
          {"currency", T::text, "currency",
           "the account's own currency as written (NULL: the base currency)", false},
          text("mission", "the mission statement"),
          text("background", "background and history in prose"),
          text("overview", "client overview"),
          text("position_current", "position.current"),
          text("position_scope", "position.scope"),
          text("growth_potential", "low, medium or high"),
          text("replaceability", "low, medium or high"),
          text("industry", "profile.yaml industry"),
          text("market", "profile.yaml market"),
          text("business", "profile.yaml business"),
          text("headquarters", "profile.yaml headquarters"),
          text("structure", "profile.yaml structure"),
          integer("employees", "", "profile.yaml employees"),
          cents("client_revenue_cents",
                "profile.yaml annual_revenue: the client's own revenue, in the account's "
                "currency"),
          text("procurement_process", "profile.yaml procurement.process"),
          text("procurement_framework", "profile.yaml procurement.framework"),
          boolean("preferred_supplier", "profile.yaml procurement.preferred_supplier"),
          integer("payment_terms_days", "days", "profile.yaml procurement.payment_terms_days"),
          date("next_tender", "profile.yaml procurement.next_tender"),
          date("swot_updated", "swot.yaml updated"),
          text("strategy", "blueprint.yaml strategy"),
          date("horizon", "blueprint.yaml horizon: end of the plan"),
          boolean("has_errors", "kam validate reports an error for this account"),
          text("files", "the section files present, comma-separated (account,profile,...)"),
          source_file(),
          source_line()},
         {"account"},
         {},
         TableKind::table,
         "data"});
    t.push_back({"team",
                 "Our account team (account.yaml team).",
                 {key_account(), position("1-based order in the file"), text("name", "name", true),
                  text("role", "role"), source_file(), source_line()},
                 {"account", "position"},
                 {to_account()},
                 TableKind::table,
                 "data"});
    t.push_back({"history",
                 "Events of the account's history (account.yaml history).",
                 {key_account(), position("1-based order in the file"), date("date", "the day"),
                  text("event", "what happened"), source_file(), source_line()},
                 {"account", "position"},
                 {to_account()},
                 TableKind::table,
                 "data"});
    t.push_back({"objectives",
                 "The account's objectives (account.yaml position.objectives).",
                 {key_account(), position("1-based order in the file"),
                  text("objective", "the objective", true), source_file(), source_line()},
                 {"account", "position"},
                 {to_account()},
                 TableKind::table,
                 "data"});
    t.push_back({"tags",
                 "The account's tags (account.yaml tags).",
                 {key_account(), position("1-based order in the file"),
                  text("tag", "the tag", true), source_file(), source_line()},
                 {"account", "position"},
                 {to_account()},
                 TableKind::table,
                 "data"});
    t.push_back({"people",
                 "Contacts at the client (profile.yaml people).",
                 {key_account(), text("id", "the person's id", true), text("name", "name"),
                  text("title", "job title"),
                  text("role", "decision-maker, influencer, user, gatekeeper or champion"),
                  text("relationship", "strong, good, neutral, weak or hostile"),
                  text("owner", "who on our side owns the relationship"), text("email", "e-mail"),
                  text("phone", "phone"), text("notes", "notes"),
                  date("last_contact", "the last time we spoke"),
                  date("left_on", "the day they left the client"),
                  boolean("current", "still at the client on the as-of day (not left)"),
                  source_file(), source_line()},
                 {"account", "id"},
                 {to_account()},
                 TableKind::table,
                 "data"});
    t.push_back({"suppliers",
                 "The client's other suppliers (profile.yaml suppliers).",
                 {key_account(), position("1-based order in the file"), text("name", "supplier"),
                  text("scope", "what they supply"),
                  real("share_pct", "pct", "their share of the client's spend"), source_file(),
                  source_line()},
                 {"account", "position"},
                 {to_account()},
                 TableKind::table,
                 "data"});
    t.push_back({"client_competitors",
                 "The client's own competitors (profile.yaml competitors).",
                 {key_account(), position("1-based order in the file"), text("name", "competitor"),
                  text("notes", "notes"), source_file(), source_line()},
                 {"account", "position"},
                 {to_account()},
                 TableKind::table,
                 "data"});
    t.push_back(
        {"swot_items",
         "SWOT items (swot.yaml).",
         {key_account(), text("quadrant", "strength, weakness, opportunity or threat", true),
          position("1-based order within the quadrant"), text("text", "the item"),
          text("impact", "low, medium or high"), source_file(), source_line()},
         {"account", "quadrant", "position"},
         {to_account()},
         TableKind::table,
         "data"});
    t.push_back({"goals",
                 "Goals and targets (blueprint.yaml goals).",
                 {key_account(), text("id", "the goal's id", true), text("title", "title"),
                  text("status", "not-started, on-track, at-risk, achieved or missed"),
                  text("metric", "what is measured"), text("unit", "its unit"),
                  real("target", "unit", "the target"), real("actual", "unit", "the actual value"),
                  date("due", "due day"), text("owner", "owner"), source_file(), source_line()},
                 {"account", "id"},
                 {to_account()},
                 TableKind::table,
                 "data"});
    t.push_back(
        {"actions",
         "Actions of the blueprint (blueprint.yaml actions).",
         {key_account(), text("id", "the action's id", true), text("title", "title"),
          text("status", "open, done or cancelled"), text("owner", "owner"), date("due", "due day"),
          text("goal", "the goal it serves (goals.id)"), source_file(), source_line()},
         {"account", "id"},
         {to_account(), {{"account", "goal"}, "goals", {"account", "id"}}},
         TableKind::table,
         "data"});
    t.push_back(
        {"competition",
         "Our competitors inside the account (blueprint.yaml competition).",
         {key_account(), position("1-based order in the file"), text("name", "competitor"),
          text("market_position", "their position (the file's `position`)"),
          text("threat", "low, medium or high"),
          real("share_pct", "pct", "their share of the account"), source_file(), source_line()},
         {"account", "position"},
         {to_account()},
         TableKind::table,
         "data"});
    t.push_back({"offerings",
                 "Product selection (blueprint.yaml offerings).",
                 {key_account(), position("1-based order in the file"), text("name", "offering"),
                  text("stage", "current, proposed, planned or retired"), text("notes", "notes"),
                  source_file(), source_line()},
                 {"account", "position"},
                 {to_account()},
                 TableKind::table,
                 "data"});
    t.push_back(
        {"risks",
         "The risk register (risks.yaml).",
         {key_account(), text("id", "the risk's id", true), text("title", "title"),
          text("status", "open, mitigating, accepted or closed"), text("category", "category"),
          integer("likelihood", "1-5", "likelihood (0 when invalid)"),
          integer("impact", "1-5", "impact (0 when invalid)"),
          integer("score", "1-25", "likelihood x impact"),
          text("band", "low, medium, high or critical, by score"), boolean("live", "not closed"),
          text("owner", "owner"), text("mitigation", "mitigation"), date("raised", "day raised"),
          date("review", "next review day"),
          text("contract", "the contract it concerns (contracts.id)"), source_file(),
          source_line()},
         {"account", "id"},
         {to_account(), {{"account", "contract"}, "contracts", {"account", "id"}}},
         TableKind::table,
         "data"});
    t.push_back(
        {"contracts",
         "Contracts (contracts.yaml).",
         {key_account(), text("id", "the contract's id", true), text("title", "title"),
          text("status", "draft, active, renewing, expired or terminated"), text("type", "type"),
          text("owner", "owner"), date("start", "first day"), date("end", "last day"),
          cents("annual_value_cents", "annual value in `currency`"),
          currency(
              "the currency of the amounts (the contract's, else the account's, else the base)"),
          cents("annual_value_base_cents",
                "annual value in the base currency (NULL when there is no rate)"),
          integer("notice_days", "days", "notice period"), boolean("auto_renew", "renews itself"),
          date("notice_deadline", "end - notice_days"), source_file(), source_line(),
          // Added within schema version 1, so at the end (kam-tables(7)).
          integer("renewal_term_months", "months",
                  "the term an auto-renewing contract rolls forward by, as written"),
          date("current_end",
               "the last day of the term in force on the as-of day: end, rolled forward "
               "term by term while auto_renew holds (NULL without end)")},
         {"account", "id"},
         {to_account()},
         TableKind::table,
         "data"});
    t.push_back(
        {"slas",
         "Service levels of the contracts (contracts.yaml slas).",
         {key_account(), text("contract", "the contract (contracts.id)", true),
          text("id", "the SLA's id", true), text("name", "name"),
          real("target", "unit", "the target"), real("actual", "unit", "the measured value"),
          text("unit", "unit"), text("better", "higher or lower"),
          boolean("breached", "actual is on the wrong side of target"), source_file(),
          source_line()},
         {"account", "contract", "id"},
         {to_account(), {{"account", "contract"}, "contracts", {"account", "id"}}},
         TableKind::table,
         "data"});
    t.push_back(
        {"financials",
         "Revenue and cost by period (performance.yaml financials).",
         {key_account(), text("period", "YYYY, YYYY-Qn or YYYY-MM, as written", true),
          text("period_kind", "year, quarter or month"), integer("period_year", "", "the year"),
          integer("period_index", "", "quarter 1-4 or month 1-12; 0 for a year"),
          cents("revenue_cents", "revenue in `currency`"),
          cents("cost_cents", "cost in `currency`"), currency("the currency of the amounts"),
          cents("revenue_base_cents", "revenue in the base currency"),
          cents("cost_base_cents", "cost in the base currency"), source_file(), source_line()},
         {"account", "period"},
         {to_account()},
         TableKind::table,
         "data"});
    t.push_back({"scorecard",
                 "Balanced scorecard measures (performance.yaml scorecard).",
                 {key_account(), position("1-based order in the file"),
                  text("perspective", "financial, customer, internal or learning"),
                  text("measure", "measure"), real("target", "unit", "target"),
                  real("actual", "unit", "actual"), text("unit", "unit"),
                  text("better", "higher or lower"), source_file(), source_line()},
                 {"account", "position"},
                 {to_account()},
                 TableKind::table,
                 "data"});
    t.push_back(
        {"delivery_issues",
         "Delivery issues (performance.yaml issues).",
         {key_account(), text("id", "the issue's id", true), text("title", "title"),
          text("severity", "low, medium, high or critical"), text("status", "open or resolved"),
          date("opened", "day opened"), date("resolved_on", "day resolved"), text("owner", "owner"),
          source_file(), source_line()},
         {"account", "id"},
         {to_account()},
         TableKind::table,
         "data"});
    t.push_back(
        {"opportunities",
         "Opportunities, orders won and lost (sales.yaml).",
         {key_account(),
          text("id", "the opportunity's id", true),
          text("title", "title"),
          text("stage", "lead, qualified, proposal, negotiation, won or lost"),
          cents("value_cents", "value in `currency`"),
          currency("the currency of the value"),
          cents("value_base_cents", "value in the base currency"),
          real("probability_pct", "pct", "probability as written"),
          real("effective_probability_pct", "pct",
               "the probability the pipeline uses (as written, else the stage's default)"),
          cents("weighted_value_cents",
                "value_base_cents x effective probability, rounded to cents, for open stages "
                "(the terms of weighted_pipeline); NULL otherwise"),
          boolean("open", "in an open stage (lead to negotiation)"),
          date("close", "close day"),
          text("owner", "owner"),
          text("contact", "the client contact (people.id)"),
          text("offering", "offering"),
          text("proposition", "proposition"),
          text("pricing", "pricing"),
          text("lost_reason", "why it was lost"),
          boolean("budget", "BANT: budget"),
          boolean("authority", "BANT: authority"),
          boolean("need", "BANT: need"),
          boolean("timeline", "BANT: timeline"),
          source_file(),
          source_line()},
         {"account", "id"},
         {to_account(), {{"account", "contact"}, "people", {"account", "id"}}},
         TableKind::table,
         "data"});
    t.push_back({"reviews",
                 "Progress reviews with the client (reviews.yaml reviews).",
                 {key_account(), position("1-based order in the file"), date("date", "the day"),
                  text("type", "qbr, annual, executive or ad-hoc"), text("summary", "summary"),
                  date("next", "the next review"), source_file(), source_line()},
                 {"account", "position"},
                 {to_account()},
                 TableKind::table,
                 "data"});
    t.push_back({"review_attendees",
                 "Who attended a review (reviews.yaml reviews[].attendees).",
                 {key_account(), integer("review", "", "the review (reviews.position)"),
                  position("1-based order in the list"), text("attendee", "name", true),
                  source_file(), source_line()},
                 {"account", "review", "position"},
                 {{{"account", "review"}, "reviews", {"account", "position"}}},
                 TableKind::table,
                 "data"});
    t.push_back({"review_actions",
                 "Actions agreed at a review (reviews.yaml reviews[].actions).",
                 {key_account(), integer("review", "", "the review (reviews.position)"),
                  position("1-based order in the list"), text("action", "the action", true),
                  source_file(), source_line()},
                 {"account", "review", "position"},
                 {{{"account", "review"}, "reviews", {"account", "position"}}},
                 TableKind::table,
                 "data"});
    t.push_back(
        {"surveys",
         "Satisfaction surveys (reviews.yaml surveys).",
         {key_account(), position("1-based order in the file"), date("date", "the day"),
          text("respondent", "who answered (people.id)"),
          integer("nps", "0-10", "likelihood to recommend"), real("csat", "1-5", "satisfaction"),
          text("comment", "comment"), source_file(), source_line()},
         {"account", "position"},
         {to_account(), {{"account", "respondent"}, "people", {"account", "id"}}},
         TableKind::table,
         "data"});
    t.push_back(
        {"reference_visits",
         "Reference-site visits (reviews.yaml references).",
         {key_account(), position("1-based order in the file"), date("date", "the day"),
          text("visitor", "who visited"), text("outcome", "outcome"), source_file(), source_line()},
         {"account", "position"},
         {to_account()},
         TableKind::table,
         "data"});
    t.push_back(
        {"findings",
         "Exactly what kam validate reports, in its order.",
         {position("1-based order of kam validate's output"),
          text("severity", "error, warning or info", true),
          text("rule", "the rule id", true),
          {"account", T::text, "", "the account it concerns (NULL for the portfolio)", false},
          text("file", "the file, as kam validate names it"),
          integer("line", "", "1-based line"),
          integer("column", "", "1-based column"),
          text("message", "the message"),
          text("hint", "a hint, or NULL")},
         {"position"},
         {},
         TableKind::table,
         "figures"});
    t.push_back(
        {"figures",
         "Every per-account figure of kam-metrics(7), long form: one row per account and "
         "figure, with the reason when it cannot be computed.",
         {key_account(),
          text("figure", "the figure's name (kam-metrics(7))", true),
          {"value", T::numeric, "unit",
           "the value: cents for money, a number for percentages, scores and days; NULL for a "
           "date or when it cannot be computed",
           false},
          date("date_value", "the value of a date figure"),
          text("unit", "cents, pct, score, days, count, date or flag"),
          text("reason", "why there is no value"),
          date("as_of", "the as-of day")},
         {"account", "figure"},
         {to_account()},
         TableKind::table,
         "figures"});
    TableDef wide{"account_figures",
                  "The figures, one row per account and one column per figure, with the "
                  "account's tier, status and manager; money columns in cents (_cents).",
                  {key_account(), text("name", "the account's name"), text("tier", "tier"),
                   text("status", "status"), text("manager", "manager")},
                  {"account"},
                  {},
                  TableKind::view,
                  "figures"};
    for (const FigureDef& f : figure_defs())
        wide.columns.push_back({f.name, f.type, f.unit, f.description, false});
    t.push_back(std::move(wide));
    for (const TableDef& r : report_table_defs()) t.push_back(r);
    t.push_back({"kam_meta",
                 "What this database was built from.",
                 {text("key",
                       "schema_version, kam_version, as_of, portfolio, base_currency, "
                       "git_commit, rows_skipped",
                       true),
                  text("value", "its value")},
                 {"key"},
                 {},
                 TableKind::table,
                 "meta"});
    t.push_back({"kam_tables",
                 "The data dictionary: every table and view.",
                 {text("name", "table or view", true), text("kind", "table or view"),
                  text("description", "what a row is"),
                  text("primary_key", "its key columns, comma-separated (the export's row order)")},
                 {"name"},
                 {},
                 TableKind::table,
                 "meta"});
    t.push_back({"kam_columns",
                 "The data dictionary: every column of every table and view, in order.",
                 {text("table_name", "the table", true), position("1-based column order"),
                  text("name", "the column", true),
                  text("type", "text, integer, real, date, boolean, cents or numeric"),
                  text("unit", "cents, currency, pct, days... or NULL"),
                  text("description", "what it holds")},
                 {"table_name", "position"},
                 {},
                 TableKind::table,
                 "meta"});
    return t;
}

}  // namespace

const std::vector<FigureDef>& figure_defs() {
    // The figures' one home is metrics/named_figures; here they only get a column type.
    static const std::vector<FigureDef> k_figures = [] {
        std::vector<FigureDef> out;
        for (const NamedFigure& f : named_figures()) {
            ColumnType type = T::real;
            switch (f.kind) {
                case FigureKind::money:
                    type = T::cents;
                    break;
                case FigureKind::decimal:
                    type = T::real;
                    break;
                case FigureKind::whole:
                    type = T::integer;
                    break;
                case FigureKind::date:
                    type = T::date;
                    break;
                case FigureKind::flag:
                    type = T::boolean;
                    break;
            }
            out.push_back({f.name, type, f.unit, f.description});
        }
        // The judgement figures (kam-metrics(7), JUDGEMENT FIGURES): of an
        // account within its portfolio, computed by the loader from metrics/.
        const std::vector<FigureDef> judgement = {
            {"attractiveness", T::integer, "score", "portfolio matrix: attractiveness 0-100"},
            {"strength", T::integer, "score", "portfolio matrix: relative strength 0-100"},
            {"annual_margin_cents", T::cents, "cents", "revenue - cost of the fiscal year"},
            {"historical_margin_cents", T::cents, "cents", "margin over the fiscal years on file"},
            {"forward_value_cents", T::cents, "cents",
             "annual margin discounted over the expected lifetime"},
            {"clv_cents", T::cents, "cents", "client lifetime value: historical + forward"},
            {"fix_or_trim", T::boolean, "flag", "margin_pct below policy.min_margin_pct"},
            {"relationship_mismatch", T::boolean, "flag",
             "the relationship written differs from the one value and margin suggest"},
            {"single_threaded", T::boolean, "flag",
             "the relationships that carry the account run through one person"},
            {"pipeline_ratio_pct", T::real, "pct", "weighted pipeline / annual revenue"},
        };
        out.insert(out.end(), judgement.begin(), judgement.end());
        return out;
    }();
    return k_figures;
}

const std::vector<TableDef>& tables() {
    static const std::vector<TableDef> k_tables = make_tables();
    return k_tables;
}

const TableDef* find_table(std::string_view name) {
    for (const TableDef& t : tables())
        if (t.name == name) return &t;
    return nullptr;
}

namespace {

std::string quoted(std::string_view name) {
    return fmt::format("\"{}\"", name);
}

std::string quoted_joined(const std::vector<std::string_view>& names) {
    std::string out;
    for (size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + quoted(names[i]);
    return out;
}

std::string account_figures_select(const TableDef& view) {
    std::string out = "SELECT a.account, a.name, a.tier, a.status, a.manager";
    for (size_t i = 5; i < view.columns.size(); ++i) {
        const ColumnDef& c = view.columns[i];
        const bool is_date = c.type == ColumnType::date;
        out += fmt::format(", max(CASE WHEN f.figure = '{}' THEN f.{} END) AS {}", c.name,
                           is_date ? "date_value" : "value", quoted(c.name));
    }
    out +=
        " FROM accounts a LEFT JOIN figures f ON f.account = a.account GROUP BY a.account, "
        "a.name, a.tier, a.status, a.manager "
        "ORDER BY a.account";
    return out;
}

}  // namespace

std::string create_statement(const TableDef& t) {
    if (t.kind == TableKind::view) {
        if (t.name == "account_figures")
            return fmt::format("CREATE VIEW {} AS {}", quoted(t.name), account_figures_select(t));
        throw std::logic_error(fmt::format("no view text for {}", t.name));
    }
    std::string out = fmt::format("CREATE TABLE {} (", quoted(t.name));
    for (size_t i = 0; i < t.columns.size(); ++i) {
        const ColumnDef& c = t.columns[i];
        out += fmt::format("{}\n  {} {}", i ? "," : "", quoted(c.name), sqlite_type(c.type));
        if (c.not_null) out += " NOT NULL";
        const std::string q = quoted(c.name);
        if (c.type == ColumnType::date)
            out += fmt::format(
                " CHECK ({0} IS NULL OR (typeof({0}) = 'text' AND date(julianday({0})) IS {0}))",
                q);
        else if (c.type == ColumnType::boolean)
            out += fmt::format(" CHECK ({0} IS NULL OR {0} IN (0, 1))", q);
        else if (c.type == ColumnType::integer || c.type == ColumnType::cents)
            out += fmt::format(" CHECK ({0} IS NULL OR typeof({0}) = 'integer')", q);
    }
    if (!t.primary_key.empty())
        out += fmt::format(",\n  PRIMARY KEY ({})", quoted_joined(t.primary_key));
    for (const ForeignKey& fk : t.foreign_keys)
        out += fmt::format(",\n  FOREIGN KEY ({}) REFERENCES {} ({})", quoted_joined(fk.columns),
                           quoted(fk.table), quoted_joined(fk.references));
    return out + "\n)";
}

}  // namespace kam::sql
