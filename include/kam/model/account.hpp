#pragma once
// The typed model of an account: compact structs built from a file's tree,
// which is then dropped. Absent optional fields are std::nullopt; enum fields
// hold the text of a value the schema accepted (empty when absent or invalid).
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kam/util/date.hpp"
#include "kam/util/money.hpp"
#include "kam/util/scalar.hpp"

namespace kam {

// Where something was written: enough for a finding to point at it.
struct Pos {
    uint32_t line = 1;
    uint32_t column = 1;
};

struct TeamMember {
    std::string name, role;
    Pos pos;
};

struct HistoryEvent {
    Date date;
    std::string event;
    Pos pos, date_pos;  // the record's; its date's
    size_t index = 0;   // its place in account.yaml's history (its kam path)
};

struct Cover {  // account.yaml
    std::string name, status, tier, manager;
    Pos status_pos, tier_pos;
    std::vector<TeamMember> team;
    std::string relationship;
    Pos relationship_pos;
    std::optional<Date> client_since, lost_on;
    bool lost_on_written = false;  // the key has a value, valid or not
    Pos lost_on_pos;
    std::optional<std::string> currency;
    Pos currency_pos;
    std::string mission, background, overview;
    std::vector<HistoryEvent> history;
    std::string position_current, position_scope;
    std::vector<std::string> objectives;
    std::vector<Pos> objectives_pos;  // where each of objectives is written
    std::string growth_potential, replaceability;
    std::optional<double> share_of_wallet;  // percent: our share of the client's spend
    Pos client_since_pos, growth_potential_pos, replaceability_pos, share_of_wallet_pos;
    // Where completeness_pct finds them (kam-metrics(7)); position: its key.
    Pos name_pos, mission_pos, manager_pos, background_pos, overview_pos, position_pos;
    std::vector<std::string> tags;
    std::vector<Pos> tags_pos;  // where each of tags is written
};

struct Person {
    std::string id, name, title, role, relationship, owner, email, phone, notes;
    std::optional<Date> last_contact;
    std::optional<Date> left_on;  // they left the client; surveys and refs still name them
    Pos pos, id_pos, last_contact_pos, role_pos, relationship_pos;

    // Still a contact at the client on `as_of`: coverage and contact checks count
    // only these. A person who left stays in the file, so history keeps its references.
    bool current(Date as_of) const { return !left_on || *left_on > as_of; }
    // A current decision-maker with no last_contact, or none in the `every_days`
    // (policy.contact_every_days) before the as-of day.
    bool stale(Date as_of, int every_days) const {
        return role == "decision-maker" && current(as_of) &&
               (!last_contact || as_of - *last_contact > every_days);
    }
};

struct Supplier {
    std::string name, scope;
    std::optional<double> share;
    size_t index = 0;   // its place in the list (its kam path)
    Pos pos, name_pos;  // the record's; its name's
};

// One of the client's own competitors (profile.yaml competitors).
struct ClientCompetitor {
    std::string name, notes;
    size_t index = 0;   // its place in the list (its kam path)
    Pos pos, name_pos;  // the record's; its name's
};

struct Profile {
    std::string industry, market, business, headquarters, structure;
    std::optional<int64_t> employees;
    std::optional<Money> annual_revenue;
    Pos industry_pos, annual_revenue_pos;
    std::vector<Person> people;
    std::string procurement_process, procurement_framework;
    std::optional<bool> preferred_supplier;
    std::optional<int64_t> payment_terms_days;
    std::optional<Date> next_tender;
    std::vector<Supplier> suppliers;
    std::vector<ClientCompetitor> competitors;
};

struct SwotItem {
    std::string text, impact;
    size_t index = 0;   // its place in its quadrant's list (its kam path)
    Pos pos;            // the item's text (a plain item is its text)
    bool plain = true;  // written as a text, not as a mapping with `text`
};

struct Swot {
    std::optional<Date> updated;
    std::vector<SwotItem> strengths, weaknesses, opportunities, threats;
    Pos strengths_pos, weaknesses_pos, opportunities_pos, threats_pos;  // their keys
};

struct Goal {
    std::string id, title, status, metric, unit, owner;
    std::optional<double> target, actual;
    std::optional<Date> due;
    Pos pos, id_pos, due_pos;
};

struct Action {
    std::string id, title, status, owner, goal;
    std::optional<Date> due;
    Pos pos, id_pos, due_pos, goal_pos;

