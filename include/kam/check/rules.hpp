#pragma once
// Every rule of the format's section 5: its id, default severity and meaning.
//
// To add a rule, touch these 5 places (ARCHITECTURE.md, "Where to touch"):
//   1. its row in the rule table (check/rules.cpp): id, default severity, meaning;
//   2. when it is a domain decision (in force, due, overdue, stale, breached,
//      urgent ...), its one predicate in model/ or metrics/: the alerts and the
//      reports call the same one and never restate it;
//   3. the check that reports it: check/account_checks.cpp (the format's
//      section 5) or check/schema_check.cpp (the shape of a file), calling
//      that predicate;
//   4. its row in man/kam-files.5 section 5 (tests/unit/test_docs_consistency.cpp);
//   5. a test: tests/unit/test_account_checks.cpp, or a golden case.
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
