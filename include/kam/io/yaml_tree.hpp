#pragma once
// The owned document tree: what the loader hands upwards. Every node keeps its
// position so that any finding can point at the text the user wrote.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kam {

struct Mark {
    uint32_t line = 1;    // 1-based
    uint32_t column = 1;  // 1-based, in code points
    uint32_t offset = 0;  // byte offset in the file (after a BOM)
};

enum class NodeKind : uint8_t { null, scalar, sequence, mapping };
enum class ScalarStyle : uint8_t { plain, single_quoted, double_quoted, literal, folded };

struct Entry;

struct Node {
    NodeKind kind = NodeKind::null;
    ScalarStyle style = ScalarStyle::plain;
    bool flow = false;  // a flow collection ([a, b] / {a: 1})
    // A one-line plain scalar followed by " #" and a non-space ("exit #2"):
    // YAML ended the value there and read the rest as a comment.
    bool comment_follows = false;
    Mark mark;
    std::string value;           // scalar text, as parsed
    std::vector<Node> items;     // sequence
    std::vector<Entry> entries;  // mapping, in file order

    bool is_null() const { return kind == NodeKind::null; }
    bool is_scalar() const { return kind == NodeKind::scalar; }
    bool is_sequence() const { return kind == NodeKind::sequence; }
    bool is_mapping() const { return kind == NodeKind::mapping; }
    // "absent" per the format: null, or a plain empty scalar.
    bool is_absent() const {
        return kind == NodeKind::null ||
               (kind == NodeKind::scalar && style == ScalarStyle::plain && value.empty());
    }
    const Node* find(std::string_view key) const;  // mapping lookup, nullptr if absent
};

struct Entry {
    std::string key;
    Mark key_mark;
    Node value;
};

std::string_view node_kind_name(NodeKind kind);  // "a mapping", "a list", ...

}  // namespace kam
