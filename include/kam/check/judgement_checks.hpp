#pragma once
// The rules of kam-metrics(7)'s judgement figures, each a call of the figure's
// one home in metrics/: margin-below-policy (lifetime_value),
// relationship-mismatch (relationship_fit), single-threaded (contact_map) and
// opportunity-unqualified (qualification). Per account, so that validating one
// account (the pre-commit hook) judges it as validating all of them does.
#include <vector>

#include "kam/check/account_checks.hpp"

namespace kam {

void check_judgement(const Account& account, const CheckContext& context,
                     std::vector<Diagnostic>& out);

}  // namespace kam
