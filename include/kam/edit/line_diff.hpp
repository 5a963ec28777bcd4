#pragma once
#include <string>
#include <string_view>

namespace kam {

// A unified diff (3 lines of context) between two versions of a file that
// differ in one contiguous run of lines, as every kam edit does. Empty when equal.
std::string unified_diff(std::string_view before, std::string_view after, const std::string& path);

}  // namespace kam
