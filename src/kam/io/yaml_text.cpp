#include "kam/io/yaml_text.hpp"

#include <fmt/format.h>
#include <array>

#include "kam/util/date.hpp"
#include "kam/util/scalar.hpp"

namespace kam {

namespace {
bool looks_like_other_type(std::string_view s) {
    // Everything a YAML 1.1 or 1.2 reader, or kam's own typed fields, might take
    // for a non-text value.
    static constexpr std::array<std::string_view, 22> k_words{
        "true", "false", "True", "False", "TRUE", "FALSE", "yes", "no",   "Yes",  "No",   "YES",
        "NO",   "on",    "off",  "On",    "Off",  "ON",    "OFF", "null", "Null", "NULL", "~"};
    for (std::string_view w : k_words)
        if (s == w) return true;
    if (s == "y" || s == "n" || s == "Y" || s == "N") return true;
    if (parse_number(s) || parse_date(s)) return true;
    if (s.starts_with(".") || s.starts_with("0x") || s.starts_with("0o")) return true;
    return false;
}
// The characters the loader refuses raw (yaml-encoding) but reads as escapes:
// the C1 controls and a byte-order mark. Their length at s[i], or 0.
size_t escaped_only_at(std::string_view s, size_t i) {
    const auto at = [&](size_t k) {
        return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0;
    };
    if (at(0) == 0xC2 && at(1) >= 0x80 && at(1) <= 0x9F) return 2;
    if (at(0) == 0xEF && at(1) == 0xBB && at(2) == 0xBF) return 3;
    return 0;
}
}  // namespace

bool is_plain_safe(std::string_view s) {
    if (s.empty() || looks_like_other_type(s)) return false;
    if (s.front() == ' ' || s.back() == ' ') return false;
    static constexpr std::string_view k_bad_first = "-?:,[]{}#&*!|>'\"%@`";
    if (k_bad_first.find(s.front()) != std::string_view::npos) return false;
    for (size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 || c == 0x7F || escaped_only_at(s, i)) return false;
        if (s[i] == ':' && (i + 1 == s.size() || s[i + 1] == ' ')) return false;
        if (s[i] == '#' && i > 0 && s[i - 1] == ' ') return false;
        if (s[i] == ',' || s[i] == '[' || s[i] == ']' || s[i] == '{' || s[i] == '}') return false;
    }
    return true;
}

std::string yaml_double_quoted(std::string_view s) {
    std::string out = "\"";
    for (size_t i = 0; i < s.size(); ++i) {
        const char ch = s[i];
        const auto c = static_cast<unsigned char>(ch);
        if (const size_t len = escaped_only_at(s, i)) {
            out += len == 2 ? fmt::format("\\u{:04X}", static_cast<unsigned char>(s[i + 1]))
                            : std::string("\\uFEFF");
            i += len - 1;
            continue;
        }
        switch (ch) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\r':
                out += "\\r";
                break;
            default:
                if (c < 0x20 || c == 0x7F)
                    out += fmt::format("\\x{:02X}", c);
                else
                    out += ch;
        }
    }
    out += '"';
    return out;
}

std::optional<std::string> yaml_single_quoted(std::string_view s) {
    std::string out = "'";
    for (size_t i = 0; i < s.size(); ++i) {
        const char ch = s[i];
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c == 0x7F || escaped_only_at(s, i)) return std::nullopt;
        out += ch;
        if (ch == '\'') out += '\'';
    }
    out += '\'';
    return out;
}

std::string yaml_scalar(std::string_view s) {
    return is_plain_safe(s) ? std::string(s) : yaml_double_quoted(s);
}

}  // namespace kam
