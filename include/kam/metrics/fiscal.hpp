#pragma once
// Fiscal years and the revenue of one, from performance.yaml's financials.
//
// Fiscal year YYYY starts on day 1 of month `fiscal_year_start` of YYYY
// (kam-files(5)). A period `YYYY` is fiscal year YYYY; `YYYY-Qn` is the n-th
// quarter of fiscal year YYYY; `YYYY-MM` is that calendar month, which
// belongs to the fiscal year it falls in.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kam/metrics/figure.hpp"
#include "kam/metrics/fx.hpp"
#include "kam/model/account.hpp"
#include "kam/util/date.hpp"

namespace kam {

struct FiscalYear {
    int year = 0;
    Date first, last;  // inclusive
};

FiscalYear fiscal_year(int year, int start_month);
int fiscal_year_of(Date day, int start_month);
// The latest fiscal year that ended before the as-of day.
int latest_complete_fiscal_year(Date as_of, int start_month);
std::string fiscal_year_label(int year);  // "FY2025"

struct YearAmounts {
    Money revenue;
    std::optional<Money> cost;           // only when every period used gives one
    std::string cost_reason;             // why cost is absent
    std::vector<const Financial*> rows;  // the rows summed: the figure's sources
};

// The year's own `YYYY` row when there is one; otherwise the sum of its four
// quarters, or of its twelve months, when all are present. Amounts are
// converted to the base currency row by row (`account_currency` applies to
// rows without a currency of their own; empty means the base).
Figure<YearAmounts> fiscal_year_amounts(const std::vector<Financial>& financials, int year,
                                        int start_month, const Converter& fx,
                                        std::string_view account_currency);

// Revenue to date: the rows of fiscal year `year` (its months when it has
// any, else its quarters; a `YYYY` row is left out) whose period has begun by
// the as-of day, and the months they cover (3 a quarter, 1 a month).
struct YearToDate {
    int year = 0;
    Money revenue;
    int months = 0;
    std::vector<const Financial*> rows;  // the rows summed: the figure's sources
};
Figure<YearToDate> year_to_date(const std::vector<Financial>& financials, int year, Date as_of,
                                int start_month, const Converter& fx,
                                std::string_view account_currency);
// The run rate: revenue x 12 / months, rounded half away from zero to cents.
Figure<Money> run_rate(const YearToDate& ytd);

}  // namespace kam
