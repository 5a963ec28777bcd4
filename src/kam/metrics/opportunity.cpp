#include "kam/metrics/opportunity.hpp"

#include "kam/metrics/exact.hpp"

namespace kam {

Expected<Money> weighted_value(Money base_value, const Opportunity& o) {
    Decimal p = decimal_from_double(o.effective_probability());
    p.scale += 2;
    return multiply(base_value, p);
}

}  // namespace kam
