#pragma once
// The alerts of the dashboard: what needs someone's attention soon, drawn
// from the same model and figures as the reports.
//
//   renewal         an active or renewing contract ends within policy.renewal_horizon_days
//   notice          such a contract, not auto-renewing, whose notice deadline
//                   (end - notice_days) falls within the horizon or has passed
//                   while the contract still runs
//   critical-risk   a live risk scoring 20 or more (the critical band)
//   review-overdue  a key or strategic account, not lost or prospect, without
//                   a progress review in policy.review_every_days (a client
//                   younger than that is not overdue yet), as the check does
//   sla-breach      a breached SLA of an active or renewing contract
//   tier-mismatch   a key-account tier disagreement (portfolio_metrics.hpp)
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kam/metrics/portfolio_metrics.hpp"

namespace kam {

enum class AlertKind : uint8_t {
    renewal,
    notice,
    critical_risk,
    review_overdue,
    sla_breach,
    tier_mismatch
};
std::string_view alert_kind_name(AlertKind kind);  // "renewal", "critical-risk", ...

// A day this many days ahead or fewer (or past) is urgent: the alert says so
// and the reports colour it red.
inline constexpr int k_urgent_days = 30;
inline bool urgent(int64_t days_ahead) {
    return days_ahead <= k_urgent_days;
}

struct Alert {
    AlertKind kind = AlertKind::renewal;
    size_t account = 0;           // index into the accounts
    std::optional<Date> date;     // the day it is about
    std::optional<int64_t> days;  // from the as-of day to `date`; negative when past
    bool urgent = false;          // within k_urgent_days, passed, or critical
    std::string message;
};

// Alerts of the accounts in `which`, by kind, then date, then account;
// `ranking` is the portfolio-wide key-account ranking.
std::vector<Alert> compute_alerts(const std::vector<Account>& accounts,
                                  const std::vector<AccountMetrics>& metrics,
                                  const std::vector<size_t>& which,
                                  const std::vector<KeyAccountEntry>& ranking,
                                  const PortfolioSettings& settings, Date as_of);

// compute_alerts in two steps, for a caller that drops each model once it is
// built: the alerts one account raises by itself (every kind but
// tier-mismatch, which needs the ranking; Alert::account is `index`), in no
// particular order, and then those of the accounts in `which` (own[i] the
// account_alerts of accounts[i]) with the tier mismatches of `ranking`, in
// compute_alerts' order.
std::vector<Alert> account_alerts(size_t index, const Account& account,
                                  const AccountMetrics& metrics, const PortfolioSettings& settings,
                                  Date as_of);
std::vector<Alert> portfolio_alerts(const std::vector<AccountFacts>& accounts,
                                    const std::vector<std::vector<Alert>>& own,
                                    const std::vector<size_t>& which,
                                    const std::vector<KeyAccountEntry>& ranking);

}  // namespace kam
