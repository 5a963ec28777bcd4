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
    // The inputs (kam-metrics(7), SOURCES), when asked for: annual_revenue's
    // and margin_pct's, the policy's thresholds and account.relationship.
    Sources sources;
};

RelationshipFit relationship_fit(const Account& account, const AccountMetrics& metrics,
                                 const Policy& policy);
// The same, with its sources; `figures` are the account's (compute_account_metrics).
RelationshipFit relationship_fit(const Account& account, const AccountMetrics& metrics,
                                 const PortfolioSettings& settings, const FigureSources& figures);

}  // namespace kam
