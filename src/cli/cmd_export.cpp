// kam export --format sqlite|csv|jsonl -o PATH: the portfolio's relational
// model as a SQLite database, or one file per table with schema.json and the
// DuckDB and Postgres load scripts.
#include <fmt/format.h>

#include <set>

#include "commands.hpp"
#include "kam/sql/export.hpp"
#include "kam/sql/load.hpp"
#include "kam/util/error.hpp"
#include "output.hpp"
#include "sql_common.hpp"

namespace kam::cli {

namespace {

struct ExportOptions {
    std::string format;
    std::string output;
    std::vector<std::string> tables;
    bool excel = false;
};

int run_export(const Context& ctx, const ExportOptions& o) {
    if (o.excel && o.format != "csv") throw UsageError("--excel is for --format csv");
    const std::vector<std::string> tables = sql::export_tables(o.tables);
    // Only the tables written are filled. The SQLite file is real tables,
    // with their keys and references; the files are read out of the same
    // rows as kam query reads them.
    const std::set<std::string> filled(tables.begin(), tables.end());
    ModelDatabase model = load_model_database(
        ctx, o.format == "sqlite" ? ModelTables::real : ModelTables::virtual_tables, &filled);
    if (o.format == "sqlite") {
        sql::export_sqlite(model.db, o.output, tables);
        print_out(fmt::format("Wrote {} ({} tables and views)\n", o.output, tables.size()));
    } else {
        const auto another = [rows = model.rows] {
            sql::Database db = sql::Database::open_memory();
            sql::open_virtual_model(db, rows);
            return db;
        };
        const auto files = sql::export_files(
            model.db, sql::FileExport{o.format, o.output, tables, o.excel}, another, ctx.jobs());
        print_out(fmt::format("Wrote {} files to {}\n", files.size(), o.output));
    }
    warn_of_load_errors(model, "exported");
    return 0;
}

}  // namespace

void setup_export(CLI::App& sub, Action& action) {
    auto o = std::make_shared<ExportOptions>();
    sub.add_option("--format", o->format, "sqlite, csv or jsonl")
        ->required()
        ->check(CLI::IsMember({"sqlite", "csv", "jsonl"}));
    sub.add_option("-o,--output", o->output,
                   "The database file (sqlite) or the folder of files (csv, jsonl)")
        ->required();
    sub.add_option("--tables", o->tables,
                   "Only these tables (comma-separated), with the tables they refer to")
        ->delimiter(',')
        ->allow_extra_args(false);
    sub.add_flag("--excel", o->excel, "csv: a UTF-8 BOM and the spreadsheet formula guard");
    sub.callback(
        [&action, o] { action = [o](const Context& ctx) { return run_export(ctx, *o); }; });
}

}  // namespace kam::cli
