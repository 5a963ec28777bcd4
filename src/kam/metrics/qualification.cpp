#include "kam/metrics/qualification.hpp"

namespace kam {

std::vector<std::string_view> missing_qualification(const Opportunity& o) {
    std::vector<std::string_view> out;
    if (!o.budget.value_or(false)) out.push_back("budget");
    if (!o.authority.value_or(false)) out.push_back("authority");
    if (!o.need.value_or(false)) out.push_back("need");
    if (!o.timeline.value_or(false)) out.push_back("timeline");
    return out;
}

bool qualified(const Opportunity& o) {
    return missing_qualification(o).empty();
}

bool needs_qualification(const Opportunity& o) {
    return o.stage == "proposal" || o.stage == "negotiation";
}

}  // namespace kam
