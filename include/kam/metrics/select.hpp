#pragma once
// Which accounts a report shows: --tier, --status, --tag and --manager.
// Several values of one option mean any of them; different options must all
// match. Tags and managers compare without regard to ASCII case.
#include <string>
#include <vector>

#include "kam/metrics/account_facts.hpp"
#include "kam/model/account.hpp"

namespace kam {

struct AccountFilter {
    std::vector<std::string> tiers, statuses, tags, managers;

    bool matches(const Account& account) const;
    bool matches(const AccountFacts& account) const;
};

// Indices of the matching accounts, in their order.
std::vector<size_t> select_accounts(const std::vector<Account>& accounts,
                                    const AccountFilter& filter);
std::vector<size_t> select_accounts(const std::vector<AccountFacts>& accounts,
                                    const AccountFilter& filter);

}  // namespace kam
