#pragma once
// Line helpers the splices share (private to src/kam/edit).
#include <optional>
#include <string_view>

#include "kam/edit/splice.hpp"

namespace kam {

inline size_t next_line(std::string_view text, size_t offset) {
    const size_t nl = text.find('\n', offset);
    return nl == std::string_view::npos ? text.size() : nl + 1;
}

inline size_t indentation(std::string_view line) {
    size_t n = 0;
    while (n < line.size() && line[n] == ' ') ++n;
    return n;
}

inline bool is_blank(std::string_view line) {
    return line.find_first_not_of(" \t\r\n") == std::string_view::npos;
}
inline bool is_comment(std::string_view line) {
    const size_t i = line.find_first_not_of(" \t");
    return i != std::string_view::npos && line[i] == '#';
}

// The column that owns a value's continuation lines: its key's, or the dash
// of its list item; nullopt when the text does not show it.
inline std::optional<size_t> owner_column(std::string_view text, const Located& at) {
    if (at.parent && at.parent->is_mapping()) {
        for (const Entry& e : at.parent->entries)
            if (&e.value == at.node) return e.key_mark.column - 1;
        return std::nullopt;
    }
    const size_t line = line_start_at(text, at.node->mark.offset);
    const size_t dash = text.find('-', line);
    if (dash == std::string_view::npos || dash > at.node->mark.offset) return std::nullopt;
    return dash - line;
}

}  // namespace kam
