#pragma once
// A text's lines, without their '\n': a final line break adds no empty line,
// and an empty text has none. (The terminal table keeps a trailing empty line
// and splits on its own: report_table.cpp.)
#include <string>
#include <string_view>
#include <vector>

namespace kam {

inline std::vector<std::string> lines_of(std::string_view text) {
    std::vector<std::string> out;
    size_t pos = 0;
    while (pos < text.size()) {
        const size_t nl = text.find('\n', pos);
        out.emplace_back(text.substr(pos, nl == std::string_view::npos ? nl : nl - pos));
        if (nl == std::string_view::npos) break;
        pos = nl + 1;
    }
    return out;
}

}  // namespace kam
