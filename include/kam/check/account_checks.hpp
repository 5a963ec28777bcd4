#pragma once
// The checks of the format's section 5 that look across fields and files of
// one account: ids, references, date order, currencies and the dated rules.
#include <vector>

#include "kam/model/account.hpp"
#include "kam/util/date.hpp"
#include "kam/util/diagnostic.hpp"

namespace kam {

struct CheckContext {
    const PortfolioSettings& settings;
    Date as_of;
};

void check_account(const Account& account, const CheckContext& context,
                   std::vector<Diagnostic>& out);

}  // namespace kam
