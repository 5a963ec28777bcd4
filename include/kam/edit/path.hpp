#pragma once
// Field paths: "risks.R1.status", "contracts.C1.slas.S2.actual",
// "sales.opportunities.O4", "account.name". The first word names the section
// file; list items are addressed by their id, or by index for lists without ids.
#include <string>
#include <string_view>
#include <vector>

#include "kam/io/yaml_tree.hpp"
#include "kam/model/schema.hpp"
#include "kam/util/expected.hpp"

namespace kam {

struct ParsedPath {
    const SectionFile* section = nullptr;
    std::vector<std::string> steps;  // after the section word
    std::string text;                // as typed
};

// Refuses an unknown section with "did you mean".
Expected<ParsedPath> parse_field_path(std::string_view text);

// Where a path lands in a file's tree.
struct Located {
    const Node* node = nullptr;    // the value; nullptr when only the key is missing
    const Node* parent = nullptr;  // the mapping holding the last key (for inserts)
    std::string missing_key;       // the last key, when absent from `parent`
    // Mappings to create on the way to missing_key, outermost first, when the
    // path runs through sub-mappings the record does not have yet
    // (sales.O1.qualification.budget without a qualification).
    std::vector<std::string> missing_mappings;
    // When `parent` is a key written with no value ("position:" or
    // "position: ~"), which becomes the mapping holding missing_key: the
    // mapping that holds that key.
    const Node* fill_owner = nullptr;
    const FieldSpec* field = nullptr;  // the schema of the value, when known
    const Schema* schema = nullptr;    // the record schema, when the value is a mapping
    std::string canonical;             // the path with implied steps written out
};

// Walks `root` along the path. The list named like its file ("risks" in
// risks.yaml) may be left out: "risks.R1" means risks.yaml -> risks -> R1.
// Errors name the nearest existing path and suggest a close key or id.
Expected<Located> locate(const Node& root, const ParsedPath& path);

// The node of `root` that `inside` points to (a pointer locate() returned for
// this same tree), to change it: the tree is the caller's own copy, found by
// walking it, so no const is cast away. nullptr when it is not in `root`.
Node* writable_node(Node& root, const Node* inside);

}  // namespace kam
