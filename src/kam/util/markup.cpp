#include "kam/util/markup.hpp"

#include "kam/util/utf8.hpp"

namespace kam {

std::string escape_markup(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char ch : text) {
        switch (ch) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                if (static_cast<unsigned char>(ch) < 0x20 && ch != '\t' && ch != '\n' && ch != '\r')
                    out += ' ';
                else
                    out += ch;
        }
    }
    return xml_characters(out);
}

std::string xml_characters(std::string_view text) {
    static constexpr std::string_view k_replacement = "\xEF\xBF\xBD";  // U+FFFD
    std::string out;
    out.reserve(text.size());
    while (!text.empty()) {
        const auto bad = find_invalid_utf8(text);
        const std::string_view good = text.substr(0, bad ? *bad : text.size());
        // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are well-formed UTF-8 but not XML characters.
        for (size_t i = 0; i < good.size(); ++i) {
            if (good[i] == '\xEF' && i + 2 < good.size() && good[i + 1] == '\xBF' &&
                (good[i + 2] == '\xBE' || good[i + 2] == '\xBF')) {
                out.append(k_replacement);
                i += 2;
            } else {
                out += good[i];
            }
        }
        if (!bad) break;
        out.append(k_replacement);
        text.remove_prefix(*bad + 1);
    }
    return out;
}

}  // namespace kam
