#include "kam/edit/empty_value.hpp"

#include "kam/io/yaml_loader.hpp"

namespace kam {

bool is_empty_value(const Node& value) {
    return value.is_null() || ((value.is_sequence() || value.is_mapping()) && value.items.empty() &&
                               value.entries.empty());
}

Expected<EmptyValueSite> empty_value_site(std::string_view text, const Node& parent,
                                          const Node& value) {
    const Entry* entry = nullptr;
    for (const Entry& e : parent.entries)
        if (&e.value == &value) entry = &e;
    if (!entry || parent.flow || !is_empty_value(value))
        return unexpected("cannot find where the empty value is written; edit it in your editor");
    const auto cannot = [] {
        return unexpected(
            std::string("cannot find where the empty value is written; edit it in your editor"));
    };
    // Past the key as written: quoted, or plain up to the ':' that ends it.
    size_t pos = entry->key_mark.offset;
    if (pos >= text.size()) return cannot();
    if (text[pos] == '"' || text[pos] == '\'') {
        const auto end = quoted_scalar_end(text, pos);
        if (!end) return cannot();
        pos = *end;
    }
    while (pos < text.size() && text[pos] != '\n') {
        if (text[pos] == ':' &&
            (pos + 1 == text.size() || text[pos + 1] == ' ' || text[pos + 1] == '\t' ||
             text[pos + 1] == '\r' || text[pos + 1] == '\n'))
            break;
        ++pos;
    }
    if (pos >= text.size() || text[pos] != ':') return cannot();
    EmptyValueSite site;
    site.key_column = entry->key_mark.column - 1;
    site.value_begin = pos + 1;
    size_t i = site.value_begin;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    // What an empty value may be written as; anything else on the line is not empty.
    const std::string_view rest = text.substr(i);
    size_t written = 0;
    for (std::string_view w : {"~", "null", "Null", "NULL", "[]", "{}"})
        if (rest.starts_with(w)) written = w.size();
    if (written == 0 && (rest.starts_with("[") || rest.starts_with("{"))) {
        size_t close = 1;
        while (close < rest.size() && (rest[close] == ' ' || rest[close] == '\t')) ++close;
        if (close < rest.size() && (rest[close] == ']' || rest[close] == '}')) written = close + 1;
    }
    site.value_end = written ? i + written : site.value_begin;
    size_t after = site.value_end;
    while (after < text.size() && (text[after] == ' ' || text[after] == '\t')) ++after;
    if (after < text.size() && text[after] != '#' && text[after] != '\r' && text[after] != '\n')
        return cannot();
    const size_t nl = text.find('\n', after);
    site.line_end = nl == std::string_view::npos ? text.size() : nl + 1;
    return site;
}

}  // namespace kam
