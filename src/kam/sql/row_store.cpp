#include "kam/sql/row_store.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

#include "kam/util/date.hpp"

namespace kam::sql {

// Text bytes in chunks that never move, so a StoredValue's pointer stays
// valid when its store is moved or merged into another.
struct RowStore::Arena {
    static constexpr size_t k_chunk = 64 * 1024;
    std::unique_ptr<char[]> bytes;
    size_t used = 0;
    size_t capacity = 0;
    explicit Arena(size_t size) : bytes(new char[size]), capacity(size) {}
};

Affinity affinity_of(ColumnType type) {
    // The declared types of create_statement, by SQLite's rules: "INT" in
    // the name is INTEGER, "TEXT" is TEXT, "REAL" is REAL, anything else
    // (DATE, BOOLEAN, NUMERIC) is NUMERIC.
    switch (sqlite_type(type)[0]) {
        case 'I':
            return Affinity::integer;
        case 'T':
            return Affinity::text;
        case 'R':
            return Affinity::real;
        default:
            return Affinity::numeric;
    }
}

std::string real_as_text(double v) {
    char buf[64];
    sqlite3_snprintf(sizeof buf, buf, "%!.15g", v);
    return buf;
}

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

// A number as SQLite's text-to-number conversion reads one (sqlite3AtoF):
// optional spaces, sign, digits with an optional point, an optional
// exponent, optional spaces, nothing else. `whole`: no point, no exponent.
bool number_text(std::string_view s, bool& whole) {
    size_t i = 0, n = s.size();
    while (i < n && is_space(s[i])) ++i;
    while (n > i && is_space(s[n - 1])) --n;
    if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
    size_t digits = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
    whole = true;
    if (i < n && s[i] == '.') {
        whole = false;
        ++i;
        while (i < n && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
    }
    if (digits == 0) return false;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        whole = false;
        ++i;
        if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
        size_t exponent = 0;
        while (i < n && s[i] >= '0' && s[i] <= '9') ++i, ++exponent;
        if (exponent == 0) return false;
    }
    return i == n;
}

// A REAL that is exactly an integer becomes one (sqlite3VdbeIntegerAffinity).
bool real_as_integer(double r, int64_t& out) {
    if (!(r > -9.2233720368547758e18 && r < 9.2233720368547758e18)) return false;
    const auto i = static_cast<int64_t>(r);
    if (static_cast<double>(i) != r) return false;
    out = i;
    return true;
}

Converted numeric_from_text(std::string_view text, Affinity a) {
    Converted out;
    out.kind = StoredValue::Kind::text;
    out.text = text;
    bool whole = false;
    if (!number_text(text, whole)) return out;
    const std::string copy(text);
    if (whole) {
        errno = 0;
        char* end = nullptr;
        const long long i = std::strtoll(copy.c_str(), &end, 10);
        if (errno == 0) {
            if (a == Affinity::real) {
                out.kind = StoredValue::Kind::real;
                out.real = static_cast<double>(i);
            } else {
                out.kind = StoredValue::Kind::integer;
                out.integer = i;
            }
            return out;
        }
    }
    const double r = std::strtod(copy.c_str(), nullptr);
    out.kind = StoredValue::Kind::real;
    out.real = r;
    if (a != Affinity::real && real_as_integer(r, out.integer))
        out.kind = StoredValue::Kind::integer;
    return out;
}

}  // namespace

