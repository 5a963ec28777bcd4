#pragma once
#include <string>
#include <string_view>

namespace kam {

// Text made safe inside XML or HTML elements and attribute values: & < > " '
// become entities, and control characters (which XML 1.0 cannot carry at all)
// other than tab, newline and carriage return become spaces.
std::string escape_markup(std::string_view text);

}  // namespace kam
