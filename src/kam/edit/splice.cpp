#include "kam/edit/splice.hpp"

#include <fmt/format.h>

#include "kam/check/schema_check.hpp"
#include "kam/edit/empty_value.hpp"
#include "kam/edit/key_insert.hpp"
#include "kam/io/yaml_loader.hpp"
#include "kam/io/yaml_text.hpp"

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

Expected<std::string> format_value(const FieldSpec* field, std::string_view key,
                                   std::string_view value) {
    if (!field || field->type == FieldType::text) return yaml_scalar(value);
    switch (field->type) {
        case FieldType::object:
        case FieldType::object_list:
        case FieldType::text_list:
        case FieldType::swot_list:
        case FieldType::currency_map:
        case FieldType::severity_map:
        case FieldType::require_map:
        case FieldType::weight_map:
            return unexpected(
                fmt::format("'{}' is a {}, not a single value; set one of its {} instead", key,
                            field_type_name(field->type),
                            field->type == FieldType::object ? "fields" : "items"));
        default:
            break;
    }
    // Check with the very rules `kam validate` applies, so the refusal reads the same.
    const std::string written =
        field->type == FieldType::enumeration || field->type == FieldType::id ||
                field->type == FieldType::ref || field->type == FieldType::currency
            ? yaml_scalar(value)
            : std::string(value);
    Node probe;
    probe.kind = NodeKind::mapping;
    Node scalar;
    scalar.kind = NodeKind::scalar;
    scalar.value = std::string(value);
    probe.entries.push_back(Entry{std::string(field->key), {}, std::move(scalar)});
    const FieldSpec only[] = {*field};
    const Schema one{"value", only};
    DiagnosticSink sink("value");
    check_schema(probe, one, sink);
    for (const Diagnostic& d : sink.items())
        if (d.rule != Rule::schema_required)
            return unexpected(d.hint.empty()
                                  ? fmt::format("{} [{}]", d.message, d.rule)
                                  : fmt::format("{} ({}) [{}]", d.message, d.hint, d.rule));
    if (value.empty()) return unexpected(fmt::format("'{}' needs a value", key));
    return written;
}

std::string in_style_of(const Node* old, const FieldSpec* field, std::string_view value,
                        std::string written) {
    if (!old || !old->is_scalar()) return written;
    const bool text_like = !field || field->type == FieldType::text ||
                           field->type == FieldType::enumeration || field->type == FieldType::id ||
                           field->type == FieldType::ref || field->type == FieldType::currency;
    if (!text_like) return written;
    if (old->style == ScalarStyle::double_quoted) return yaml_double_quoted(value);
    if (old->style == ScalarStyle::single_quoted)
        if (auto single = yaml_single_quoted(value)) return *single;
    return written;
}

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

Expected<Node> expected_after_set(const Node& old_root, const ParsedPath& path,
                                  const std::string& value) {
    Node copy = old_root;
    auto at = locate(copy, path);
    if (!at) return unexpected(at.error());
    Node scalar;
    scalar.kind = NodeKind::scalar;
    scalar.value = value;
    if (at->node) {
        *writable_node(copy, at->node) = std::move(scalar);
        return copy;
    }
    Node* parent = writable_node(copy, at->parent);
    if (is_empty_value(*parent))
        parent->kind = NodeKind::mapping;  // "position:" gets its first key
    for (const std::string& m : at->missing_mappings) {
        Node inner;
        inner.kind = NodeKind::mapping;
        parent->entries.push_back(Entry{m, {}, std::move(inner)});
        parent = &parent->entries.back().value;
    }
    parent->entries.push_back(Entry{at->missing_key, {}, std::move(scalar)});
    return copy;
}

}  // namespace kam

