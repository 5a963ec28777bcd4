#include "kam/sql/export.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "kam/sql/schema.hpp"
#include "kam/util/atomic_file.hpp"
#include "kam/util/error.hpp"
#include "kam/util/parallel.hpp"
#include "kam/util/spell.hpp"

namespace kam::sql {

namespace {

namespace fs = std::filesystem;

// Tables a table needs: the parents of its foreign keys; a view, what it reads.
std::vector<std::string_view> needs(const TableDef& t) {
    std::vector<std::string_view> out;
    for (const ForeignKey& fk : t.foreign_keys) out.push_back(fk.table);
    if (t.name == "account_figures") out = {"accounts", "figures"};
    return out;
}

std::string order_by(const TableDef& t) {
    if (t.primary_key.empty()) return "rowid";
    std::string out;
    for (const std::string_view k : t.primary_key)
        out += (out.empty() ? "\"" : ", \"") + std::string(k) + "\"";
    return out;
}

// The rows of `t` to write, as a FROM clause. The data dictionary's are only
// those of the tables `described` (empty: every table), so that it describes
// what was written.
std::string rows_of(const TableDef& t, const std::vector<std::string>& described) {
    std::string where;
    if (!described.empty() && described.size() < tables().size() &&
        (t.name == "kam_tables" || t.name == "kam_columns")) {
        // The names are the schema's own (export_tables checked them).
        std::string names;
        for (const std::string& d : described)
            names += fmt::format("{}'{}'", names.empty() ? "" : ", ", d);
        where = fmt::format(" WHERE \"{}\" IN ({})", t.name == "kam_tables" ? "name" : "table_name",
                            names);
    }
    return fmt::format("FROM \"{}\"{}", t.name, where);
}

// Those rows in key order.
std::string select_all(const TableDef& t, const std::vector<std::string>& described) {
    return fmt::format("SELECT * {} ORDER BY {}", rows_of(t, described), order_by(t));
}

// A number appended to `out`: an integer as is, a real as the shortest text
// that reads back as the same double, staying a real ("60.0").
void append_number(std::string& out, const Statement& s, int c) {
    if (s.column_type(c) == Statement::Type::integer) {
        fmt::format_to(std::back_inserter(out), "{}", s.column_int(c));
        return;
    }
    const size_t start = out.size();
    fmt::format_to(std::back_inserter(out), "{}", s.column_double(c));
    if (out.find_first_not_of("-0123456789", start) == std::string::npos) out += ".0";
}

void append_csv_quoted(std::string& out, std::string_view text) {
    out += '"';
    for (const char ch : text) {
        if (ch == '"') out += '"';
        out += ch;
    }
    out += '"';
}

}  // namespace

std::vector<std::string> export_tables(const std::vector<std::string>& wanted) {
    std::set<std::string_view> keep;
    std::vector<std::string_view> todo;
    std::vector<std::string_view> names;
    for (const TableDef& t : tables()) names.push_back(t.name);
    for (const std::string& w : wanted) {
        const TableDef* t = find_table(w);
        if (!t) {
            throw UsageError(with_suggestion(fmt::format("--tables: there is no table '{}'", w),
                                             closest_match(w, names)) +
                             " (kam query --tables lists them)");
        }
        todo.push_back(t->name);
    }
    if (wanted.empty()) todo = names;
    while (!todo.empty()) {
        const std::string_view n = todo.back();
        todo.pop_back();
        if (!keep.insert(n).second) continue;
        for (const std::string_view p : needs(*find_table(n))) todo.push_back(p);
    }
    for (const std::string_view meta : {"kam_meta", "kam_tables", "kam_columns"}) keep.insert(meta);
    std::vector<std::string> out;
    for (const TableDef& t : tables())
        if (keep.count(t.name)) out.emplace_back(t.name);
    return out;
}

void export_sqlite(Database& db, const std::string& path, const std::vector<std::string>& keep) {
    const fs::path target(path);
    const fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    const std::string tmp =
        (dir / fmt::format(".{}.kam-tmp-{}", target.filename().string(), getpid())).string();
    std::error_code ec;
    fs::remove(tmp, ec);
    try {
        db.backup_to(tmp);
        Database out = Database::open_read_write(tmp);
        const std::set<std::string> kept(keep.begin(), keep.end());
        out.exec("BEGIN");
        for (const TableDef& t : tables())
            if (!kept.count(std::string(t.name)))
                out.exec(fmt::format("DROP {} \"{}\"", t.kind == TableKind::view ? "VIEW" : "TABLE",
                                     t.name));
        out.exec(
            "DELETE FROM kam_tables WHERE name NOT IN (SELECT name FROM sqlite_schema); "
            "DELETE FROM kam_columns WHERE table_name NOT IN (SELECT name FROM sqlite_schema)");
        out.exec("COMMIT");
        if (kept.size() < tables().size()) out.exec("VACUUM");
    } catch (const SqlError& e) {
        fs::remove(tmp, ec);
        throw UsageError(fmt::format("cannot write {}: {}", path, e.what()));
    }
    fs::rename(tmp, target, ec);
    if (ec) {
        const int err = ec.value();
        fs::remove(tmp, ec);
        throw_unless_written(WriteResult(status_of_errno(err),
                                         fmt::format("cannot write {}: {}", path, ec.message())));
    }
}

std::string table_csv(Database& db, const std::string& table, bool excel,
                      const std::vector<std::string>& described) {
    const TableDef& t = *find_table(table);
    std::string out;
    for (size_t i = 0; i < t.columns.size(); ++i)
        out += (i ? "," : "") + std::string(t.columns[i].name);
    out += "\r\n";
    Statement s = db.prepare(select_all(t, described));
    const int n = s.column_count();
    while (s.step()) {
        for (int c = 0; c < n; ++c) {
            if (c) out += ',';
            const ColumnDef& col = t.columns[static_cast<size_t>(c)];
            switch (s.column_type(c)) {
                case Statement::Type::null:
                    break;  // NULL: empty and unquoted
                case Statement::Type::integer:
                case Statement::Type::real:
                    if (col.type == ColumnType::boolean)
                        out += s.column_int(c) ? "true" : "false";
                    else
                        append_number(out, s, c);
                    break;
                case Statement::Type::text:
                case Statement::Type::blob: {
                    const std::string_view stored = s.column_text_view(c);
                    std::string guarded;
                    std::string_view text = stored;
                    if (excel && !text.empty() &&
                        (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                         text[0] == '\t' || text[0] == '\r') &&
                        col.type == ColumnType::text) {
                        guarded = "'" + std::string(stored);
                        text = guarded;
                    }
                    // Empty text is "" so that it stays apart from NULL.
                    if (text.empty() || text.find_first_of(",\"\r\n") != std::string_view::npos)
                        append_csv_quoted(out, text);
                    else
                        out += text;
                    break;
                }
            }
        }
        out += "\r\n";
    }
    return excel ? "\xEF\xBB\xBF" + out : out;
}

std::string table_jsonl(Database& db, const std::string& table,
                        const std::vector<std::string>& described) {
    const TableDef& t = *find_table(table);
    std::string out;
    Statement s = db.prepare(select_all(t, described));
    const int n = s.column_count();
    while (s.step()) {
        nlohmann::ordered_json row = nlohmann::ordered_json::object();
        for (int c = 0; c < n; ++c) {
            const ColumnDef& col = t.columns[static_cast<size_t>(c)];
            const std::string key(col.name);
            switch (s.column_type(c)) {
                case Statement::Type::null:
                    row[key] = nullptr;
                    break;
                case Statement::Type::integer:
                    if (col.type == ColumnType::boolean)
                        row[key] = s.column_int(c) != 0;
                    else
                        row[key] = s.column_int(c);
                    break;
                case Statement::Type::real:
                    row[key] = s.column_double(c);
                    break;
                default:
                    row[key] = s.column_text(c);
                    break;
            }
        }
        out += row.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    }
    return out;
}

namespace {

nlohmann::ordered_json schema_json(Database& db, const std::vector<std::string>& names,
                                   const std::string& format,
                                   const std::map<std::string, size_t>& rows) {
    nlohmann::ordered_json j;
    j["schema_version"] = k_schema_version;
    j["kam_version"] = KAM_VERSION;
    j["format"] = format;
    for (const char* key : {"as_of", "portfolio", "base_currency", "git_commit"}) {
        auto v = db.scalar(fmt::format("SELECT value FROM kam_meta WHERE key = '{}'", key));
        j[key] = v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
    }
    j["tables"] = nlohmann::ordered_json::array();
    for (const std::string& name : names) {
        const TableDef& t = *find_table(name);
        nlohmann::ordered_json tj;
        tj["name"] = name;
        tj["kind"] = t.kind == TableKind::view ? "view" : "table";
        tj["description"] = std::string(t.description);
        if (t.kind == TableKind::table) {
            tj["file"] = name + "." + format;
            tj["rows"] = rows.at(name);
        }
        tj["primary_key"] = nlohmann::ordered_json::array();
        for (const std::string_view k : t.primary_key) tj["primary_key"].push_back(std::string(k));
        tj["foreign_keys"] = nlohmann::ordered_json::array();
        for (const ForeignKey& fk : t.foreign_keys) {
            nlohmann::ordered_json f;
            for (const std::string_view c : fk.columns) f["columns"].push_back(std::string(c));
            f["table"] = std::string(fk.table);
            for (const std::string_view c : fk.references)
                f["references"].push_back(std::string(c));
            tj["foreign_keys"].push_back(f);
        }
        tj["columns"] = nlohmann::ordered_json::array();
        for (const ColumnDef& c : t.columns) {
            nlohmann::ordered_json cj;
            cj["name"] = std::string(c.name);
            cj["type"] = std::string(type_name(c.type));
            cj["sqlite_type"] = std::string(sqlite_type(c.type));
            cj["duckdb_type"] = std::string(duckdb_type(c.type));
            cj["postgres_type"] = std::string(postgres_type(c.type));
            cj["unit"] = c.unit.empty() ? nlohmann::ordered_json(nullptr)
                                        : nlohmann::ordered_json(std::string(c.unit));
            cj["not_null"] = c.not_null;
            cj["description"] = std::string(c.description);
            tj["columns"].push_back(cj);
        }
        j["tables"].push_back(tj);
    }
    return j;
}

std::string view_sql(const TableDef& t) {
    // create_statement's view text is plain SQL that DuckDB and Postgres read too.
    return create_statement(t) + ";\n";
}

std::string duckdb_script(const std::vector<std::string>& names, const std::string& format) {
    std::string out = fmt::format(
        "-- Loads this kam export ({}) into DuckDB, with every column's type given.\n"
        "-- Run it from this folder:  duckdb portfolio.duckdb < load.duckdb.sql\n",
        format);
    for (const std::string& name : names) {
        const TableDef& t = *find_table(name);
        if (t.kind == TableKind::view) continue;
        std::string cols;
        for (const ColumnDef& c : t.columns)
            cols +=
                fmt::format("{}'{}': '{}'", cols.empty() ? "" : ", ", c.name, duckdb_type(c.type));
        if (format == "csv")
            out += fmt::format(
                "CREATE TABLE \"{0}\" AS SELECT * FROM read_csv('{0}.csv', header = true, "
                "delim = ',', quote = '\"', escape = '\"', nullstr = '', allow_quoted_nulls = "
                "false, auto_detect = false, columns = {{{1}}});\n",
                name, cols);
        else
            out += fmt::format(
                "CREATE TABLE \"{0}\" AS SELECT * FROM read_json('{0}.jsonl', format = "
                "'newline_delimited', auto_detect = false, columns = {{{1}}});\n",
                name, cols);
    }
    for (const std::string& name : names) {
        const TableDef& t = *find_table(name);
        if (t.kind == TableKind::view) out += view_sql(t);
    }
    return out;
}

std::string postgres_script(const std::vector<std::string>& names) {
    std::string out =
        "-- Loads this kam export (csv) into PostgreSQL, with every column's type, key and\n"
        "-- reference. Run it from this folder:  psql -v ON_ERROR_STOP=1 -f load.postgres.sql\n"
        "BEGIN;\n";
    for (const std::string& name : names) {
        const TableDef& t = *find_table(name);
        if (t.kind == TableKind::view) continue;
        out += fmt::format("CREATE TABLE \"{}\" (", name);
        for (size_t i = 0; i < t.columns.size(); ++i) {
            const ColumnDef& c = t.columns[i];
            out += fmt::format("{}\n  \"{}\" {}{}", i ? "," : "", c.name, postgres_type(c.type),
                               c.not_null ? " NOT NULL" : "");
        }
        if (!t.primary_key.empty()) {
            std::string key;
            for (const std::string_view k : t.primary_key)
                key += (key.empty() ? "\"" : ", \"") + std::string(k) + "\"";
            out += fmt::format(",\n  PRIMARY KEY ({})", key);
        }
        out += "\n);\n";
        out += fmt::format("\\copy \"{0}\" FROM '{0}.csv' WITH (FORMAT csv, HEADER true)\n", name);
    }
    for (const std::string& name : names) {
        const TableDef& t = *find_table(name);
        for (const ForeignKey& fk : t.foreign_keys) {
            std::string from, to;
            for (const std::string_view c : fk.columns)
                from += (from.empty() ? "\"" : ", \"") + std::string(c) + "\"";
            for (const std::string_view c : fk.references)
                to += (to.empty() ? "\"" : ", \"") + std::string(c) + "\"";
            out += fmt::format("ALTER TABLE \"{}\" ADD FOREIGN KEY ({}) REFERENCES \"{}\" ({});\n",
                               name, from, fk.table, to);
        }
    }
    for (const std::string& name : names) {
        const TableDef& t = *find_table(name);
        if (t.kind == TableKind::view) out += view_sql(t);
    }
    return out + "COMMIT;\n";
}

void write(const fs::path& path, const std::string& text) {
    throw_unless_written(write_file_atomically(path.string(), text),
                         fmt::format("cannot write {}", path.string()));
}

}  // namespace

std::vector<std::string> export_files(Database& db, const FileExport& o,
                                      const std::function<Database()>& another, unsigned jobs) {
    std::error_code ec;
    fs::create_directories(o.dir, ec);
    if (ec) throw UsageError(fmt::format("cannot make {}: {}", o.dir, ec.message()));
    std::vector<std::string> written;
    std::vector<std::string> names;       // the tables (not the views), in o.tables' order
    std::map<std::string, size_t> count;  // rows, by table
    for (const std::string& name : o.tables) {
        const TableDef& t = *find_table(name);
        if (t.kind == TableKind::view) continue;
        names.push_back(name);
        written.push_back(name + "." + o.format);
    }
    for (const std::string& name : names) {
        const auto rows =
            db.scalar(fmt::format("SELECT count(*) {}", rows_of(*find_table(name), o.tables)));
        count[name] = static_cast<size_t>(std::stoll(rows.value_or("0")));
    }
    // Largest first, so that no thread is left with a big table at the end.
    std::vector<size_t> order(names.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return count[names[a]] > count[names[b]]; });
    // A SQLite connection is one thread's: each other thread reads through its
    // own, over the same rows (`another`).
    std::mutex pool_mutex;
    std::vector<Database> pool;
    const auto write_table = [&](Database& conn, const std::string& name) {
        write(fs::path(o.dir) / (name + "." + o.format),
              o.format == "csv" ? table_csv(conn, name, o.excel, o.tables)
                                : table_jsonl(conn, name, o.tables));
    };
    const unsigned threads = another ? std::max(1u, jobs) : 1u;
    parallel_for(order.size(), threads, [&](size_t task) {
        const std::string& name = names[order[task]];
        if (!another) {
            write_table(db, name);
            return;
        }
        std::optional<Database> own;
        {
            const std::lock_guard lock(pool_mutex);
            if (!pool.empty()) {
                own.emplace(std::move(pool.back()));
                pool.pop_back();
            }
        }
        if (!own) own.emplace(another());
        write_table(*own, name);
        const std::lock_guard lock(pool_mutex);
        pool.push_back(std::move(*own));
    });
    write(fs::path(o.dir) / "schema.json",
          schema_json(db, o.tables, o.format, count).dump(2) + "\n");
    written.push_back("schema.json");
    write(fs::path(o.dir) / "load.duckdb.sql", duckdb_script(o.tables, o.format));
    written.push_back("load.duckdb.sql");
    if (o.format == "csv") {
        write(fs::path(o.dir) / "load.postgres.sql", postgres_script(o.tables));
        written.push_back("load.postgres.sql");
    }
    return written;
}

}  // namespace kam::sql
