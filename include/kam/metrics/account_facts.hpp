#pragma once
// What the portfolio figures, the alerts' order and the account filters read
// of an account besides its figures: its name and cover-sheet facts, a few
// dozen bytes. A report that keeps these (and the figures) can drop the
// account's model as soon as it is built (report/report_digest.hpp).
#include <optional>
#include <string>
#include <vector>

#include "kam/model/account.hpp"
#include "kam/util/date.hpp"

namespace kam {

struct AccountFacts {
    std::string slug;
    std::string name;  // the cover sheet's name, empty when it gives none
    std::string tier, status, manager;
    std::vector<std::string> tags;
    std::optional<Date> client_since, lost_on;
    bool has_performance = false;  // performance.yaml was read
    bool has_errors = false;       // any error finding for the account
};

AccountFacts facts_of(const Account& account);
std::vector<AccountFacts> facts_of(const std::vector<Account>& accounts);

}  // namespace kam
