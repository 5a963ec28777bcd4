// JSON: versioned, keys in the order the report declares them, money as
// whole units, figures that cannot be computed as null with their reason.
#include <nlohmann/json.hpp>

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

// Fills `object` and adds "reasons" for the empty figures, when any.
template <typename Pairs>
void fill(json& object, const Pairs& pairs) {
    json reasons = json::object();
    for (const auto& [key, cell] : pairs) {
        object[key] = value(*cell);
        if (cell->kind == Cell::Kind::empty && !cell->reason.empty()) reasons[key] = cell->reason;
    }
    if (!reasons.empty()) object["reasons"] = std::move(reasons);
}

json block_json(const Table& t) {
    json rows = json::array();
    for (const auto& row : t.rows) {
        std::vector<std::pair<std::string, const Cell*>> pairs;
        for (size_t i = 0; i < t.columns.size(); ++i)
            if (!t.columns[i].human_only) pairs.emplace_back(t.columns[i].key, &row[i]);
        json object = json::object();
        fill(object, pairs);
        rows.push_back(std::move(object));
    }
    return rows;
}

json block_json(const FigureList& f) {
    std::vector<std::pair<std::string, const Cell*>> pairs;
    for (const Item& i : f.items) pairs.emplace_back(i.key, &i.value);
    json object = json::object();
    fill(object, pairs);
    // How many accounts each total leaves out, so a script can tell a complete
    // sum from a partial one.
    json unknown = json::object();
    for (const Item& i : f.items)
        if (i.unknown > 0) unknown[i.key] = i.unknown;
    if (!unknown.empty()) object["unknown"] = std::move(unknown);
    return object;
}

}  // namespace

std::string render_report_json(const Report& report) {
    json doc = json::object();
    doc["format_version"] = Report::k_format_version;
    doc["report"] = report.kind;
    for (const Item& m : report.meta) doc[m.key] = value(m.value);
    for (const Block& b : report.blocks)
        if (for_machines(b))
            std::visit([&](const auto& block) { doc[block.key] = block_json(block); }, b);
    if (!report.explanations.empty()) {
        json all = json::array();
        for (const Explanation& e : report.explanations) {
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
            all.push_back(std::move(x));
        }
        doc["explanations"] = std::move(all);
    }
    return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace kam
