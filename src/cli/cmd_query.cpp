// kam query SQL|@NAME: one read-only SQL statement on the portfolio's model
// (built in memory for this run, or an export given with --db).
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "commands.hpp"
#include "kam/render/report_formats.hpp"
#include "kam/sql/load.hpp"
#include "kam/sql/query.hpp"
#include "kam/sql/schema.hpp"
#include "kam/util/error.hpp"
#include "kam/util/spell.hpp"
#include "output.hpp"
#include "report_common.hpp"
#include "sql_common.hpp"

namespace kam::cli {

namespace {

struct QueryCliOptions {
    std::string sql;
    std::string format = "table";
    std::vector<std::string> params;
    std::string db;
    bool tables = false;
    std::string schema;
    double timeout = 10;
};

// queries/NAME.sql in the portfolio.
std::string saved_query(const Context& ctx, const std::string& name) {
    const bool ok =
        !name.empty() && name.size() <= 64 &&
        name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-_") == std::string::npos &&
        name[0] != '-';
    if (!ok)
        throw UsageError(fmt::format(
            "'@{}' is not a saved query name (lowercase letters, digits, '-' and '_')", name));
    const std::filesystem::path dir = std::filesystem::path(ctx.root().path) / "queries";
    const std::filesystem::path file = dir / (name + ".sql");
    std::error_code ec;
    const auto status = std::filesystem::symlink_status(file, ec);
    // A saved query is a file of the portfolio: a link could read anything.
    if (std::filesystem::is_symlink(status))
        throw UsageError(fmt::format(
            "queries/{}.sql is a symbolic link; a saved query must be a regular file", name));
    if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status))
        throw UsageError(fmt::format("queries/{}.sql is not a regular file", name));
    if (!std::filesystem::is_regular_file(status)) {
        std::vector<std::string> names;
        for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end;
             it.increment(ec))
            if (it->path().extension() == ".sql") names.push_back(it->path().stem().string());
        const std::vector<std::string_view> candidates(names.begin(), names.end());
        auto near = closest_match(name, candidates);
        if (near) near->insert(0, "@");
        throw UsageError(
            with_suggestion(fmt::format("no saved query '{}' (queries/{}.sql)", name, name), near));
    }
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::map<std::string, std::string> parse_params(const std::vector<std::string>& raw) {
    std::map<std::string, std::string> out;
    for (const std::string& p : raw) {
        const size_t eq = p.find('=');
        const std::string name = p.substr(0, eq);
        const bool ok = eq != std::string::npos && !name.empty() &&
                        name.find_first_not_of(
                            "abcdefghijklmnopqrstuvwxyz"
                            "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") == std::string::npos;
        if (!ok) throw UsageError(fmt::format("--param '{}': expected NAME=VALUE", p));
        if (!out.emplace(name, p.substr(eq + 1)).second)
            throw UsageError(fmt::format("--param {} is given twice", name));
    }
    return out;
}

int run_query_command(const Context& ctx, const QueryCliOptions& o) {
    std::string sql = o.sql;
    std::map<std::string, std::string> params = parse_params(o.params);
    if (o.tables) {
        if (!sql.empty()) throw UsageError("--tables takes no query");
        sql = "SELECT name, kind, description FROM kam_tables ORDER BY rowid";
    } else if (!o.schema.empty()) {
        if (!sql.empty()) throw UsageError("--schema takes no query");
        if (!sql::find_table(o.schema)) {
            std::vector<std::string_view> names;
            for (const sql::TableDef& t : sql::tables()) names.push_back(t.name);
            throw UsageError(
                with_suggestion(fmt::format("--schema: there is no table '{}'", o.schema),
                                closest_match(o.schema, names)) +
                " (kam query --tables lists them)");
        }
        sql =
            "SELECT position, name, type, unit, description FROM kam_columns WHERE table_name = "
            ":kam_table ORDER BY position";
        params["kam_table"] = o.schema;
    } else if (sql.empty()) {
        throw UsageError("kam query needs a SQL statement, @NAME, --tables or --schema TABLE");
    } else if (sql.starts_with('@')) {
        sql = saved_query(ctx, sql.substr(1));
    }

    ModelDatabase model{sql::Database::open_memory(), nullptr, 0, 0};
    if (!o.db.empty()) {
        model.db = sql::Database::open_read_only(o.db);
        sql::lock_down(model.db);
        sql::check_schema_version(model.db, o.db);
    } else if (o.tables || !o.schema.empty()) {
        // The dictionary alone: the same definitions, no portfolio needed.
        const LoadedPortfolio none;
        const std::vector<AccountMetrics> no_metrics;
        sql::load_model(model.db, sql::ModelInput{none, no_metrics, Date{}, ""});
        sql::lock_down(model.db);
    } else {
        // Only the tables the statement reads are filled: a question about
        // accounts does not pay for every figure, finding and report table.
        const auto read = sql::tables_read(sql);
        model = load_model_database(ctx, ModelTables::virtual_tables, read ? &*read : nullptr);
        sql::lock_down(model.db);
    }
    sql::QueryOptions q;
    q.params = std::move(params);
    q.time_limit_seconds = o.timeout;
    q.money_as_units = o.format == "table" || o.format == "markdown";
    const Report report = sql::run_query(model.db, sql, q);

    // Through the reports' renderers and output: a lost stdout is exit 4 here too.
    print_out(render_in_format(ctx, report, o.format, false));
    flush_out();
    warn_of_load_errors(model, "loaded");
    return 0;
}

}  // namespace

void setup_query(CLI::App& sub, Action& action) {
    auto o = std::make_shared<QueryCliOptions>();
    sub.add_option("sql", o->sql, "One SQL statement, or @NAME for queries/NAME.sql");
    sub.add_option("-f,--format", o->format, "table (default), markdown, json or csv")
        ->check(CLI::IsMember({"table", "markdown", "json", "csv"}));
    sub.add_option("--param", o->params, "Bind NAME=VALUE to :NAME in the query (repeatable)")
        ->allow_extra_args(false);
    sub.add_option("--db", o->db, "Query this exported SQLite file instead of the portfolio")
        ->check(CLI::ExistingFile);
    sub.add_flag("--tables", o->tables, "List the tables and views");
    sub.add_option("--schema", o->schema, "List the columns of this table");
    sub.add_option("--timeout", o->timeout, "Stop a query after this many seconds (default 10)")
        ->check(CLI::Range(0.01, 3600.0));
    sub.callback(
        [&action, o] { action = [o](const Context& ctx) { return run_query_command(ctx, *o); }; });
}

}  // namespace kam::cli
