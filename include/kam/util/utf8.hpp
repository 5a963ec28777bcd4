#pragma once
#include <cstddef>
#include <optional>
#include <string_view>

namespace kam {

// Offset of the first byte that is not well-formed UTF-8 (overlongs, surrogates
// and code points past U+10FFFF included), or nullopt when all is well.
std::optional<size_t> find_invalid_utf8(std::string_view bytes);

// The length of the well-formed UTF-8 sequence starting at bytes[i] (1 for
// ASCII), or 0 when it is not one; i < bytes.size().
size_t utf8_sequence_length(std::string_view bytes, size_t i);

// Display column of a byte offset inside a line: counts code points, not bytes.
size_t utf8_column(std::string_view line, size_t byte_offset);

}  // namespace kam
