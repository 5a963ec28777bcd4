#include "kam/check/rules.hpp"

#include <algorithm>

namespace kam {

std::optional<Severity> parse_severity(std::string_view text) {
    if (text == "error") return Severity::error;
    if (text == "warning") return Severity::warning;
    if (text == "info") return Severity::info;
    if (text == "off") return Severity::off;
    return std::nullopt;
}

void apply_severities(std::vector<Diagnostic>& diagnostics,
                      const std::map<std::string, std::string>& overrides) {
    for (Diagnostic& d : diagnostics) {
        const RuleInfo& rule = rule_info(d.rule);
        d.severity = rule.default_severity;
        if (rule.always_error()) continue;
        if (const auto it = overrides.find(std::string(rule.id)); it != overrides.end())
            if (const auto s = parse_severity(it->second)) d.severity = *s;
    }
    std::erase_if(diagnostics, [](const Diagnostic& d) { return d.severity == Severity::off; });
}

}  // namespace kam
