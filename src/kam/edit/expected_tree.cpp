// The tree an edit must read back as: the old tree with exactly the change.
#include "kam/edit/splice.hpp"

#include <fmt/format.h>

#include "kam/edit/empty_value.hpp"

namespace kam {

Expected<Node> expected_after_set(const Node& old_root, const ParsedPath& path,
                                  const std::string& value) {
    Node copy = old_root;
    auto at = locate(copy, path);
    if (!at) return unexpected(at.error());
    Node scalar;
    scalar.kind = NodeKind::scalar;
    scalar.value = value;
    if (at->node) {
        *writable_node(copy, at->node) = std::move(scalar);
        return copy;
    }
    Node* parent = writable_node(copy, at->parent);
    if (is_empty_value(*parent))
        parent->kind = NodeKind::mapping;  // "position:" gets its first key
    for (const std::string& m : at->missing_mappings) {
        Node inner;
        inner.kind = NodeKind::mapping;
        parent->entries.push_back(Entry{m, {}, std::move(inner)});
        parent = &parent->entries.back().value;
    }
    parent->entries.push_back(Entry{at->missing_key, {}, std::move(scalar)});
    return copy;
}

Expected<Node> expected_after_remove(const Node& old_root, const ParsedPath& path) {
    Node copy = old_root;
    auto at = locate(copy, path);
    if (!at || !at->node || !at->parent) return unexpected("nothing to remove");
    Node* parent = writable_node(copy, at->parent);
    if (parent->is_sequence()) {
        std::erase_if(parent->items, [&](const Node& n) { return &n == at->node; });
    } else {
        std::erase_if(parent->entries, [&](const Entry& e) { return &e.value == at->node; });
    }
    // "risks:" with its last item gone reads back as an empty value.
    if (!parent->flow && parent->items.empty() && parent->entries.empty() && parent != &copy) {
        const Mark mark = parent->mark;
        *parent = Node{};
        parent->mark = mark;
    }
    return copy;
}

}  // namespace kam
