#pragma once
#include <string>
#include <string_view>

namespace kam {

// Text made safe inside XML or HTML elements and attribute values: & < > " '
// become entities, and control characters (which XML 1.0 cannot carry at all)
// other than tab, newline and carriage return become spaces; what
// xml_characters replaces is replaced too.
std::string escape_markup(std::string_view text);

// Only characters XML 1.0 allows: a byte that is not UTF-8, U+FFFE and U+FFFF
// become U+FFFD (C0 controls are escape_markup's).
std::string xml_characters(std::string_view text);

}  // namespace kam
