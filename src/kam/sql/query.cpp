#include "kam/sql/query.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <array>
#include <chrono>
#include <cstring>
#include <map>
#include <memory>
#include <set>

#include "kam/sql/load.hpp"
#include "kam/sql/schema.hpp"
#include "kam/util/error.hpp"
#include "kam/util/money.hpp"

namespace kam::sql {

namespace {

// What the authorizer refused last, for a message clearer than SQLite's
// "not authorized".
struct Guard {
    std::string refusal;
    std::chrono::steady_clock::time_point deadline;
    bool timed_out = false;
};

Guard& guard_of(Database& db) {
    if (!db.attachment()) db.attach(std::make_shared<Guard>());
    return *static_cast<Guard*>(db.attachment().get());
}

// Pragmas that only read: about one table or index (their argument names it),
// or about the engine (allowed without an argument, never set).
bool pragma_on_a_table(std::string_view name) {
    static const std::set<std::string_view> k_allowed = {
        "table_info", "table_xinfo", "index_list", "index_info", "index_xinfo", "foreign_key_list"};
    return k_allowed.count(name) > 0;
}

bool read_only_pragma(std::string_view name) {
    static const std::set<std::string_view> k_allowed = {
        "table_list", "collation_list", "function_list", "pragma_list", "compile_options"};
    return k_allowed.count(name) > 0;
}

int authorize(void* user, int action, const char* a1, const char* a2, const char*, const char*) {
    auto& g = *static_cast<Guard*>(user);
    const std::string_view arg1 = a1 ? a1 : "";
    switch (action) {
        case SQLITE_SELECT:
        case SQLITE_READ:
        case SQLITE_RECURSIVE:
            return SQLITE_OK;
        case SQLITE_FUNCTION:
            if (a2 && std::string_view(a2) == "load_extension") {
                g.refusal = "load_extension() is not allowed";
                return SQLITE_DENY;
            }
            return SQLITE_OK;
        case SQLITE_PRAGMA:
            if (pragma_on_a_table(arg1) || (read_only_pragma(arg1) && !a2)) return SQLITE_OK;
            g.refusal = fmt::format("PRAGMA {} is not allowed (kam query reads only)", arg1);
            return SQLITE_DENY;
        case SQLITE_ATTACH:
        case SQLITE_DETACH:
            g.refusal = "ATTACH and DETACH are not allowed: kam query reads the portfolio only";
            return SQLITE_DENY;
        case SQLITE_TRANSACTION:
        case SQLITE_SAVEPOINT:
            g.refusal = "transactions are not allowed: kam query runs one SELECT";
            return SQLITE_DENY;
        default:
            // A table-valued pragma (pragma_table_info(...)) asks to write the
            // schema table while it is set up.
            if (action == SQLITE_UPDATE && arg1 == "sqlite_master") {
                g.refusal =
                    "table-valued pragma functions are not allowed; use PRAGMA table_info(TABLE) "
                    "or kam query --schema TABLE";
                return SQLITE_DENY;
            }
            g.refusal =
                "writes and schema changes are not allowed: kam query runs one read-only "
                "statement";
            return SQLITE_DENY;
    }
}

int progress(void* user) {
    auto& g = *static_cast<Guard*>(user);
    if (std::chrono::steady_clock::now() < g.deadline) return 0;
    g.timed_out = true;
    return 1;
}

// "line L, column C" of a byte offset, and the line with a caret under it.
std::string position(std::string_view sql, int offset) {
    if (offset < 0 || static_cast<size_t>(offset) > sql.size()) return {};
    const size_t at = static_cast<size_t>(offset);
    size_t line = 1, start = 0;
    for (size_t i = 0; i < at; ++i)
        if (sql[i] == '\n') {
            ++line;
            start = i + 1;
        }
    size_t end = sql.find('\n', start);
    if (end == std::string_view::npos) end = sql.size();
    size_t column = 1;
    for (size_t i = start; i < at; ++i)
        if ((static_cast<unsigned char>(sql[i]) & 0xC0) != 0x80) ++column;
    return fmt::format(" (at line {}, column {})\n  {}\n  {}^", line, column,
                       sql.substr(start, end - start), std::string(column - 1, ' '));
}

Cell cell_of(const Statement& s, int c, bool money) {
    switch (s.column_type(c)) {
        case Statement::Type::null:
            return Cell::none();
        case Statement::Type::integer:
            return money ? Cell::of_money(Money{s.column_int(c)}) : Cell::of_int(s.column_int(c));
        case Statement::Type::real:
            return Cell::of_number(s.column_double(c));
        case Statement::Type::text:
            return Cell::of(s.column_text(c));
        case Statement::Type::blob:
            return Cell::of(fmt::format("<{} bytes>", s.column_text(c).size()));
    }
    return Cell::none();
}

bool only_whitespace_or_comments(Database& db, std::string_view tail) {
    if (tail.find_first_not_of(" \t\r\n;") == std::string_view::npos) return true;
    std::string_view rest;
    Statement next = db.prepare(tail, &rest);
    // SQLite reads no further than a NUL byte: no progress is not the end.
    if (rest.size() == tail.size()) return false;
    return next.handle() == nullptr && only_whitespace_or_comments(db, rest);
}

}  // namespace

void lock_down(Database& db) {
    sqlite3* h = db.handle();
    Guard& g = guard_of(db);
    int off = 0;
    sqlite3_db_config(h, SQLITE_DBCONFIG_DEFENSIVE, 1, &off);
    sqlite3_db_config(h, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, &off);
    sqlite3_db_config(h, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &off);
    sqlite3_db_config(h, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, &off);
    sqlite3_limit(h, SQLITE_LIMIT_ATTACHED, 0);
    sqlite3_limit(h, SQLITE_LIMIT_LENGTH, 100'000'000);
    sqlite3_limit(h, SQLITE_LIMIT_SQL_LENGTH, 1'000'000);
    db.exec("PRAGMA query_only = 1");
    sqlite3_set_authorizer(h, authorize, &g);
    sqlite3_progress_handler(h, 1000, progress, &g);
}

std::optional<std::set<std::string>> tables_read(std::string_view sql) {
    // The B-trees the compiled statement opens to read, from its bytecode
    // (EXPLAIN): exact where the authorizer is not (it names no table for a
    // join's USING columns, nor for "SELECT 1 FROM a LEFT JOIN b"), and
    // through views, CTEs and subqueries. An index's B-tree names its table.
    Database scratch = Database::open_memory();
    for (const std::string& s : schema_statements()) scratch.exec(s);
    sqlite3* h = scratch.handle();
    std::map<int64_t, std::string> table_of_root;
    {
        sqlite3_stmt* roots = nullptr;
        if (sqlite3_prepare_v2(h, "SELECT rootpage, tbl_name FROM sqlite_schema WHERE rootpage > 0",
                               -1, &roots, nullptr) != SQLITE_OK)
            throw SqlError(sqlite3_errmsg(h));
        while (sqlite3_step(roots) == SQLITE_ROW)
            table_of_root[sqlite3_column_int64(roots, 0)] =
                reinterpret_cast<const char*>(sqlite3_column_text(roots, 1));
        sqlite3_finalize(roots);
    }
    const std::string explain = "EXPLAIN " + std::string(sql);
    sqlite3_stmt* program = nullptr;
    if (sqlite3_prepare_v2(h, explain.c_str(), static_cast<int>(explain.size()), &program,
                           nullptr) != SQLITE_OK) {
        sqlite3_finalize(program);
        return std::nullopt;
    }
    std::set<std::string> out;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(program)) == SQLITE_ROW) {
        // Columns: addr, opcode, p1, p2 (the root page of an Open*), p3, ...
        const auto* opcode = reinterpret_cast<const char*>(sqlite3_column_text(program, 1));
        const std::string_view op = opcode ? opcode : "";
        if (op != "OpenRead" && op != "ReopenIdx") continue;
        const auto it = table_of_root.find(sqlite3_column_int64(program, 3));
        if (it == table_of_root.end()) continue;
        if (const TableDef* t = find_table(it->second); t && t->kind == TableKind::table)
            out.insert(it->second);
    }
    sqlite3_finalize(program);
    if (rc != SQLITE_DONE) return std::nullopt;
    return out;
}