    bool open() const { return status == "open"; }
    // action-overdue: open, and its due day has passed.
    bool overdue(Date as_of) const { return open() && due && *due < as_of; }
};

struct Competitor {
    std::string name, position, threat;
    std::optional<double> share;
    size_t index = 0;   // its place in blueprint.yaml's competition (its kam path)
    Pos pos, name_pos;  // the record's; its name's
};

struct Offering {
    std::string name, stage, notes;
    size_t index = 0;  // its place in blueprint.yaml's offerings (their kam path)
    Pos pos, stage_pos;
};

struct Blueprint {
    std::string strategy;
    Pos strategy_pos;
    std::optional<Date> horizon;
    std::vector<Goal> goals;
    std::vector<Action> actions;
    std::vector<Competitor> competition;
    std::vector<Offering> offerings;
};

struct Risk {
    std::string id, title, status, category, owner, mitigation, contract;
    int likelihood = 0, impact = 0;  // 0 when invalid (already reported)
    std::optional<Date> raised, review;
    Pos pos, id_pos, review_pos, contract_pos;

    int score() const { return likelihood * impact; }
    bool live() const { return status != "closed"; }
    // risk-review-overdue: live, with a valid status (an invalid one was
    // reported already), and its review date has passed.
    bool review_overdue(Date as_of) const {
        return live() && !status.empty() && review && *review < as_of;
    }
};

struct Sla {
    std::string id, name, unit, better;  // better: "higher" unless "lower"
    double target = 0;
    std::optional<double> actual;
    Pos pos, id_pos, actual_pos;

    bool breached() const {
        if (!actual) return false;
        return better == "lower" ? *actual > target : *actual < target;
    }
};

struct Contract {
    std::string id, title, status, type, owner;
    std::optional<Date> start, end;
    std::optional<Money> annual_value;
    std::optional<std::string> currency;
    std::optional<int64_t> notice_days;
    std::optional<bool> auto_renew;
    std::optional<int64_t> renewal_term_months;  // as written; see current_end()
    std::vector<Sla> slas;
    Pos pos, id_pos, status_pos, end_pos, currency_pos, annual_value_pos, notice_days_pos;
    // A notice_days whose deadline (end minus it) falls before 0001-01-01:
    // dropped from notice_days, so no report prints a date before year 1, and
    // kept here for the finding that says why.
    std::optional<int64_t> notice_days_before_year_one;

    static constexpr int k_default_renewal_term_months = 12;

    // In force: active or renewing. Only these count for ACV, renewals,
    // alerts and delivery (SLAs).
    bool in_force() const { return status == "active" || status == "renewing"; }

    // The last day of the term the contract is in on the as-of day: `end` as
    // written, except that an auto-renewing contract whose end has passed
    // rolls forward term by term (renewal_term_months, default 12), each term
    // starting the day after the previous one ended, until a term ends on or
    // after the as-of day. Absent without an end (open-ended).
    std::optional<Date> current_end(Date as_of) const;
    // current_end minus notice_days (0 when absent).
    std::optional<Date> notice_deadline(Date as_of) const;
    // Due for a decision within `within` days (`kam renewals`): in force, and
    // its current end, or its notice deadline, falls in as_of .. as_of +
    // within: a contract that ends in a year but must be cancelled next month
    // is due now.
    bool renewal_due(Date as_of, int within) const;
};

struct Financial {
    Period period;
    std::string period_text;
    Money revenue;
    std::optional<Money> cost;
    std::optional<std::string> currency;
    size_t index = 0;  // its place in performance.yaml's financials (their kam path)
    Pos pos, period_pos, currency_pos, revenue_pos, cost_pos;
};

struct ScorecardRow {
    std::string perspective, measure, unit, better;
    double target = 0;
    std::optional<double> actual;
    size_t index = 0;      // its place in performance.yaml's scorecard (its kam path)
    Pos pos, measure_pos;  // the record's; its measure's

    // Whether the measure reaches its target (at or past it, the better way);
    // unknown without an actual.
    std::optional<bool> met() const {
        if (!actual) return std::nullopt;
        return better == "lower" ? *actual <= target : *actual >= target;
    }
};

struct DeliveryIssue {
    std::string id, title, severity, status, owner;
    std::optional<Date> opened, resolved_on;
    Pos pos, id_pos, resolved_on_pos, severity_pos;
};

struct Performance {
    std::vector<Financial> financials;
    std::vector<ScorecardRow> scorecard;
    std::vector<DeliveryIssue> issues;
};

// The stages of the pipeline, in order: an opportunity in one of them is open.
inline constexpr std::array<std::string_view, 4> k_open_stages = {"lead", "qualified", "proposal",
                                                                  "negotiation"};

struct Opportunity {
    std::string id, title, stage, owner, contact, offering, proposition, pricing, lost_reason;
    Money value;
    std::optional<double> probability;  // as written; see effective_probability()
    std::optional<Date> close;
    std::optional<std::string> currency;
    std::optional<bool> budget, authority, need, timeline;
    Pos pos, id_pos, contact_pos, currency_pos, probability_pos, close_pos, value_pos, stage_pos,
        qualification_pos;  // the qualification mapping (the record when absent)

