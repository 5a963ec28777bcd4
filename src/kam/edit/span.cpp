// Where a value sits in the source text: scalar spans, flow collections, block ends.
#include "kam/edit/splice.hpp"

#include <fmt/format.h>

#include "kam/io/yaml_loader.hpp"
#include "kam/io/yaml_text.hpp"
#include "text_lines.hpp"

namespace kam {

std::string TextEdit::apply(std::string_view text) const {
    std::string out(text.substr(0, offset));
    out += replacement;
    out += text.substr(offset + length);
    return out;
}

Expected<std::pair<size_t, size_t>> scalar_span(std::string_view text, const Node& node,
                                                bool in_flow) {
    const size_t begin = node.mark.offset;
    switch (node.style) {
        case ScalarStyle::double_quoted:
        case ScalarStyle::single_quoted: {
            const auto end = quoted_scalar_end(text, begin);
            if (!end) return unexpected("the quoted value is never closed");
            return std::pair{begin, *end};
        }
        case ScalarStyle::literal:
        case ScalarStyle::folded:
            return unexpected("the value is a block scalar (| or >); edit it in your editor");
        case ScalarStyle::plain:
            break;
    }
    size_t end = begin;
    while (end < text.size() && text[end] != '\n' && text[end] != '\r') {
        if (text[end] == '#' && end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t'))
            break;
        if (in_flow && (text[end] == ',' || text[end] == ']' || text[end] == '}')) break;
        ++end;
    }
    while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
    if (text.substr(begin, end - begin) != node.value)
        return unexpected("the value runs over several lines; edit it in your editor");
    return std::pair{begin, end};
}

Expected<size_t> flow_collection_end(std::string_view text, size_t open) {
    if (open >= text.size() || (text[open] != '[' && text[open] != '{'))
        return unexpected("cannot find where the flow collection starts");
    auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    int depth = 0;
    char last_significant = 0;
    for (size_t i = open; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '#' && i > 0 && blank(text[i - 1])) {
            const size_t nl = text.find('\n', i);
            if (nl == std::string_view::npos) break;
            i = nl;
            continue;
        }
        // A quote opens a quoted scalar only where a scalar may start.
        if ((c == '"' || c == '\'') &&
            std::string_view("[{,:?").find(last_significant) != std::string_view::npos) {
            const auto end = quoted_scalar_end(text, i);
            if (!end) return unexpected("a quoted value in it is never closed");
            i = *end - 1;
            last_significant = c;
            continue;
        }
        if (c == '[' || c == '{') ++depth;
        if ((c == ']' || c == '}') && --depth == 0) return i;
        if (!blank(c)) last_significant = c;
    }
    return unexpected("the flow collection is never closed");
}

Expected<size_t> flow_node_end(std::string_view text, const Node& node) {
    if (node.is_scalar()) {
        auto span = scalar_span(text, node, true);
        if (!span) return unexpected(span.error());
        return span->second;
    }
    if (node.flow && (node.is_sequence() || node.is_mapping())) {
        auto close = flow_collection_end(text, node.mark.offset);
        if (!close) return unexpected(close.error());
        return *close + 1;
    }
    return unexpected("an empty item in a flow collection; edit it in your editor");
}

size_t line_start_at(std::string_view text, size_t offset) {
    const size_t nl = offset == 0 ? std::string_view::npos : text.rfind('\n', offset - 1);
    return nl == std::string_view::npos ? 0 : nl + 1;
}

size_t block_end(std::string_view text, size_t line_start, size_t owner_column) {
    size_t end = next_line(text, line_start);
    for (size_t pos = end; pos < text.size();) {
        const size_t after = next_line(text, pos);
        const std::string_view line = text.substr(pos, after - pos);
        if (!is_blank(line) && indentation(line) <= owner_column) break;
        if (!is_blank(line)) end = after;
        pos = after;
    }
    return end;
}

}  // namespace kam
