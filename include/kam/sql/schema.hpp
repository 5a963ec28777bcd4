#pragma once
// The relational model of a portfolio (schema version 1): every table, its
// columns in order, keys and descriptions, in one table of definitions that
// drives the DDL, the data dictionary (kam_tables, kam_columns), schema.json,
// the DuckDB and Postgres load scripts and kam-tables(7).
//
// Column names and order are a contract: within schema version 1 only
// additions at the end of a table, or new tables.
#include <string>
#include <string_view>
#include <vector>

namespace kam::sql {

inline constexpr int k_schema_version = 1;

// What a column holds, and so its SQL type everywhere.
//   text     TEXT
//   integer  INTEGER
//   real     REAL (numbers as written; `_pct` columns are percentages)
//   date     TEXT declared DATE, ISO YYYY-MM-DD, CHECKed to be a real day
//   boolean  INTEGER 0 or 1, CHECKed
//   cents    INTEGER, money in cents of the row's currency (or the base currency for `_base_cents`)
//   numeric  a figure: INTEGER or REAL (figures.value)
enum class ColumnType : unsigned char { text, integer, real, date, boolean, cents, numeric };

std::string_view sqlite_type(ColumnType type);  // TEXT, INTEGER, REAL, DATE, BOOLEAN, NUMERIC
std::string_view duckdb_type(ColumnType type);  // VARCHAR, BIGINT, DOUBLE, DATE, BOOLEAN
std::string_view postgres_type(
    ColumnType type);  // text, bigint, double precision, date, boolean, numeric
std::string_view type_name(ColumnType type);  // the names above: text, integer, ...

struct ColumnDef {
    std::string_view name;
    ColumnType type = ColumnType::text;
    std::string_view unit;  // cents, currency, pct, days, score... or empty
    std::string_view description;
    bool not_null = false;
};

struct ForeignKey {
    std::vector<std::string_view> columns;
    std::string_view table;
    std::vector<std::string_view> references;
};

enum class TableKind : unsigned char { table, view };

struct TableDef {
    std::string_view name;
    std::string_view description;
    std::vector<ColumnDef> columns;
    std::vector<std::string_view> primary_key;  // also the export's row order
    std::vector<ForeignKey> foreign_keys;
    TableKind kind = TableKind::table;
    std::string_view group;  // for kam-tables(7): "data", "figures", "reports", "meta"

    // Index of a column; throws std::logic_error when there is none.
    size_t column(std::string_view name) const;
};

// Every table and view, in the order they are created and documented.
const std::vector<TableDef>& tables();
const TableDef* find_table(std::string_view name);

// The figures of kam-metrics(7) held in `figures` and pivoted by `account_figures`.
struct FigureDef {
    std::string_view name;
    ColumnType type;  // cents, real (percentages, scores), integer (days, counts) or date
    std::string_view unit;
    std::string_view description;
};
const std::vector<FigureDef>& figure_defs();

// CREATE TABLE (with keys and CHECKs) or CREATE VIEW.
std::string create_statement(const TableDef& table);

}  // namespace kam::sql