    double effective_probability() const;
    // Still in the pipeline: in one of k_open_stages.
    bool open() const {
        for (std::string_view s : k_open_stages)
            if (stage == s) return true;
        return false;
    }
    // opportunity-stale: open, and its expected close day has passed.
    bool stale(Date as_of) const { return open() && close && *close < as_of; }
};

struct Review {
    Date date;
    std::string type, summary;
    std::vector<std::string> attendees, actions;
    std::optional<Date> next;
    Pos date_pos;
    size_t index = 0;  // its place in reviews.yaml's reviews (their kam path)
    Pos pos;           // the record's
    std::vector<Pos> attendees_pos, actions_pos;  // where each of them is written
};

struct Survey {
    Date date;
    std::string respondent, comment;
    std::optional<int64_t> nps;
    std::optional<double> csat;
    bool score_written = false;  // nps or csat has a value, valid or not
    size_t index = 0;            // its place in reviews.yaml's surveys (their kam path)
    Pos pos, respondent_pos, date_pos, nps_pos, csat_pos;
};

struct ReferenceVisit {
    Date date;
    std::string visitor, outcome;
    Pos pos, date_pos;  // the record's; its date's
    size_t index = 0;   // its place in reviews.yaml's references (their kam path)
};

struct Reviews {
    std::vector<Review> reviews;
    std::vector<Survey> surveys;
    std::vector<ReferenceVisit> references;
};

// One account folder. A section that is absent (no file) is std::nullopt;
// a file that could not be parsed at all counts as present but unreadable.
struct Account {
    std::string slug;
    std::string dir;        // display path of the folder
    bool cover_ok = false;  // account.yaml parsed
    Cover cover;
    std::optional<Profile> profile;
    std::optional<Swot> swot;
    std::optional<Blueprint> blueprint;
    std::optional<std::vector<Risk>> risks;
    std::optional<std::vector<Contract>> contracts;
    std::optional<Performance> performance;
    std::optional<std::vector<Opportunity>> opportunities;
    std::optional<Reviews> reviews;
    std::vector<std::string> present_files;     // section names whose file exists
    std::vector<std::string> unreadable_files;  // section names whose file failed to load
    bool has_errors = false;                    // any error finding for this account

    bool has_file(std::string_view section) const;
    // Progress reviews are asked of it: tier key or strategic, status neither
    // lost nor prospect.
    bool reviews_expected() const;
    // The latest progress review on or before `as_of`; none without reviews.yaml.
    std::optional<Date> latest_review(Date as_of) const;
    // review-overdue: reviews are expected and none was held in the
    // `every_days` (policy.review_every_days) before `as_of`; with no review
    // on record, a client for `every_days` or fewer is not overdue yet.
    bool review_overdue(Date as_of, int every_days) const;
    std::string file_path(std::string_view file) const;  // display path of a file in it
};

// kam.yaml
struct Policy {
    int review_every_days = 90;
    int survey_every_days = 365;
    int contact_every_days = 60;
    int renewal_horizon_days = 180;
    double key_account_share = 80;
    // The judgement figures of kam-metrics(7): profitability, lifetime value,
    // relationship fit and rising accounts.
    double min_margin_pct = 10;
    double discount_rate_pct = 10;
    int clv_max_years = 10;
    Money intense_revenue{100'000'000}, moderate_revenue{25'000'000};  // 1,000,000 and 250,000
    double intense_margin_pct = 20;
    double rising_growth_pct = 20;
    double rising_pipeline_pct = 50;
    std::map<std::string, std::vector<std::string>> require;  // tier -> sections
};

struct PortfolioSettings {
    int version = 1;
    std::string name;
    std::string currency = "EUR";
    std::map<std::string, double> fx;            // currency -> units of base per unit
    std::map<std::string, std::string> fx_text;  // the rate as written, for exact conversion
    std::map<std::string, Pos> fx_pos;
    std::string file = "kam.yaml";  // display path of kam.yaml, as findings name it
    int fiscal_year_start = 1;
    Policy policy;
    std::map<std::string, Pos> policy_pos;     // policy key -> where its value is written
    std::map<std::string, std::string> rules;  // rule id -> severity name
    std::map<std::string, Pos> rule_pos;
    std::map<std::string, double> health_weights;
    std::map<std::string, double> attractiveness_weights, strength_weights;
    // Where each weight given is written, by its key ("health_weights.nps").
    std::map<std::string, Pos> weight_pos;
};

}  // namespace kam
