#pragma once
// `kam show SLUG`: one account, every section and figure, as a one-pager.
#include "kam/report/report_input.hpp"

namespace kam {

// `account` indexes input.accounts.
Report build_show_report(const ReportInput& input, size_t account);

}  // namespace kam