Report run_query(Database& db, std::string_view sql, const QueryOptions& o) {
    Guard& g = guard_of(db);
    g.refusal.clear();
    g.timed_out = false;
    g.deadline = std::chrono::steady_clock::now() +
                 std::chrono::milliseconds(static_cast<int64_t>(o.time_limit_seconds * 1000));
    const auto fail = [&](const SqlError& e) -> UsageError {
        if (g.timed_out)
            return UsageError(
                fmt::format("the query ran longer than {} s and was stopped (--timeout SECONDS)",
                            o.time_limit_seconds));
        if (!g.refusal.empty()) return UsageError("query refused: " + g.refusal);
        return UsageError(fmt::format("SQL error: {}{}", e.what(), position(sql, e.offset())));
    };
    // SQLite stops reading at a NUL byte: it would run the text before it
    // and never see the rest. (Only a saved query's file can hold one.)
    if (const size_t nul = sql.find('\0'); nul != std::string_view::npos)
        throw UsageError(fmt::format("the query holds a NUL byte; SQL is text{}",
                                     position(sql.substr(0, nul), static_cast<int>(nul))));
    std::string_view tail;
    Statement s;
    try {
        s = db.prepare(sql, &tail);
    } catch (const SqlError& e) {
        throw fail(e);
    }
    if (!s.handle()) throw UsageError("the query holds no SQL statement");
    bool single = false;
    try {
        single = only_whitespace_or_comments(db, tail);
    } catch (const SqlError&) {
        single = false;
    }
    if (!single)
        throw UsageError(
            fmt::format("kam query runs one statement; this query has more after its first{}",
                        position(sql, static_cast<int>(sql.size() - tail.size()))));
    if (!s.read_only()) throw UsageError("query refused: kam query runs read-only statements only");

    std::set<std::string> used;
    for (int i = 1; i <= s.parameter_count(); ++i) {
        const std::string name = s.parameter_name(i);
        if (name.empty())
            throw UsageError(
                "the query has a '?' parameter: name it (:name) and give --param name=VALUE");
        const std::string bare = name.substr(1);
        const auto it = o.params.find(bare);
        if (it == o.params.end())
            throw UsageError(
                fmt::format("the query uses {} but no --param {}=VALUE was given", name, bare));
        used.insert(bare);
        // A value is always bound, never pasted into the text: an integer as
        // an integer (so LIMIT :n works), anything else as text.
        const std::string& v = it->second;
        const bool integer =
            !v.empty() && v.size() < 19 &&
            v.find_first_not_of("0123456789", v[0] == '-' ? 1 : 0) == std::string::npos &&
            v != "-" && (v.size() == 1 || v[v[0] == '-' ? 1 : 0] != '0');
        if (integer)
            s.bind_int(i, std::stoll(v));
        else
            s.bind_text(i, v);
    }
    for (const auto& [name, value] : o.params)
        if (!used.count(name))
            throw UsageError(fmt::format("--param {}: the query has no parameter :{}", name, name));

    Report r;
    r.kind = "query";
    r.title = "Query";
    Table t;
    t.key = "rows";
    t.title = "Rows";
    t.empty_text = "no rows";
    const int n = s.column_count();
    std::vector<bool> money(static_cast<size_t>(n), false);
    for (int c = 0; c < n; ++c) {
        const std::string name = s.column_name(c);
        Column col;
        col.key = name;
        col.title = name;
        if (o.money_as_units && name.ends_with("_cents")) {
            money[static_cast<size_t>(c)] = true;
            col.title = name.substr(0, name.size() - 6);
        }
        t.columns.push_back(std::move(col));
    }
    try {
        while (s.step()) {
            std::vector<Cell> row;
            row.reserve(static_cast<size_t>(n));
            for (int c = 0; c < n; ++c) {
                row.push_back(cell_of(s, c, money[static_cast<size_t>(c)]));
                const Statement::Type type = s.column_type(c);
                if (type == Statement::Type::integer || type == Statement::Type::real)
                    t.columns[static_cast<size_t>(c)].numeric = true;
                else if (type == Statement::Type::text)
                    t.columns[static_cast<size_t>(c)].elide = true;
            }
            t.rows.push_back(std::move(row));
        }
    } catch (const SqlError& e) {
        throw fail(e);
    }
    r.blocks.push_back(std::move(t));
    return r;
}

void check_schema_version(Database& db, const std::string& path) {
    std::optional<std::string> v;
    try {
        v = db.scalar("SELECT value FROM kam_meta WHERE key = 'schema_version'");
    } catch (const SqlError& e) {
        throw UsageError(fmt::format("{} is not a kam export: {}", path, e.what()));
    }
    if (!v || *v != std::to_string(k_schema_version))
        throw UsageError(fmt::format("{} has schema version {}; this kam reads version {}", path,
                                     v.value_or("none"), k_schema_version));
}

}  // namespace kam::sql
