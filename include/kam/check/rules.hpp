#pragma once
// The severities of findings: each rule's default (kam/util/rule.hpp holds
// the rule table) or the portfolio's override from kam.yaml `rules:`.
//
// To add a rule, touch these 5 places (ARCHITECTURE.md, "Where to touch"):
//   1. its enumerator and row in the rule table (util/rule.{hpp,cpp}): id,
//      default severity, flags, meaning;
//   2. when it is a domain decision (in force, due, overdue, stale, breached,
//      urgent ...), its one predicate in model/ or metrics/: the alerts and the
//      reports call the same one and never restate it;
//   3. the check that reports it: check/account_checks.cpp (the format's
//      section 5), check/judgement_checks.cpp or check/schema_check.cpp (the
//      shape of a file), calling that predicate;
//   4. its row in man/kam-files.5 section 5 (tests/unit/test_docs_consistency.cpp);
//   5. a test: tests/unit/test_account_checks.cpp, or a golden case.
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
