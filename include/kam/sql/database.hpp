#pragma once
// The one small layer over SQLite's C API: a connection and prepared
// statements that own their handles. Errors throw SqlError with SQLite's
// message (and, for SQL text, the byte offset it reports).
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace kam::sql {

class SqlError : public std::runtime_error {
  public:
    SqlError(const std::string& message, int offset = -1)
        : std::runtime_error(message), offset_(offset) {}
    int offset() const { return offset_; }  // byte offset into the SQL, or -1

  private:
    int offset_;
};

class Statement {
  public:
    Statement() = default;
    Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    void bind_null(int index);
    void bind_int(int index, int64_t value);
    void bind_double(int index, double value);
    void bind_text(int index, std::string_view value);
    // Without a copy: `value` must stay alive and unchanged until the
    // statement is stepped and reset (a loader's row, bound then stepped).
    void bind_text_in_place(int index, std::string_view value);
    int parameter_count() const;
    // ":name" for a named parameter, empty for "?".
    std::string parameter_name(int index) const;

    // True when a row is ready; false when done.
    bool step();
    void reset();
    // Ready to step again with new values for every parameter: the old
    // bindings are kept (each is bound again before the next step).
    void reset_for_rebinding();

    int column_count() const;
    std::string column_name(int column) const;
    enum class Type : unsigned char { integer, real, text, blob, null };
    Type column_type(int column) const;
    int64_t column_int(int column) const;
    double column_double(int column) const;
    std::string column_text(int column) const;
    // The same text without a copy: valid until the next step or reset.
    std::string_view column_text_view(int column) const;
    bool read_only() const;

    sqlite3_stmt* handle() const { return stmt_; }

  private:
    sqlite3* db_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
};

class Database {
  public:
    // An empty in-memory database.
    static Database open_memory();
    // An existing file, read-only; throws SqlError when it cannot be opened.
    static Database open_read_only(const std::string& path);
    // An existing file, read-write.
    static Database open_read_write(const std::string& path);
    // A new file (must not exist yet), read-write.
    static Database create(const std::string& path);

    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    void exec(const std::string& sql);
    // The first statement of `sql`; `tail` gets what follows it.
    Statement prepare(std::string_view sql, std::string_view* tail = nullptr);
    // One value of a one-row query (NULL: nullopt).
    std::optional<std::string> scalar(const std::string& sql);
    // Copies the whole database into `path` (SQLite's backup API).
    void backup_to(const std::string& path);

    sqlite3* handle() const { return db_; }
    // State that lives as long as the connection (the query guard).
    void attach(std::shared_ptr<void> state) { attachment_ = std::move(state); }
    const std::shared_ptr<void>& attachment() const { return attachment_; }
    // Kept until the connection is closed (what its virtual tables read).
    void keep_alive(std::shared_ptr<const void> v) { kept_.push_back(std::move(v)); }
    [[noreturn]] void fail(const std::string& what, int offset = -1) const;

  private:
    explicit Database(sqlite3* db) : db_(db) {}
    sqlite3* db_ = nullptr;
    std::shared_ptr<void> attachment_;
    std::vector<std::shared_ptr<const void>> kept_;  // released after sqlite3_close_v2
};

}  // namespace kam::sql
