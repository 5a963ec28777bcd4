#pragma once
// Where a renderer that streams its output writes it: each piece in turn, in
// order. The renderers gather small pieces into chunks of about
// k_text_chunk_bytes before calling it.
#include <cstddef>
#include <functional>
#include <string_view>

namespace kam {

using TextSink = std::function<void(std::string_view piece)>;

inline constexpr size_t k_text_chunk_bytes = 64 * 1024;

}  // namespace kam
