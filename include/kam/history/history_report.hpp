#pragma once
// kam history's result as a neutral Report: the points sampled (period, day
// judged as of, commit), then the figures, wide (a row per account and
// figure, a column per point, a trend arrow) or, with `tidy`, one row per
// point, account and figure with the reason of every empty value.
#include <string>

#include "kam/history/figure_history.hpp"
#include "kam/report/report_model.hpp"

namespace kam {

struct HistoryReportOptions {
    std::string sampling;  // "monthly", "by commit"...
    bool change = false;   // cells hold the change from the point before
    bool tidy = false;     // the tidy table instead of the wide one
};

// The figures' rows are made from `history` and `request` as they are
// printed: both must outlive the report.
Report build_history_report(const PortfolioHistory& history, const HistoryRequest& request,
                            const HistoryReportOptions& options);

}  // namespace kam
