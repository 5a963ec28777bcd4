#pragma once
// One opportunity's share of the pipeline: the one home of the weighted value
// that weighted_pipeline sums ("is it open" is Opportunity::open(), in model/).
#include <string_view>

#include "kam/model/account.hpp"
#include "kam/util/expected.hpp"
#include "kam/util/money.hpp"

namespace kam {

// value (already in the base currency) x effective probability / 100,
// rounded to cents.
Expected<Money> weighted_value(Money base_value, const Opportunity& opportunity);

}  // namespace kam
