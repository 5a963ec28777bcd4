#pragma once
// Fills a database with the relational model of a loaded portfolio: the rows
// from the typed model, the figures from the metrics layer, the report_*
// tables from the report builders, the findings as kam validate reports them,
// and the data dictionary. One loader for `kam query` and `kam export`.
#include <set>
#include <string>
#include <vector>

#include "kam/metrics/account_metrics.hpp"
#include "kam/portfolio/load.hpp"
#include "kam/sql/database.hpp"

namespace kam::sql {

struct ModelInput {
    const LoadedPortfolio& portfolio;            // loaded with paths relative to the portfolio root
    const std::vector<AccountMetrics>& metrics;  // metrics[i] belongs to portfolio.accounts[i]
    Date as_of;
    std::string git_commit;  // empty when the portfolio is not in git
    // The tables to fill (kam query: those its statement reads); the others
    // are created and left empty, and kam_meta's rows_skipped counts only
    // the filled ones. Null: every table (kam export).
    const std::set<std::string>* only = nullptr;
};

// Creates every table and view of schema version 1 in `db` and fills them.
// Rows whose key repeats (a duplicate id, which kam validate reports) keep
// the first; kam_meta's rows_skipped counts the others.
void load_model(Database& db, const ModelInput& input);

// The statements that create the schema (tables, then views), in order.
std::vector<std::string> schema_statements();

}  // namespace kam::sql
