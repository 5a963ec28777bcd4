#pragma once
// Relationship fit (kam-metrics(7)): the relationship type the practice
// suggests from the account's value (annual_revenue, base currency) and
// margin_pct, against the `relationship` its cover sheet chose.
#include <string>

#include "kam/metrics/account_metrics.hpp"

namespace kam {

struct RelationshipFit {
    Figure<std::string> suggested;  // intense, moderate or arms-length
    std::string chosen;             // account.yaml relationship, empty when not written
    bool mismatch = false;          // chosen written and different from suggested
};

RelationshipFit relationship_fit(const Account& account, const AccountMetrics& metrics,
                                 const Policy& policy);

}  // namespace kam
