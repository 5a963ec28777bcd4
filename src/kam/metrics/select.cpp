#include "kam/metrics/select.hpp"

#include <algorithm>

namespace kam {

namespace {

bool same_ignoring_case(std::string_view a, std::string_view b) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                              [&](char x, char y) { return lower(x) == lower(y); });
}

bool any_of(const std::vector<std::string>& wanted, const std::string& value, bool ignore_case) {
    if (wanted.empty()) return true;
    return std::any_of(wanted.begin(), wanted.end(), [&](const std::string& w) {
        return ignore_case ? same_ignoring_case(w, value) : w == value;
    });
}

// The filter over the four facts it reads, from a model or from AccountFacts.
bool filter_matches(const AccountFilter& f, const std::string& tier, const std::string& status,
                    const std::string& manager, const std::vector<std::string>& account_tags) {
    if (!any_of(f.tiers, tier, false) || !any_of(f.statuses, status, false) ||
        !any_of(f.managers, manager, true))
        return false;
    if (f.tags.empty()) return true;
    return std::any_of(account_tags.begin(), account_tags.end(),
                       [&](const std::string& t) { return any_of(f.tags, t, true); });
}

template <typename A>
std::vector<size_t> select(const std::vector<A>& accounts, const AccountFilter& filter) {
    std::vector<size_t> out;
    for (size_t i = 0; i < accounts.size(); ++i)
        if (filter.matches(accounts[i])) out.push_back(i);
    return out;
}

}  // namespace

bool AccountFilter::matches(const Account& a) const {
    return filter_matches(*this, a.cover.tier, a.cover.status, a.cover.manager, a.cover.tags);
}

bool AccountFilter::matches(const AccountFacts& a) const {
    return filter_matches(*this, a.tier, a.status, a.manager, a.tags);
}

std::vector<size_t> select_accounts(const std::vector<Account>& accounts,
                                    const AccountFilter& filter) {
    return select(accounts, filter);
}

std::vector<size_t> select_accounts(const std::vector<AccountFacts>& accounts,
                                    const AccountFilter& filter) {
    return select(accounts, filter);
}

}  // namespace kam
