#pragma once
// The one place that makes text from a file safe for a terminal or a
// line-oriented format (findings, tables, markdown, messages on stderr):
// nothing from a file can move the cursor, retitle the window, reorder the
// line or start a new one.
#include <string>
#include <string_view>

namespace kam {

enum class LineBreaks {
    escape,  // \n \r \t become the two characters "\n" "\r" "\t": one finding, one line
    space,   // become one space each: for tables and markdown cells
    keep,    // \n is kept (kam's own multi-line messages), \r and \t are escaped
};

// C0 controls, DEL, C1 controls (U+0080..U+009F), the bidi overrides and
// isolates (U+202A..U+202E, U+2066..U+2069) become visible escapes: "\x1B",
// "\u009B", "\u202E"; a byte that is not UTF-8 becomes "\xFF". Everything else
// passes unchanged, so ordinary text costs nothing.
std::string escape_controls(std::string_view text, LineBreaks breaks = LineBreaks::escape);

}  // namespace kam
