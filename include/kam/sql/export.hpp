#pragma once
// Writing a model database out: a SQLite file, or one CSV (RFC 4180) or JSON
// Lines file per table with schema.json and the load scripts for DuckDB and
// Postgres, so nothing downstream guesses a type. Rows are in key order.
#include <functional>
#include <string>
#include <vector>

#include "kam/sql/database.hpp"

namespace kam::sql {

// The tables to write: `wanted` (names; empty: all) with every table a kept
// one refers to or is built from, in definition order. Throws UsageError
// naming an unknown table (with a suggestion).
std::vector<std::string> export_tables(const std::vector<std::string>& wanted);

// `path` is written whole or not at all: a temporary file beside it, then a rename.
void export_sqlite(Database& db, const std::string& path, const std::vector<std::string>& tables);

struct FileExport {
    std::string format;  // csv or jsonl
    std::string dir;     // created when missing
    std::vector<std::string> tables;
    bool excel = false;  // csv: a UTF-8 BOM and the formula guard of the reports
};
// Reads `db` only, so its tables may be kam query's virtual ones. With
// `another` (a new connection to the same rows), the tables are written on
// up to `jobs` threads, each reading through a connection of its own.
// Returns the files written, relative to dir.
std::vector<std::string> export_files(Database& db, const FileExport& options,
                                      const std::function<Database()>& another = {},
                                      unsigned jobs = 1);

// One table's rows as CSV or JSON Lines (exposed for the tests); kam_tables
// and kam_columns only those of the tables `described` (empty: all).
std::string table_csv(Database& db, const std::string& table, bool excel,
                      const std::vector<std::string>& described = {});
std::string table_jsonl(Database& db, const std::string& table,
                        const std::vector<std::string>& described = {});

}  // namespace kam::sql