Converted apply_affinity(const Value& v, Affinity a, std::string& scratch) {
    Converted out;
    if (std::holds_alternative<std::monostate>(v)) return out;
    if (const auto* i = std::get_if<int64_t>(&v)) {
        if (a == Affinity::text) {
            scratch = std::to_string(*i);
            out.kind = StoredValue::Kind::text;
            out.text = scratch;
        } else if (a == Affinity::real) {
            out.kind = StoredValue::Kind::real;
            out.real = static_cast<double>(*i);
        } else {
            out.kind = StoredValue::Kind::integer;
            out.integer = *i;
        }
        return out;
    }
    if (const auto* d = std::get_if<double>(&v)) {
        if (std::isnan(*d)) return out;  // SQLite binds a NaN as NULL
        if (a == Affinity::text) {
            scratch = real_as_text(*d);
            out.kind = StoredValue::Kind::text;
            out.text = scratch;
            return out;
        }
        out.kind = StoredValue::Kind::real;
        out.real = *d;
        if (a != Affinity::real && real_as_integer(*d, out.integer))
            out.kind = StoredValue::Kind::integer;
        return out;
    }
    const std::string_view text = std::holds_alternative<std::string>(v)
                                      ? std::string_view(std::get<std::string>(v))
                                      : std::get<std::string_view>(v);
    if (a == Affinity::text) {
        out.kind = StoredValue::Kind::text;
        out.text = text;
        return out;
    }
    return numeric_from_text(text, a);
}

RowStore::RowStore(const TableDef& def) : def_(&def), columns_(def.columns.size()) {
    for (const ColumnDef& c : def.columns) affinity_.push_back(affinity_of(c.type));
    for (const std::string_view k : def.primary_key) key_columns_.push_back(def.column(k));
    by_account_ = key_columns_.size() > 1 && def.primary_key.front() == "account";
    last_text_.resize(columns_);
    segments_.emplace_back();
}

const RowStore::Segment& RowStore::segment_of(size_t row) const {
    // The last segment whose first row is at or before `row`.
    const auto it = std::upper_bound(segments_.begin(), segments_.end(), row,
                                     [](size_t r, const Segment& s) { return r < s.first_row; });
    return *(it - 1);
}

RowStore::RowStore(RowStore&&) noexcept = default;
RowStore& RowStore::operator=(RowStore&&) noexcept = default;
RowStore::~RowStore() = default;

std::string_view RowStore::keep(std::string_view text) {
    if (text.empty()) return {"", 0};
    if (arenas_.empty() || arenas_.back()->capacity - arenas_.back()->used < text.size()) {
        // A long text gets a chunk of its own; the current chunk stays in use.
        if (text.size() > Arena::k_chunk / 4) {
            auto big = std::make_unique<Arena>(text.size());
            std::memcpy(big->bytes.get(), text.data(), text.size());
            big->used = text.size();
            const char* at = big->bytes.get();
            arenas_.insert(arenas_.empty() ? arenas_.end() : arenas_.end() - 1, std::move(big));
            return {at, text.size()};
        }
        arenas_.push_back(std::make_unique<Arena>(Arena::k_chunk));
    }
    Arena& a = *arenas_.back();
    char* at = a.bytes.get() + a.used;
    std::memcpy(at, text.data(), text.size());
    a.used += text.size();
    return {at, text.size()};
}

const char* RowStore::refusal(const std::vector<Converted>& row) const {
    using Kind = StoredValue::Kind;
    for (size_t i = 0; i < columns_; ++i) {
        const ColumnDef& c = def_->columns[i];
        const Converted& v = row[i];
        if (v.kind == Kind::null) {
            if (c.not_null) return "NOT NULL";
            continue;
        }
        switch (c.type) {
            case ColumnType::date:
                if (v.kind != Kind::text || !parse_date(v.text)) return "CHECK (a real day)";
                break;
            case ColumnType::boolean:
                if (!(v.kind == Kind::integer && (v.integer == 0 || v.integer == 1)) &&
                    !(v.kind == Kind::real && (v.real == 0 || v.real == 1)))
                    return "CHECK (0 or 1)";
                break;
            case ColumnType::integer:
            case ColumnType::cents:
                if (v.kind != Kind::integer) return "CHECK (an integer)";
                break;
            default:
                break;
        }
    }
    return nullptr;
}

