#include "kam/check/rules.hpp"

#include <algorithm>

namespace kam {

namespace {
using S = Severity;
constexpr RuleInfo k_rules[] = {
    {"yaml-syntax", S::error, "the file is not parseable YAML", true},
    {"yaml-duplicate-key", S::error, "a key appears twice in one mapping"},
    {"yaml-alias", S::error, "an anchor, alias or merge key (not allowed in account files)"},
    {"yaml-encoding", S::error,
     "not UTF-8 text: invalid bytes, NUL bytes, bare carriage returns or characters that are not "
     "printable",
     true},
    {"yaml-limit", S::error, "a file over 4 MiB or nested deeper than 64 levels", true},
    {"file-unreadable", S::error, "a file or folder that exists but cannot be read"},
    {"schema-type", S::error, "a field of the wrong type"},
    {"schema-required", S::error, "a required field is missing"},
    {"schema-enum", S::error, "a value that is not one of the allowed values"},
    {"schema-range", S::error, "a value out of its allowed range"},
    {"schema-quoted", S::warning,
     "a number or boolean written in quotes, which YAML reads as a text"},
    {"text-comment", S::warning,
     "a plain text cut short by ' #' (\"exit #2\"): the rest of the line is a comment"},
    {"unknown-key", S::warning, "a key the format does not know (x- keys are never reported)"},
    {"unknown-file", S::warning, "a YAML file in an account folder that is not an account file"},
    {"tree-entry", S::warning,
     "an unexpected entry (bad name, plain file, symlink): never followed"},
    {"id-duplicate", S::error, "an id (or financial period) used twice in one list"},
    {"ref-dangling", S::error, "a reference to an id that does not exist in the account"},
    {"ref-unchecked", S::info,
     "references into a file that has errors, so they could not be checked"},
    {"date-order", S::error, "an end before its start"},
    {"lost-needs-date", S::error, "status lost without lost_on"},
    {"lost-on-not-lost", S::warning, "lost_on on an account whose status is not lost"},
    {"date-future", S::warning,
     "a date of what happened (last_contact, a review, survey or history event, the close of a "
     "won or lost opportunity) after the as-of day"},
    {"value-negative", S::error, "a negative annual_value or opportunity value"},
    {"probability-fraction", S::warning,
     "a probability between 0 and 1: a fraction written where a percentage belongs"},
    {"fx-missing", S::error, "a currency with no rate in kam.yaml"},
    {"section-required", S::warning, "a section that policy.require asks for is missing"},
    {"contract-expired", S::warning, "an active contract whose end has passed"},
    {"notice-passed", S::warning,
     "an active contract, not auto-renewing, whose notice deadline has passed"},
    {"review-overdue", S::warning,
     "no progress review within review_every_days (tiers key and strategic)"},
    {"risk-review-overdue", S::warning, "a live risk whose review date has passed"},
    {"action-overdue", S::info, "an open action past its due date"},
    {"opportunity-stale", S::warning, "an open opportunity whose close date has passed"},
    {"goal-overdue", S::warning, "a goal past its due date that is neither achieved nor dropped"},
    {"contact-stale", S::info, "a decision-maker not contacted within contact_every_days"},
    {"lost-reason-missing", S::info, "a lost opportunity without lost_reason"},
    {"health-drop", S::error, "kam diff: an account's health fell by the limit or more"},
    {"nps-drop", S::error, "kam diff: an account's NPS fell by the limit or more"},
    {"acv-drop", S::error, "kam diff: an account's ACV fell by the limit or more"},
    {"risk-score-rise", S::error,
     "kam diff: a live risk's score rose by the limit or more (a new risk from 0)"},
    {"risk-closed-without-mitigation", S::error,
     "kam diff: a live risk was closed with no mitigation written"},
    {"contract-removed", S::error, "kam diff: a contract was removed from its account"},
    {"account-removed", S::error, "kam diff: an account folder was removed (not renamed)"},
    {"key-account-lost", S::error, "kam diff: an account left the key-account set"},
    {"margin-below-policy", S::warning,
     "an account whose margin_pct is below policy.min_margin_pct: fix or trim"},
    {"relationship-mismatch", S::info,
     "a relationship type other than the one the account's revenue and margin suggest"},
    {"single-threaded", S::warning,
     "a key or strategic account whose strong or good relationships run through one person on "
     "either side"},
    {"opportunity-unqualified", S::warning,
     "an open opportunity in proposal or negotiation without full BANT qualification"},
};
}  // namespace

std::span<const RuleInfo> all_rules() {
    return k_rules;
}

const RuleInfo* find_rule(std::string_view id) {
    for (const RuleInfo& r : k_rules)
        if (r.id == id) return &r;
    return nullptr;
}

std::vector<std::string_view> rule_ids() {
    std::vector<std::string_view> ids;
    for (const RuleInfo& r : k_rules) ids.push_back(r.id);
    return ids;
}

std::optional<Severity> parse_severity(std::string_view text) {
    if (text == "error") return S::error;
    if (text == "warning") return S::warning;
    if (text == "info") return S::info;
    if (text == "off") return S::off;
    return std::nullopt;
}

void apply_severities(std::vector<Diagnostic>& diagnostics,
                      const std::map<std::string, std::string>& overrides) {
    for (Diagnostic& d : diagnostics) {
        const RuleInfo* rule = find_rule(d.rule);
        d.severity = rule ? rule->default_severity : S::error;
        if (rule && rule->always_error) continue;
        if (const auto it = overrides.find(d.rule); it != overrides.end())
            if (const auto s = parse_severity(it->second)) d.severity = *s;
    }
    std::erase_if(diagnostics, [](const Diagnostic& d) { return d.severity == S::off; });
}

}  // namespace kam
