#pragma once
// Where a key with no value is written: "risks:" (perhaps followed by comment
// lines, as kam's templates lay it out), "risks: ~", "risks: null",
// "team: []", "procurement: {}". Setting it, adding the list's first item or
// giving it its first key all start from here, so every edit reads an empty
// value the same way.
#include <cstddef>
#include <string_view>

#include "kam/io/yaml_tree.hpp"
#include "kam/util/expected.hpp"

namespace kam {

struct EmptyValueSite {
    size_t key_column = 0;   // the key's column (0-based), which its children indent past
    size_t value_begin = 0;  // just past the ':'
    size_t value_end = 0;    // past "~", "null", "[]" or "{}" when written; else value_begin
    size_t line_end = 0;     // just past the key's line (its line break included)
};

// `value` must be the value of one of the entries of block mapping `parent`,
// and empty (null, or an empty flow collection). Refuses what it cannot read
// plainly, such as a key over several lines.
Expected<EmptyValueSite> empty_value_site(std::string_view text, const Node& parent,
                                          const Node& value);

// The value has nothing in it: null, or "[]" / "{}".
bool is_empty_value(const Node& value);

}  // namespace kam
