#include "kam/util/safe_text.hpp"

#include <fmt/format.h>

#include "kam/util/utf8.hpp"

namespace kam {

namespace {

uint32_t decode(const unsigned char* p, size_t len) {
    if (len == 2) return (p[0] & 0x1Fu) << 6 | (p[1] & 0x3Fu);
    if (len == 3) return (p[0] & 0x0Fu) << 12 | (p[1] & 0x3Fu) << 6 | (p[2] & 0x3Fu);
    return (p[0] & 0x07u) << 18 | (p[1] & 0x3Fu) << 12 | (p[2] & 0x3Fu) << 6 | (p[3] & 0x3Fu);
}

bool unsafe_code_point(uint32_t cp) {
    return (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

}  // namespace

std::string escape_controls(std::string_view text, LineBreaks breaks) {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const size_t n = text.size();
    std::string out;
    out.reserve(n);
    for (size_t i = 0; i < n;) {
        const unsigned char c = p[i];
        if (c >= 0x20 && c < 0x7F) {
            out += static_cast<char>(c);
            ++i;
            continue;
        }
        if (c == '\n' || c == '\r' || c == '\t') {
            if (c == '\n' && breaks == LineBreaks::keep)
                out += '\n';
            else if (breaks == LineBreaks::space)
                out += ' ';
            else
                out += c == '\n' ? "\\n" : c == '\r' ? "\\r" : "\\t";
            ++i;
            continue;
        }
        if (c < 0x80) {  // the other C0 controls and DEL
            out += fmt::format("\\x{:02X}", c);
            ++i;
            continue;
        }
        const size_t len = utf8_sequence_length(text, i);
        if (len == 0) {
            out += fmt::format("\\x{:02X}", c);
            ++i;
            continue;
        }
        if (const uint32_t cp = decode(p + i, len); unsafe_code_point(cp))
            out += fmt::format("\\u{:04X}", cp);
        else
            out.append(text.substr(i, len));
        i += len;
    }
    return out;
}

}  // namespace kam
