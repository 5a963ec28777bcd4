#include "kam/edit/key_insert.hpp"

#include <fmt/format.h>

#include "kam/edit/empty_value.hpp"
#include "kam/edit/splice.hpp"

namespace kam {

namespace {

// How far the file indents a mapping's keys under its parent key: the first
// "key:" line followed by a deeper key line says it (2 when nothing does).
size_t indentation_step(std::string_view text) {
    size_t pos = 0, opener = std::string_view::npos;  // indentation of the last "key:" line
    while (pos < text.size()) {
        size_t nl = text.find('\n', pos);
        if (nl == std::string_view::npos) nl = text.size();
        std::string_view line = text.substr(pos, nl - pos);
        pos = nl + 1;
        if (line.ends_with('\r')) line.remove_suffix(1);
        const size_t first = line.find_first_not_of(' ');
        if (first == std::string_view::npos || line[first] == '#') continue;
        if (opener != std::string_view::npos && first > opener && line[first] != '-')
            return first - opener;
        opener = line.ends_with(':') && line[first] != '-' ? first : std::string_view::npos;
    }
    return 2;
}

}  // namespace

std::string_view line_end_of(std::string_view text) {
    return text.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
}

TextEdit KeyInsert::edit(std::string_view text, const std::string& lines) const {
    std::string body = before + lines;
    if (!final_newline) body = eol + body.substr(0, body.size() - eol.size());
    return TextEdit{cut_begin, offset - cut_begin,
                    std::string(text.substr(cut_end, offset - cut_end)) + body};
}

Expected<KeyInsert> plan_key_insert(std::string_view text, const Located& at) {
    const Node& map = *at.parent;
    KeyInsert ins;
    ins.eol = std::string(line_end_of(text));
    ins.step = indentation_step(text);
    if (at.fill_owner) {
        // "position:" (or "position: ~"): its first key goes on the next line, one step deeper.
        auto site = empty_value_site(text, *at.fill_owner, map);
        if (!site) return unexpected(site.error());
        ins.cut_begin = site->value_begin;
        ins.cut_end = site->value_end;
        ins.offset = site->line_end;
        ins.column = site->key_column + ins.step;
    } else if (map.flow) {
        return unexpected("the mapping is written in flow style ({...}); edit it in your editor");
    } else if (map.entries.empty()) {
        ins.offset = ins.cut_begin = ins.cut_end = text.size();
        ins.column = 0;
    } else {
        // After its last line: from its last key on, every line indented deeper
        // than its keys is its own; trailing blank lines are left to what follows.
        ins.column = map.entries.front().key_mark.column - 1;
        ins.offset =
            block_end(text, line_start_at(text, map.entries.back().key_mark.offset), ins.column);
        ins.cut_begin = ins.cut_end = ins.offset;
    }
    // A file without a final newline keeps having none, unless it was empty.
    if (ins.offset == text.size() && !text.empty() && text.back() != '\n') {
        if (map.entries.empty() && !at.fill_owner) {
            ins.before = ins.eol;  // an empty mapping's lines start after what is there
        } else {
            ins.final_newline = false;
        }
    }
    size_t column = ins.column;
    for (const std::string& m : at.missing_mappings) {
        ins.before += fmt::format("{}{}:{}", std::string(column, ' '), m, ins.eol);
        column += ins.step;
    }
    ins.column = column;
    return ins;
}

}  // namespace kam
