#pragma once
// Where a key that a mapping does not have yet is written, for set (a value)
// and add (a list's first item) alike: after the mapping's last line at the
// indentation of its keys, below a key written with no value ("position:"),
// or at the end of the file; with the sub-mappings the path needs first.
#include <string>
#include <string_view>

#include "kam/edit/path.hpp"
#include "kam/edit/text_edit.hpp"
#include "kam/util/expected.hpp"

namespace kam {

struct KeyInsert {
    size_t cut_begin = 0, cut_end = 0;  // bytes that go first: the " ~" of "position: ~"
    size_t offset = 0;                  // where the new lines go (at or after cut_end)
    std::string before;                 // the lines of missing_mappings, each with its line end
    size_t column = 0;                  // of the new key
    size_t step = 2;                    // how far the file indents a mapping under its key
    std::string eol;                    // the file's line end
    bool final_newline = true;          // false: the new lines end the file, which had none

    // The edit that writes `lines` (each ending with `eol`) after `before`.
    TextEdit edit(std::string_view text, const std::string& lines) const;
};

// For a Located whose node is absent (at.parent and at.missing_key set).
Expected<KeyInsert> plan_key_insert(std::string_view text, const Located& at);

// The file's line end: "\r\n" when it uses them, else "\n".
std::string_view line_end_of(std::string_view text);

}  // namespace kam
