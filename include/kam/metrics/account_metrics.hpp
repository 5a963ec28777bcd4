#pragma once
// The per-account figures of kam-files(5) section 6: pure functions of one
// account's model, the portfolio settings and the as-of day. Money is in the
// base currency, exact in cents; a figure that cannot be computed carries the
// reason instead of a value.
//
// To add a per-account figure, touch these 8 places (ARCHITECTURE.md):
//   1-2. its field in AccountMetrics below and its computation
//        (account_metrics.cpp), with its reason when it cannot be computed;
//   3-4. report/report_summary.cpp: its column in account_columns() and its
//        cell in account_row(), at the same position;
//   5.   report/report_show.cpp: its item in figures();
//   6-7. sql/schema.cpp: its row of the `figures` table; sql/load.cpp: its value;
//   8.   man/kam-metrics.7 (tests/unit/test_metrics_docs.cpp checks the
//        summary's names), and the --sort lists of man/kam.1.
#include <string>
#include <vector>

#include "kam/metrics/completeness.hpp"
#include "kam/metrics/exact.hpp"
#include "kam/metrics/figure.hpp"
#include "kam/metrics/health.hpp"
#include "kam/metrics/source.hpp"
#include "kam/model/account.hpp"
#include "kam/util/date.hpp"
#include "kam/util/money.hpp"

namespace kam {

struct AccountMetrics {
    int fiscal_year = 0;      // the fiscal year annual_revenue is for
    bool incomplete = false;  // the account had load errors: figures are from what could be read

    Figure<Money> annual_revenue, prior_revenue;
    // Revenue to date of the running fiscal year (or, while it has no row yet,
    // of fiscal_year) and its run rate; see year_to_date() in fiscal.hpp.
    int ytd_year = 0, ytd_months = 0;
    Figure<Money> ytd_revenue, run_rate;
    Figure<Fixed> growth_pct, margin_pct;
    Figure<Money> acv;
    Figure<Date> next_renewal, notice_deadline;
    std::string next_renewal_contract;  // id of the contract that renews next
    Figure<Money> next_renewal_value;   // its annual_value
    Figure<Money> pipeline, weighted_pipeline;
    Figure<Fixed> win_rate_pct, win_rate_value_pct;
    int won = 0, lost = 0;  // opportunities closed in the 365 days to as-of: win_rate_pct's counts
    Money won_value, lost_value;       // their values: win_rate_value_pct's sums
    std::string won_lost_value_error;  // why the sums are unknown (no exchange rate)
    Figure<int64_t> risk_exposure, max_risk;
    Figure<Fixed> nps, csat;    // csat with two decimals
    int nps_n = 0, csat_n = 0;  // the survey answers nps and csat are taken over
    Figure<int64_t> days_since_review;
    Figure<Fixed> coverage_pct;
    Completeness completeness;  // completeness_pct is completeness.pct
    Health health;
};

// The format's bands of a risk score: low 1-4, medium 5-9, high 10-16, critical 20-25.
std::string_view risk_band(int score);
// In the critical band: every live one is an alert.
bool critical_risk(int score);

// Windows: "the last N days" and "the 365 days up to the as-of day" are the N
// days ending with the as-of day, both ends included (as_of - N + 1 .. as_of).
bool in_window(Date day, Date as_of, int days);

// The currency of the amounts of an account that name none: its own
// `currency`, else empty (the base currency).
std::string account_currency(const Account& account);

// won / (won + lost) x 100, by count or by value; empty when nothing was
// won or lost in the 365 days to `as_of`.
Figure<Fixed> win_rate(int128 won, int128 lost, Date as_of);
// By value, over `closed` opportunities worth won_value + lost_value; empty
// with `error` (a missing exchange rate) or when they are worth 0.
Figure<Fixed> win_rate_by_value(Money won_value, Money lost_value, int64_t closed,
                                const std::string& error, Date as_of);

AccountMetrics compute_account_metrics(const Account& account, const PortfolioSettings& settings,
                                       Date as_of);
// The same, filling `sources` with the inputs of each figure (kam-metrics(7),
// SOURCES) as it computes them.
AccountMetrics compute_account_metrics(const Account& account, const PortfolioSettings& settings,
                                       Date as_of, FigureSources& sources);

// The same figures with the account's own currency as the base: its amounts
// exactly, amounts in any other currency unknown (kam.yaml gives rates to
// the base only). For an account whose currency is the base, the figures.
AccountMetrics compute_account_metrics_in_own_currency(const Account& account,
                                                       const PortfolioSettings& settings,
                                                       Date as_of);

}  // namespace kam