bool RowStore::append(const std::vector<Value>& row, OnConflict on_conflict) {
    if (row.size() != columns_)
        throw std::logic_error(fmt::format("table {}: a row of {} values for {} columns",
                                           def_->name, row.size(), columns_));
    if (sealed_) throw std::logic_error(fmt::format("table {}: a row after take()", def_->name));
    thread_local std::vector<Converted> converted;
    thread_local std::vector<std::string> scratch;
    converted.resize(columns_);
    if (scratch.size() < columns_) scratch.resize(columns_);
    for (size_t i = 0; i < columns_; ++i)
        converted[i] = apply_affinity(row[i], affinity_[i], scratch[i]);

    const char* refused = refusal(converted);
    if (!refused && !key_columns_.empty() && !remember_key(converted))
        refused = "PRIMARY KEY (repeated)";
    if (refused) {
        if (on_conflict == OnConflict::ignore) return false;
        throw std::logic_error(fmt::format("table {}: a row breaks {}", def_->name, refused));
    }
    // A full segment of 1 MiB is not copied into a larger one: a new one starts.
    constexpr size_t k_segment_cells = 65536;
    if (Segment& last = segments_.back(); last.cells.size() + columns_ > last.cells.capacity() &&
                                          last.cells.size() >= k_segment_cells) {
        segments_.push_back(Segment{rows_, {}});
        segments_.back().cells.reserve(k_segment_cells + columns_);
    }
    Segment& segment = segments_.back();
    for (size_t i = 0; i < columns_; ++i) {
        const Converted& v = converted[i];
        StoredValue s;
        s.kind = v.kind;
        if (v.kind == StoredValue::Kind::integer) {
            s.integer = v.integer;
        } else if (v.kind == StoredValue::Kind::real) {
            s.real = v.real;
        } else if (v.kind == StoredValue::Kind::text) {
            // The same text as the column's last one (the account, the
            // source file, the as-of day) is kept once.
            std::string_view& last = last_text_[i];
            if (last.data() == nullptr || last != v.text) last = keep(v.text);
            s.text = last.data();
            s.size = static_cast<uint32_t>(last.size());
        }
        segment.cells.push_back(s);
    }
    ++rows_;
    return true;
}

