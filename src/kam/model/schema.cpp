#include "kam/model/schema.hpp"

#include <array>
#include <string>
#include <utility>

#include "kam/util/spell.hpp"

namespace kam {

namespace {

using T = FieldType;
using SV = std::string_view;
constexpr double k_no_limit = std::numeric_limits<double>::infinity();

// --- enumerations ----------------------------------------------------------
constexpr std::array<SV, 6> k_status{"prospect", "onboarding", "active",
                                     "at-risk",  "dormant",    "lost"};
constexpr std::array<SV, 5> k_tier{"key", "strategic", "growth", "maintain", "transactional"};
constexpr std::array<SV, 3> k_relationship_type{"intense", "moderate", "arms-length"};
constexpr std::array<SV, 3> k_level{"low", "medium", "high"};
constexpr std::array<SV, 6> k_person_role{"decision-maker", "influencer", "champion",
                                          "user",           "gatekeeper", "blocker"};
constexpr std::array<SV, 5> k_person_relationship{"strong", "good", "neutral", "weak", "hostile"};
constexpr std::array<SV, 6> k_goal_status{"not-started", "on-track", "at-risk",
                                          "off-track",   "achieved", "dropped"};
constexpr std::array<SV, 3> k_action_status{"open", "done", "cancelled"};
constexpr std::array<SV, 4> k_offering_stage{"current", "proposed", "planned", "retired"};
constexpr std::array<SV, 4> k_risk_status{"open", "mitigating", "accepted", "closed"};
constexpr std::array<SV, 7> k_risk_category{"relationship", "delivery", "commercial", "financial",
                                            "competitive",  "legal",    "other"};
constexpr std::array<SV, 5> k_contract_status{"draft", "active", "renewing", "expired",
                                              "terminated"};
constexpr std::array<SV, 8> k_contract_type{"msa",     "sow",       "license", "subscription",
                                            "support", "framework", "nda",     "other"};
constexpr std::array<SV, 2> k_better{"higher", "lower"};
constexpr std::array<SV, 4> k_perspective{"financial", "customer", "internal", "learning"};
constexpr std::array<SV, 4> k_issue_severity{"low", "medium", "high", "critical"};
constexpr std::array<SV, 2> k_issue_status{"open", "resolved"};
constexpr std::array<SV, 6> k_opportunity_stage{"lead",        "qualified", "proposal",
                                                "negotiation", "won",       "lost"};
constexpr std::array<SV, 4> k_review_type{"qbr", "annual", "executive", "ad-hoc"};
constexpr std::array<SV, 4> k_rule_severity{"error", "warning", "info", "off"};

constexpr FieldSpec text(SV key, SV description, bool required = false) {
    return FieldSpec{.key = key, .type = T::text, .required = required, .description = description};
}
constexpr FieldSpec typed(SV key, T type, SV description, bool required = false) {
    return FieldSpec{.key = key, .type = type, .required = required, .description = description};
}
template <size_t N>
constexpr FieldSpec one_of(SV key, const std::array<SV, N>& values, SV description,
                           bool required = false) {
    return FieldSpec{.key = key,
                     .type = T::enumeration,
                     .required = required,
                     .values = values,
                     .description = description};
}
constexpr FieldSpec ranged(SV key, T type, double min, double max, SV description,
                           bool required = false) {
    return FieldSpec{.key = key,
                     .type = type,
                     .required = required,
                     .min = min,
                     .max = max,
                     .description = description};
}
constexpr FieldSpec nested(SV key, T type, const Schema& schema, SV description,
                           bool required = false) {
    return FieldSpec{.key = key,
                     .type = type,
                     .required = required,
                     .schema = &schema,
                     .description = description};
}
constexpr FieldSpec ref(SV key, SV target, SV description) {
    return FieldSpec{.key = key, .type = T::ref, .ref_target = target, .description = description};
}
constexpr FieldSpec at_least(SV key, T type, double min, SV description) {
    return FieldSpec{.key = key, .type = type, .min = min, .description = description};
}
constexpr FieldSpec with_default(FieldSpec f, SV value) {
    f.default_value = value;
    return f;
}
constexpr FieldSpec id() {
    return FieldSpec{.key = "id",
                     .type = T::id,
                     .required = true,
                     .description = "identifier, unique in its list"};
}

// --- account.yaml ------------------------------------------------------------
constexpr FieldSpec k_team_fields[] = {
    text("name", "team member", true),
    text("role", "their role on the account"),
};
constexpr Schema k_team{"team member", k_team_fields};

constexpr FieldSpec k_history_fields[] = {
    typed("date", T::date, "when it happened", true),
    text("event", "what happened", true),
};
constexpr Schema k_history{"history event", k_history_fields};

constexpr FieldSpec k_position_fields[] = {
    text("current", "current position"),
    text("scope", "scope of the relationship"),
    typed("objectives", T::text_list, "objectives"),
};
constexpr Schema k_position{"position", k_position_fields};

constexpr FieldSpec k_account_fields[] = {
    text("name", "the client's name", true),
    one_of("status", k_status, "where the account stands", true),
    one_of("tier", k_tier, "how the account is managed", true),
    text("manager", "the account manager", true),
    nested("team", T::object_list, k_team, "the account team"),
    one_of("relationship", k_relationship_type, "the relationship type chosen for it"),
    typed("client_since", T::date, "first day as a client"),
    typed("lost_on", T::date, "day the account was lost (required when status is lost)"),
    typed("currency", T::currency, "default currency of this account's money"),
    text("mission", "the mission statement for the account"),
    text("background", "background and history in prose"),
    nested("history", T::object_list, k_history, "dated events"),
    text("overview", "client overview"),
    nested("position", T::object, k_position, "current position, scope and objectives"),
    one_of("growth_potential", k_level, "growth potential"),
    one_of("replaceability", k_level, "how easily the revenue could be replaced"),
    typed("share_of_wallet", T::percent,
          "our share of what the client spends on what we offer (optional; matrix strength)"),
    typed("tags", T::text_list, "free tags for filtering"),
};
constexpr Schema k_account{"account.yaml", k_account_fields, "the cover sheet"};

// --- profile.yaml --------------------------------------------------------------
constexpr FieldSpec k_person_fields[] = {
    id(),
    text("name", "full name", true),
    text("title", "job title"),
    one_of("role", k_person_role, "role in buying decisions"),
    one_of("relationship", k_person_relationship, "state of our relationship"),
    text("owner", "who on our side owns the contact"),
    text("email", "e-mail address"),
    text("phone", "phone number"),
    typed("last_contact", T::date, "last meaningful contact"),
    typed("left_on", T::date,
          "the day they left the client: out of coverage and contact checks, still referable"),
    text("notes", "notes"),
};
constexpr Schema k_person{"person", k_person_fields};

constexpr FieldSpec k_procurement_fields[] = {
    text("process", "how the client buys"),
    text("framework", "framework agreement in use"),
    typed("preferred_supplier", T::boolean, "are we a preferred supplier"),
    ranged("payment_terms_days", T::integer, 0, 3650, "payment terms in days (at most ten years)"),
    typed("next_tender", T::date, "next tender"),
};
constexpr Schema k_procurement{"procurement", k_procurement_fields};

constexpr FieldSpec k_supplier_fields[] = {
    text("name", "supplier", true),
    text("scope", "what they supply"),
    typed("share", T::percent, "share of the client's spend"),
};
constexpr Schema k_supplier{"supplier", k_supplier_fields};

constexpr FieldSpec k_client_competitor_fields[] = {
    text("name", "competitor of the client", true),
    text("notes", "notes"),
};
constexpr Schema k_client_competitor{"client competitor", k_client_competitor_fields};

constexpr FieldSpec k_profile_fields[] = {
    text("industry", "industry"),
    text("market", "market"),
    text("business", "business"),
    text("headquarters", "headquarters"),
    text("structure", "organisation structure"),
    ranged("employees", T::integer, 0, k_no_limit, "number of employees"),
    typed("annual_revenue", T::money, "the client's own revenue"),
    nested("people", T::object_list, k_person, "client contacts"),
    nested("procurement", T::object, k_procurement, "procurement"),
    nested("suppliers", T::object_list, k_supplier, "the client's other suppliers"),
    nested("competitors", T::object_list, k_client_competitor, "the client's own competition"),
};
constexpr Schema k_profile{"profile.yaml", k_profile_fields, "client profile"};

// --- swot.yaml -------------------------------------------------------------------
constexpr FieldSpec k_swot_item_fields[] = {
    text("text", "the point", true),
    one_of("impact", k_level, "how much it matters"),
};
constexpr Schema k_swot_item{"swot item", k_swot_item_fields};

constexpr FieldSpec k_swot_fields[] = {
    typed("updated", T::date, "last update"),
    typed("strengths", T::swot_list, "strengths"),
    typed("weaknesses", T::swot_list, "weaknesses"),
    typed("opportunities", T::swot_list, "opportunities"),
    typed("threats", T::swot_list, "threats"),
};
constexpr Schema k_swot{"swot.yaml", k_swot_fields, "SWOT analysis"};

// --- blueprint.yaml ------------------------------------------------------------
constexpr FieldSpec k_goal_fields[] = {
    id(),
    text("title", "the goal", true),
    one_of("status", k_goal_status, "progress", true),
    text("metric", "how it is measured"),
    typed("target", T::number, "target value"),
    typed("actual", T::number, "actual value"),
    text("unit", "unit of target and actual"),
    typed("due", T::date, "due date"),
    text("owner", "owner"),
};
constexpr Schema k_goal{"goal", k_goal_fields};

constexpr FieldSpec k_action_fields[] = {
    id(),
    text("title", "the action", true),
    one_of("status", k_action_status, "state", true),
    text("owner", "owner"),
    typed("due", T::date, "due date"),
    ref("goal", "goals", "the goal it serves"),
};
constexpr Schema k_action{"action", k_action_fields};

constexpr FieldSpec k_our_competitor_fields[] = {
    text("name", "competitor", true),
    text("position", "their position in the account"),
    one_of("threat", k_level, "threat they pose"),
    typed("share", T::percent, "their share of the account's spend"),
};
constexpr Schema k_our_competitor{"competitor", k_our_competitor_fields};

constexpr FieldSpec k_offering_fields[] = {
    text("name", "product or service", true),
    one_of("stage", k_offering_stage, "stage"),
    text("notes", "notes"),
};
constexpr Schema k_offering{"offering", k_offering_fields};

constexpr FieldSpec k_blueprint_fields[] = {
    text("strategy", "account strategy"),
    typed("horizon", T::date, "end of the plan"),
    nested("goals", T::object_list, k_goal, "goals and targets"),
    nested("actions", T::object_list, k_action, "actions"),
    nested("competition", T::object_list, k_our_competitor, "our competitors inside this account"),
    nested("offerings", T::object_list, k_offering, "product selection"),
};
constexpr Schema k_blueprint{"blueprint.yaml", k_blueprint_fields, "account blueprint"};

// --- risks.yaml ------------------------------------------------------------------
constexpr FieldSpec k_risk_fields[] = {
    id(),
    text("title", "the risk", true),
    ranged("likelihood", T::integer, 1, 5, "1 (rare) to 5 (almost certain)", true),
    ranged("impact", T::integer, 1, 5, "1 (minor) to 5 (severe)", true),
    one_of("status", k_risk_status, "state; a risk is live unless closed", true),
    one_of("category", k_risk_category, "kind of risk"),
    text("owner", "owner"),
    typed("raised", T::date, "when raised"),
    typed("review", T::date, "next review"),
    text("mitigation", "mitigation"),
    ref("contract", "contracts", "the contract it concerns"),
};
constexpr Schema k_risk{"risk", k_risk_fields};

constexpr FieldSpec k_risks_fields[] = {
    nested("risks", T::object_list, k_risk, "risk register"),
};
constexpr Schema k_risks{"risks.yaml", k_risks_fields, "risk register"};

// --- contracts.yaml --------------------------------------------------------------
constexpr FieldSpec k_sla_fields[] = {
    id(),
    text("name", "service level", true),
    FieldSpec{.key = "target", .type = T::number, .required = true, .description = "target"},
    typed("actual", T::number, "measured value"),
    text("unit", "unit"),
    with_default(one_of("better", k_better, "which direction is better (default higher)"),
                 "higher"),
};
constexpr Schema k_sla{"sla", k_sla_fields};

constexpr FieldSpec k_contract_fields[] = {
    id(),
    text("title", "the contract", true),
    one_of("status", k_contract_status, "state", true),
    typed("start", T::date, "first day", true),
    typed("end", T::date, "last day (absent: open-ended)"),
    one_of("type", k_contract_type, "kind of contract"),
    typed("annual_value", T::money, "annual contract value"),
    typed("currency", T::currency, "currency of annual_value"),
    ranged("notice_days", T::integer, 0, 36500, "notice period in days (at most 100 years)"),
    typed("auto_renew", T::boolean, "renews itself unless notice is given"),
    ranged("renewal_term_months", T::integer, 1, 1200,
           "months each automatic renewal adds (default 12)"),
    text("owner", "owner"),
    nested("slas", T::object_list, k_sla, "service levels"),
};
constexpr Schema k_contract{"contract", k_contract_fields};

constexpr FieldSpec k_contracts_fields[] = {
    nested("contracts", T::object_list, k_contract, "contracts and SLAs"),
};
constexpr Schema k_contracts{"contracts.yaml", k_contracts_fields, "contracts and SLAs"};

// --- performance.yaml ------------------------------------------------------------
constexpr FieldSpec k_financial_fields[] = {
    typed("period", T::period, "YYYY, YYYY-Qn or YYYY-MM; unique", true),
    typed("revenue", T::money, "revenue in the period", true),
    typed("cost", T::money, "cost to serve in the period"),
    typed("currency", T::currency, "currency of revenue and cost"),
};
constexpr Schema k_financial{"financials period", k_financial_fields};

constexpr FieldSpec k_scorecard_fields[] = {
    one_of("perspective", k_perspective, "balanced-scorecard perspective", true),
    text("measure", "the measure", true),
    FieldSpec{.key = "target", .type = T::number, .required = true, .description = "target"},
    typed("actual", T::number, "actual"),
    text("unit", "unit"),
    with_default(one_of("better", k_better, "which direction is better (default higher)"),
                 "higher"),
};
constexpr Schema k_scorecard{"scorecard measure", k_scorecard_fields};

constexpr FieldSpec k_issue_fields[] = {
    id(),
    text("title", "the issue", true),
    one_of("severity", k_issue_severity, "severity", true),
    one_of("status", k_issue_status, "state", true),
    typed("opened", T::date, "when opened"),
    typed("resolved_on", T::date, "when resolved"),
    text("owner", "owner"),
};
constexpr Schema k_issue{"issue", k_issue_fields};

constexpr FieldSpec k_performance_fields[] = {
    nested("financials", T::object_list, k_financial, "revenue and cost by period"),
    nested("scorecard", T::object_list, k_scorecard, "balanced scorecard"),
    nested("issues", T::object_list, k_issue, "delivery issues"),
};
constexpr Schema k_performance{"performance.yaml", k_performance_fields, "delivery performance"};

// --- sales.yaml ------------------------------------------------------------------
constexpr FieldSpec k_qualification_fields[] = {
    typed("budget", T::boolean, "budget confirmed"),
    typed("authority", T::boolean, "decision-maker engaged"),
    typed("need", T::boolean, "need established"),
    typed("timeline", T::boolean, "timeline agreed"),
};
constexpr Schema k_qualification{"qualification", k_qualification_fields};

constexpr FieldSpec k_opportunity_fields[] = {
    id(),
    text("title", "the opportunity", true),
    one_of("stage", k_opportunity_stage, "sales stage", true),
    typed("value", T::money, "value", true),
    typed("probability", T::percent, "chance to win (default by stage)"),
    typed("close", T::date, "expected close, or actual once won or lost"),
    typed("currency", T::currency, "currency of value"),
    text("owner", "owner"),
    ref("contact", "profile.people", "the client contact"),
    text("offering", "offering"),
    text("proposition", "proposition"),
    text("pricing", "pricing"),
    nested("qualification", T::object, k_qualification, "BANT qualification"),
    text("lost_reason", "why it was lost"),
};
constexpr Schema k_opportunity{"opportunity", k_opportunity_fields};

constexpr FieldSpec k_sales_fields[] = {
    nested("opportunities", T::object_list, k_opportunity, "opportunities, orders won and lost"),
};
constexpr Schema k_sales{"sales.yaml", k_sales_fields, "sales and marketing"};

// --- reviews.yaml ----------------------------------------------------------------
constexpr FieldSpec k_review_fields[] = {
    typed("date", T::date, "when", true),
    one_of("type", k_review_type, "kind of review"),
    typed("attendees", T::text_list, "who attended"),
    text("summary", "summary"),
    typed("actions", T::text_list, "agreed actions"),
    typed("next", T::date, "next review"),
};
constexpr Schema k_review{"review", k_review_fields};

constexpr FieldSpec k_survey_fields[] = {
    typed("date", T::date, "when", true),
    ref("respondent", "profile.people", "who answered"),
    ranged("nps", T::integer, 0, 10, "likelihood to recommend, 0..10"),
    ranged("csat", T::number, 1, 5, "satisfaction, 1..5"),
    text("comment", "comment"),
};
constexpr Schema k_survey{"survey", k_survey_fields, "at least one of nps and csat"};

constexpr FieldSpec k_reference_fields[] = {
    typed("date", T::date, "when", true),
    text("visitor", "who visited", true),
    text("outcome", "outcome"),
};
constexpr Schema k_reference{"reference", k_reference_fields};

constexpr FieldSpec k_reviews_fields[] = {
    nested("reviews", T::object_list, k_review, "progress reviews with the client"),
    nested("surveys", T::object_list, k_survey, "satisfaction surveys"),
    nested("references", T::object_list, k_reference, "reference-site visits"),
};
constexpr Schema k_reviews{"reviews.yaml", k_reviews_fields, "reviews, surveys, references"};

// --- kam.yaml ----------------------------------------------------------------------
constexpr FieldSpec k_policy_fields[] = {
    with_default(ranged("review_every_days", T::integer, 1, 36500,
                        "a progress review is overdue after this (90)"),
                 "90"),
    with_default(ranged("survey_every_days", T::integer, 1, 36500, "survey window (365)"), "365"),
    with_default(ranged("contact_every_days", T::integer, 1, 36500,
                        "a decision-maker is stale after this (60)"),
                 "60"),
    with_default(
        ranged("renewal_horizon_days", T::integer, 1, 36500, "renewals inside it are listed (180)"),
        "180"),
    with_default(
        typed("key_account_share", T::percent, "Pareto share that defines key accounts (80)"),
        "80"),
    typed("require", T::require_map, "sections each tier must have"),
    with_default(
        typed("min_margin_pct", T::number, "margin_pct below this is a fix-or-trim candidate (10)"),
        "10"),
    with_default(ranged("discount_rate_pct", T::number, 0, 100,
                        "yearly discount rate of the forward lifetime value (10)"),
                 "10"),
    with_default(
        ranged("clv_max_years", T::integer, 1, 50, "cap of the expected lifetime in years (10)"),
        "10"),
    with_default(typed("intense_revenue", T::money,
                       "annual revenue from which an intense relationship fits (1000000)"),
                 "1000000"),
    with_default(typed("moderate_revenue", T::money,
                       "annual revenue from which a moderate relationship fits (250000)"),
                 "250000"),
    with_default(typed("intense_margin_pct", T::number,
                       "margin_pct from which an intense relationship fits (20)"),
                 "20"),
    with_default(typed("rising_growth_pct", T::number,
                       "growth_pct from which a non-key account is rising (20)"),
                 "20"),
    with_default(at_least("rising_pipeline_pct", T::number, 0,
                          "weighted pipeline over revenue, in %, from which an account is rising "
                          "(50)"),
                 "50"),
};
constexpr Schema k_policy{"policy", k_policy_fields};

// The gates of kam diff: a limit (health points, NPS points, money, score
// points) or a switch. Not ranged here: kam diff refuses a negative limit.
constexpr FieldSpec k_diff_rules_fields[] = {
    typed("health-drop", T::number, "fail when an account's health falls by this much"),
    typed("nps-drop", T::number, "fail when an account's NPS falls by this much"),
    typed("acv-drop", T::money, "fail when an account's ACV falls by this much"),
    typed("risk-score-rise", T::integer, "fail when a live risk's score rises by this much"),
    typed("risk-closed-without-mitigation", T::boolean,
          "fail when a live risk is closed with no mitigation"),
    typed("contract-removed", T::boolean, "fail when a contract is removed"),
    typed("account-removed", T::boolean, "fail when an account is removed"),
    typed("key-account-lost", T::boolean, "fail when an account leaves the key-account set"),
};
constexpr Schema k_diff_rules{"diff_rules", k_diff_rules_fields};
constexpr FieldSpec k_attractiveness_weight_fields[] = {
    at_least("size", T::number, 0, "weight of size (35)"),
    at_least("growth", T::number, 0, "weight of growth (15)"),
    at_least("potential", T::number, 0, "weight of growth potential (15)"),
    at_least("margin", T::number, 0, "weight of margin (20)"),
    at_least("pipeline", T::number, 0, "weight of pipeline (15)"),
};
constexpr Schema k_attractiveness_weights{"attractiveness_weights", k_attractiveness_weight_fields};

constexpr FieldSpec k_strength_weight_fields[] = {
    at_least("coverage", T::number, 0, "weight of coverage (25)"),
    at_least("health", T::number, 0, "weight of health (25)"),
    at_least("replaceability", T::number, 0, "weight of replaceability (20)"),
    at_least("share_of_wallet", T::number, 0, "weight of share of wallet (15)"),
    at_least("tenure", T::number, 0, "weight of tenure (15)"),
};
constexpr Schema k_strength_weights{"strength_weights", k_strength_weight_fields};

constexpr FieldSpec k_portfolio_fields[] = {
    ranged("kam", T::integer, 1, 1, "format version", true),
    text("name", "the portfolio's name", true),
    typed("currency", T::currency, "base currency of every report", true),
    typed("fx", T::currency_map, "units of base currency per one unit of that currency"),
    with_default(
        ranged("fiscal_year_start", T::integer, 1, 12, "first month of the fiscal year (1)"), "1"),
    nested("policy", T::object, k_policy, "policy"),
    typed("rules", T::severity_map, "severity overrides by rule id"),
    typed("health_weights", T::weight_map, "weights of the health score's parts"),
    nested("diff_rules", T::object, k_diff_rules, "the gates of kam diff: limits and switches"),
    nested("attractiveness_weights", T::object, k_attractiveness_weights,
           "weights of the matrix attractiveness score's parts"),
    nested("strength_weights", T::object, k_strength_weights,
           "weights of the matrix strength score's parts"),
};
constexpr Schema k_portfolio{"kam.yaml", k_portfolio_fields, "portfolio settings"};

constexpr SectionFile k_sections[] = {
    {"account.yaml", "account", &k_account},
    {"profile.yaml", "profile", &k_profile},
    {"swot.yaml", "swot", &k_swot},
    {"blueprint.yaml", "blueprint", &k_blueprint},
    {"risks.yaml", "risks", &k_risks},
    {"contracts.yaml", "contracts", &k_contracts},
    {"performance.yaml", "performance", &k_performance},
    {"sales.yaml", "sales", &k_sales},
    {"reviews.yaml", "reviews", &k_reviews},
};

}  // namespace

namespace enums {
const std::span<const SV> status = k_status, tier = k_tier, relationship_type = k_relationship_type,
                          level = k_level, person_role = k_person_role,
                          person_relationship = k_person_relationship, impact = k_level,
                          goal_status = k_goal_status, action_status = k_action_status,
                          offering_stage = k_offering_stage, risk_status = k_risk_status,
                          risk_category = k_risk_category, contract_status = k_contract_status,
                          contract_type = k_contract_type, better = k_better,
                          perspective = k_perspective, issue_severity = k_issue_severity,
                          issue_status = k_issue_status, opportunity_stage = k_opportunity_stage,
                          review_type = k_review_type, rule_severity = k_rule_severity;
}  // namespace enums

const FieldSpec* Schema::find(std::string_view key) const {
    for (const FieldSpec& f : fields)
        if (f.key == key) return &f;
    return nullptr;
}

std::span<const SectionFile> section_files() {
    return k_sections;
}

const SectionFile* find_section(std::string_view name) {
    for (const SectionFile& s : k_sections)
        if (s.section == name || s.file == name) return &s;
    return nullptr;
}

const Schema& portfolio_schema() {
    return k_portfolio;
}
std::optional<std::string_view> suggest_enum_value(std::string_view written,
                                                   std::span<const std::string_view> values) {
    // Lowercase, with '_' and ' ' read as '-'.
    std::string norm;
    for (char c : written) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        norm += c == '_' || c == ' ' ? '-' : c;
    }
    for (std::string_view v : values)
        if (v == norm) return v;
    // What people write for the format's words; the first one the field allows wins.
    static constexpr std::pair<SV, SV> k_synonyms[] = {
        {"closed-lost", "lost"},
        {"closed-won", "won"},
        {"done", "achieved"},
        {"done", "closed"},
        {"done", "resolved"},
        {"complete", "done"},
        {"complete", "achieved"},
        {"complete", "closed"},
        {"completed", "done"},
        {"completed", "achieved"},
        {"completed", "closed"},
        {"finished", "done"},
        {"finished", "achieved"},
        {"fixed", "resolved"},
        {"resolved", "closed"},
        {"closed", "resolved"},
        {"closed", "done"},
        {"canceled", "cancelled"},
        {"cancelled", "dropped"},
        {"abandoned", "dropped"},
        {"in-progress", "on-track"},
        {"in-progress", "mitigating"},
        {"ongoing", "active"},
        {"live", "active"},
        {"warn", "warning"},
        {"err", "error"},
        {"disabled", "off"},
        {"none", "off"},
        {"ignore", "off"},
        {"med", "medium"},
        {"hi", "high"},
        {"lo", "low"},
        {"quarterly", "qbr"},
        {"quarterly-business-review", "qbr"},
        {"yearly", "annual"},
        {"adhoc", "ad-hoc"},
    };
    for (const auto& [from, to] : k_synonyms)
        if (from == norm)
            for (std::string_view v : values)
                if (v == to) return v;
    if (const auto m = closest_match(norm, values))
        for (std::string_view v : values)
            if (v == *m) return v;
    return std::nullopt;
}

const Schema& swot_item_schema() {
    return k_swot_item;
}

std::string_view field_type_name(FieldType type) {
    switch (type) {
        case T::text:
            return "text";
        case T::integer:
            return "whole number";
        case T::number:
            return "number";
        case T::boolean:
            return "boolean (true or false)";
        case T::date:
            return "date (YYYY-MM-DD)";
        case T::money:
            return "amount of money";
        case T::percent:
            return "percentage (0 to 100)";
        case T::currency:
            return "currency code (three capitals, like EUR)";
        case T::enumeration:
            return "one of a list of values";
        case T::id:
            return "id";
        case T::ref:
            return "reference to an id";
        case T::period:
            return "period (YYYY, YYYY-Qn or YYYY-MM)";
        case T::object:
            return "mapping";
        case T::object_list:
            return "list of mappings";
        case T::text_list:
            return "list of texts";
        case T::swot_list:
            return "list of texts or {text, impact}";
        case T::currency_map:
            return "mapping of currency code to rate";
        case T::severity_map:
            return "mapping of rule id to severity";
        case T::require_map:
            return "mapping of tier to list of sections";
        case T::weight_map:
            return "mapping of health part to weight";
    }
    return "?";
}

}  // namespace kam
