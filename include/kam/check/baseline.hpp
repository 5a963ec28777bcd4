#pragma once
// Findings against a baseline (kam validate --new-since REV): which findings
// a change introduced. A finding is identified by its rule, account, file
// and message with line and column numbers taken out, never by its
// position, so a finding that only moved because lines were added above it
// is not new. Identical findings are counted: a third copy where the
// baseline had two is one new finding.
#include <string>
#include <vector>

#include "kam/util/diagnostic.hpp"

namespace kam {

// "schema-enum|acme|accounts/acme/risks.yaml|status 'opn' is not one of ...".
std::string finding_fingerprint(const Diagnostic& d);

// The findings of `current` that `baseline` does not have, in their order.
std::vector<Diagnostic> new_findings(std::vector<Diagnostic> current,
                                     const std::vector<Diagnostic>& baseline);

}  // namespace kam
