#pragma once
// Editing the text itself: yaml-cpp keeps no comments, so an edit replaces
// exactly the bytes of one scalar (or inserts one line), and everything else
// in the file stays byte for byte as the user wrote it.
#include <optional>
#include <string>
#include <string_view>

#include "kam/edit/path.hpp"
#include "kam/edit/text_edit.hpp"
#include "kam/edit/tree_compare.hpp"
#include "kam/io/yaml_tree.hpp"
#include "kam/util/expected.hpp"

namespace kam {

// The bytes of a scalar value as written: [begin, end). Refuses block scalars
// and multi-line plain scalars, whose extent the tree does not pin down.
Expected<std::pair<size_t, size_t>> scalar_span(std::string_view text, const Node& node,
                                                bool in_flow);

// The offset of the bracket that closes the flow collection opening at
// `open` ('[' or '{'), past quoted scalars and comments.
Expected<size_t> flow_collection_end(std::string_view text, size_t open);

// Just past the text of `node` inside a flow collection: a scalar's last
// byte, or a nested collection's closing bracket.
Expected<size_t> flow_node_end(std::string_view text, const Node& node);

// `value` as it should be written for `field`: checked against the schema
// (the rule's own message on refusal) and quoted when a text would read back
// as something else.
Expected<std::string> format_value(const FieldSpec* field, std::string_view key,
                                   std::string_view value);

// `written` (from format_value) in the quoting style of the scalar it replaces,
// so that a file that quotes its texts keeps quoting them: a text field that
// was 'single' or "double" quoted stays so. Numbers, dates and plain values
// are left as written.
std::string in_style_of(const Node* old, const FieldSpec* field, std::string_view value,
                        std::string written);

// The edit that sets the located field to `written` (already formatted).
Expected<TextEdit> plan_set(std::string_view text, const Located& at, const std::string& written);

// Setting a text written as a block scalar (| or >): the header line with its
// indicators and comment stays, the body lines are replaced at the body's own
// indentation. Returns the edit and the value the file will read back as (a
// block scalar ends with a line break unless it strips it: |-). Refuses what
// the header cannot carry: a line break in a folded (>) text, a leading space,
// trailing line breaks, |+ and explicit indentation indicators.
struct BlockSet {
    TextEdit edit;
    std::string reads_back;
};
Expected<BlockSet> plan_set_block(std::string_view text, const Located& at, std::string_view value);

// The old tree with the intended change made, to compare with the re-parsed result.
Expected<Node> expected_after_set(const Node& old_root, const ParsedPath& path,
                                  const std::string& value);

}  // namespace kam

namespace kam {

// The first byte of the line that holds `offset`.
size_t line_start_at(std::string_view text, size_t offset);

// Just past the last line of the block that starts on the line at
// `line_start`: the lines after it indented deeper than `owner_column`
// (blank lines inside it included, trailing ones not).
size_t block_end(std::string_view text, size_t line_start, size_t owner_column);

// The edit that removes the located key (with its value) or list item, with
// the comment lines right above it. Block style only.
Expected<TextEdit> plan_remove(std::string_view text, const Located& at);

// The old tree without the located key or item.
Expected<Node> expected_after_remove(const Node& old_root, const ParsedPath& path);

}  // namespace kam
