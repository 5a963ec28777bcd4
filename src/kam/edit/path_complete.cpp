#include "kam/edit/path_complete.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <optional>

#include "kam/io/yaml_loader.hpp"
#include "kam/model/schema.hpp"
#include "kam/util/scalar.hpp"

namespace kam {

namespace {

bool is_container(FieldType t) {
    return t == FieldType::object || t == FieldType::object_list;
}

// The ids (or, for lists without ids, the indexes) of a list's items.
std::vector<std::string> item_names(const Node* list) {
    std::vector<std::string> names;
    if (!list || !list->is_sequence()) return names;
    for (size_t i = 0; i < list->items.size(); ++i) {
        const Node& item = list->items[i];
        const Node* id = item.is_mapping() ? item.find("id") : nullptr;
        names.push_back(id && id->is_scalar() ? id->value : std::to_string(i + 1));
    }
    return names;
}

}  // namespace

std::vector<std::string> account_slugs(const FileSystem& fs, const std::string& root) {
    std::vector<std::string> slugs;
    const auto entries = fs.list_dir(join_path(root, "accounts"));
    if (!entries) return slugs;
    for (const DirEntry& e : *entries)
        if (e.type == EntryType::directory && is_valid_slug(e.name)) slugs.push_back(e.name);
    return slugs;
}

std::vector<std::string> field_path_candidates(const FileSystem& fs, const std::string& root,
                                               const std::string& slug, std::string_view typed) {
    std::vector<std::string> out;
    const size_t first_dot = typed.find('.');
    if (first_dot == std::string_view::npos) {
        for (const SectionFile& s : section_files()) out.push_back(fmt::format("{}.", s.section));
        return out;
    }
    const SectionFile* section = find_section(typed.substr(0, first_dot));
    if (!section || !is_valid_slug(slug)) return out;

    // The steps already complete, between the section and the word being typed.
    std::vector<std::string> steps;
    const size_t last_dot = typed.rfind('.');
    for (size_t at = first_dot + 1; at <= last_dot;) {
        const size_t dot = typed.find('.', at);
        steps.emplace_back(typed.substr(at, dot - at));
        at = dot + 1;
    }
    const std::string base(typed.substr(0, last_dot + 1));

    std::optional<Node> tree;
    const auto bytes = fs.read_file(
        join_path(join_path(join_path(root, "accounts"), slug), std::string(section->file)),
        k_max_file_bytes);
    if (bytes) {
        DiagnosticSink sink(std::string(section->file));
        tree = load_yaml(*bytes, sink, default_event_source());
    }
    const Node* node = tree ? &*tree : nullptr;
    const Schema* schema = section->schema;
    bool in_list = false;  // node is a list of records of `schema`

    // A file with one list (risks, contracts, sales) lets a path skip its name.
    auto single_list = [](const Schema& s) -> const FieldSpec* {
        return s.fields.size() == 1 && s.fields[0].type == FieldType::object_list ? &s.fields[0]
                                                                                  : nullptr;
    };
    for (size_t i = 0; i < steps.size(); ++i) {
        const std::string& step = steps[i];
        if (in_list) {
            const Node* item = nullptr;
            if (node && node->is_sequence()) {
                const auto names = item_names(node);
                for (size_t k = 0; k < names.size(); ++k)
                    if (names[k] == step) item = &node->items[k];
            }
            node = item;
            in_list = false;
            continue;
        }
        const FieldSpec* field = schema->find(step);
        if (!field && i == 0 && single_list(*schema)) {
            // risks.R1: the step is an item of the file's only list.
            const FieldSpec* list = single_list(*schema);
            node = node && node->is_mapping() ? node->find(list->key) : nullptr;
            schema = list->schema;
            in_list = true;
            --i;  // read this step again as an item
            continue;
        }
        if (!field || !is_container(field->type)) return out;
        node = node && node->is_mapping() ? node->find(step) : nullptr;
        schema = field->schema;
        in_list = field->type == FieldType::object_list;
    }

    if (in_list) {
        for (const std::string& name : item_names(node)) out.push_back(base + name + ".");
        return out;
    }
    if (steps.empty())
        if (const FieldSpec* list = single_list(*schema)) {
            const Node* items = node && node->is_mapping() ? node->find(list->key) : nullptr;
            for (const std::string& name : item_names(items)) out.push_back(base + name + ".");
        }
    for (const FieldSpec& f : schema->fields)
        out.push_back(base + std::string(f.key) + (is_container(f.type) ? "." : ""));
    return out;
}

std::vector<std::string> field_value_candidates(std::string_view path) {
    std::vector<std::string> parts;
    for (size_t at = 0; at <= path.size();) {
        const size_t dot = std::min(path.find('.', at), path.size());
        parts.emplace_back(path.substr(at, dot - at));
        at = dot + 1;
    }
    const SectionFile* section = parts.size() >= 2 ? find_section(parts[0]) : nullptr;
    if (!section) return {};
    const Schema* schema = section->schema;
    bool in_list = false;
    for (size_t i = 1; i + 1 < parts.size(); ++i) {
        if (in_list) {  // an id or an index
            in_list = false;
            continue;
        }
        const FieldSpec* f = schema->find(parts[i]);
        if (!f && i == 1 && schema->fields.size() == 1 &&
            schema->fields[0].type == FieldType::object_list) {
            schema = schema->fields[0].schema;  // risks.R1: an item of the file's only list
            continue;
        }
        if (!f || !is_container(f->type)) return {};
        schema = f->schema;
        in_list = f->type == FieldType::object_list;
    }
    const FieldSpec* field = in_list ? nullptr : schema->find(parts.back());
    std::vector<std::string> out;
    if (field && field->type == FieldType::enumeration)
        for (std::string_view v : field->values) out.emplace_back(v);
    if (field && field->type == FieldType::boolean) out = {"true", "false"};
    return out;
}

}  // namespace kam
