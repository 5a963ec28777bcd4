#pragma once
// The rows of one table of the model, held by kam rather than by SQLite:
// what `kam query` reads through virtual tables and `kam export` writes into
// real ones. Each value is stored as SQLite would store it in the table's
// column (its type affinity applied), and a row that SQLite's INSERT OR
// IGNORE would drop (a repeated primary key, a NULL in a NOT NULL column, a
// failed CHECK of create_statement) is dropped here too, so the two give the
// same rows and the same typeof() for every value.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <variant>
#include <vector>

#include "kam/sql/schema.hpp"

namespace kam::sql {

// A value on its way in. A string_view must stay valid only until the row
// is appended: its bytes are copied then.
using Value = std::variant<std::monostate, int64_t, double, std::string, std::string_view>;

struct StoredValue {
    enum class Kind : unsigned char { null, integer, real, text };
    Kind kind = Kind::null;
    uint32_t size = 0;  // text: its bytes
    union {
        int64_t integer = 0;
        double real;
        const char* text;  // in the store's arena, not NUL-terminated
    };
};

// SQLite's affinity of a column of `type` (its declared type's name).
enum class Affinity : unsigned char { text, numeric, integer, real };
Affinity affinity_of(ColumnType type);

// `v` as a column of affinity `a` stores it (SQLite's rules: text that is a
// number becomes one in a numeric column, a number in a text column becomes
// text, a whole REAL becomes INTEGER under NUMERIC and INTEGER affinity).
// Text results are written to `scratch` and returned as a view of it or of
// `v`'s own bytes.
struct Converted {
    StoredValue::Kind kind = StoredValue::Kind::null;
    int64_t integer = 0;
    double real = 0;
    std::string_view text;
};
Converted apply_affinity(const Value& v, Affinity a, std::string& scratch);

// The text SQLite gives a REAL ("%!.15g": 5.0, 0.1, 1.0e+20).
std::string real_as_text(double v);

class RowStore {
  public:
    explicit RowStore(const TableDef& def);
    RowStore(RowStore&&) noexcept;
    RowStore& operator=(RowStore&&) noexcept;
    ~RowStore();

    const TableDef& def() const { return *def_; }
    size_t rows() const { return rows_; }
    size_t columns() const { return columns_; }
    const StoredValue& at(size_t row, size_t column) const {
        const Segment* s = &segments_.front();
        if (segments_.size() > 1) s = &segment_of(row);
        return s->cells[(row - s->first_row) * columns_ + column];
    }

    enum class OnConflict : unsigned char { ignore, fail };
    // Appends `row` (one value per column, in order). A row SQLite would
    // refuse is dropped and false returned (ignore), or std::logic_error
    // thrown naming the table and the rule (fail: a bug in kam, as a plain
    // INSERT would fail).
    bool append(const std::vector<Value>& row, OnConflict on_conflict);

    // Appends every row of `later` without copying them, and seals this
    // store: no row can be appended after. `later`'s primary keys must not
    // repeat this store's (the rows of other accounts, for a key that starts
    // with the account); they are not checked again.
    void take(RowStore&& later);

  private:
    struct Arena;
    // Rows [first_row, first_row + cells / columns), each `columns` cells.
    struct Segment {
        size_t first_row = 0;
        std::vector<StoredValue> cells;
    };
    // A row's primary key, for finding a repeat: its hash and its row.
    struct KeySlot {
        uint64_t hash = 0;
        uint32_t row_plus_one = 0;  // 0: empty
    };

    const Segment& segment_of(size_t row) const;
    std::string_view keep(std::string_view text);
    // Why SQLite would refuse the converted row, or nullptr.
    const char* refusal(const std::vector<Converted>& row) const;
    // True when the key of `row` is new (and now known); false when a row
    // with an equal key is stored already.
    bool remember_key(const std::vector<Converted>& row);
    bool same_key(const std::vector<Converted>& row, size_t stored) const;
    void grow_keys_if_full();
    void add_key_slot(KeySlot slot);
    void stop_keys_by_account();

    const TableDef* def_;
    size_t columns_;
    size_t rows_ = 0;
    bool sealed_ = false;
    std::vector<Affinity> affinity_;
    std::vector<size_t> key_columns_;
    std::vector<Segment> segments_;
    std::vector<std::unique_ptr<Arena>> arenas_;
    std::vector<std::string_view> last_text_;  // by column: the last text kept
    std::vector<KeySlot> keys_;                // open addressing, a power of two in size
    size_t key_count_ = 0;
    // A key that starts with the account: the keys of one account's rows
    // (appended one after another), in a table that stays small, and the
    // accounts seen before it. An account seen again after another's rows
    // turns this off: then the table holds every row's key.
    bool by_account_ = false;
    std::string account_;
    std::unordered_set<std::string> accounts_seen_;
};

}  // namespace kam::sql
