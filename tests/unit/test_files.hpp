#pragma once
// What several unit tests need from files: a whole file as bytes, and a man
// page's text without roff's escapes, to look names up in it.
#include <fstream>
#include <sstream>
#include <string>

namespace kam::test {

// The whole file, byte for byte; empty when it cannot be read.
inline std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// roff writes hyphens as \- and zero-width breaks as \&; without them a name
// such as "notice-missed" can be found in the page as written in the code.
inline std::string unescape_roff(const std::string& text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size() && (text[i + 1] == '-' || text[i + 1] == '&')) {
            if (text[i + 1] == '-') out += '-';
            ++i;
            continue;
        }
        out += text[i];
    }
    return out;
}

}  // namespace kam::test
