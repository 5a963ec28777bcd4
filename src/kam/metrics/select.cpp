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

}  // namespace

bool AccountFilter::matches(const Account& a) const {
    if (!any_of(tiers, a.cover.tier, false) || !any_of(statuses, a.cover.status, false) ||
        !any_of(managers, a.cover.manager, true))
        return false;
    if (tags.empty()) return true;
    return std::any_of(a.cover.tags.begin(), a.cover.tags.end(),
                       [&](const std::string& t) { return any_of(tags, t, true); });
}

std::vector<size_t> select_accounts(const std::vector<Account>& accounts,
                                    const AccountFilter& filter) {
    std::vector<size_t> out;
    for (size_t i = 0; i < accounts.size(); ++i)
        if (filter.matches(accounts[i])) out.push_back(i);
    return out;
}

}  // namespace kam
