#pragma once
// What kam query and kam export share: one load of the portfolio (paths
// relative to its root, so a database does not depend on where kam ran) into
// an in-memory model database.
#include <memory>
#include <set>
#include <string>
#include <string_view>

#include "context.hpp"
#include "kam/sql/database.hpp"
#include "kam/sql/load.hpp"

namespace kam::cli {

struct ModelDatabase {
    sql::Database db;
    std::shared_ptr<const sql::ModelRows> rows;  // virtual tables: what they read
    size_t error_count = 0;                      // error findings in the portfolio
    size_t accounts_with_errors = 0;
};

// How the model's tables are held: real tables that stand alone (kam export
// writes them out) or virtual tables over kam's rows (kam query reads them).
enum class ModelTables : unsigned char { real, virtual_tables };

// With `only`, the tables to fill (sql::ModelInput::only); null: every one.
ModelDatabase load_model_database(const Context& ctx, ModelTables kind,
                                  const std::set<std::string>* only = nullptr);

// On stderr, when the portfolio had errors: how many, and that the result
// (`what`: "loaded", "exported") holds only what could be read.
void warn_of_load_errors(const ModelDatabase& model, std::string_view what);

// The commit HEAD names in the git repository holding `dir`, or empty.
std::string git_head_commit(const std::string& dir);

}  // namespace kam::cli
