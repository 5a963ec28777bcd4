#include "kam/scaffold/templates.hpp"

#include <fmt/format.h>
#include <algorithm>

#include "kam/io/yaml_text.hpp"

namespace kam {

std::optional<std::string_view> builtin_template(std::string_view file) {
    for (std::size_t i = 0; i < k_embedded_template_count; ++i)
        if (file == k_embedded_templates[i].name)
            return std::string_view(k_embedded_templates[i].content);
    return std::nullopt;
}

Expected<std::string> fill_template(std::string_view text,
                                    const std::map<std::string, std::string>& values,
                                    std::initializer_list<std::string_view> verbatim) {
    std::string out;
    out.reserve(text.size() + 64);
    size_t i = 0;
    while (i < text.size()) {
        const size_t open = text.find("{{", i);
        if (open == std::string_view::npos) {
            out.append(text.substr(i));
            break;
        }
        out.append(text.substr(i, open - i));
        const auto line =
            1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(open), '\n');
        const size_t close = text.find("}}", open + 2);
        if (close == std::string_view::npos)
            return unexpected(fmt::format("line {}: '{{{{' is never closed", line));
        const std::string key(text.substr(open + 2, close - open - 2));
        const auto it = values.find(key);
        if (it == values.end()) {
            std::string known;
            for (const auto& [k, _] : values) known += (known.empty() ? "" : ", ") + k;
            return unexpected(fmt::format("line {}: unknown placeholder {{{{{}}}}} (known: {})",
                                          line, key, known));
        }
        const bool as_is = std::find(verbatim.begin(), verbatim.end(), key) != verbatim.end();
        // An unknown value left out ("client_since: {{client_since}}" with no date)
        // leaves the key empty, without a space trailing it.
        if (as_is && it->second.empty() && out.ends_with(' ') &&
            (close + 2 == text.size() || text[close + 2] == '\n' || text[close + 2] == '\r'))
            out.pop_back();
        out += as_is ? it->second : yaml_scalar(it->second);
        i = close + 2;
    }
    return out;
}

}  // namespace kam
