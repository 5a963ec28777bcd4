#pragma once
// Every rule of the format's section 5: its id, default severity and meaning.
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kam/util/diagnostic.hpp"

namespace kam {

struct RuleInfo {
    std::string_view id;
    Severity default_severity;
    std::string_view description;
    // The file was not read at all (yaml-syntax, yaml-encoding, yaml-limit):
    // `rules:` cannot lower it, or a broken file would pass with no finding.
    bool always_error = false;
};

std::span<const RuleInfo> all_rules();
const RuleInfo* find_rule(std::string_view id);
std::vector<std::string_view> rule_ids();
std::optional<Severity> parse_severity(std::string_view text);  // error|warning|info|off

// Gives every finding its severity: the rule's default, or the portfolio's
// override from `rules:`; findings of rules turned off are removed.
void apply_severities(std::vector<Diagnostic>& diagnostics,
                      const std::map<std::string, std::string>& overrides);

}  // namespace kam
