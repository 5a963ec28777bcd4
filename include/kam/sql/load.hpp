#pragma once
// The relational model of a loaded portfolio: the rows from the typed model,
// the figures from the metrics layer, the report_* tables from the report
// builders, the findings as kam validate reports them, and the data
// dictionary. One builder of rows for `kam query` (virtual tables over them)
// and `kam export` (real tables, with keys and CHECKs, filled from them).
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "kam/metrics/account_metrics.hpp"
#include "kam/portfolio/load.hpp"
#include "kam/sql/database.hpp"
#include "kam/sql/row_store.hpp"

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
    unsigned jobs = 1;  // threads building the rows (each account's are independent)
};

// Every table's rows (the views are SQL over them), in the order of tables().
// Rows whose key repeats (a duplicate id, which kam validate reports) keep
// the first; kam_meta's rows_skipped counts the others.
struct ModelRows {
    std::vector<RowStore> tables;
    size_t skipped = 0;
    const RowStore* find(std::string_view name) const;
    RowStore* find_mutable(std::string_view name);
};
ModelRows build_model_rows(const ModelInput& input);

// Creates every table and view of schema version 1 in `db` (empty) and
// fills the tables with `rows`.
void write_model(Database& db, const ModelRows& rows);

// build_model_rows, then write_model: a database that stands alone (kam export).
void load_model(Database& db, const ModelInput& input);

// build_model_rows, then open_virtual_model (kam query): the same names,
// columns, values and types as load_model's, without SQLite inserting a row.
// Returns the rows, for more connections to them.
std::shared_ptr<const ModelRows> load_model_virtual(Database& db, const ModelInput& input);

// A virtual table over each table's rows, and the views, in `db` (empty).
// The rows are only read, so connections on other threads may share them.
void open_virtual_model(Database& db, std::shared_ptr<const ModelRows> rows);

// The statements that create the schema (tables, then views), in order.
std::vector<std::string> schema_statements();

}  // namespace kam::sql
