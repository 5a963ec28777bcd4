#include "kam/metrics/alerts.hpp"

#include <fmt/format.h>
#include <algorithm>

namespace kam {

std::string_view alert_kind_name(AlertKind kind) {
    switch (kind) {
        case AlertKind::renewal:
            return "renewal";
        case AlertKind::notice:
            return "notice";
        case AlertKind::critical_risk:
            return "critical-risk";
        case AlertKind::review_overdue:
            return "review-overdue";
        case AlertKind::sla_breach:
            return "sla-breach";
        case AlertKind::tier_mismatch:
            return "tier-mismatch";
    }
    return {};
}

namespace {

class Collector {
  public:
    Collector(const PortfolioSettings& s, Date as_of, std::vector<Alert>& out)
        : s_(s), as_of_(as_of), out_(out) {}

    void account(size_t index, const Account& a, const AccountMetrics& m) {
        if (a.contracts)
            for (const Contract& k : *a.contracts) contract(index, k);
        if (a.risks)
            for (const Risk& r : *a.risks)
                if (r.live() && critical_risk(r.score()))
                    add(AlertKind::critical_risk, index, r.review, true,
                        fmt::format("risk {} scores {} ({} x {}): {}", r.id, r.score(),
                                    r.likelihood, r.impact, r.title));
        review(index, a, m);
    }

  private:
    void add(AlertKind kind, size_t account, std::optional<Date> date, bool urgent,
             std::string message) {
        Alert a{kind, account, date, std::nullopt, urgent, std::move(message)};
        if (date) a.days = *date - as_of_;
        out_.push_back(std::move(a));
    }

    void contract(size_t index, const Contract& k) {
        if (!k.in_force()) return;
        for (const Sla& sla : k.slas)
            if (sla.breached())
                add(AlertKind::sla_breach, index, std::nullopt, false,
                    fmt::format("{} {}: {}{}, target {}{} ({} is better)", k.id, sla.name,
                                *sla.actual, sla.unit.empty() ? "" : " " + sla.unit, sla.target,
                                sla.unit.empty() ? "" : " " + sla.unit,
                                sla.better == "lower" ? "lower" : "higher"));
        const std::optional<Date> end = k.current_end(as_of_);
        if (!end || *end < as_of_) return;
        const int horizon = s_.policy.renewal_horizon_days;
        const int64_t to_end = *end - as_of_;
        const bool auto_renew = k.auto_renew.value_or(false);
        if (to_end <= horizon)
            add(AlertKind::renewal, index, end, urgent(to_end),
                fmt::format("{} {} ends{}", k.id, k.title,
                            auto_renew ? ", renews automatically" : ""));
        if (auto_renew || !k.notice_days) return;
        const Date deadline = *k.notice_deadline(as_of_);
        const int64_t to_deadline = deadline - as_of_;
        if (to_deadline > horizon) return;
        add(AlertKind::notice, index, deadline, urgent(to_deadline),
            fmt::format("{} {}: {}", k.id, k.title,
                        to_deadline < 0 ? "notice deadline passed" : "give notice by then"));
    }

    void review(size_t index, const Account& a, const AccountMetrics& m) {
        const int every = s_.policy.review_every_days;
        if (!a.review_overdue(as_of_, every)) return;
        if (m.days_since_review) {
            add(AlertKind::review_overdue, index, as_of_ - static_cast<int>(*m.days_since_review),
                *m.days_since_review > 2 * every,
                fmt::format("last progress review (policy: {} days)", every));
            return;
        }
        add(AlertKind::review_overdue, index, std::nullopt, true,
            fmt::format("no progress review on record (policy: {} days)", every));
    }

    const PortfolioSettings& s_;
    Date as_of_;
    std::vector<Alert>& out_;
};

}  // namespace

std::vector<Alert> account_alerts(size_t index, const Account& account,
                                  const AccountMetrics& metrics, const PortfolioSettings& settings,
                                  Date as_of) {
    std::vector<Alert> out;
    Collector(settings, as_of, out).account(index, account, metrics);
    return out;
}

std::vector<Alert> portfolio_alerts(const std::vector<AccountFacts>& accounts,
                                    const std::vector<std::vector<Alert>>& own,
                                    const std::vector<size_t>& which,
                                    const std::vector<KeyAccountEntry>& ranking) {
    std::vector<Alert> out;
    std::vector<bool> shown(accounts.size(), false);
    for (const size_t i : which) {
        shown[i] = true;
        out.insert(out.end(), own[i].begin(), own[i].end());
    }
    for (const KeyAccountEntry& e : ranking)
        if (!e.mismatch.empty() && shown[e.account])
            out.push_back(Alert{AlertKind::tier_mismatch, e.account, std::nullopt, std::nullopt,
                                false, e.mismatch});
    std::stable_sort(out.begin(), out.end(), [&](const Alert& x, const Alert& y) {
        if (x.kind != y.kind) return x.kind < y.kind;
        if (x.date != y.date) return x.date && (!y.date || *x.date < *y.date);
        return accounts[x.account].slug < accounts[y.account].slug;
    });
    return out;
}

std::vector<Alert> compute_alerts(const std::vector<Account>& accounts,
                                  const std::vector<AccountMetrics>& metrics,
                                  const std::vector<size_t>& which,
                                  const std::vector<KeyAccountEntry>& ranking,
                                  const PortfolioSettings& settings, Date as_of) {
    std::vector<std::vector<Alert>> own(accounts.size());
    for (const size_t i : which)
        own[i] = account_alerts(i, accounts[i], metrics[i], settings, as_of);
    return portfolio_alerts(facts_of(accounts), own, which, ranking);
}

}  // namespace kam
