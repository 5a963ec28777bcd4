// The relational model (sql/): the loader's types, keys and CHECKs on the
// example portfolio, the figures against the metrics layer, the query guard's
// refusals, the exports' quoting and kam-tables(7) against its definitions.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include "kam/io/file_system.hpp"
#include "kam/io/yaml_loader.hpp"
#include "kam/metrics/account_metrics.hpp"
#include "kam/portfolio/load.hpp"
#include "kam/render/report_formats.hpp"
#include "kam/sql/export.hpp"
#include "kam/sql/load.hpp"
#include "kam/sql/man.hpp"
#include "kam/sql/query.hpp"
#include "kam/sql/schema.hpp"
#include "kam/util/error.hpp"
#include "test_files.hpp"

using namespace kam;
using namespace kam::sql;

namespace {

struct Example {
    LoadedPortfolio portfolio;
    std::vector<AccountMetrics> metrics;
    Date as_of = Date::from_ymd(2026, 11, 23);
};

const Example& example() {
    static const Example e = [] {
        Example x;
        const std::string root = std::string(KAM_SOURCE_DIR) + "/examples/portfolio";
        LoadOptions o;
        o.as_of = x.as_of;
        o.working_dir = root;
        x.portfolio = load_portfolio(RealFileSystem(), root, "", o, default_event_source());
        for (const Account& a : x.portfolio.accounts)
            x.metrics.push_back(compute_account_metrics(a, x.portfolio.settings, x.as_of));
        return x;
    }();
    return e;
}

Database example_db() {
    Database db = Database::open_memory();
    load_model(db, ModelInput{example().portfolio, example().metrics, example().as_of, ""});
    return db;
}

std::string one(Database& db, const std::string& sql) {
    return db.scalar(sql).value_or("NULL");
}

std::string refusal(Database& db, const std::string& sql, QueryOptions o = {}) {
    try {
        (void)run_query(db, sql, o);
    } catch (const UsageError& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

TEST_CASE("sql: every table of the definitions exists with its columns in order") {
    Database db = example_db();
    for (const TableDef& t : tables()) {
        Statement s = db.prepare("SELECT name FROM pragma_table_info(?) ORDER BY cid");
        s.bind_text(1, t.name);
        std::vector<std::string> got;
        while (s.step()) got.push_back(s.column_text(0));
        std::vector<std::string> want;
        for (const ColumnDef& c : t.columns) want.emplace_back(c.name);
        CHECK_MESSAGE(got == want, t.name);
    }
    CHECK(one(db, "SELECT count(*) FROM kam_tables") == std::to_string(tables().size()));
    CHECK(one(db, "SELECT value FROM kam_meta WHERE key = 'schema_version'") == "1");
    CHECK(one(db, "SELECT value FROM kam_meta WHERE key = 'as_of'") == "2026-11-23");
    CHECK(one(db, "SELECT value FROM kam_meta WHERE key = 'rows_skipped'") == "0");
}

TEST_CASE("sql: types survive: cents are integers, dates ISO text, booleans 0/1, pct real") {
    Database db = example_db();
    CHECK(one(db, "SELECT count(*) FROM accounts") == "9");
    CHECK(one(db,
              "SELECT DISTINCT typeof(annual_value_cents) FROM contracts WHERE "
              "annual_value_cents IS NOT NULL") == "integer");
    CHECK(one(db, "SELECT DISTINCT typeof(value_base_cents) FROM opportunities") == "integer");
    CHECK(one(db, "SELECT DISTINCT typeof(\"end\") FROM contracts WHERE \"end\" IS NOT NULL") ==
          "text");
    CHECK(one(db, "SELECT count(*) FROM contracts WHERE date(\"end\") IS NOT \"end\"") == "0");
    CHECK(one(db, "SELECT DISTINCT typeof(effective_probability_pct) FROM opportunities") ==
          "real");
    CHECK(one(db,
              "SELECT group_concat(DISTINCT \"open\") FROM (SELECT \"open\" FROM "
              "opportunities ORDER BY \"open\")") == "0,1");
    CHECK(one(db, "SELECT count(*) FROM contracts WHERE currency IS NULL") == "0");
    // Money converted with the rate as written: USD at 0.92.
    CHECK(one(db,
              "SELECT count(*) FROM contracts WHERE currency = 'USD' AND "
              "annual_value_base_cents * 100 != annual_value_cents * 92") == "0");
    // Rows point at the line to edit.
    CHECK(one(db,
              "SELECT count(*) FROM risks WHERE source_line IS NULL OR source_file NOT "
              "LIKE 'accounts/%/risks.yaml'") == "0");
}

TEST_CASE("sql: every row of every data table names its file and line") {
    // Team, history, tags, SWOT items, reviews' attendees and the other rows
    // without an id once had a NULL source_line.
    Database db = example_db();
    size_t tables_with_lines = 0;
    for (const TableDef& t : tables()) {
        bool has_line = false;
        for (const ColumnDef& c : t.columns) has_line |= c.name == "source_line";
        if (!has_line) continue;
        ++tables_with_lines;
        INFO(t.name);
        CHECK(one(db, fmt::format("SELECT count(*) FROM \"{}\" WHERE source_line IS NULL OR "
                                  "source_line < 1 OR source_file IS NULL",
                                  t.name)) == "0");
    }
    CHECK(tables_with_lines >= 25);
    // The line is the record's: each of these values is written on it.
    const auto line_of = [](const std::string& file, size_t n) {
        std::ifstream in(std::string(KAM_SOURCE_DIR) + "/examples/portfolio/" + file);
        std::string line;
        for (size_t i = 0; i < n && std::getline(in, line); ++i) {
        }
        return line;
    };
    for (const auto& [table, column] :
         std::vector<std::pair<std::string, std::string>>{{"team", "name"},
                                                          {"tags", "tag"},
                                                          {"objectives", "objective"},
                                                          {"suppliers", "name"},
                                                          {"client_competitors", "name"},
                                                          {"swot_items", "substr(text, 1, 20)"},
                                                          {"competition", "name"},
                                                          {"offerings", "name"},
                                                          {"review_attendees", "attendee"},
                                                          {"reference_visits", "date"},
                                                          {"history", "date"}}) {
        const std::string q = fmt::format(
            "SELECT source_file || char(9) || source_line || char(9) || {} FROM \"{}\" WHERE "
            "account = 'acme-manufacturing' ORDER BY source_line LIMIT 1",
            column, table);
        const std::string row = one(db, q);
        INFO(table << ": " << row);
        const size_t t1 = row.find('\t'), t2 = row.find('\t', t1 + 1);
        REQUIRE(t2 != std::string::npos);
        const std::string line =
            line_of(row.substr(0, t1), std::stoul(row.substr(t1 + 1, t2 - t1 - 1)));
        CHECK(line.find(row.substr(t2 + 1)) != std::string::npos);
    }
}

TEST_CASE("sql: contracts give the term in force (current_end) and renewal_term_months") {
    Database db = example_db();
    // OF-SUB-2022 auto-renews; it ended 2026-06-30, so on 2026-11-23 it runs
    // to 2027-06-30 (the default term, 12 months), as kam renewals says.
    CHECK(one(db,
              "SELECT current_end || ' ' || notice_deadline FROM contracts WHERE id = "
              "'OF-SUB-2022'") == "2027-06-30 2027-04-01");
    CHECK(one(db,
              "SELECT count(*) FROM contracts WHERE current_end IS NOT \"end\" AND NOT "
              "auto_renew") == "0");
    CHECK(one(db, "SELECT count(*) FROM contracts WHERE date(current_end) IS NOT current_end") ==
          "0");
}

TEST_CASE("sql: keys and CHECKs refuse what the format forbids") {
    Database db = example_db();
    CHECK_THROWS_AS(db.exec("INSERT INTO history VALUES ('acme-manufacturing', 99, '2026-02-30', "
                            "'x', 'f', 1)"),
                    SqlError);
    CHECK_THROWS_AS(db.exec("INSERT INTO people (account, id, current, source_file) VALUES "
                            "('acme-manufacturing', 'x', 2, 'f')"),
                    SqlError);
    CHECK_THROWS_AS(db.exec("INSERT INTO contracts (account, id, annual_value_cents, source_file) "
                            "VALUES ('acme-manufacturing', 'k', 1.5, 'f')"),
                    SqlError);
    const std::string id = one(db, "SELECT id FROM risks ORDER BY account, id LIMIT 1");
    const std::string account = one(db, "SELECT account FROM risks ORDER BY account, id LIMIT 1");
    CHECK_THROWS_AS(db.exec("INSERT INTO risks (account, id, source_file) VALUES ('" + account +
                            "', '" + id + "', 'f')"),
                    SqlError);
    CHECK(one(db, "PRAGMA integrity_check") == "ok");
    CHECK(one(db, "SELECT count(*) FROM pragma_foreign_key_check") == "0");
}

TEST_CASE("sql: figures are the metrics layer's, one row per account and figure") {
    Database db = example_db();
    const Example& e = example();
    CHECK(one(db, "SELECT count(*) FROM figures") ==
          std::to_string(e.portfolio.accounts.size() * figure_defs().size()));
    for (size_t i = 0; i < e.portfolio.accounts.size(); ++i) {
        const std::string slug = e.portfolio.accounts[i].slug;
        const AccountMetrics& m = e.metrics[i];
        const std::string where = " FROM figures WHERE account = '" + slug + "' AND figure = ";
        CHECK(one(db, "SELECT value" + where + "'annual_revenue_cents'") ==
              (m.annual_revenue ? std::to_string(m.annual_revenue->cents) : "NULL"));
        CHECK(one(db, "SELECT value" + where + "'weighted_pipeline_cents'") ==
              (m.weighted_pipeline ? std::to_string(m.weighted_pipeline->cents) : "NULL"));
        CHECK(one(db, "SELECT value" + where + "'health'") ==
              (m.health.score ? std::to_string(*m.health.score) : "NULL"));
        CHECK(one(db, "SELECT date_value" + where + "'next_renewal'") ==
              (m.next_renewal ? m.next_renewal->to_string() : "NULL"));
        if (!m.annual_revenue)
            CHECK(one(db, "SELECT reason" + where + "'annual_revenue_cents'") ==
                  m.annual_revenue.reason);
        // The weighted values of the opportunities sum to the account's figure.
        if (m.weighted_pipeline)
            CHECK(one(db,
                      "SELECT coalesce(sum(weighted_value_cents), 0) FROM opportunities "
                      "WHERE account = '" +
                          slug + "'") == std::to_string(m.weighted_pipeline->cents));
    }
    // The wide view holds the same numbers.
    CHECK(one(db,
              "SELECT count(*) FROM account_figures a JOIN figures f ON f.account = "
              "a.account AND f.figure = 'acv_cents' WHERE a.acv_cents IS NOT f.value") == "0");
}

TEST_CASE("sql: findings are kam validate's") {
    Database db = example_db();
    size_t shown = 0;
    for (const Diagnostic& d : example().portfolio.diagnostics)
        shown += d.severity != Severity::off;
    CHECK(one(db, "SELECT count(*) FROM findings") == std::to_string(shown));
}

TEST_CASE("sql: the query guard refuses writes, ATTACH, pragmas that set, and runaway queries") {
    Database db = example_db();
    lock_down(db);
    CHECK(refusal(db, "ATTACH DATABASE '/tmp/x.db' AS x") ==
          "query refused: ATTACH and DETACH are not allowed: kam query reads the portfolio only");
    CHECK(refusal(db, "DROP TABLE accounts") ==
          "query refused: writes and schema changes are not allowed: kam query runs one "
          "read-only statement");
    CHECK(refusal(db, "DELETE FROM accounts") ==
          "query refused: writes and schema changes are not allowed: kam query runs one "
          "read-only statement");
    CHECK(refusal(db, "PRAGMA writable_schema = 1") ==
          "query refused: PRAGMA writable_schema is not allowed (kam query reads only)");
    CHECK(refusal(db, "PRAGMA query_only = 0") ==
          "query refused: PRAGMA query_only is not allowed (kam query reads only)");
    CHECK(refusal(db, "VACUUM INTO '/tmp/kam-test-evil.db'") ==
          "query refused: kam query runs read-only statements only");
    CHECK(refusal(db, "SELECT * FROM pragma_table_info('accounts')") ==
          "query refused: table-valued pragma functions are not allowed; use PRAGMA "
          "table_info(TABLE) or kam query --schema TABLE");
    CHECK(refusal(db, "BEGIN") ==
          "query refused: transactions are not allowed: kam query runs one SELECT");
    CHECK(refusal(db, "SELECT load_extension('/tmp/evil')") ==
          "query refused: load_extension() is not allowed");
    CHECK(refusal(db, "SELECT 1; DROP TABLE accounts") ==
          "kam query runs one statement; this query has more after its first (at line 1, "
          "column 10)\n  SELECT 1; DROP TABLE accounts\n           ^");
    // SQLite reads no further than a NUL byte (it used to recurse on the
    // text after one until the stack ran out).
    using namespace std::string_literals;
    CHECK(refusal(db, "SELECT 1\0; DROP TABLE accounts"s) ==
          "the query holds a NUL byte; SQL is text (at line 1, column 9)\n  SELECT 1\n          ^");
    CHECK(refusal(db, "SELECT 1;\n\0"s) ==
          "the query holds a NUL byte; SQL is text (at line 2, column 1)\n  \n  ^");
    QueryOptions quick;
    quick.time_limit_seconds = 0.2;
    CHECK(refusal(db,
                  "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT "
                  "count(*) FROM n",
                  quick) == "the query ran longer than 0.2 s and was stopped (--timeout SECONDS)");
    CHECK(refusal(db, "SELECT nope FROM accounts") ==
          "SQL error: no such column: nope (at line 1, column 8)\n  SELECT nope FROM "
          "accounts\n         ^");
    // A parameter is bound, never pasted: SQL in it is only a value.
    QueryOptions p;
    p.params["tier"] = "key' OR 1=1; DROP TABLE accounts; --";
    const Report r = run_query(db, "SELECT count(*) AS n FROM accounts WHERE tier = :tier", p);
    const auto& t = std::get<Table>(r.blocks.at(0));
    CHECK(t.rows.at(0).at(0).number == 0);
    CHECK(one(db, "SELECT count(*) FROM accounts") == "9");
    CHECK(refusal(db, "SELECT :missing") ==
          "the query uses :missing but no --param missing=VALUE was given");
    // Read-only pragmas about a table still work.
    CHECK(std::get<Table>(run_query(db, "PRAGMA table_info(accounts)", {}).blocks.at(0))
              .rows.size() == find_table("accounts")->columns.size());
}

TEST_CASE("sql: CSV keeps NULL and empty text apart and quotes as RFC 4180") {
    Database db = Database::open_memory();
    load_model(db, ModelInput{example().portfolio, example().metrics, example().as_of, ""});
    db.exec(
        "INSERT INTO kam_meta VALUES ('zz_empty', ''), ('zz_null', NULL), "
        "('zz_quote', 'a \"b\", c'), ('zz_formula', '=1+2')");
    const std::string csv = table_csv(db, "kam_meta", false);
    CHECK(csv.find("\r\nzz_empty,\"\"\r\n") != std::string::npos);
    CHECK(csv.find("\r\nzz_null,\r\n") != std::string::npos);
    CHECK(csv.find("\r\nzz_quote,\"a \"\"b\"\", c\"\r\n") != std::string::npos);
    CHECK(csv.find("\r\nzz_formula,=1+2\r\n") != std::string::npos);
    const std::string excel = table_csv(db, "kam_meta", true);
    CHECK(excel.starts_with("\xEF\xBB\xBFkey,value\r\n"));
    CHECK(excel.find("\r\nzz_formula,'=1+2\r\n") != std::string::npos);
    const std::string jsonl = table_jsonl(db, "kam_meta");
    CHECK(jsonl.find("{\"key\":\"zz_null\",\"value\":null}\n") != std::string::npos);
}

TEST_CASE("sql: --tables keeps what the kept tables refer to") {
    const auto t = export_tables({"slas"});
    CHECK(t == std::vector<std::string>{"accounts", "contracts", "slas", "kam_meta", "kam_tables",
                                        "kam_columns"});
    CHECK_THROWS_WITH_AS(export_tables({"contract"}),
                         "--tables: there is no table 'contract'; did you mean 'contracts'? (kam "
                         "query --tables lists them)",
                         UsageError);
}

TEST_CASE("kam-tables(7) is generated from the table definitions") {
    const std::string path = std::string(KAM_SOURCE_DIR) + "/man/kam-tables.7";
    const std::string want = render_tables_man();
    if (std::getenv("KAM_UPDATE_GOLDEN")) {
        std::ofstream(path, std::ios::binary) << want;
    }
    CHECK_MESSAGE(kam::test::read_text(path) == want,
                  "man/kam-tables.7 is out of date: run KAM_UPDATE_GOLDEN=1 "
                  "build/tests/kam_unit_tests -tc='kam-tables*'");
}

TEST_CASE("sql: tables_read names the tables under views, CTEs and subqueries") {
    using Names = std::set<std::string>;
    CHECK(*tables_read("SELECT count(*) FROM accounts") == Names{"accounts"});
    CHECK(*tables_read("WITH t AS (SELECT * FROM account_figures) SELECT * FROM t") ==
          Names{"accounts", "figures"});
    // A join that names no column of one side still reads it (SQLite's
    // authorizer names neither side of a USING, nor a LEFT JOIN's).
    CHECK(*tables_read("SELECT 1 FROM accounts LEFT JOIN opportunities USING (account)") ==
          Names{"accounts", "opportunities"});
    CHECK(*tables_read("SELECT a.manager, (SELECT count(*) FROM risks r WHERE r.account = "
                       "a.account) FROM accounts a JOIN opportunities o USING (account)") ==
          Names{"accounts", "opportunities", "risks"});
    CHECK(*tables_read("SELECT * FROM kam_meta") == Names{"kam_meta"});
    CHECK(tables_read("SELEC 1") == std::nullopt);  // SQLite's message comes from the run
    CHECK(tables_read("SELECT * FROM nowhere") == std::nullopt);
}

TEST_CASE("sql: a model filled only with the tables a query reads gives what the whole gives") {
    // Every table alone, and a join, against the whole model, row for row.
    Database whole = example_db();
    lock_down(whole);
    auto rows = [](Database& db, const std::string& sql) {
        return render_report_csv(run_query(db, sql, QueryOptions{}));
    };
    std::vector<std::string> questions;
    for (const TableDef& t : tables())
        if (t.name != "kam_meta") questions.push_back(fmt::format("SELECT * FROM \"{}\"", t.name));
    questions.push_back(
        "SELECT a.manager, sum(o.weighted_value_cents) FROM opportunities o JOIN accounts a "
        "USING (account) GROUP BY a.manager ORDER BY 1");
    for (const std::string& q : questions) {
        const auto only = tables_read(q);
        REQUIRE(only);
        Database part = Database::open_memory();
        load_model(part,
                   ModelInput{example().portfolio, example().metrics, example().as_of, "", &*only});
        lock_down(part);
        CHECK_MESSAGE(rows(part, q) == rows(whole, q), q);
    }
    // What is not read stays empty.
    const std::set<std::string> accounts_only{"accounts"};
    Database part = Database::open_memory();
    load_model(part, ModelInput{example().portfolio, example().metrics, example().as_of, "",
                                &accounts_only});
    CHECK(one(part, "SELECT count(*) FROM accounts") ==
          one(whole, "SELECT count(*) FROM accounts"));
    CHECK(one(part, "SELECT count(*) FROM figures") == "0");
    CHECK(one(part, "SELECT count(*) FROM report_summary") == "0");
}

namespace {

// Every row of `table` as text: each value's typeof() and quote(), in rowid order.
std::vector<std::string> typed_rows(Database& db, const TableDef& table) {
    std::string select;
    for (const ColumnDef& c : table.columns)
        select += fmt::format("{}typeof(\"{}\") || ':' || quote(\"{}\")",
                              select.empty() ? "" : " || '|' || ", c.name, c.name);
    Statement s =
        db.prepare(fmt::format("SELECT {} FROM \"{}\" ORDER BY rowid", select, table.name));
    std::vector<std::string> out;
    while (s.step()) out.push_back(s.column_text(0));
    return out;
}

}  // namespace

TEST_CASE("sql: kam query's virtual tables hold the export's rows, values and types") {
    Database real = example_db();
    Database virt = Database::open_memory();
    load_model_virtual(
        virt, ModelInput{example().portfolio, example().metrics, example().as_of, "", nullptr, 2});
    size_t compared = 0;
    for (const TableDef& t : tables()) {
        if (t.kind != TableKind::table) continue;
        CAPTURE(t.name);
        const std::vector<std::string> a = typed_rows(real, t), b = typed_rows(virt, t);
        CHECK(a == b);
        compared += a.size();
        // The same shape: names, declared types, NOT NULL and the key.
        const std::string shape = fmt::format(
            "SELECT group_concat(name || ' ' || type || ' ' || \"notnull\" || ' ' || pk, ', ') "
            "FROM pragma_table_info('{}')",
            t.name);
        CHECK(one(real, shape) == one(virt, shape));
    }
    CHECK(compared > 1000);
    // An equality answered from the virtual tables' index gives what a real table gives.
    for (const std::string sql :
         {"SELECT count(*) FROM opportunities o JOIN accounts a USING (account)",
          "SELECT count(*) FROM figures WHERE account = 'acme-manufacturing'",
          "SELECT count(*) FROM figures WHERE value = 32",
          "SELECT count(*) FROM figures WHERE value = '32'",
          "SELECT count(*) FROM people p JOIN opportunities o ON o.account = p.account AND "
          "o.contact = p.id",
          "SELECT count(*) FROM contracts c JOIN slas s ON s.account = c.account AND s.contract = "
          "c.id"}) {
        CAPTURE(sql);
        CHECK(one(real, sql) == one(virt, sql));
    }
    CHECK(one(virt, "SELECT count(*) FROM figures WHERE account = NULL") == "0");
}

TEST_CASE("sql: a row store drops what INSERT OR IGNORE drops, and converts as SQLite does") {
    const TableDef& people = *find_table("people");
    RowStore rows(people);
    std::vector<Value> row(people.columns.size());
    const auto set = [&](std::string_view col, Value v) { row[people.column(col)] = std::move(v); };
    set("account", std::string("a"));
    set("id", std::string("p1"));
    set("source_file", std::string("accounts/a/profile.yaml"));
    set("source_line", int64_t{3});
    set("current", 1.0);  // a whole REAL in a NUMERIC (BOOLEAN) column becomes INTEGER
    CHECK(rows.append(row, RowStore::OnConflict::ignore));
    CHECK_FALSE(rows.append(row, RowStore::OnConflict::ignore));  // the key repeats
    set("id", std::string("p2"));
    set("last_contact", std::string("2026-02-30"));  // not a real day: the CHECK fails
    CHECK_FALSE(rows.append(row, RowStore::OnConflict::ignore));
    set("last_contact", std::string("2026-02-28"));
    set("source_file", Value{});  // NOT NULL
    CHECK_FALSE(rows.append(row, RowStore::OnConflict::ignore));
    CHECK_THROWS_AS(rows.append(row, RowStore::OnConflict::fail), std::logic_error);
    set("source_file", std::string("accounts/a/profile.yaml"));
    CHECK(rows.append(row, RowStore::OnConflict::ignore));
    REQUIRE(rows.rows() == 2);
    CHECK(rows.at(0, people.column("current")).kind == StoredValue::Kind::integer);
    std::string scratch;
    CHECK(apply_affinity(Value{std::string(" 12.5 ")}, Affinity::numeric, scratch).kind ==
          StoredValue::Kind::real);
    CHECK(apply_affinity(Value{std::string("1e3")}, Affinity::integer, scratch).integer == 1000);
    CHECK(apply_affinity(Value{std::string("2026-01-01")}, Affinity::numeric, scratch).kind ==
          StoredValue::Kind::text);
    CHECK(apply_affinity(Value{int64_t{5}}, Affinity::real, scratch).kind ==
          StoredValue::Kind::real);
    CHECK(apply_affinity(Value{2.0}, Affinity::text, scratch).text == "2.0");
}

TEST_CASE("sql: the file export on several threads writes what one thread writes") {
    const ModelInput input{example().portfolio, example().metrics, example().as_of, "", nullptr, 2};
    Database db = Database::open_memory();
    const std::shared_ptr<const ModelRows> rows = load_model_virtual(db, input);
    std::string base = (std::filesystem::temp_directory_path() / "kam-export-XXXXXX").string();
    REQUIRE(::mkdtemp(base.data()) != nullptr);
    const auto another = [&rows] {
        Database more = Database::open_memory();
        open_virtual_model(more, rows);
        return more;
    };
    for (const std::string format : {"csv", "jsonl"}) {
        CAPTURE(format);
        const std::vector<std::string> all = export_tables({});
        const std::string one = base + "/one-" + format, three = base + "/three-" + format;
        const auto files = export_files(db, FileExport{format, one, all, false});
        CHECK(export_files(db, FileExport{format, three, all, false}, another, 3) == files);
        CHECK(files.size() > 30);
        for (const std::string& f : files) {
            CAPTURE(f);
            const std::string text = test::read_text(one + "/" + f);
            CHECK(!text.empty());
            CHECK(text == test::read_text(three + "/" + f));
        }
    }
    std::filesystem::remove_all(base);
}
