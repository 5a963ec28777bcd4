// The splices that set a value: in place, at a missing key, in a block scalar, over a folded plain
// text.
#include "kam/edit/splice.hpp"

#include <fmt/format.h>

#include "kam/edit/empty_value.hpp"
#include "kam/edit/key_insert.hpp"
#include "kam/io/yaml_text.hpp"
#include "text_lines.hpp"

namespace kam {

// A plain text folded over several lines: from its first byte to the end of
// its last continuation line (before a comment), replaced by one line.
Expected<TextEdit> plan_set_multiline_plain(std::string_view text, const Located& at,
                                            const std::string& written);

Expected<TextEdit> plan_set(std::string_view text, const Located& at, const std::string& written) {
    if (at.node) {
        const Node& n = *at.node;
        const bool in_flow = at.parent && at.parent->flow;
        if (n.is_null()) {
            // "key:", "key: ~" or "key: null" in a block mapping: the value goes after the ':'.
            if (at.parent && at.parent->is_mapping() && !in_flow) {
                auto site = empty_value_site(text, *at.parent, n);
                if (!site) return unexpected(site.error());
                return TextEdit{site->value_begin, site->value_end - site->value_begin,
                                " " + written};
            }
            const size_t o = n.mark.offset;
            if (o < text.size() && text[o] == '~') return TextEdit{o, 1, written};
            if (text.substr(o, 4) == "null" || text.substr(o, 4) == "Null" ||
                text.substr(o, 4) == "NULL")
                return TextEdit{o, 4, written};
            if (o < text.size() && text[o] == ':') return TextEdit{o + 1, 0, " " + written};
            return unexpected(
                "cannot find where the empty value is written; edit it in your editor");
        }
        if (!n.is_scalar())
            return unexpected("the path names a list or a mapping, not a single value");
        auto span = scalar_span(text, n, in_flow);
        if (!span && !in_flow && n.style == ScalarStyle::plain)
            return plan_set_multiline_plain(text, at, written);
        if (!span) return unexpected(span.error());
        return TextEdit{span->first, span->second - span->first, written};
    }
    // A key the mapping does not have yet: "key: value", after the sub-mappings it needs.
    auto ins = plan_key_insert(text, at);
    if (!ins) return unexpected(ins.error());
    return ins->edit(text, fmt::format("{}{}: {}{}", std::string(ins->column, ' '), at.missing_key,
                                       written, ins->eol));
}

Expected<BlockSet> plan_set_block(std::string_view text, const Located& at,
                                  std::string_view value) {
    const Node& n = *at.node;
    const size_t header = n.mark.offset;
    if (header >= text.size() || (text[header] != '|' && text[header] != '>'))
        return unexpected("cannot find the | or > of the block scalar; edit it in your editor");
    const bool folded = text[header] == '>';
    bool strip = false;
    for (size_t i = header + 1;
         i < text.size() && text[i] != ' ' && text[i] != '\t' && text[i] != '\r' && text[i] != '\n';
         ++i) {
        if (text[i] == '-') {
            strip = true;
        } else {
            return unexpected(
                "the block scalar has a keep (+) or indentation indicator; edit it in your editor");
        }
    }
    const size_t indicator_end = [&] {
        size_t i = header + 1;
        while (i < text.size() && text[i] == '-') ++i;
        return i;
    }();
    // The value is kept exactly: one final line break is what "|" keeps, none
    // is what "|-" keeps, so the header's chomping follows the value.
    const bool final_break = value.ends_with('\n');
    if (final_break) value.remove_suffix(1);
    if (value.empty()) return unexpected("a block scalar cannot be set to nothing");
    if (value.find('\r') != std::string_view::npos || value.ends_with('\n'))
        return unexpected(
            "the text ends with more than one line break or holds a carriage return; edit it in "
            "your editor");
    if (value.front() == ' ' || value.front() == '\t')
        return unexpected("a block scalar cannot start with a space; edit it in your editor");
    if (folded && value.find('\n') != std::string_view::npos)
        return unexpected("a folded (>) block joins lines; write several lines in your editor");
    for (unsigned char c : value)
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F)
            return unexpected("a block scalar cannot carry control characters");

    const size_t header_line = line_start_at(text, header);
    const auto owner_or = owner_column(text, at);
    if (!owner_or)
        return unexpected("cannot find the block scalar's owner; edit it in your editor");
    const size_t owner = *owner_or;
    const size_t body = next_line(text, header);
    const size_t end = block_end(text, header_line, owner);
    size_t indent = owner + 2;
    for (size_t pos = body; pos < end; pos = next_line(text, pos)) {
        const std::string_view line = text.substr(pos, next_line(text, pos) - pos);
        if (!is_blank(line)) {
            indent = indentation(line);
            break;
        }
    }
    const std::string eol(line_end_of(text));
    std::string lines;
    for (size_t start = 0; start <= value.size();) {
        const size_t nl = value.find('\n', start);
        const std::string_view line =
            value.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
        if (!line.empty()) lines += std::string(indent, ' ') + std::string(line);
        lines += eol;
        if (nl == std::string_view::npos) break;
        start = nl + 1;
    }
    // A body that ran to the end of a file without a final newline still does.
    if (end == text.size() && !text.ends_with('\n')) lines.resize(lines.size() - eol.size());
    if (body > end || (body == text.size() && !text.ends_with('\n')))
        return unexpected("the block scalar has no body to replace; edit it in your editor");
    const std::string reads_back = std::string(value) + (final_break ? "\n" : "");
    if (strip == !final_break) return BlockSet{TextEdit{body, end - body, lines}, reads_back};
    // "|" becomes "|-" (or back), the rest of the header line as it was.
    return BlockSet{
        TextEdit{header + 1, end - header - 1,
                 std::string(final_break ? "" : "-") +
                     std::string(text.substr(indicator_end, body - indicator_end)) + lines},
        reads_back};
}

Expected<TextEdit> plan_set_multiline_plain(std::string_view text, const Located& at,
                                            const std::string& written) {
    const Node& n = *at.node;
    const auto owner = owner_column(text, at);
    if (!owner) return unexpected("cannot tell where the value ends; edit it in your editor");
    const size_t begin = n.mark.offset;
    const size_t end_line = block_end(text, line_start_at(text, begin), *owner);
    // The last line's content, without its comment and trailing blanks.
    const size_t last_start = line_start_at(text, end_line > begin ? end_line - 1 : begin);
    size_t end = last_start;
    while (end < text.size() && text[end] != '\n' && text[end] != '\r') {
        if (text[end] == '#' && end > last_start && (text[end - 1] == ' ' || text[end - 1] == '\t'))
            break;
        ++end;
    }
    while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
    // The words must be the value's: anything else means the guess is wrong.
    std::string words;
    for (size_t i = begin; i < end; ++i) {
        const char c = text[i];
        const bool blank = c == ' ' || c == '\t' || c == '\r' || c == '\n';
        if (blank) {
            if (!words.empty() && words.back() != ' ') words += ' ';
        } else {
            words += c;
        }
    }
    std::string folded;
    for (char c : n.value) folded += c == '\n' ? ' ' : c;
    if (words != folded)
        return unexpected(
            "the value runs over several lines in a way kam cannot follow; edit it "
            "in your editor");
    return TextEdit{begin, end - begin, written};
}

}  // namespace kam
