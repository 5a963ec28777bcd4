#pragma once
// Writing YAML scalars by hand: a text that would read back as something else
// (yes, 012, 1e3, null, a leading * or #) is double-quoted.
#include <optional>
#include <string>
#include <string_view>

namespace kam {

// True when `text` can be written as a plain scalar and reads back as the same text.
bool is_plain_safe(std::string_view text);

// `text` as a YAML scalar: plain when safe, else double-quoted with escapes.
std::string yaml_scalar(std::string_view text);

// Always double-quoted, with escapes.
std::string yaml_double_quoted(std::string_view text);

// Single-quoted ('' for a quote), or nothing when `text` holds a control
// character or a line break, which only double quotes can carry exactly.
std::optional<std::string> yaml_single_quoted(std::string_view text);

}  // namespace kam
