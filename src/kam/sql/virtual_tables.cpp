#include "kam/sql/virtual_tables.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "kam/sql/load.hpp"
#include "kam/sql/schema.hpp"

namespace kam::sql {

namespace {

// Row numbers of one column's values, for `column = value`. A value is
// found by its text and, when it is a number or reads as one, by that
// number too: a lookup returns every row SQLite could call equal (it checks
// each row it gets again, so more is harmless and fewer would be wrong).
struct ColumnIndex {
    std::unordered_map<std::string_view, std::vector<uint32_t>> by_text;
    std::unordered_map<double, std::vector<uint32_t>> by_number;
};

struct Table {
    sqlite3_vtab base{};  // first: SQLite hands this pointer back
    const RowStore* rows = nullptr;
    // By column, built when a query first asks: a cache, so a const Table
    // (all a cursor holds) may fill it.
    mutable std::vector<std::unique_ptr<ColumnIndex>> indexes;
};

struct Cursor {
    sqlite3_vtab_cursor base{};
    const Table* table = nullptr;
    const std::vector<uint32_t>* subset = nullptr;  // null: every row
    std::vector<uint32_t> merged;                   // a subset of two lookups
    size_t at = 0;
    size_t row() const { return subset ? (*subset)[at] : at; }
    size_t end() const { return subset ? subset->size() : table->rows->rows(); }
};

const ColumnIndex& index_of(const Table& t, size_t column) {
    if (t.indexes.size() <= column) t.indexes.resize(t.rows->columns());
    if (!t.indexes[column]) {
        auto ix = std::make_unique<ColumnIndex>();
        for (size_t r = 0; r < t.rows->rows(); ++r) {
            const StoredValue& v = t.rows->at(r, column);
            const auto row = static_cast<uint32_t>(r);
            switch (v.kind) {
                case StoredValue::Kind::null:
                    break;
                case StoredValue::Kind::integer:
                    ix->by_number[static_cast<double>(v.integer)].push_back(row);
                    break;
                case StoredValue::Kind::real:
                    ix->by_number[v.real].push_back(row);
                    break;
                case StoredValue::Kind::text:
                    ix->by_text[std::string_view(v.text, v.size)].push_back(row);
                    break;
            }
        }
        t.indexes[column] = std::move(ix);
    }
    return *t.indexes[column];
}

const std::vector<uint32_t>* find(const auto& map, const auto& key) {
    const auto it = map.find(key);
    return it == map.end() ? nullptr : &it->second;
}

int connect(sqlite3* db, void* aux, int argc, const char* const* argv, sqlite3_vtab** out,
            char** error) {
    const auto* rows = static_cast<const ModelRows*>(aux);
    const RowStore* store = argc >= 3 ? rows->find(argv[2]) : nullptr;
    if (!store) {
        *error = sqlite3_mprintf("kam: no rows for table %s", argc > 2 ? argv[2] : "?");
        return SQLITE_ERROR;
    }
    // The real table's statement, keys, NOT NULLs and CHECKs included:
    // SQLite keeps the keys and NOT NULLs only as the table's description
    // (what PRAGMA table_info reports) and drops the references, and the
    // rows already obey them all (RowStore).
    const std::string declare = create_statement(store->def());
    if (const int rc = sqlite3_declare_vtab(db, declare.c_str()); rc != SQLITE_OK) return rc;
    // Safe to read from a view: it reads kam's rows and nothing else.
    sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
    auto* t = new Table;
    t->rows = store;
    *out = &t->base;
    return SQLITE_OK;
}

int disconnect(sqlite3_vtab* v) {
    delete reinterpret_cast<Table*>(v);
    return SQLITE_OK;
}

int best_index(sqlite3_vtab* v, sqlite3_index_info* info) {
    const auto* t = reinterpret_cast<const Table*>(v);
    const auto rows = static_cast<double>(t->rows->rows());
    for (int i = 0; i < info->nConstraint; ++i) {
        const auto& c = info->aConstraint[i];
        if (!c.usable || c.op != SQLITE_INDEX_CONSTRAINT_EQ || c.iColumn < 0) continue;
        const char* collation = sqlite3_vtab_collation(info, i);
        if (collation && sqlite3_stricmp(collation, "BINARY") != 0) continue;
        info->idxNum = c.iColumn + 1;
        info->aConstraintUsage[i].argvIndex = 1;
        info->aConstraintUsage[i].omit = 0;  // SQLite checks each row again
        info->estimatedCost = 10 + std::max(1.0, rows / 100);
        info->estimatedRows = static_cast<sqlite3_int64>(std::max(1.0, rows / 100));
        return SQLITE_OK;
    }
    info->idxNum = 0;
    info->estimatedCost = 10 + rows;
    info->estimatedRows = static_cast<sqlite3_int64>(std::max(1.0, rows));
    return SQLITE_OK;
}

int open(sqlite3_vtab* v, sqlite3_vtab_cursor** out) {
    auto* c = new Cursor;
    c->table = reinterpret_cast<const Table*>(v);
    *out = &c->base;
    return SQLITE_OK;
}

int close(sqlite3_vtab_cursor* c) {
    delete reinterpret_cast<Cursor*>(c);
    return SQLITE_OK;
}

int filter(sqlite3_vtab_cursor* vc, int idx_num, const char*, int argc, sqlite3_value** argv) {
    auto* c = reinterpret_cast<Cursor*>(vc);
    c->at = 0;
    c->subset = nullptr;
    c->merged.clear();
    if (idx_num <= 0 || argc < 1) return SQLITE_OK;
    static const std::vector<uint32_t> none;
    const ColumnIndex& ix = index_of(*c->table, static_cast<size_t>(idx_num - 1));
    sqlite3_value* key = argv[0];
    const std::vector<uint32_t>* as_text = nullptr;
    const std::vector<uint32_t>* as_number = nullptr;
    switch (sqlite3_value_type(key)) {
        case SQLITE_NULL:
            c->subset = &none;  // `= NULL` is never true
            return SQLITE_OK;
        case SQLITE_INTEGER:
        case SQLITE_FLOAT: {
            const double d = sqlite3_value_type(key) == SQLITE_INTEGER
                                 ? static_cast<double>(sqlite3_value_int64(key))
                                 : sqlite3_value_double(key);
            as_number = find(ix.by_number, d);
            // A text column compares the number as its text.
            const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(key));
            if (text)
                as_text =
                    find(ix.by_text,
                         std::string_view(text, static_cast<size_t>(sqlite3_value_bytes(key))));
            break;
        }
        default: {
            const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(key));
            const std::string_view s(text ? text : "",
                                     static_cast<size_t>(sqlite3_value_bytes(key)));
            as_text = find(ix.by_text, s);
            // A numeric column compares text that reads as a number as that number.
            std::string scratch;
            const Converted n = apply_affinity(Value{s}, Affinity::numeric, scratch);
            if (n.kind == StoredValue::Kind::integer)
                as_number = find(ix.by_number, static_cast<double>(n.integer));
            else if (n.kind == StoredValue::Kind::real)
                as_number = find(ix.by_number, n.real);
            break;
        }
    }
    if (as_text && as_number) {
        std::merge(as_text->begin(), as_text->end(), as_number->begin(), as_number->end(),
                   std::back_inserter(c->merged));
        c->merged.erase(std::unique(c->merged.begin(), c->merged.end()), c->merged.end());
        c->subset = &c->merged;
    } else {
        c->subset = as_text ? as_text : as_number ? as_number : &none;
    }
    return SQLITE_OK;
}

