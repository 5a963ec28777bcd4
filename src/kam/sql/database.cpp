#include "kam/sql/database.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <utility>

namespace kam::sql {

Statement::Statement(Statement&& o) noexcept
    : db_(std::exchange(o.db_, nullptr)), stmt_(std::exchange(o.stmt_, nullptr)) {}

Statement& Statement::operator=(Statement&& o) noexcept {
    if (this != &o) {
        sqlite3_finalize(stmt_);
        db_ = std::exchange(o.db_, nullptr);
        stmt_ = std::exchange(o.stmt_, nullptr);
    }
    return *this;
}

Statement::~Statement() {
    sqlite3_finalize(stmt_);
}

namespace {

void check_bind(sqlite3* db, int rc) {
    if (rc != SQLITE_OK) throw SqlError(fmt::format("cannot bind a value: {}", sqlite3_errmsg(db)));
}

}  // namespace

void Statement::bind_null(int i) {
    check_bind(db_, sqlite3_bind_null(stmt_, i));
}
void Statement::bind_int(int i, int64_t v) {
    check_bind(db_, sqlite3_bind_int64(stmt_, i, v));
}
void Statement::bind_double(int i, double v) {
    check_bind(db_, sqlite3_bind_double(stmt_, i, v));
}
void Statement::bind_text(int i, std::string_view v) {
    check_bind(db_,
               sqlite3_bind_text64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
}
void Statement::bind_text_in_place(int i, std::string_view v) {
    check_bind(db_, sqlite3_bind_text64(stmt_, i, v.data(), v.size(), SQLITE_STATIC, SQLITE_UTF8));
}
int Statement::parameter_count() const {
    return sqlite3_bind_parameter_count(stmt_);
}
std::string Statement::parameter_name(int i) const {
    const char* n = sqlite3_bind_parameter_name(stmt_, i);
    return n ? n : "";
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw SqlError(sqlite3_errmsg(db_));
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}
void Statement::reset_for_rebinding() {
    sqlite3_reset(stmt_);
}

int Statement::column_count() const {
    return sqlite3_column_count(stmt_);
}
std::string Statement::column_name(int c) const {
    const char* n = sqlite3_column_name(stmt_, c);
    return n ? n : "";
}
Statement::Type Statement::column_type(int c) const {
    switch (sqlite3_column_type(stmt_, c)) {
        case SQLITE_INTEGER:
            return Type::integer;
        case SQLITE_FLOAT:
            return Type::real;
        case SQLITE_TEXT:
            return Type::text;
        case SQLITE_BLOB:
            return Type::blob;
        default:
            return Type::null;
    }
}
int64_t Statement::column_int(int c) const {
    return sqlite3_column_int64(stmt_, c);
}
double Statement::column_double(int c) const {
    return sqlite3_column_double(stmt_, c);
}
std::string Statement::column_text(int c) const {
    return std::string(column_text_view(c));
}
std::string_view Statement::column_text_view(int c) const {
    // Text first, then its length: the order SQLite's documentation asks for.
    const auto* p = sqlite3_column_text(stmt_, c);
    const int n = sqlite3_column_bytes(stmt_, c);
    if (!p) return {};
    return std::string_view(reinterpret_cast<const char*>(p), static_cast<size_t>(n));
}
bool Statement::read_only() const {
    return sqlite3_stmt_readonly(stmt_) != 0;
}

namespace {

// Before SQLite's first use: no memory statistics, which kam never reads and
// which take a global mutex on every allocation (7% of building a model).
// Each connection is used by one thread at a time (SQLITE_OPEN_NOMUTEX).
int open_connection(const char* path, sqlite3** db, int flags) {
    static const int configured = [] {
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        return sqlite3_initialize();
    }();
    if (configured != SQLITE_OK) return configured;
    return sqlite3_open_v2(path, db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
}

}  // namespace

Database Database::open_memory() {
    sqlite3* db = nullptr;
    const int rc = open_connection(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    Database out(db);
    if (rc != SQLITE_OK) out.fail("cannot open an in-memory database");
    return out;
}

Database Database::open_read_only(const std::string& path) {
    sqlite3* db = nullptr;
    const int rc = open_connection(path.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW);
    Database out(db);
    if (rc != SQLITE_OK) out.fail(fmt::format("cannot open {}", path));
    return out;
}

Database Database::open_read_write(const std::string& path) {
    sqlite3* db = nullptr;
    const int rc = open_connection(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW);
    Database out(db);
    if (rc != SQLITE_OK) out.fail(fmt::format("cannot open {}", path));
    return out;
}

Database Database::create(const std::string& path) {
    sqlite3* db = nullptr;
    const int rc = open_connection(
        path.c_str(), &db,
        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXCLUSIVE);
    Database out(db);
    if (rc != SQLITE_OK) out.fail(fmt::format("cannot create {}", path));
    return out;
}

Database::Database(Database&& o) noexcept
    : db_(std::exchange(o.db_, nullptr)),
      attachment_(std::move(o.attachment_)),
      kept_(std::move(o.kept_)) {}

Database& Database::operator=(Database&& o) noexcept {
    if (this != &o) {
        sqlite3_close_v2(db_);
        db_ = std::exchange(o.db_, nullptr);
        attachment_ = std::move(o.attachment_);
        kept_ = std::move(o.kept_);
    }
    return *this;
}

Database::~Database() {
    sqlite3_close_v2(db_);
}

void Database::fail(const std::string& what, int offset) const {
    throw SqlError(fmt::format("{}: {}", what, db_ ? sqlite3_errmsg(db_) : "out of memory"),
                   offset);
}

void Database::exec(const std::string& sql) {
    char* message = nullptr;
    const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        std::string m = message ? message : sqlite3_errstr(rc);
        sqlite3_free(message);
        throw SqlError(m);
    }
}

Statement Database::prepare(std::string_view sql, std::string_view* tail) {
    sqlite3_stmt* stmt = nullptr;
    const char* rest = nullptr;
    const int rc =
        sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), 0, &stmt, &rest);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        throw SqlError(sqlite3_errmsg(db_), sqlite3_error_offset(db_));
    }
    if (tail) *tail = sql.substr(static_cast<size_t>(rest - sql.data()));
    return Statement(db_, stmt);
}

std::optional<std::string> Database::scalar(const std::string& sql) {
    Statement s = prepare(sql);
    if (!s.step() || s.column_type(0) == Statement::Type::null) return std::nullopt;
    return s.column_text(0);
}

void Database::backup_to(const std::string& path) {
    Database target = create(path);
    sqlite3_backup* b = sqlite3_backup_init(target.db_, "main", db_, "main");
    if (!b) target.fail(fmt::format("cannot write {}", path));
    const int rc = sqlite3_backup_step(b, -1);
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) target.fail(fmt::format("cannot write {}", path));
}

}  // namespace kam::sql
