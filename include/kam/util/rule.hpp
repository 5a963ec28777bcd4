#pragma once
// Every rule a finding can name: its id, default severity, whether it speaks
// of a whole file, and what it means. One enumerator and one table row each
// (src/kam/util/rule.cpp), like ccache's Statistic enum and its field table.
//
// To add a rule: an enumerator below and a row at the same place in the
// table (static_asserts refuse a table out of step with the enum; a rule
// added last moves k_last_rule too), and its line in kam-files(5). Code names a rule by enumerator,
// so a misspelt rule does not compile; kam.yaml's `rules:` names it by id, and an unknown id there
// is an unknown-key finding (check/schema_check).
#include <fmt/format.h>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kam {

enum class Severity : uint8_t { off, info, warning, error };

enum class Rule : uint8_t {
    yaml_syntax,
    yaml_duplicate_key,
    yaml_alias,
    yaml_encoding,
    yaml_limit,
    file_unreadable,
    schema_type,
    schema_required,
    schema_enum,
    schema_range,
    schema_quoted,
    text_comment,
    unknown_key,
    unknown_file,
    tree_entry,
    id_duplicate,
    ref_dangling,
    ref_unchecked,
    date_order,
    lost_needs_date,
    lost_on_not_lost,
    date_future,
    value_negative,
    probability_fraction,
    fx_missing,
    section_required,
    contract_expired,
    notice_passed,
    review_overdue,
    risk_review_overdue,
    action_overdue,
    opportunity_stale,
    goal_overdue,
    contact_stale,
    lost_reason_missing,
    // kam diff's gates
    health_drop,
    nps_drop,
    acv_drop,
    risk_score_rise,
    risk_closed_without_mitigation,
    contract_removed,
    account_removed,
    key_account_lost,
    // the key-account judgement
    margin_below_policy,
    relationship_mismatch,
    single_threaded,
    opportunity_unqualified,
};
inline constexpr Rule k_last_rule = Rule::opportunity_unqualified;  // a rule added last moves this

struct RuleInfo {
    static constexpr uint8_t k_whole_file = 1;    // found at 1:1, about the file or folder itself
    static constexpr uint8_t k_always_error = 2;  // the file was not read at all: `rules:`
                                                  // cannot lower it, or it would pass unseen
    Rule rule;
    std::string_view id;  // as findings and kam.yaml spell it: "schema-enum"
    Severity default_severity;
    uint8_t flags;
    std::string_view description;

    bool whole_file() const { return (flags & k_whole_file) != 0; }
    bool always_error() const { return (flags & k_always_error) != 0; }
};

std::span<const RuleInfo> all_rules();
const RuleInfo& rule_info(Rule rule);
std::string_view rule_id(Rule rule);
std::optional<Rule> find_rule(std::string_view id);
std::vector<std::string_view> rule_ids();
std::ostream& operator<<(std::ostream& out, Rule rule);  // the id, for test failures

// So that fmt::format("[{}]", d.rule) and nlohmann::json{{"rule", d.rule}}
// write the id, never the enumerator's number.
template <typename Json>
void to_json(Json& j, Rule rule) {
    j = std::string(rule_id(rule));
}

}  // namespace kam

template <>
struct fmt::formatter<kam::Rule> : fmt::formatter<std::string_view> {
    template <typename Context>
    auto format(kam::Rule rule, Context& ctx) const {
        return fmt::formatter<std::string_view>::format(kam::rule_id(rule), ctx);
    }
};
