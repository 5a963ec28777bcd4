// The splice that removes a key or list item with its own comment lines.
#include "kam/edit/splice.hpp"

#include <fmt/format.h>

#include "kam/edit/key_insert.hpp"
#include "text_lines.hpp"

namespace kam {

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

}  // namespace kam
