#pragma once
#include <cstddef>
#include <optional>
#include <string_view>

namespace kam {

// Offset of the first byte that is not well-formed UTF-8 (overlongs, surrogates
// and code points past U+10FFFF included), or nullopt when all is well.
std::optional<size_t> find_invalid_utf8(std::string_view bytes);

// Display column of a byte offset inside a line: counts code points, not bytes.
size_t utf8_column(std::string_view line, size_t byte_offset);

}  // namespace kam
