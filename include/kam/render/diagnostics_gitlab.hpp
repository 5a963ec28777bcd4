#pragma once
// GitLab Code Quality report (gl-code-quality-report.json): one issue per finding.
#include <string>
#include <vector>

#include "kam/util/diagnostic.hpp"

namespace kam {

// A JSON array of {description, check_name, fingerprint, severity, location:
// {path, lines: {begin}}}. The fingerprint hashes the rule, the file, the
// message with its line numbers taken out and the finding's rank among equal
// ones, so it is the same in every run and when unrelated lines move.
// Severities: error -> major, warning -> minor, info -> info.
std::string render_gitlab(const std::vector<Diagnostic>& diagnostics);

}  // namespace kam