namespace kam {

namespace {

size_t next_line(std::string_view text, size_t offset) {
    const size_t nl = text.find('\n', offset);
    return nl == std::string_view::npos ? text.size() : nl + 1;
}

size_t indentation(std::string_view line) {
    size_t n = 0;
    while (n < line.size() && line[n] == ' ') ++n;
    return n;
}

bool is_blank(std::string_view line) {
    return line.find_first_not_of(" \t\r\n") == std::string_view::npos;
}
bool is_comment(std::string_view line) {
    const size_t i = line.find_first_not_of(" \t");
    return i != std::string_view::npos && line[i] == '#';
}

// The column that owns a value's continuation lines: its key's, or the dash
// of its list item; nullopt when the text does not show it.
std::optional<size_t> owner_column(std::string_view text, const Located& at) {
    if (at.parent && at.parent->is_mapping()) {
        for (const Entry& e : at.parent->entries)
            if (&e.value == at.node) return e.key_mark.column - 1;
        return std::nullopt;
    }
    const size_t line = line_start_at(text, at.node->mark.offset);
    const size_t dash = text.find('-', line);
    if (dash == std::string_view::npos || dash > at.node->mark.offset) return std::nullopt;
    return dash - line;
}

}  // namespace

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

namespace {

// Inside [a, b, c] or {a: 1, b: 2}: the element and the separator after it
// (before it, for the last one); the only element leaves [] or {}.
Expected<TextEdit> plan_remove_in_flow(std::string_view text, const Located& at) {
    const Node& parent = *at.parent;
    std::vector<size_t> starts;
    std::vector<const Node*> values;
    size_t index = 0;
    if (parent.is_sequence()) {
        for (const Node& item : parent.items) {
            if (&item == at.node) index = starts.size();
            starts.push_back(item.mark.offset);
            values.push_back(&item);
        }
    } else {
        for (const Entry& e : parent.entries) {
            if (&e.value == at.node) index = starts.size();
            starts.push_back(e.key_mark.offset);
            values.push_back(&e.value);
        }
    }
    if (starts.size() == 1) {
        auto close = flow_collection_end(text, parent.mark.offset);
        if (!close) return unexpected(close.error());
        return TextEdit{parent.mark.offset + 1, *close - parent.mark.offset - 1, ""};
    }
    if (index + 1 < starts.size())
        return TextEdit{starts[index], starts[index + 1] - starts[index], ""};
    auto previous_end = flow_node_end(text, *values[index - 1]);
    if (!previous_end) return unexpected(previous_end.error());
    auto end = flow_node_end(text, *values[index]);
    if (!end) return unexpected(end.error());
    return TextEdit{*previous_end, *end - *previous_end, ""};
}

}  // namespace

Expected<TextEdit> plan_remove(std::string_view text, const Located& at) {
    if (!at.node || !at.parent) return unexpected("nothing to remove there");
    if (at.parent->flow) return plan_remove_in_flow(text, at);
    // The first line of what goes, and the column that owns the lines below it.
    size_t first, owner_column;
    if (at.parent->is_sequence()) {
        const size_t line = line_start_at(text, at.node->mark.offset);
        const size_t dash = text.find('-', line);
        if (dash == std::string_view::npos || dash > at.node->mark.offset)
            return unexpected("cannot find the '-' of the item; edit it in your editor");
        first = line;
        owner_column = dash - line;
    } else {
        const Entry* entry = nullptr;
        for (const Entry& e : at.parent->entries)
            if (&e.value == at.node) entry = &e;
        if (!entry) return unexpected("cannot find the key");
        first = line_start_at(text, entry->key_mark.offset);
        owner_column = entry->key_mark.column - 1;
        // "- key: v" as the first key of an item: removing the line would take the item's dash.
        if (text.substr(first, entry->key_mark.offset - first).find('-') != std::string_view::npos)
            return unexpected(
                "it is the first key of a list item; remove the item, or edit it in your editor");
    }
    // Its own comments: the comment lines directly above, no blank line between.
    while (first > 0) {
        const size_t prev = line_start_at(text, first - 1);
        const std::string_view line = text.substr(prev, first - prev);
        if (!is_comment(line) || indentation(line) < owner_column) break;
        first = prev;
    }
    // Everything indented deeper than its owner column belongs to it.
    size_t end = block_end(
        text, line_start_at(text, at.node->mark.offset > first ? at.node->mark.offset : first),
        owner_column);
    // Items separated by blank lines stay separated by one, not two; and the
    // first item's separator goes with it, so its parent key is not followed by a gap.
    if (end < text.size() && is_blank(text.substr(end, next_line(text, end) - end))) {
        const size_t prev = first == 0 ? 0 : line_start_at(text, first - 1);
        const std::string_view before = text.substr(prev, first - prev);
        if (first == 0 || is_blank(before) || indentation(before) < owner_column)
            end = next_line(text, end);
    }
    // The file's last lines go: a missing final newline stays missing.
    if (end == text.size() && first > 0 && !text.ends_with('\n')) {
        first -= 1;
        if (first > 0 && text[first - 1] == '\r') first -= 1;
    }
    return TextEdit{first, end - first, ""};
}

Expected<Node> expected_after_remove(const Node& old_root, const ParsedPath& path) {
    Node copy = old_root;
    auto at = locate(copy, path);
    if (!at || !at->node || !at->parent) return unexpected("nothing to remove");
    Node* parent = writable_node(copy, at->parent);
    if (parent->is_sequence()) {
        std::erase_if(parent->items, [&](const Node& n) { return &n == at->node; });
    } else {
        std::erase_if(parent->entries, [&](const Entry& e) { return &e.value == at->node; });
    }
    // "risks:" with its last item gone reads back as an empty value.
    if (!parent->flow && parent->items.empty() && parent->entries.empty() && parent != &copy) {
        const Mark mark = parent->mark;
        *parent = Node{};
        parent->mark = mark;
    }
    return copy;
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
