#pragma once
// Running one untrusted SQL statement on a model database, safely: the
// connection is locked down first (query_only, defensive mode, no extension
// loading, no ATTACH, an authorizer that allows reads and a few read-only
// pragmas only), and a progress handler ends a statement that runs too long.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "kam/report/report_model.hpp"
#include "kam/sql/database.hpp"

namespace kam::sql {

// Makes `db` read-only and refuses everything but reading. Irreversible.
void lock_down(Database& db);

struct QueryOptions {
    std::map<std::string, std::string> params;  // name (without ':') -> value
    double time_limit_seconds = 10;
    // Money columns (`*_cents`) as money in whole units, for the human formats.
    bool money_as_units = false;
};

// Runs exactly one statement of `sql` on a locked-down `db`; the result as a
// report with one table (kind "query"). Throws UsageError with SQLite's
// message and the position in `sql` on an error, a refusal or the time limit.
Report run_query(Database& db, std::string_view sql, const QueryOptions& options);

// The tables of the model `sql`'s first statement reads, through any view or
// CTE (SQLite's authorizer names them as it compiles the statement on an
// empty model); nullopt when it does not compile, so that running it gives
// SQLite's own message. kam query fills only these.
std::optional<std::set<std::string>> tables_read(std::string_view sql);

// The schema version in kam_meta; throws UsageError when `db` is not a kam
// export or is of another version.
void check_schema_version(Database& db, const std::string& path);

}  // namespace kam::sql