namespace {

uint64_t mix(uint64_t h, uint64_t v) {
    // FNV-1a over the value's 8 bytes, enough to spread keys over the slots.
    for (int i = 0; i < 8; ++i, v >>= 8) h = (h ^ (v & 0xff)) * 0x100000001b3ULL;
    return h;
}

uint64_t key_hash(const std::vector<Converted>& row, const std::vector<size_t>& key_columns) {
    uint64_t h = 0xcbf29ce484222325ULL;
    for (const size_t k : key_columns) {
        const Converted& v = row[k];
        h = mix(h, static_cast<uint64_t>(v.kind));
        if (v.kind == StoredValue::Kind::integer) {
            h = mix(h, static_cast<uint64_t>(v.integer));
        } else if (v.kind == StoredValue::Kind::real) {
            uint64_t bits = 0;
            std::memcpy(&bits, &v.real, sizeof bits);
            h = mix(h, bits);
        } else if (v.kind == StoredValue::Kind::text) {
            for (const char c : v.text) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
            h = mix(h, v.text.size());
        }
    }
    // The slots are found by the low bits: a finaliser (MurmurHash3's fmix64)
    // spreads every bit into them.
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

}  // namespace

bool RowStore::same_key(const std::vector<Converted>& row, size_t stored) const {
    for (const size_t k : key_columns_) {
        const Converted& a = row[k];
        const StoredValue& b = at(stored, k);
        if (a.kind != b.kind) return false;
        if (a.kind == StoredValue::Kind::integer && a.integer != b.integer) return false;
        if (a.kind == StoredValue::Kind::real && a.real != b.real) return false;
        if (a.kind == StoredValue::Kind::text && a.text != std::string_view(b.text, b.size))
            return false;
    }
    return true;
}

void RowStore::grow_keys_if_full() {
    if ((key_count_ + 1) * 2 <= keys_.size()) return;
    std::vector<KeySlot> old(std::max<size_t>(64, keys_.size() * 2));
    old.swap(keys_);
    key_count_ = 0;
    for (const KeySlot& s : old)
        if (s.row_plus_one) add_key_slot(s);
}

void RowStore::add_key_slot(KeySlot slot) {
    grow_keys_if_full();
    for (size_t i = slot.hash & (keys_.size() - 1);; i = (i + 1) & (keys_.size() - 1))
        if (!keys_[i].row_plus_one) {
            keys_[i] = slot;
            ++key_count_;
            return;
        }
}

void RowStore::stop_keys_by_account() {
    // Every row's key from now on, those stored so far first.
    by_account_ = false;
    accounts_seen_ = {};
    keys_.clear();
    key_count_ = 0;
    std::vector<Converted> stored(columns_);
    for (size_t r = 0; r < rows_; ++r) {
        for (const size_t k : key_columns_) {
            const StoredValue& v = at(r, k);
            Converted& c = stored[k];
            c.kind = v.kind;
            c.integer = v.kind == StoredValue::Kind::integer ? v.integer : 0;
            c.real = v.kind == StoredValue::Kind::real ? v.real : 0;
            c.text = v.kind == StoredValue::Kind::text ? std::string_view(v.text, v.size)
                                                       : std::string_view();
        }
        add_key_slot({key_hash(stored, key_columns_), static_cast<uint32_t>(r + 1)});
    }
}

bool RowStore::remember_key(const std::vector<Converted>& row) {
    // NULLs are distinct in a key, as in SQLite's unique index.
    for (const size_t k : key_columns_)
        if (row[k].kind == StoredValue::Kind::null) return true;
    if (by_account_) {
        const Converted& a = row[key_columns_.front()];
        if (a.kind != StoredValue::Kind::text) {
            stop_keys_by_account();
        } else if (a.text != account_) {
            // Another account's rows: its keys start afresh, unless its rows
            // came before too.
            if (!account_.empty()) accounts_seen_.insert(account_);
            if (accounts_seen_.count(std::string(a.text))) {
                stop_keys_by_account();
            } else {
                account_ = a.text;
                if (keys_.size() > 1024)
                    keys_.assign(64, KeySlot{});
                else
                    std::fill(keys_.begin(), keys_.end(), KeySlot{});
                key_count_ = 0;
            }
        }
    }
    grow_keys_if_full();
    const uint64_t h = key_hash(row, key_columns_);
    for (size_t i = h & (keys_.size() - 1);; i = (i + 1) & (keys_.size() - 1)) {
        KeySlot& slot = keys_[i];
        if (!slot.row_plus_one) {
            slot = {h, static_cast<uint32_t>(rows_ + 1)};
            ++key_count_;
            return true;
        }
        if (slot.hash == h && same_key(row, slot.row_plus_one - 1)) return false;
    }
}

void RowStore::take(RowStore&& later) {
    if (later.def_ != def_)
        throw std::logic_error(
            fmt::format("cannot merge rows of {} into {}", later.def_->name, def_->name));
    sealed_ = true;
    keys_ = {};
    key_count_ = 0;
    if (rows_ == 0) segments_.clear();
    for (Segment& s : later.segments_) {
        if (s.cells.empty()) continue;
        s.first_row += rows_;
        segments_.push_back(std::move(s));
    }
    if (segments_.empty()) segments_.emplace_back();
    rows_ += later.rows_;
    for (auto& a : later.arenas_) arenas_.push_back(std::move(a));
    later.segments_.assign(1, Segment{});
    later.arenas_.clear();
    later.keys_ = {};
    later.key_count_ = 0;
    later.rows_ = 0;
}

}  // namespace kam::sql
