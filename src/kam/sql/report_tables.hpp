#pragma once
// The report_* tables: the main table of each report (what its CSV carries),
// built by the report builders themselves, so their columns and rows are the
// report's by construction.
#include <string>
#include <string_view>
#include <vector>

#include "kam/metrics/alerts.hpp"
#include "kam/report/report_input.hpp"
#include "kam/sql/schema.hpp"

namespace kam::sql {

// How each report_* table's report is built: over `input` (every account
// shown), with the CLI's defaults. Only report_summary reads `alerts`.
struct ReportTableBuilder {
    std::string_view table;
    Report (*build)(const ReportInput& input, const PortfolioMetrics& whole,
                    const std::vector<Alert>& alerts);
};
const std::vector<ReportTableBuilder>& report_table_builders();

// Their definitions (columns from the builders' reports over no account,
// typed numeric or text).
const std::vector<TableDef>& report_table_defs();

}  // namespace kam::sql
