#include "kam/edit/path.hpp"

#include <fmt/format.h>
#include <algorithm>

#include "kam/edit/empty_value.hpp"
#include "kam/util/scalar.hpp"
#include "kam/util/spell.hpp"

namespace kam {

namespace {

std::vector<std::string> split(std::string_view text) {
    std::vector<std::string> parts;
    size_t start = 0;
    while (true) {
        const size_t dot = text.find('.', start);
        parts.emplace_back(text.substr(start, dot == std::string_view::npos ? dot : dot - start));
        if (dot == std::string_view::npos) break;
        start = dot + 1;
    }
    return parts;
}

std::string hint_from(std::string_view word, const std::vector<std::string>& candidates) {
    std::vector<std::string_view> views(candidates.begin(), candidates.end());
    if (auto m = closest_match(word, views)) return with_suggestion({}, m);
    if (candidates.empty()) return {};
    std::string list;
    for (size_t i = 0; i < candidates.size() && i < 12; ++i)
        list += (i ? ", " : "") + candidates[i];
    return fmt::format(" (there is: {}{})", list, candidates.size() > 12 ? ", ..." : "");
}

// An item of a list by its id, or by its index when the items have no id.
const Node* list_item(const Node& list, const std::string& step, std::vector<std::string>& known) {
    for (const Node& item : list.items) {
        const Node* id = item.is_mapping() ? item.find("id") : nullptr;
        if (id && id->is_scalar()) {
            known.push_back(id->value);
            if (id->value == step) return &item;
        }
    }
    if (known.empty()) {
        const auto index = parse_int(step);
        for (size_t i = 0; i < list.items.size(); ++i) known.push_back(std::to_string(i));
        if (index && *index >= 0 && static_cast<size_t>(*index) < list.items.size())
            return &list.items[static_cast<size_t>(*index)];
    }
    return nullptr;
}

// The rest of a path below a mapping that is not written yet (`mappings`,
// outermost first, whose keys `inner` describes): where the last key goes.
// The caller sets `parent`.
Expected<Located> missing_below(const std::vector<std::string>& steps, size_t k,
                                const Schema* inner, std::vector<std::string> mappings,
                                std::string canonical) {
    for (; inner && k < steps.size(); ++k) {
        const FieldSpec* f = inner->find(steps[k]);
        if (!f) {
            std::vector<std::string> keys;
            for (const FieldSpec& known : inner->fields) keys.emplace_back(known.key);
            return unexpected(fmt::format("{} has no key '{}'{}", canonical, steps[k],
                                          hint_from(steps[k], keys)));
        }
        canonical += "." + steps[k];
        if (k + 1 == steps.size()) {
            Located at;
            at.missing_mappings = std::move(mappings);
            at.missing_key = steps[k];
            at.field = f;
            at.canonical = canonical;
            return at;
        }
        if (f->type != FieldType::object)
            return unexpected(fmt::format("{} is a {}; it has no '{}'", canonical,
                                          field_type_name(f->type), steps[k + 1]));
        mappings.push_back(steps[k]);
        inner = f->schema;
    }
    return unexpected(fmt::format("{} is a mapping; name one of its keys", canonical));
}

}  // namespace

Expected<ParsedPath> parse_field_path(std::string_view text) {
    ParsedPath p;
    p.text = std::string(text);
    auto parts = split(text);
    for (const std::string& part : parts)
        if (part.empty())
            return unexpected(
                fmt::format("'{}' has an empty step (two dots, or a dot at an end)", text));
    p.section = find_section(parts[0]);
    if (!p.section && parts[0] == "account") p.section = find_section("account");
    if (!p.section) {
        std::vector<std::string> names;
        for (const SectionFile& s : section_files()) names.emplace_back(s.section);
        return unexpected(
            fmt::format("'{}' is not a section{}", parts[0], hint_from(parts[0], names)));
    }
    p.steps.assign(parts.begin() + 1, parts.end());
    return p;
}

Node* writable_node(Node& root, const Node* inside) {
    if (&root == inside) return &root;
    for (Entry& e : root.entries)
        if (Node* n = writable_node(e.value, inside)) return n;
    for (Node& item : root.items)
        if (Node* n = writable_node(item, inside)) return n;
    return nullptr;
}

// The item of `list` that steps[i...] name. Ids may hold dots ("m.harris"):
// the longest run of steps that names an item wins; `i` moves past the steps
// it used and `id_step` is what they spell. Refuses a missing item (with the
// ids or the index range there are) and an id used twice.
Expected<const Node*> list_step(const Node& list, const std::vector<std::string>& steps, size_t& i,
                                const std::string& walked, std::string& id_step) {
    const std::string step = steps[i];
    std::vector<std::string> known;
    // Ids may hold dots ("m.harris"): the longest run of steps that names an item wins.
    const Node* item = nullptr;
    size_t used = 0;
    std::string joined;
    for (size_t k = i; k < steps.size(); ++k) {
        joined += (k == i ? "" : ".") + steps[k];
        std::vector<std::string> ignored;
        if (const Node* found = list_item(list, joined, k == i ? known : ignored)) {
            item = found;
            used = k - i;
        }
    }
    id_step = steps[i];
    for (size_t k = i + 1; k <= i + used; ++k) id_step += "." + steps[k];
    i += used;
    if (!item) {
        const bool by_index = std::none_of(list.items.begin(), list.items.end(), [](const Node& n) {
            const Node* id = n.is_mapping() ? n.find("id") : nullptr;
            return id && id->is_scalar();
        });
        // An index is not misspelt: say which ones there are instead.
        if (by_index)
            return unexpected(
                list.items.empty()
                    ? fmt::format("{} has no item '{}': the list is empty", walked, step)
                    : fmt::format("{} has no item '{}': its items are numbered 0 to {}", walked,
                                  step, list.items.size() - 1));
        return unexpected(
            fmt::format("{} has no item '{}'{}", walked, step, hint_from(step, known)));
    }
    // After a merge an id may be there twice: acting on the first would be a guess.
    if (const Node* id = item->is_mapping() ? item->find("id") : nullptr) {
        std::string lines;
        size_t count = 0;
        for (const Node& other : list.items) {
            const Node* o = other.is_mapping() ? other.find("id") : nullptr;
            if (!o || !o->is_scalar() || o->value != id->value) continue;
            lines += fmt::format("{}{}", count++ ? " and " : "", o->mark.line);
        }
        if (count > 1)
            return unexpected(
                fmt::format("{}.{} names {} items, on lines {}; make the ids unique first", walked,
                            id_step, count, lines));
    }
    return item;
}

// Where a path goes on from `node` past a key it does not have (steps[i]):
// the last key, to be set; a sub-mapping the record may have, to be made; or
// a refusal that offers the keys there are and those the schema allows.
Expected<Located> missing_step(const Node& node, const std::vector<std::string>& steps, size_t i,
                               const FieldSpec* spec, const Schema* schema,
                               const std::string& walked, Located at) {
    const std::string& step = steps[i];
    if (i + 1 == steps.size() && (spec || is_extension_key(step))) {
        at.parent = &node;
        at.missing_key = step;
        at.field = spec;
        at.canonical = walked + "." + step;
        return at;
    }
    // A sub-mapping the record may have but does not yet: set creates it.
    if (spec && spec->type == FieldType::object && spec->schema) {
        auto below = missing_below(steps, i + 1, spec->schema, {step}, walked + "." + step);
        if (!below) return unexpected(below.error());
        Located created = *below;
        created.parent = &node;
        return created;
    }
    if (spec)
        return unexpected(
            fmt::format("{} has no '{}' yet{}", walked, step,
                        spec->type == FieldType::object_list ? "; kam add creates its items" : ""));
    std::vector<std::string> keys;
    for (const Entry& e : node.entries) keys.push_back(e.key);
    // Then the fields the schema allows that this record does not have yet.
    if (schema)
        for (const FieldSpec& f : schema->fields)
            if (!node.find(f.key)) keys.emplace_back(f.key);
    return unexpected(fmt::format("{} has no key '{}'{}", walked, step, hint_from(step, keys)));
}

Expected<Located> locate(const Node& root, const ParsedPath& path) {
    Located at;
    const Node* node = &root;
    const Schema* schema = path.section->schema;
    const FieldSpec* field = nullptr;
    std::string walked(path.section->section);
    std::vector<std::string> steps = path.steps;
    // "risks.R1" -> "risks.risks.R1": the file's own list may be left out.
    const std::string own(path.section->section == "sales" ? "opportunities"
                                                           : path.section->section);
    bool implied = false;
    if (!steps.empty() && !schema->find(steps[0]) && schema->find(own)) {
        steps.insert(steps.begin(), own);
        implied = true;
    }

    for (size_t i = 0; i < steps.size(); ++i) {
        const std::string& step = steps[i];
        // Messages show the path the way the user wrote it.
        const std::string next = implied && i == 0 ? std::string() : "." + step;
        if (node->is_sequence()) {
            std::string id_step;
            auto item = list_step(*node, steps, i, walked, id_step);
            if (!item) return unexpected(item.error());
            at.parent = node;
            node = *item;
            walked += "." + id_step;
            // An item of a list of mappings takes the list's record schema.
            if (field && field->schema) schema = field->schema;
            field = nullptr;
            continue;
        }
        // "position:" with no value (or "{}"): the path's keys go into it, as into a
        // sub-mapping still to be created.
        if (is_empty_value(*node) && !node->is_sequence() && field &&
            field->type == FieldType::object && field->schema && at.parent &&
            at.parent->is_mapping()) {
            const Node* owner = at.parent;
            auto below = missing_below(steps, i, field->schema, {}, walked);
            if (!below) return unexpected(below.error());
            Located filled = *below;
            filled.parent = node;
            if (node->is_null()) filled.fill_owner = owner;
            return filled;
        }
        if (!node->is_mapping())
            return unexpected(fmt::format("{} is a single value; it has no '{}'", walked, step));
        const FieldSpec* spec = schema ? schema->find(step) : nullptr;
        const Node* child = node->find(step);
        if (!child) return missing_step(*node, steps, i, spec, schema, walked, std::move(at));
        at.parent = node;
        node = child;
        field = spec;
        if (spec && spec->type == FieldType::object) schema = spec->schema;
        walked += next;
    }
    at.node = node;
    at.field = field;
    at.schema = field && field->schema ? field->schema : schema;
    at.canonical = walked;
    return at;
}

}  // namespace kam
