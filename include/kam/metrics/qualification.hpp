#pragma once
// Opportunity qualification (kam-metrics(7), "Qualification"): BANT.
#include <string_view>
#include <vector>

#include "kam/model/account.hpp"

namespace kam {

// Budget, authority, need and timeline all true.
bool qualified(const Opportunity& opportunity);
// The parts of BANT not given as true, in that order.
std::vector<std::string_view> missing_qualification(const Opportunity& opportunity);
// Open and in proposal or negotiation: what the rule opportunity-unqualified looks at.
bool needs_qualification(const Opportunity& opportunity);

}  // namespace kam
