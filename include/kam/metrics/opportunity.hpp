#pragma once
// One opportunity's share of the pipeline: the one home of "is this stage
// open" and of the weighted value that weighted_pipeline sums.
#include <string_view>

#include "kam/model/account.hpp"
#include "kam/util/expected.hpp"
#include "kam/util/money.hpp"

namespace kam {

// lead, qualified, proposal, negotiation.
bool open_stage(std::string_view stage);

// value (already in the base currency) x effective probability / 100,
// rounded to cents.
Expected<Money> weighted_value(Money base_value, const Opportunity& opportunity);

}  // namespace kam
