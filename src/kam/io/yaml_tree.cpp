#include "kam/io/yaml_tree.hpp"

namespace kam {

const Node* Node::find(std::string_view key) const {
    for (const Entry& e : entries)
        if (e.key == key) return &e.value;
    return nullptr;
}

std::string_view node_kind_name(NodeKind kind) {
    switch (kind) {
        case NodeKind::null:
            return "null";
        case NodeKind::scalar:
            return "a single value";
        case NodeKind::sequence:
            return "a list";
        case NodeKind::mapping:
            return "a mapping";
    }
    return "?";
}

}  // namespace kam
