#pragma once
// The period ends kam history samples at. Months and weeks are calendar ones
// (a week ends on Sunday, as ISO 8601 has it); quarters and years are kam's
// fiscal ones (kam.yaml `fiscal_year_start`), so "Q3" means what the
// reviews mean by it. The running period is included, ending on the as-of
// day: its values are "to date".
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kam/util/date.hpp"

namespace kam {

enum class Sampling { weekly, monthly, quarterly, yearly };

std::optional<Sampling> parse_sampling(std::string_view text);  // weekly monthly quarterly yearly

struct PeriodEnd {
    std::string label;     // "2026-W48", "2026-11", "FY2026-Q3", "FY2026"
    Date end;              // the period's last day, or the as-of day for the running one
    bool partial = false;  // the running period: end is the as-of day
};

// The last day of the period that `day` falls in.
Date period_last_day(Sampling period, Date day, int fiscal_year_start);

// Every period whose last day is on or after `since`, up to the one holding
// `until` (included, as a partial period unless `until` is its last day);
// empty when since > until. Oldest first.
std::vector<PeriodEnd> period_ends(Sampling period, Date since, Date until, int fiscal_year_start);

// The default start of a history: 12 months, 8 quarters, 13 weeks or 5 years
// before `until`.
Date default_history_start(Sampling period, Date until);

}  // namespace kam
