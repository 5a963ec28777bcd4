#pragma once
// What `kam summary` keeps of each account once its model is dropped: its
// facts (metrics/account_facts.hpp), its figures and the alerts it raises by
// itself, a few KiB where the model takes tens. The loader's workers fill it
// (PortfolioDigest::add, from a LoadOptions::visitor) while each model is
// alive; the summary's blocks are then built from it (SummaryInput).
#include <vector>

#include "kam/metrics/account_facts.hpp"
#include "kam/metrics/account_metrics.hpp"
#include "kam/metrics/alerts.hpp"
#include "kam/report/report_input.hpp"

namespace kam {

struct PortfolioDigest {
    std::vector<AccountFacts> accounts;
    std::vector<AccountMetrics> metrics;     // metrics[i] belongs to accounts[i]
    std::vector<std::vector<Alert>> alerts;  // account_alerts of accounts[i]

    // `count` empty slots, before add() fills them.
    void resize(size_t count);
    // Slot `index` from the account's model: compute_account_metrics and
    // account_alerts. Threads may fill different slots at once.
    void add(size_t index, const Account& account, const PortfolioSettings& settings, Date as_of);

    SummaryInput input(const PortfolioSettings& settings, Date as_of,
                       std::vector<size_t> shown) const {
        return SummaryInput{settings, as_of, accounts, metrics, std::move(shown)};
    }
};

}  // namespace kam
