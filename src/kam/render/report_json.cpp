// JSON: versioned, keys in the order the report declares them, money as
// whole units, figures that cannot be computed as null with their reason.
//
// Written as it goes, a row at a time, in exactly the text nlohmann's
// ordered_json would dump for the document (indent 2, UTF-8 kept, invalid
// UTF-8 replaced): no document tree is built, so a summary of 50,000
// accounts costs its rows' text and no more. Scalars and keys go through
// nlohmann's own serializer, so their spelling (escapes, the shortest form
// of a number) is the library's; a key set twice keeps its first place and
// takes the last value, as ordered_json's operator[] does.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <variant>

#include "kam/render/report_formats.hpp"

namespace kam {

namespace {

using json = nlohmann::ordered_json;

json value(const Cell& c) {
    switch (c.kind) {
        case Cell::Kind::empty:
            return nullptr;
        case Cell::Kind::text:
        case Cell::Kind::date:
            return c.text;
        case Cell::Kind::integer:
        case Cell::Kind::money:
            return c.number;
        case Cell::Kind::fixed:
            if (c.fixed.places == 0) return c.fixed.units;
            return c.fixed.to_double();  // shortest form: the digits of to_string()
        case Cell::Kind::boolean:
            return c.number != 0;
    }
    return nullptr;
}

std::string dumped(const json& j) {
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

// An object's members in ordered_json's order: a key set again keeps its
// place and takes the new value.
template <typename V>
struct Members {
    std::vector<std::pair<std::string_view, V>> items;

    void set(std::string_view key, V v) {
        for (auto& item : items)
            if (item.first == key) {
                item.second = std::move(v);
                return;
            }
        items.emplace_back(key, std::move(v));
    }
    bool empty() const { return items.empty(); }
};

// A row's or a list of figures' members: cells, and "reasons" (texts) and
// "unknown" (counts) beside them; the document's: cells, tables (arrays of
// row objects) and lists of figures.
using Strings = Members<std::string_view>;
using Counts = Members<size_t>;
using Flat = Members<std::variant<const Cell*, Strings, Counts>>;
using Top = Members<std::variant<const Cell*, const Table*, Flat, const json*>>;

class Writer {
  public:
    explicit Writer(const TextSink& sink) : sink_(sink) {}

    void raw(std::string_view text) {
        buf_ += text;
        if (buf_.size() >= k_text_chunk_bytes) flush();
    }
    void flush() {
        if (buf_.empty()) return;
        sink_(buf_);
        buf_.clear();
    }

    template <typename V>
    void object(const Members<V>& o, size_t indent) {
        if (o.empty()) {
            raw("{}");
            return;
        }
        raw("{\n");
        for (size_t i = 0; i < o.items.size(); ++i) {
            spaces(indent + 2);
            text(o.items[i].first);
            raw(": ");
            value(o.items[i].second, indent + 2);
            raw(i + 1 < o.items.size() ? ",\n" : "\n");
        }
        spaces(indent);
        raw("}");
    }

  private:
    void spaces(size_t n) { buf_.append(n, ' '); }

    // What nlohmann's dump writes for a string: printable ASCII with no
    // quote or backslash as it is; anything else through nlohmann itself.
    void text(std::string_view s) {
        const bool plain = std::all_of(s.begin(), s.end(), [](char ch) {
            return ch >= 0x20 && ch <= 0x7e && ch != '"' && ch != '\\';
        });
        if (!plain) return raw(dumped(json(std::string(s))));
        buf_ += '"';
        buf_ += s;
        raw("\"");
    }
    void integer(int64_t n) { raw(fmt::format_int(n).c_str()); }

    void value(const Cell* c, size_t) {
        switch (c->kind) {
            case Cell::Kind::empty:
                return raw("null");
            case Cell::Kind::text:
            case Cell::Kind::date:
                return text(c->text);
            case Cell::Kind::integer:
            case Cell::Kind::money:
                return integer(c->number);
            case Cell::Kind::boolean:
                return raw(c->number != 0 ? "true" : "false");
            case Cell::Kind::fixed:
                if (c->fixed.places == 0) return integer(c->fixed.units);
                break;
        }
        raw(dumped(kam::value(*c)));
    }
    void value(std::string_view s, size_t) { text(s); }
    void value(size_t n, size_t) { raw(fmt::format_int(n).c_str()); }
    // A small tree (the explanations), dumped at this depth as it would nest.
    void value(const json* j, size_t indent) {
        const std::string text = j->dump(2, ' ', false, json::error_handler_t::replace);
        for (const char c : text) {
            buf_ += c;
            if (c == '\n') spaces(indent);
        }
        if (buf_.size() >= k_text_chunk_bytes) flush();
    }
    template <typename V>
    void value(const Members<V>& o, size_t indent) {
        object(o, indent);
    }
    template <typename... Ts>
    void value(const std::variant<Ts...>& v, size_t indent) {
        std::visit([&](const auto& x) { value(x, indent); }, v);
    }

    // The rows one at a time: each row's members are gathered, written and dropped.
    void value(const Table* t, size_t indent) {
        const size_t count = t->row_count();
        if (count == 0) {
            raw("[]");
            return;
        }
        raw("[\n");
        std::vector<Cell> scratch;
        for (size_t r = 0; r < count; ++r) {
            spaces(indent + 2);
            object(row(*t, t->row(r, scratch)), indent + 2);
            raw(r + 1 < count ? ",\n" : "\n");
        }
        spaces(indent);
        raw("]");
    }

    // A row's members and "reasons" for its empty figures, when any.
    static Flat row(const Table& t, const std::vector<Cell>& cells) {
        Flat o;
        Strings reasons;
        for (size_t i = 0; i < t.columns.size(); ++i) {
            if (t.columns[i].human_only) continue;
            const Cell& c = cells[i];
            o.set(t.columns[i].key, &c);
            if (c.kind == Cell::Kind::empty && !c.reason.empty())
                reasons.set(t.columns[i].key, c.reason);
        }
        if (!reasons.empty()) o.set("reasons", std::move(reasons));
        return o;
    }

    const TextSink& sink_;
    std::string buf_;
};

// What --explain adds: each figure's formula and sources (kept small: only
// the figures asked about).
json explanations(const std::vector<Explanation>& all) {
    json out = json::array();
    for (const Explanation& e : all) {
        json x = json::object();
        x["account"] = e.account.empty() ? json(nullptr) : json(e.account);
        x["figure"] = e.figure;
        x["value"] = value(e.value);
        if (e.value.kind == Cell::Kind::empty && !e.value.reason.empty())
            x["reason"] = e.value.reason;
        x["formula"] = e.formula;
        json sources = json::array();
        for (const SourceNote& s : e.sources) {
            json o = json::object();
            o["file"] = s.file;
            o["line"] = s.line ? json(s.line) : json(nullptr);
            o["column"] = s.line ? json(s.column) : json(nullptr);
            o["path"] = s.path;
            o["value"] = s.value;
            sources.push_back(std::move(o));
        }
        x["sources"] = std::move(sources);
        if (!e.from.empty()) {
            json from = json::array();
            for (const DerivedNote& d : e.from) {
                json o = json::object();
                o["account"] = d.account.empty() ? json(nullptr) : json(d.account);
                o["figure"] = d.figure;
                o["value"] = d.value;
                from.push_back(std::move(o));
            }
            x["from"] = std::move(from);
        }
        out.push_back(std::move(x));
    }
    return out;
}

Flat figures(const FigureList& f) {
    Flat o;
    Strings reasons;
    for (const Item& i : f.items) {
        o.set(i.key, &i.value);
        if (i.value.kind == Cell::Kind::empty && !i.value.reason.empty())
            reasons.set(i.key, i.value.reason);
    }
    if (!reasons.empty()) o.set("reasons", std::move(reasons));
    // How many accounts each total leaves out, so a script can tell a complete
    // sum from a partial one.
    Counts unknown;
    for (const Item& i : f.items)
        if (i.unknown > 0) unknown.set(i.key, i.unknown);
    if (!unknown.empty()) o.set("unknown", std::move(unknown));
    return o;
}

}  // namespace

void write_report_json(const Report& report, const TextSink& out) {
    const Cell version = Cell::of_int(Report::k_format_version);
    const Cell kind = Cell::of(report.kind);
    Top doc;
    doc.set("format_version", &version);
    doc.set("report", &kind);
    for (const Item& m : report.meta) doc.set(m.key, &m.value);
    for (const Block& b : report.blocks) {
        if (!for_machines(b)) continue;
        if (const Table* t = std::get_if<Table>(&b))
            doc.set(t->key, t);
        else
            doc.set(std::get<FigureList>(b).key, figures(std::get<FigureList>(b)));
    }
    const json explained = explanations(report.explanations);
    if (!report.explanations.empty()) doc.set("explanations", &explained);
    Writer w(out);
    w.object(doc, 0);
    w.raw("\n");
    w.flush();
}

std::string render_report_json(const Report& report) {
    std::string out;
    write_report_json(report, [&](std::string_view piece) { out += piece; });
    return out;
}

}  // namespace kam
