#pragma once
// One replacement of a byte range of a file's text: what every edit plans.
#include <cstddef>
#include <string>
#include <string_view>

namespace kam {

struct TextEdit {
    size_t offset = 0;
    size_t length = 0;  // bytes replaced
    std::string replacement;

    std::string apply(std::string_view text) const;
};

}  // namespace kam
