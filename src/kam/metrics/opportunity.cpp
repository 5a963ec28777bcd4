#include "kam/metrics/opportunity.hpp"

#include "kam/metrics/exact.hpp"

namespace kam {

bool open_stage(std::string_view stage) {
    return stage == "lead" || stage == "qualified" || stage == "proposal" || stage == "negotiation";
}

Expected<Money> weighted_value(Money base_value, const Opportunity& o) {
    Decimal p = decimal_from_double(o.effective_probability());
    p.scale += 2;
    return multiply(base_value, p);
}

}  // namespace kam
