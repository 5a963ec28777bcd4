#include "kam/diff/value.hpp"

#include <fmt/format.h>
#include <algorithm>

#include "kam/util/date.hpp"
#include "kam/util/money.hpp"
#include "kam/util/scalar.hpp"

namespace kam::diff {

const Value* Value::field(std::string_view name) const {
    for (const auto& [k, v] : fields)
        if (k == name) return &v;
    return nullptr;
}

bool is_long_text(const std::string& text) {
    return text.find('\n') != std::string::npos;
}

std::vector<std::string> list_key(std::string_view list_name, const Schema* item_schema) {
    if (item_schema && item_schema->find("id")) return {"id"};
    if (list_name == "financials") return {"period"};
    if (list_name == "scorecard") return {"perspective", "measure"};
    if (list_name == "reviews") return {"date", "type"};
    if (list_name == "surveys") return {"date", "respondent"};
    if (list_name == "references") return {"date", "visitor"};
    if (list_name == "history") return {"date"};
    if (list_name == "strengths" || list_name == "weaknesses" || list_name == "opportunities" ||
        list_name == "threats")
        return {"text"};
    if (item_schema && item_schema->find("name")) return {"name"};
    return {};
}

namespace {

Value scalar(std::string text) {
    Value v;
    v.text = std::move(text);
    return v;
}

std::string canonical_number(double d) {
    if (d == 0) d = 0;  // -0 is 0
    return fmt::format("{}", d);
}

std::string canonical_scalar(const Node& node, FieldType type) {
    const std::string& t = node.value;
    switch (type) {
        case FieldType::money:
            if (auto m = parse_money(t)) {
                if (m->cents % 100 == 0) return std::to_string(m->cents / 100);
                return m->to_decimal();
            }
            break;
        case FieldType::integer:
            if (auto i = parse_int(t)) return std::to_string(*i);
            break;
        case FieldType::number:
        case FieldType::percent:
            if (auto d = parse_number(t)) return canonical_number(*d);
            break;
        case FieldType::date:
            if (auto d = parse_date(t)) return d->to_string();
            break;
        default:
            break;
    }
    return t;
}

Value generic(const Node& node);

void sort_fields(Value& v) {
    std::stable_sort(v.fields.begin(), v.fields.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
}

Value record(const Node& node, const Schema* schema);

Value typed(const Node& node, const FieldSpec& spec, std::string_view key) {
    switch (spec.type) {
        case FieldType::object:
            if (node.is_mapping()) return record(node, spec.schema);
            break;
        case FieldType::object_list:
            if (node.is_sequence()) {
                Value v;
                v.kind = Value::Kind::list;
                v.key = list_key(key, spec.schema);
                for (const Node& item : node.items) {
                    if (item.is_absent()) continue;
                    v.items.push_back(item.is_mapping() ? record(item, spec.schema)
                                                        : generic(item));
                }
                return v;
            }
            break;
        case FieldType::text_list:
            if (node.is_sequence()) {
                Value v;
                v.kind = Value::Kind::list;
                v.by_value = true;
                for (const Node& item : node.items)
                    if (!item.is_absent()) v.items.push_back(generic(item));
                return v;
            }
            break;
        case FieldType::swot_list:
            if (node.is_sequence()) {
                Value v;
                v.kind = Value::Kind::list;
                v.key = {"text"};
                for (const Node& item : node.items) {
                    if (item.is_absent()) continue;
                    if (item.is_scalar()) {
                        Value r;
                        r.kind = Value::Kind::record;
                        r.fields.emplace_back("text", scalar(item.value));
                        v.items.push_back(std::move(r));
                    } else if (item.is_mapping()) {
                        v.items.push_back(record(item, &swot_item_schema()));
                    } else {
                        v.items.push_back(generic(item));
                    }
                }
                return v;
            }
            break;
        case FieldType::currency_map:
        case FieldType::weight_map:
            if (node.is_mapping()) {
                Value v;
                v.kind = Value::Kind::record;
                for (const Entry& e : node.entries) {
                    if (e.value.is_absent()) continue;
                    v.fields.emplace_back(e.key,
                                          e.value.is_scalar()
                                              ? scalar(canonical_scalar(e.value, FieldType::number))
                                              : generic(e.value));
                }
                sort_fields(v);
                return v;
            }
            break;
        case FieldType::require_map:
            if (node.is_mapping()) {
                Value v;
                v.kind = Value::Kind::record;
                for (const Entry& e : node.entries) {
                    if (e.value.is_absent()) continue;
                    Value list = generic(e.value);
                    if (list.kind == Value::Kind::list) list.by_value = true;
                    v.fields.emplace_back(e.key, std::move(list));
                }
                sort_fields(v);
                return v;
            }
            break;
        default:
            if (node.is_scalar()) return scalar(canonical_scalar(node, spec.type));
            break;
    }
    return generic(node);
}

Value record(const Node& node, const Schema* schema) {
    Value v;
    v.kind = Value::Kind::record;
    for (const Entry& e : node.entries) {
        if (e.value.is_absent()) continue;
        const FieldSpec* spec = schema ? schema->find(e.key) : nullptr;
        v.fields.emplace_back(e.key, spec ? typed(e.value, *spec, e.key) : generic(e.value));
    }
    sort_fields(v);
    return v;
}

Value generic(const Node& node) {
    if (node.is_mapping()) return record(node, nullptr);
    if (node.is_sequence()) {
        Value v;
        v.kind = Value::Kind::list;
        v.by_value = std::all_of(node.items.begin(), node.items.end(),
                                 [](const Node& n) { return n.is_scalar() || n.is_null(); });
        for (const Node& item : node.items)
            if (!item.is_absent()) v.items.push_back(generic(item));
        return v;
    }
    return scalar(node.value);
}

}  // namespace

Value normalize_file(const Node& root, const Schema& schema) {
    if (!root.is_mapping()) return generic(root);
    return record(root, &schema);
}

}  // namespace kam::diff
