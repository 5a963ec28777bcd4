#include "kam/metrics/account_facts.hpp"

namespace kam {

AccountFacts facts_of(const Account& a) {
    return AccountFacts{a.slug,
                        a.cover.name,
                        a.cover.tier,
                        a.cover.status,
                        a.cover.manager,
                        a.cover.tags,
                        a.cover.client_since,
                        a.cover.lost_on,
                        a.performance.has_value(),
                        a.has_errors};
}

std::vector<AccountFacts> facts_of(const std::vector<Account>& accounts) {
    std::vector<AccountFacts> out;
    out.reserve(accounts.size());
    for (const Account& a : accounts) out.push_back(facts_of(a));
    return out;
}

}  // namespace kam