int next(sqlite3_vtab_cursor* vc) {
    ++reinterpret_cast<Cursor*>(vc)->at;
    return SQLITE_OK;
}

int eof(sqlite3_vtab_cursor* vc) {
    const auto* c = reinterpret_cast<const Cursor*>(vc);
    return c->at >= c->end() ? 1 : 0;
}

int column(sqlite3_vtab_cursor* vc, sqlite3_context* ctx, int i) {
    const auto* c = reinterpret_cast<const Cursor*>(vc);
    const StoredValue& v = c->table->rows->at(c->row(), static_cast<size_t>(i));
    switch (v.kind) {
        case StoredValue::Kind::null:
            sqlite3_result_null(ctx);
            break;
        case StoredValue::Kind::integer:
            sqlite3_result_int64(ctx, v.integer);
            break;
        case StoredValue::Kind::real:
            sqlite3_result_double(ctx, v.real);
            break;
        case StoredValue::Kind::text:
            // The rows outlive every statement on the connection.
            sqlite3_result_text64(ctx, v.text, v.size, SQLITE_STATIC, SQLITE_UTF8);
            break;
    }
    return SQLITE_OK;
}

int rowid(sqlite3_vtab_cursor* vc, sqlite3_int64* out) {
    // As a real table filled in this order numbers its rows.
    *out = static_cast<sqlite3_int64>(reinterpret_cast<const Cursor*>(vc)->row()) + 1;
    return SQLITE_OK;
}

sqlite3_module make_module() {
    sqlite3_module m{};
    m.iVersion = 1;
    m.xCreate = connect;
    m.xConnect = connect;
    m.xBestIndex = best_index;
    m.xDisconnect = disconnect;
    m.xDestroy = disconnect;
    m.xOpen = open;
    m.xClose = close;
    m.xFilter = filter;
    m.xNext = next;
    m.xEof = eof;
    m.xColumn = column;
    m.xRowid = rowid;
    return m;
}

}  // namespace

void create_virtual_tables(Database& db, std::shared_ptr<const ModelRows> rows) {
    static const sqlite3_module k_module = make_module();
    // SQLite's client data is a void*; the module only reads through it.
    if (sqlite3_create_module_v2(db.handle(), "kam_rows", &k_module,
                                 const_cast<ModelRows*>(rows.get()), nullptr) != SQLITE_OK)
        db.fail("cannot register kam's virtual tables");
    for (const RowStore& s : rows->tables)
        db.exec(fmt::format("CREATE VIRTUAL TABLE \"{}\" USING kam_rows", s.def().name));
    db.keep_alive(std::move(rows));
}

}  // namespace kam::sql
