#pragma once
// The judgement reports: the portfolio matrix (kam matrix), profitability and
// lifetime value (kam value) and whitespace (kam whitespace). Each is built
// from the figures of metrics/ (matrix, lifetime_value, relationship_fit,
// whitespace), judged over the whole portfolio, for the shown accounts.
#include <memory>

#include "kam/metrics/matrix.hpp"
#include "kam/metrics/portfolio_metrics.hpp"
#include "kam/metrics/rising.hpp"
#include "kam/metrics/whitespace.hpp"
#include "kam/report/report_input.hpp"

namespace kam {

// Every shown account that is not lost on attractiveness x strength, by
// quadrant (strategic, develop, status, streamline, unknown), then
// attractiveness descending. The tables' rows are made as they are printed
// (Table::make_row): the report keeps `matrix` and reads `input.accounts` and
// `input.metrics`, which must outlive it.
Report build_matrix_report(const ReportInput& input, std::shared_ptr<const PortfolioMatrix> matrix);

// Profitability, lifetime value and relationship fit of the shown accounts
// that are not lost, by annual_margin descending; `whole` gives the
// portfolio's retention for the expected lifetime.
Report build_value_report(const ReportInput& input, const PortfolioMetrics& whole);

// The accounts x offerings grid, the offerings' penetration and the gaps.
// The grid's and the gaps' rows are made as they are printed
// (Table::make_row): the report keeps `whitespace` and reads
// `input.accounts`, which must outlive it.
Report build_whitespace_report(const ReportInput& input,
                               std::shared_ptr<const Whitespace> whitespace);

// What kam show adds for one account (`account` indexes input.accounts): its
// place in the matrix, margin and lifetime value, relationship fit and
// whether it is rising ("judgement"), its contact map ("contact_map",
// "contact_gaps") and its open opportunities that are not qualified
// ("qualification_gaps"). `matrix`, `whole`, `rising` and `everyone` (the
// whitespace over every account, whitespace_of_everyone) are the
// portfolio's, computed once however many accounts are shown.
// With input.sources (and `matrix` computed with them), the figures'
// explanations go to `explained`.
std::vector<Block> show_judgement_blocks(const ReportInput& input, size_t account,
                                         const PortfolioMatrix& matrix,
                                         const PortfolioMetrics& whole,
                                         const std::vector<RisingEntry>& rising,
                                         const Whitespace& everyone, Report* explained = nullptr);

// For kam pipeline ("qualification"): the open opportunities of the shown
// accounts that are qualified (BANT all true) and not, by count, value and
// weighted value.
FigureList qualification_figures(const ReportInput& input);

// The rising accounts as a table for kam keys (key "rising"), shown ones only,
// with the quadrant and tier the matrix suggests for each.
Table rising_table(const ReportInput& input, const std::vector<RisingEntry>& rising,
                   const PortfolioMatrix& matrix);

}  // namespace kam
