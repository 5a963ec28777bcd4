#pragma once
// kam-tables(7), generated from the table definitions (sql/schema.hpp), so
// the page and the database cannot disagree; a unit test compares the page
// in man/ with this text.
#include <string>

namespace kam::sql {

std::string render_tables_man();

}  // namespace kam::sql
