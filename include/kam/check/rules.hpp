#pragma once
// The severities of findings: each rule's default (kam/util/rule.hpp holds
// the rule table) or the portfolio's override from kam.yaml `rules:`.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kam/util/diagnostic.hpp"
#include "kam/util/rule.hpp"

namespace kam {

std::optional<Severity> parse_severity(std::string_view text);  // error|warning|info|off

// Gives every finding its severity: the rule's default, or the portfolio's
// override from `rules:` (keyed by rule id); findings of rules turned off are
// removed. A rule that is always an error keeps its severity.
void apply_severities(std::vector<Diagnostic>& diagnostics,
                      const std::map<std::string, std::string>& overrides);

}  // namespace kam
