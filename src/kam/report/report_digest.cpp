#include "kam/report/report_digest.hpp"

namespace kam {

void PortfolioDigest::resize(size_t count) {
    accounts.resize(count);
    metrics.resize(count);
    alerts.resize(count);
}

void PortfolioDigest::add(size_t index, const Account& account, const PortfolioSettings& settings,
                          Date as_of) {
    accounts[index] = facts_of(account);
    metrics[index] = compute_account_metrics(account, settings, as_of);
    alerts[index] = account_alerts(index, account, metrics[index], settings, as_of);
}

}  // namespace kam
