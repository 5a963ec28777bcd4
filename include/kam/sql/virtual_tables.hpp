#pragma once
// kam query's tables: SQLite virtual tables over the rows kam built, so a
// query pays for no INSERT (on 10,000 accounts, SQLite's own insert work was
// more than kam summary's whole run). Read-only; declared with the real
// table's create_statement, so names, affinities, typeof(), NOT NULLs and
// keys are the export's (SQLite keeps no references for a virtual table).
// An equality on any column is answered from a hash index built
// the first time a query asks (what SQLite's automatic index does for a real
// table), so joins stay linear.
#include <memory>

#include "kam/sql/database.hpp"
#include "kam/sql/row_store.hpp"

namespace kam::sql {

struct ModelRows;

// Creates a virtual table over each of `rows`' stores in `db`'s main schema;
// `db` keeps `rows` alive.
void create_virtual_tables(Database& db, std::shared_ptr<const ModelRows> rows);

}  // namespace kam::sql
