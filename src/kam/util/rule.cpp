#include "kam/util/rule.hpp"

#include <ostream>

namespace kam {

namespace {
using S = Severity;
constexpr uint8_t plain = 0;
constexpr uint8_t whole_file = RuleInfo::k_whole_file;
constexpr uint8_t always_error = RuleInfo::k_always_error;

// One row per enumerator, in the enum's order.
constexpr RuleInfo k_rules[] = {
    {Rule::yaml_syntax, "yaml-syntax", S::error, always_error, "the file is not parseable YAML"},
    {Rule::yaml_duplicate_key, "yaml-duplicate-key", S::error, plain,
     "a key appears twice in one mapping"},
    {Rule::yaml_alias, "yaml-alias", S::error, plain,
     "an anchor, alias or merge key (not allowed in account files)"},
    {Rule::yaml_encoding, "yaml-encoding", S::error, always_error,
     "not UTF-8 text: invalid bytes, NUL bytes, bare carriage returns or characters that are not "
     "printable"},
    {Rule::yaml_limit, "yaml-limit", S::error, whole_file | always_error,
     "a file over 4 MiB or nested deeper than 64 levels"},
    {Rule::file_unreadable, "file-unreadable", S::error, whole_file,
     "a file or folder that exists but cannot be read"},
    {Rule::schema_type, "schema-type", S::error, plain, "a field of the wrong type"},
    {Rule::schema_required, "schema-required", S::error, plain, "a required field is missing"},
    {Rule::schema_enum, "schema-enum", S::error, plain,
     "a value that is not one of the allowed values"},
    {Rule::schema_range, "schema-range", S::error, plain, "a value out of its allowed range"},
    {Rule::schema_quoted, "schema-quoted", S::warning, plain,
     "a number or boolean written in quotes, which YAML reads as a text"},
    {Rule::text_comment, "text-comment", S::warning, plain,
     "a plain text cut short by ' #' (\"exit #2\"): the rest of the line is a comment"},
    {Rule::unknown_key, "unknown-key", S::warning, plain,
     "a key the format does not know (x- keys are never reported)"},
    {Rule::unknown_file, "unknown-file", S::warning, whole_file,
     "a YAML file in an account folder that is not an account file"},
    {Rule::tree_entry, "tree-entry", S::warning, whole_file,
     "an unexpected entry (bad name, plain file, symlink): never followed"},
    {Rule::id_duplicate, "id-duplicate", S::error, plain,
     "an id (or financial period) used twice in one list"},
    {Rule::ref_dangling, "ref-dangling", S::error, plain,
     "a reference to an id that does not exist in the account"},
    {Rule::ref_unchecked, "ref-unchecked", S::info, plain,
     "references into a file that has errors, so they could not be checked"},
    {Rule::date_order, "date-order", S::error, plain, "an end before its start"},
    {Rule::lost_needs_date, "lost-needs-date", S::error, plain, "status lost without lost_on"},
    {Rule::lost_on_not_lost, "lost-on-not-lost", S::warning, plain,
     "lost_on on an account whose status is not lost"},
    {Rule::date_future, "date-future", S::warning, plain,
     "a date of what happened (last_contact, a review, survey or history event, the close of a won "
     "or lost opportunity) after the as-of day"},
    {Rule::value_negative, "value-negative", S::error, plain,
     "a negative annual_value or opportunity value"},
    {Rule::probability_fraction, "probability-fraction", S::warning, plain,
     "a probability between 0 and 1: a fraction written where a percentage belongs"},
    {Rule::fx_missing, "fx-missing", S::error, plain, "a currency with no rate in kam.yaml"},
    {Rule::section_required, "section-required", S::warning, whole_file,
     "a section that policy.require asks for is missing"},
    {Rule::contract_expired, "contract-expired", S::warning, plain,
     "an active contract whose end has passed"},
    {Rule::notice_passed, "notice-passed", S::warning, plain,
     "an active contract, not auto-renewing, whose notice deadline has passed"},
    {Rule::review_overdue, "review-overdue", S::warning, whole_file,
     "no progress review within review_every_days (tiers key and strategic)"},
    {Rule::risk_review_overdue, "risk-review-overdue", S::warning, plain,
     "a live risk whose review date has passed"},
    {Rule::action_overdue, "action-overdue", S::info, plain, "an open action past its due date"},
    {Rule::opportunity_stale, "opportunity-stale", S::warning, plain,
     "an open opportunity whose close date has passed"},
    {Rule::goal_overdue, "goal-overdue", S::warning, plain,
     "a goal past its due date that is neither achieved nor dropped"},
    {Rule::contact_stale, "contact-stale", S::info, plain,
     "a decision-maker not contacted within contact_every_days"},
    {Rule::lost_reason_missing, "lost-reason-missing", S::info, plain,
     "a lost opportunity without lost_reason"},
    {Rule::health_drop, "health-drop", S::error, plain,
     "kam diff: an account's health fell by the limit or more"},
    {Rule::nps_drop, "nps-drop", S::error, plain,
     "kam diff: an account's NPS fell by the limit or more"},
    {Rule::acv_drop, "acv-drop", S::error, plain,
     "kam diff: an account's ACV fell by the limit or more"},
    {Rule::risk_score_rise, "risk-score-rise", S::error, plain,
     "kam diff: a live risk's score rose by the limit or more (a new risk from 0)"},
    {Rule::risk_closed_without_mitigation, "risk-closed-without-mitigation", S::error, plain,
     "kam diff: a live risk was closed with no mitigation written"},
    {Rule::contract_removed, "contract-removed", S::error, plain,
     "kam diff: a contract was removed from its account"},
    {Rule::account_removed, "account-removed", S::error, plain,
     "kam diff: an account folder was removed (not renamed)"},
    {Rule::key_account_lost, "key-account-lost", S::error, plain,
     "kam diff: an account left the key-account set"},
    {Rule::margin_below_policy, "margin-below-policy", S::warning, plain,
     "an account whose margin_pct is below policy.min_margin_pct: fix or trim"},
    {Rule::relationship_mismatch, "relationship-mismatch", S::info, plain,
     "a relationship type other than the one the account's revenue and margin suggest"},
    {Rule::single_threaded, "single-threaded", S::warning, plain,
     "a key or strategic account whose strong or good relationships run through one person on "
     "either side"},
    {Rule::opportunity_unqualified, "opportunity-unqualified", S::warning, plain,
     "an open opportunity in proposal or negotiation without full BANT qualification"},
};

constexpr bool rows_follow_the_enum() {
    for (size_t i = 0; i < std::size(k_rules); ++i)
        if (static_cast<size_t>(k_rules[i].rule) != i) return false;
    return true;
}
constexpr bool ids_are_unique() {
    for (size_t i = 0; i < std::size(k_rules); ++i)
        for (size_t j = i + 1; j < std::size(k_rules); ++j)
            if (k_rules[i].id == k_rules[j].id) return false;
    return true;
}
static_assert(std::size(k_rules) == static_cast<size_t>(k_last_rule) + 1,
              "a rule without a row, or a row without a rule");
static_assert(rows_follow_the_enum(), "the rows of k_rules must follow the order of enum Rule");
static_assert(ids_are_unique(), "two rules with one id");
}  // namespace

std::span<const RuleInfo> all_rules() {
    return k_rules;
}

const RuleInfo& rule_info(Rule rule) {
    return k_rules[static_cast<size_t>(rule)];
}

std::string_view rule_id(Rule rule) {
    return rule_info(rule).id;
}

std::optional<Rule> find_rule(std::string_view id) {
    for (const RuleInfo& r : k_rules)
        if (r.id == id) return r.rule;
    return std::nullopt;
}

std::vector<std::string_view> rule_ids() {
    std::vector<std::string_view> ids;
    for (const RuleInfo& r : k_rules) ids.push_back(r.id);
    return ids;
}

std::ostream& operator<<(std::ostream& out, Rule rule) {
    return out << rule_id(rule);
}

}  // namespace kam
