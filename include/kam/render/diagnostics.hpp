#pragma once
// Renderers of findings: pure functions from diagnostics to text. The CLI
// decides where the text goes.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kam/util/diagnostic.hpp"

namespace kam {

struct FindingCounts {
    size_t errors = 0, warnings = 0, infos = 0;
    size_t accounts = 0;                // accounts checked
    size_t accounts_with_findings = 0;  // of those
    bool portfolio_findings = false;    // kam.yaml or the tree itself
};

FindingCounts count_findings(const std::vector<Diagnostic>& diagnostics, size_t accounts);

// "3 errors, 1 warning in 2 of 40 accounts" or "no findings in 40 accounts".
std::string summary_line(const FindingCounts& counts);

struct TextOptions {
    bool color = false;
    bool show_source = false;  // the line and a caret under the column
};
// The source line of a finding, when it can be had.
using SourceLookup =
    std::function<std::optional<std::string>(const std::string& path, uint32_t line)>;

// PATH:LINE:COLUMN: SEVERITY: MESSAGE [RULE], one per finding (plus source and hint lines).
std::string render_text(const std::vector<Diagnostic>& diagnostics, const TextOptions& options,
                        const SourceLookup& lookup);

std::string render_json(const std::vector<Diagnostic>& diagnostics, const FindingCounts& counts);

// GitHub Actions workflow commands (::error file=...,line=...::message).
std::string render_github(const std::vector<Diagnostic>& diagnostics);

// JUnit XML: one testcase per checked file, a failure per finding at or above
// `fail_at` (warnings too under --strict), the rest in system-out.
std::string render_junit(const std::vector<Diagnostic>& diagnostics,
                         const std::vector<std::string>& files_checked,
                         Severity fail_at = Severity::error);

// SARIF 2.1.0 with every rule described.
// `baseline_state` ("new", or empty for none) is given to every result, for
// validate --new-since: code scanning then knows they are the change's own.
std::string render_sarif(const std::vector<Diagnostic>& diagnostics,
                         const std::string& tool_version, std::string_view baseline_state = {});

}  // namespace kam
