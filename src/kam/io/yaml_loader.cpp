#include "kam/io/yaml_loader.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <unordered_map>
#include <utility>
#include <vector>

#include "kam/io/line_index.hpp"
#include "kam/util/utf8.hpp"

namespace kam {

namespace {

// Raised inside the tree builder to stop the parser at the first fatal problem.
struct LoadAbort {
    Rule rule;
    uint32_t offset;
    std::string message;
    bool recoverable = true;  // a re-parse without the broken part can go on
};

// "~", "null", "Null" or "NULL" is written at `at` (not a key that merely
// starts with 'n', such as the next line's "name:").
bool null_written_at(std::string_view text, uint32_t at) {
    const std::string_view rest = text.substr(std::min<size_t>(at, text.size()));
    for (const std::string_view word : {"~", "null", "Null", "NULL"}) {
        if (!rest.starts_with(word)) continue;
        // The word alone: then only blanks up to the line's end, a comment,
        // or the flow indicator that ends it ("~   k21:" is a key).
        size_t i = word.size();
        while (i < rest.size() && (rest[i] == ' ' || rest[i] == '\t')) ++i;
        if (i == rest.size()) return true;
        const char c = rest[i];
        return c == '\r' || c == '\n' || c == ',' || c == ']' || c == '}' ||
               (c == '#' && i > word.size());
    }
    return false;
}

// Text at column 1 after a top-level list ended ("- a" then "b: 1").
std::string after_top_level_node(std::string_view rest) {
    const char c = rest.empty() ? ' ' : rest[0];
    return fmt::format("unexpected '{}' after the end of the top-level node", c);
}

ScalarStyle style_at(std::string_view text, uint32_t offset) {
    if (offset >= text.size()) return ScalarStyle::plain;
    switch (text[offset]) {
        case '"':
            return ScalarStyle::double_quoted;
        case '\'':
            return ScalarStyle::single_quoted;
        case '|':
            return ScalarStyle::literal;
        case '>':
            return ScalarStyle::folded;
        default:
            return ScalarStyle::plain;
    }
}

// Builds the owned tree from parser events and enforces the structural rules
// (one document, no anchors, unique keys, depth) as the events arrive.
class TreeBuilder final : public EventListener {
  public:
    TreeBuilder(std::string_view text, const LineIndex& lines)
        : text_(text), lines_(lines), cursor_(lines) {}

    void on_event(const ParseEvent& e) override {
        using T = ParseEvent::Type;
        if (e.type != T::document_end && e.type != T::sequence_end && e.type != T::mapping_end)
            note_position(e.offset);
        switch (e.type) {
            case T::document_start:
                if (++documents_ > 1) second_document(e.offset);
                return;
            case T::document_end:
                return;
            case T::alias:
                throw LoadAbort{Rule::yaml_alias, e.offset,
                                "aliases (*name) are not allowed: write the value out in full"};
            case T::null:
                null_node(e);
                return;
            case T::scalar:
                scalar(e);
                return;
            case T::sequence_start:
            case T::mapping_start: {
                reject_anchor_or_tag(e);
                if (static_cast<int>(stack_.size()) >= k_max_depth)
                    throw LoadAbort{Rule::yaml_limit, e.offset,
                                    fmt::format("nesting deeper than {} levels", k_max_depth)};
                // "[? a]": an explicit key in a flow list (the parsers place
                // its empty value apart; braces say it plainly).
                if (e.type == T::mapping_start && e.flow && e.offset < text_.size() &&
                    text_[e.offset] == '?')
                    throw LoadAbort{Rule::yaml_syntax, e.offset,
                                    "a '? key' inside [ ] needs braces: [{key: value}]"};
                Frame f;
                f.node.kind = e.type == T::mapping_start ? NodeKind::mapping : NodeKind::sequence;
                f.node.flow = e.flow;
                f.node.mark = mark(e.offset);
                stack_.push_back(std::move(f));
                return;
            }
            case T::sequence_end:
            case T::mapping_end: {
                Frame f = std::move(stack_.back());
                stack_.pop_back();
                add(std::move(f.node));
                return;
            }
        }
    }

    void restart() override {
        stack_.clear();
        root_.reset();
        root_seen_ = false;
        documents_ = 0;
        open_block_line_ = 0;
        content_end_ = 0;
        scalar_lines_.clear();
    }

    std::optional<Node>& root() { return root_; }
    // Where the innermost flow collection still open at a syntax error began.
    std::optional<uint32_t> open_flow_offset() const {
        for (auto it = stack_.rbegin(); it != stack_.rend(); ++it)
            if (it->node.flow) return it->node.mark.offset;
        return std::nullopt;
    }
    bool root_seen() const { return root_seen_; }
    // The top-level node is a block list still open (nothing nested in it open).
    bool in_top_level_block_list() const {
        return stack_.size() == 1 && stack_[0].node.kind == NodeKind::sequence &&
               !stack_[0].node.flow;
    }
    // Lines that hold the content of block or quoted scalars: tabs are legal there.
    const std::vector<std::pair<uint32_t, uint32_t>>& scalar_line_ranges() const {
        return scalar_lines_;
    }
    void finish() { note_position(static_cast<uint32_t>(text_.size())); }

  private:
    struct Frame {
        Node node;
        bool have_key = false;
        std::string key;
        Mark key_mark;
        std::unordered_map<std::string, uint32_t> key_lines;  // for big mappings only
    };

    Mark mark(uint32_t offset) { return cursor_.at(offset); }

    void second_document(uint32_t offset) {
        const std::string_view rest = text_.substr(std::min<size_t>(offset, text_.size()));
        if (rest.starts_with("---"))
            throw LoadAbort{Rule::yaml_syntax, offset,
                            "a second document: an account file holds exactly one", false};
        throw LoadAbort{Rule::yaml_syntax, offset, after_top_level_node(rest), false};
    }

    // yaml-cpp gives an empty value the position of whatever comes next; point
    // at the indicator that introduced it instead ("-" or ":"), and refuse the
    // empty entry it invents for "[a,,b]".
    void null_node(const ParseEvent& e) {
        reject_anchor_or_tag(e);
        uint32_t at = std::min<uint32_t>(e.offset, static_cast<uint32_t>(text_.size()));
        const bool written = null_written_at(text_, at);
        // An empty key (": value") is already placed at its ':'.
        const bool is_key = !stack_.empty() && stack_.back().node.kind == NodeKind::mapping &&
                            !stack_.back().have_key;
        if (!written && !is_key) {
            const bool in_flow = !stack_.empty() && stack_.back().node.flow;
            at = back_over_blanks_and_comments(at, in_flow);
            const bool in_flow_list = in_flow && stack_.back().node.kind == NodeKind::sequence;
            if (in_flow_list && at > 0 && (text_[at - 1] == ',' || text_[at - 1] == '['))
                throw LoadAbort{Rule::yaml_syntax, at - 1,
                                "an empty entry in a flow list (two commas in a row?)"};
            if (at > 0) --at;  // onto the indicator itself
        }
        Node n;
        n.mark = mark(at);
        add(std::move(n));
    }

    // The first byte at or after `at` that is neither blank nor in a comment.
    size_t forward_over_blanks_and_comments(size_t at) const {
        while (at < text_.size()) {
            const char c = text_[at];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                ++at;
            } else if (c == '#') {
                while (at < text_.size() && text_[at] != '\n') ++at;
            } else {
                break;
            }
        }
        return at;
    }

    // Back from `at` over blanks, line breaks and comments (whole comment
    // lines, as kam's templates put under an empty key, and a comment after
    // it), to just past the last character that is YAML. In a flow
    // collection a '#' right after ',', '[' or '{' starts a comment too, to
    // both parsers ("[1,#c"), though YAML wants a space before it. Never
    // back past the end of the last scalar: a quote inside it ("n 'x: # 'y")
    // opens nothing.
    uint32_t back_over_blanks_and_comments(uint32_t at, bool flow = false) const {
        auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
        const uint32_t floor = std::min(content_end_, at);
        while (true) {
            while (at > floor && blank(text_[at - 1])) --at;
            if (at == floor) return at;
            const size_t nl = text_.rfind('\n', at - 1);
            const size_t start = std::max<size_t>(nl == std::string_view::npos ? 0 : nl + 1, floor);
            // The first '#' that starts a comment: at the line's start or after a
            // blank, outside quotes.
            char quote = 0;
            size_t comment = std::string_view::npos;
            for (size_t i = start; i < at && comment == std::string_view::npos; ++i) {
                const char c = text_[i];
                if (quote) {
                    if (c == quote && !(quote == '"' && i > start && text_[i - 1] == '\\'))
                        quote = 0;
                } else if ((c == '"' || c == '\'') &&
                           (i == start ||
                            std::string_view(flow ? " \t[{,:" : " \t").find(text_[i - 1]) !=
                                std::string_view::npos)) {
                    // A quote that starts a token ("it's" is plain text). In block
                    // context only after a blank: 'x":": #' is a plain key then a
                    // comment, since '-', '?' and ':' are indicators only before a
                    // blank there. In flow context a JSON-like key's ':' may touch
                    // the quote ({"a":"b"}).
                    quote = c;
                } else if (c == '#' && (i == start || blank(text_[i - 1]) ||
                                        (flow && std::string_view(",[{").find(text_[i - 1]) !=
                                                     std::string_view::npos))) {
                    comment = i;
                }
            }
            if (comment == std::string_view::npos) return at;
            at = static_cast<uint32_t>(comment);
        }
    }

    // A written "!" tag; yaml-cpp reports it exactly like quoting.
    bool starts_with_tag(uint32_t offset) const {
        return offset < text_.size() && text_[offset] == '!';
    }

    void reject_anchor_or_tag(const ParseEvent& e) {
        if (e.has_anchor)
            throw LoadAbort{Rule::yaml_alias, e.offset,
                            "anchors (&name) are not allowed: shared nodes make one edit change "
                            "two places"};
        if (e.has_explicit_tag || starts_with_tag(e.offset))
            throw LoadAbort{
                Rule::yaml_syntax, e.offset,
                "explicit tags (like !!str) are not supported: quote the value instead"};
    }

    void scalar(const ParseEvent& e) {
        reject_anchor_or_tag(e);
        content_end_ = std::max(content_end_, e.offset);  // more below, where the end is known
        Node n;
        n.kind = NodeKind::scalar;
        n.style = style_at(text_, e.offset);
        n.mark = mark(e.offset);
        n.value.assign(e.value);
        if (n.style == ScalarStyle::double_quoted)
            for (const char ch : n.value)
                if (const auto u = static_cast<unsigned char>(ch);
                    (u < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') || u == 0x7F)
                    throw LoadAbort{
                        Rule::yaml_encoding, e.offset,
                        fmt::format("an escape in this string makes a control character "
                                    "(U+{:04X}); account files hold printable text",
                                    u)};
        if (n.style == ScalarStyle::double_quoted || n.style == ScalarStyle::single_quoted) {
            // yaml-cpp lets an unclosed quote run to the end of the file and
            // returns the swallowed lines as the value; we insist on the close.
            const auto end = quoted_scalar_end(text_, e.offset);
            if (!end)
                throw LoadAbort{Rule::yaml_syntax, e.offset,
                                "this quoted string is never closed (expected a closing quote)"};
            const uint32_t last = mark(static_cast<uint32_t>(*end - 1)).line;
            if (last > n.mark.line) scalar_lines_.emplace_back(n.mark.line + 1, last);
            content_end_ = static_cast<uint32_t>(*end);
        } else if (n.style == ScalarStyle::literal || n.style == ScalarStyle::folded) {
            open_block_line_ = n.mark.line;
            open_block_nested_ = !stack_.empty();
        } else if (!n.value.empty() && text_.substr(e.offset, n.value.size()) == n.value) {
            // A one-line plain scalar that runs into " #x": a '#' that reads as
            // part of the text ("exit #2 slips") but starts a comment. A comment
            // set off as one ("value  # note", "value # note") is not flagged.
            const size_t end = e.offset + n.value.size();
            content_end_ = static_cast<uint32_t>(end);
            n.comment_follows = end + 2 < text_.size() && text_[end] == ' ' &&
                                text_[end + 1] == '#' && text_[end + 2] != ' ' &&
                                text_[end + 2] != '\t' && text_[end + 2] != '\n' &&
                                text_[end + 2] != '\r' && text_[end + 2] != '#';
        }
        add(std::move(n));
    }

    // The content of a block scalar runs until the next node starts, or
    // until a line written at column 1 (inside the top-level mapping or list
    // a block scalar is indented): what comes after the last node, such as
    // a '%' line that yaml-cpp drops, is not content.
    void note_position(uint32_t offset) {
        if (open_block_line_ == 0) return;
        const uint32_t next_line = mark(offset).line;
        uint32_t last = open_block_line_;
        while (last + 1 < next_line) {
            const std::string_view t = lines_.line_text(last + 1);
            if (open_block_nested_ && !t.empty() && t[0] != ' ' && t[0] != '\t' && t[0] != '\r')
                break;
            ++last;
        }
        if (last > open_block_line_) scalar_lines_.emplace_back(open_block_line_ + 1, last);
        open_block_line_ = 0;
    }

    void add(Node&& node) {
        if (stack_.empty()) {
            root_ = std::move(node);
            root_seen_ = true;
            return;
        }
        Frame& top = stack_.back();
        if (top.node.kind == NodeKind::sequence) {
            top.node.items.push_back(std::move(node));
            return;
        }
        if (!top.have_key) {
            take_key(top, std::move(node));
            return;
        }
        // "key:" then a text, a written null or a "[...]" on a later line at the
        // key's own indentation: YAML reads that as a broken key (libyaml
        // refuses it); yaml-cpp took it as the value.
        const bool written =
            node.kind == NodeKind::scalar || node.flow ||
            (node.kind == NodeKind::null && null_written_at(text_, node.mark.offset));
        if (!top.node.flow && written && node.mark.line > top.key_mark.line &&
            node.mark.column <= top.key_mark.column && !explicit_key_indicator(top.key_mark.offset))
            throw LoadAbort{Rule::yaml_syntax, node.mark.offset,
                            fmt::format("a value must be indented under its key '{}' (or is a "
                                        "':' missing after this text?)",
                                        top.key)};
        Entry& entry = top.node.entries.emplace_back();  // in place: no Entry moved in
        entry.key = std::move(top.key);
        entry.key_mark = top.key_mark;
        entry.value = std::move(node);
        top.have_key = false;
    }

    void take_key(Frame& top, Node&& key) {
        if (key.kind == NodeKind::null) {
            // "? " with nothing after it: shown at the '?' (yaml-cpp places the
            // empty key at the ':' below it, libyaml after the '?').
            const uint32_t b = back_over_blanks_and_comments(key.mark.offset);
            if (b > 0 && text_[b - 1] == '?')
                throw LoadAbort{Rule::yaml_syntax, b - 1, "a mapping key is empty"};
        }
        // "? |" then lines: a key over several lines (the two parsers also
        // placed such keys apart).
        if (key.style == ScalarStyle::literal || key.style == ScalarStyle::folded)
            throw LoadAbort{Rule::yaml_syntax, key.mark.offset,
                            "a key must be written on one line, not as a '|' or '>' block"};
        if (key.kind != NodeKind::scalar)
            throw LoadAbort{Rule::yaml_syntax, key.mark.offset,
                            key.kind == NodeKind::null
                                ? std::string("a mapping key is empty")
                                : fmt::format("a key must be a single word or quoted string, not "
                                              "{}",
                                              node_kind_name(key.kind))};
        if (!top.node.flow) expect_colon_after(key);
        if (key.style == ScalarStyle::plain && key.value == "<<")
            throw LoadAbort{Rule::yaml_alias, key.mark.offset,
                            "merge keys (<<) are not allowed: write the keys out in full"};
        if (const auto first = first_line_of(top, key.value))
            throw LoadAbort{
                Rule::yaml_duplicate_key, key.mark.offset,
                fmt::format("duplicate key '{}' (first defined at line {})", key.value, *first)};
        // Small mappings are scanned; large ones (hostile input) get an index.
        if (top.node.entries.size() >= 16) {
            if (top.key_lines.empty())
                for (const Entry& en : top.node.entries)
                    top.key_lines.emplace(en.key, en.key_mark.line);
            top.key_lines.emplace(key.value, key.mark.line);
        }
        top.have_key = true;
        top.key = std::move(key.value);
        top.key_mark = key.mark;
    }

    // The '?' the key at `offset` is written after ("? key"), if any.
    std::optional<uint32_t> explicit_key_indicator(uint32_t offset) const {
        uint32_t b = offset;
        while (b > 0 && (text_[b - 1] == ' ' || text_[b - 1] == '\t')) --b;
        if (b > 0 && text_[b - 1] == '?') return b - 1;
        return std::nullopt;
    }

    // yaml-cpp takes a lone word in a block mapping ("status" on its own line)
    // for a key with an empty value; YAML requires the ':'.
    void expect_colon_after(const Node& key) const {
        const uint32_t start = key.mark.offset;
        // "? key" (explicit key): its ':' is on a later line, if anywhere.
        const std::optional<uint32_t> explicit_key = explicit_key_indicator(start);
        size_t end;
        if (key.style == ScalarStyle::double_quoted || key.style == ScalarStyle::single_quoted) {
            const auto q = quoted_scalar_end(text_, start);
            if (!q) return;  // reported as unterminated elsewhere
            end = *q;
        } else if (key.style != ScalarStyle::plain) {
            return;  // "? |": a block scalar key, whose ':' the parser found
        } else if (text_.substr(start, key.value.size()) == key.value) {
            end = start + key.value.size();
        } else {
            // A plain key over two lines: YAML allows an implicit key one line
            // only (libyaml refuses it; yaml-cpp took the lines as one key).
            throw LoadAbort{Rule::yaml_syntax, start,
                            "a key must be written on one line (is a ':' missing?)"};
        }
        if (explicit_key) {
            // "? key" then ": value" on a later line; without it the parsers
            // place the empty value apart, and it is surely a slip.
            end = forward_over_blanks_and_comments(end);
            // The ':' must be followed by white space or the line's end:
            // ":x" starts a text.
            if (end < text_.size() && text_[end] == ':' &&
                (end + 1 == text_.size() || text_[end + 1] == ' ' || text_[end + 1] == '\t' ||
                 text_[end + 1] == '\n' || text_[end + 1] == '\r'))
                return;
            throw LoadAbort{
                Rule::yaml_syntax, *explicit_key,
                fmt::format("the key '? {}' has no ': value' line under it", key.value)};
        }
        while (end < text_.size() && (text_[end] == ' ' || text_[end] == '\t')) ++end;
        if (end < text_.size() && text_[end] == ':') return;
        throw LoadAbort{
            Rule::yaml_syntax, start,
            fmt::format("expected ':' after the key '{}' (a key needs a value, even an empty one)",
                        key.value)};
    }

    static std::optional<uint32_t> first_line_of(const Frame& top, const std::string& key) {
        if (!top.key_lines.empty()) {
            const auto it = top.key_lines.find(key);
            if (it != top.key_lines.end()) return it->second;
            return std::nullopt;
        }
        for (const Entry& en : top.node.entries)
            if (en.key == key) return en.key_mark.line;
        return std::nullopt;
    }

    std::string_view text_;
    const LineIndex& lines_;
    MarkCursor cursor_;
    std::vector<Frame> stack_;
    std::optional<Node> root_;
    bool root_seen_ = false;
    int documents_ = 0;
    uint32_t open_block_line_ = 0;
    bool open_block_nested_ = false;  // the block scalar is not the whole document
    uint32_t content_end_ = 0;        // just past the last scalar's text, as far as known
    std::vector<std::pair<uint32_t, uint32_t>> scalar_lines_;
};

// The first line (at or before `up_to`) whose indentation holds a tab, outside
// the given scalar-content line ranges. 0 when there is none.
uint32_t find_tab_indented_line(const LineIndex& lines, uint32_t up_to,
                                const std::vector<std::pair<uint32_t, uint32_t>>& exempt) {
    up_to = std::min(up_to, lines.line_count());
    // How many ranges hold each line, by a running sum of their starts and
    // ends: one pass, however many ranges (a file of many block scalars).
    std::vector<int32_t> opened(static_cast<size_t>(up_to) + 2, 0);
    for (const auto& [from, to] : exempt) {
        if (from > up_to || from > to) continue;
        ++opened[from];
        --opened[std::min(to, up_to) + 1];
    }
    int32_t inside = 0;
    for (uint32_t ln = 1; ln <= up_to; ++ln) {
        inside += opened[ln];
        const std::string_view t = lines.line_text(ln);
        size_t i = 0;
        bool tab = false;
        while (i < t.size() && (t[i] == ' ' || t[i] == '\t')) tab |= t[i++] == '\t';
        if (!tab || i == t.size() || t[i] == '#') continue;
        if (inside == 0) return ln;
    }
    return 0;
}

// The nearest backslash at or before `offset` on the line that starts at
// `line_start`; `offset` when there is none.
uint32_t backslash_at_or_before(std::string_view text, uint32_t line_start, uint32_t offset) {
    for (uint32_t i = std::min<uint32_t>(offset, static_cast<uint32_t>(text.size()) - 1);
         i >= line_start && i < text.size(); --i) {
        if (text[i] == '\\') return i;
        if (text[i] == '\n' || i == 0) break;
    }
    return offset;
}

// The first line after the directives that starts with '%', outside the
// given scalar-content line ranges, or 0. YAML 1.2 lets no node start with
// '%' (libyaml reads a directive there; yaml-cpp read a text).
uint32_t find_reserved_percent_line(const LineIndex& lines,
                                    const std::vector<std::pair<uint32_t, uint32_t>>& exempt) {
    bool in_directives = true;
    for (uint32_t ln = 1; ln <= lines.line_count(); ++ln) {
        const std::string_view t = lines.line_text(ln);
        if (in_directives && (t.starts_with('%') || t.starts_with('#') ||
                              t.find_first_not_of(" \t\r") == std::string_view::npos))
            continue;
        in_directives = false;
        if (!t.starts_with('%')) continue;
        const bool inside = std::any_of(exempt.begin(), exempt.end(), [&](const auto& range) {
            return range.first <= ln && ln <= range.second;
        });
        if (!inside) return ln;
    }
    return 0;
}

// yaml-cpp's messages name its internals; say what the user should look at.
std::string explain_parser_message(const std::string& msg) {
    if (msg.starts_with("unknown escape character: "))
        return fmt::format(
            "unknown escape '\\{}' in a double-quoted text (write \\\\ for a backslash, or "
            "use single quotes)",
            msg.substr(std::string_view("unknown escape character: ").size()));
    if (msg == "illegal map value")
        return "unexpected ':' here (check the indentation, or quote a value that contains ': ')";
    if (msg == "end of sequence flow not found") return "a '[' list is never closed (expected ']')";
    if (msg == "end of map flow not found") return "a '{' mapping is never closed (expected '}')";
    if (msg == "end of sequence not found")
        return "a list ends unexpectedly (check the indentation)";
    if (msg == "illegal flow end") return "a ']' or '}' that closes nothing";
    if (msg == "a line starts with '%'")
        return "a line cannot start with '%' (YAML keeps it for directives): indent or quote the "
               "text";
    if (msg == "illegal EOF in scalar")
        return "this quoted string is never closed (expected a closing quote)";
    if (msg == "the referenced anchor is not defined")
        return "aliases (*name) are not allowed: write the value out in full";
    if (msg == "end of map not found") return "a mapping ends unexpectedly (check the indentation)";
    if (msg == "bad file" || msg.starts_with("exceeded maximum"))
        return fmt::format("nesting deeper than {} levels", k_max_depth);
    if (msg == "illegal block entry")
        return "unexpected '-' here (a list item must be indented under its key)";
    return msg;
}

// YAML 1.2 allows only printable characters in a file: not the C0 controls
// other than tab and the line ends, DEL, the C1 controls but NEL, U+FFFE, U+FFFF, nor
// (past the start) a byte-order mark. What is wrong at byte i of valid UTF-8,
// or empty.
std::string unprintable_at(std::string_view text, size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
        return fmt::format("a control character (U+{:04X}); account files hold printable text", c);
    const auto next = [&](size_t k) {
        return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0;
    };
    if (c == 0xC2 && next(1) >= 0x80 && next(1) <= 0x9F && next(1) != 0x85)  // NEL is printable
        return fmt::format("a control character (U+{:04X}); account files hold printable text",
                           next(1));
    if (c == 0xEF && next(1) == 0xBB && next(2) == 0xBF)
        return "a byte-order mark (U+FEFF) inside the file (it belongs only at the start)";
    if (c == 0xEF && next(1) == 0xBF && (next(2) == 0xBE || next(2) == 0xBF))
        return fmt::format("U+{:04X} is not a character", 0xFF00 + next(2));
    return {};
}

bool check_encoding(std::string_view text, const LineIndex& lines, DiagnosticSink& sink) {
    if (const auto bad = find_invalid_utf8(text)) {
        const Mark m = lines.mark_at(static_cast<uint32_t>(*bad));
        sink.add(Rule::yaml_encoding, m.line, m.column,
                 fmt::format("invalid UTF-8 (byte 0x{:02X}); account files are UTF-8",
                             static_cast<unsigned char>(text[*bad])));
        return false;
    }
    for (size_t i = 0; i < text.size(); ++i) {
        // Printable ASCII, LF and tab: nothing to check.
        if (const auto c = static_cast<unsigned char>(text[i]);
            (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t')
            continue;
        if (text[i] == '\0') {
            const Mark m = lines.mark_at(static_cast<uint32_t>(i));
            sink.add(Rule::yaml_encoding, m.line, m.column, "a NUL byte: this is not a text file");
            return false;
        }
        if (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')) {
            const Mark m = lines.mark_at(static_cast<uint32_t>(i));
            sink.add(Rule::yaml_encoding, m.line, m.column,
                     "a carriage return without a line feed (line ends must be LF or CRLF)");
            return false;
        }
        if (const std::string what = unprintable_at(text, i); !what.empty()) {
            const Mark m = lines.mark_at(static_cast<uint32_t>(i));
            sink.add(Rule::yaml_encoding, m.line, m.column, what);
            return false;
        }
    }
    return true;
}

// "~" or "null" as the whole document: written on purpose, so not an empty file.
bool root_is_explicit_null(std::string_view text, TreeBuilder& builder) {
    const std::optional<Node>& root = builder.root();
    if (!builder.root_seen() || !root->is_null()) return false;
    return root->mark.offset < text.size() && null_written_at(text, root->mark.offset);
}

std::optional<Node> finish_tree(std::string_view text, TreeBuilder& builder, DiagnosticSink& sink) {
    std::optional<Node>& root = builder.root();
    if (root_is_explicit_null(text, builder)) {
        sink.add(Rule::schema_type, root->mark.line, root->mark.column,
                 "the top level must be a mapping of keys, not null");
        return std::nullopt;
    }
    if (!builder.root_seen() || root->is_null()) {
        // No document, or an empty one: the format reads it as an empty mapping.
        Node empty;
        empty.kind = NodeKind::mapping;
        return empty;
    }
    if (!root->is_mapping()) {
        sink.add(Rule::schema_type, root->mark.line, root->mark.column,
                 fmt::format("the top level must be a mapping of keys, not {}",
                             node_kind_name(root->kind)));
        return std::nullopt;
    }
    return std::move(root);
}

// The first directive at the top of the file that is not %YAML 1.1 or 1.2,
// or 0. The parsers disagree on the others (yaml-cpp skips a reserved
// directive such as "%FOO", libyaml refuses some), and none means anything
// in an account file (tags, which %TAG would name, are refused).
uint32_t find_unknown_directive(const LineIndex& lines) {
    for (uint32_t ln = 1; ln <= lines.line_count(); ++ln) {
        std::string_view t = lines.line_text(ln);
        if (t.ends_with('\r')) t.remove_suffix(1);
        const size_t first = t.find_first_not_of(" \t");
        if (first == std::string_view::npos || t[first] == '#') continue;
        if (t[0] != '%') return 0;
        const size_t comment = t.find(" #");
        t = t.substr(0, comment);
        while (t.ends_with(' ') || t.ends_with('\t')) t.remove_suffix(1);
        if (t != "%YAML 1.2" && t != "%YAML 1.1") return ln;
    }
    return 0;
}

// A document end marker ("...") before any content, after only blank lines,
// comments and directives: its line, or 0. yaml-cpp reads an empty document
// there, libyaml 0.2.5 refuses it, and an account file has no use for it.
uint32_t find_early_document_end(const LineIndex& lines) {
    for (uint32_t ln = 1; ln <= lines.line_count(); ++ln) {
        std::string_view t = lines.line_text(ln);
        if (t.ends_with('\r')) t.remove_suffix(1);
        const size_t first = t.find_first_not_of(" \t");
        if (first == std::string_view::npos || t[first] == '#' || t[0] == '%') continue;
        const bool end_marker =
            t.starts_with("...") && (t.size() == 3 || t[3] == ' ' || t[3] == '\t');
        return end_marker ? ln : 0;
    }
    return 0;
}

// The first line that is a git conflict marker, or 0.
uint32_t find_conflict_marker(const LineIndex& lines) {
    for (uint32_t ln = 1; ln <= lines.line_count(); ++ln) {
        std::string_view t = lines.line_text(ln);
        if (t.ends_with('\r')) t.remove_suffix(1);
        for (std::string_view m : {"<<<<<<<", "=======", ">>>>>>>", "|||||||"})
            if (t.starts_with(m) && (t.size() == m.size() || t[m.size()] == ' ')) return ln;
    }
    return 0;
}

// A single-quoted text closed early by a quote inside it ('Sarah O'Neill'):
// the same text written so that YAML reads it, and the line with the text in
// double quotes instead (the same length, so positions stay), or nullopt.
struct Requoted {
    std::string fixed;  // 'Sarah O''Neill'
    std::string line;   // the line with "Sarah O'Neill"; empty when that cannot be done
};
std::optional<Requoted> requote_single(std::string_view line) {
    size_t open = std::string_view::npos;
    for (size_t i = 0; i + 1 < line.size(); ++i) {
        const bool after_indicator = (line[i] == ':' || line[i] == '-') && line[i + 1] == ' ';
        if (!after_indicator) continue;
        size_t j = i + 1;
        while (j < line.size() && line[j] == ' ') ++j;
        if (j < line.size() && line[j] == '\'') {
            open = j;
            break;
        }
    }
    if (open == std::string_view::npos) return std::nullopt;
    const auto end = quoted_scalar_end(line, open);
    if (!end) return std::nullopt;
    size_t k = *end;
    while (k < line.size() && line[k] == ' ') ++k;
    if (k == line.size() || line[k] == '#') return std::nullopt;  // closed where it should be
    size_t close = line.rfind('\'');
    if (close <= open) return std::nullopt;
    std::string inner;
    for (size_t i = open + 1; i < close; ++i) {
        inner += line[i];
        if (line[i] == '\'') {
            if (i + 1 < close && line[i + 1] == '\'')
                ++i, inner += '\'';
            else
                inner += '\'';
        }
    }
    Requoted r{"'" + inner + "'", {}};
    const std::string_view raw = line.substr(open + 1, close - open - 1);
    if (raw.find_first_of("\"\\") == std::string_view::npos)
        r.line = std::string(line.substr(0, open)) + '"' + std::string(raw) + '"' +
                 std::string(line.substr(close + 1));
    return r;
}

// A plain value that starts with a character YAML reserves (@ and `).
std::optional<std::string> reserved_start(std::string_view line, uint32_t column0) {
    if (column0 >= line.size()) return std::nullopt;
    const char c = line[column0];
    if (c != '@' && c != '`') return std::nullopt;
    std::string_view rest = line.substr(column0);
    rest = rest.substr(0, rest.find(" #"));  // a comment stays outside the quotes
    while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\r')) rest.remove_suffix(1);
    return fmt::format(
        "a plain value cannot start with '{}' (YAML reserves it): quote it, as in \"{}\"", c,
        std::string(rest));
}

struct Explained {
    std::string message;
    uint32_t repair_line = 0;  // a line that can be read once replaced by `repaired`
    std::string repaired;
};

size_t indent_of(std::string_view t) {
    size_t i = 0;
    while (i < t.size() && t[i] == ' ') ++i;
    return i;
}

// Where the parser stopped, as the tree builder saw it.
struct ParseState {
    bool in_top_level_block_list = false;
    bool in_flow = false;
};

// What a parser complaint at 1-based `line` most likely means, looking at the
// text. Both sources stop at the same place on these; they word it apart.
std::optional<Explained> explain_from_text(const LineIndex& lines, uint32_t line, uint32_t column0,
                                           ParseState state) {
    if (line == 0 || line > lines.line_count()) return std::nullopt;
    const std::string_view text = lines.line_text(line);
    if (auto r = reserved_start(text, column0)) return Explained{*r, 0, {}};
    if (column0 < text.size()) {
        const char c = text[column0];
        const bool indentation_only = indent_of(text) == column0;
        const bool ends_token =
            column0 + 1 == text.size() || text[column0 + 1] == ' ' || text[column0 + 1] == '\r';
        if (c == ':' && indentation_only && ends_token)
            return Explained{"a mapping key is empty", 0, {}};
        if (c == ',' && !state.in_flow)
            return Explained{
                "a ',' cannot start a value (quote the text, or write a list in [ ])", 0, {}};
        if ((c == ']' || c == '}') && !state.in_flow)
            return Explained{explain_parser_message("illegal flow end"), 0, {}};
        if (column0 == 0 && state.in_top_level_block_list && c != '-' && c != '#')
            return Explained{after_top_level_node(text), 0, {}};
    }
    for (uint32_t ln = line; ln >= 1 && ln + 1 >= line; --ln)
        if (auto q = requote_single(lines.line_text(ln)))
            return Explained{fmt::format("a quote inside a single-quoted text ends it early: "
                                         "write the inner quote twice, {}, or use double quotes",
                                         q->fixed),
                             q->line.empty() ? 0 : ln, std::move(q->line)};
    return std::nullopt;
}

struct ParseError {
    uint32_t line;             // where it was reported
    bool recoverable;          // a syntax error a re-parse can get past
    uint32_t repair_line = 0;  // or a line to replace by `repaired`, rather than skip
    std::string repaired;
};

// One parse of `text`: nullopt on success, else the error (reported to `sink`).
std::optional<ParseError> parse_once(std::string_view text, const LineIndex& lines,
                                     const YamlEventSource& source, TreeBuilder& builder,
                                     DiagnosticSink& sink) {
    try {
        source.parse(text, builder);
        builder.finish();
    } catch (const LoadAbort& a) {
        const Mark m = lines.mark_at(a.offset);
        sink.add(a.rule, m.line, m.column, a.message);
        return ParseError{m.line, a.recoverable && a.rule != Rule::yaml_limit, 0, {}};
    } catch (const YamlSyntaxError& e) {
        // A tab used for indentation is the usual cause of yaml-cpp's odder
        // complaints; name it when one comes before the error.
        if (const uint32_t tab_line = find_tab_indented_line(lines, e.line0() + 1, {})) {
            sink.add(Rule::yaml_syntax, tab_line, 1,
                     "a tab character in the indentation (use spaces)");
            return ParseError{tab_line, true, 0, {}};
        }
        // yaml-cpp may point past the last line (an unclosed '[' at the end of
        // the file); then the end of the text is the place to show.
        const std::string what = e.what();
        const Rule rule =
            what == "the referenced anchor is not defined" ? Rule::yaml_alias : Rule::yaml_syntax;
        // An unclosed '[' or '{' is best shown where it was opened.
        if (what == "end of sequence flow not found" || what == "end of map flow not found")
            if (const auto open = builder.open_flow_offset()) {
                const Mark m = lines.mark_at(*open);
                sink.add(rule, m.line, m.column, explain_parser_message(what));
                return ParseError{
                    std::max(m.line, std::min(e.line0() + 1, lines.line_count())), true, 0, {}};
            }
        const bool past_end = e.line0() + 1 > lines.line_count();
        const uint32_t line = past_end ? lines.line_count() : e.line0() + 1;
        uint32_t offset =
            past_end ? static_cast<uint32_t>(text.size()) : lines.line_start(line) + e.column0();
        // An escape is shown at its backslash (yaml-cpp points past it).
        if (what.starts_with("unknown escape character") && !past_end)
            offset = backslash_at_or_before(text, lines.line_start(line), offset);
        const Mark m =
            lines.mark_at(std::min<uint32_t>(offset, static_cast<uint32_t>(text.size())));
        const ParseState state{builder.in_top_level_block_list(),
                               builder.open_flow_offset().has_value()};
        auto explained =
            past_end ? std::nullopt : explain_from_text(lines, line, e.column0(), state);
        sink.add(rule, m.line, m.line == line ? m.column : e.column0() + 1,
                 explained ? explained->message : explain_parser_message(what));
        if (explained && explained->repair_line)
            return ParseError{m.line, true, explained->repair_line, std::move(explained->repaired)};
        return ParseError{m.line, true, 0, {}};
    }
    if (const uint32_t percent = find_reserved_percent_line(lines, builder.scalar_line_ranges())) {
        sink.add(Rule::yaml_syntax, percent, 1, explain_parser_message("a line starts with '%'"));
        return ParseError{percent, true, 0, {}};
    }
    if (const uint32_t tab_line =
            find_tab_indented_line(lines, lines.line_count(), builder.scalar_line_ranges())) {
        sink.add(Rule::yaml_syntax, tab_line, 1, "a tab character in the indentation (use spaces)");
        return ParseError{tab_line, true, 0, {}};
    }
    return std::nullopt;
}

bool blank_or_comment(std::string_view t) {
    const size_t i = indent_of(t);
    return i == t.size() || t[i] == '#' || t[i] == '\r';
}

// A line at column 1 that starts a top-level key ("people:", "name: Acme").
bool top_level_key(std::string_view t) {
    if (t.empty() || t[0] == ' ' || t[0] == '#' || t[0] == '-' || t[0] == '\r') return false;
    const size_t colon = t.find(':');
    return colon != std::string_view::npos && colon > 0 &&
           (colon + 1 == t.size() || t[colon + 1] == ' ' || t[colon + 1] == '\r');
}

struct Skip {
    uint32_t first, last;  // 1-based lines, inclusive
    // When a top-level block is skipped: every key written in it, at any
    // indentation ("  status: active" under a broken "name:" was meant as one).
    std::vector<std::string> keys;
};

std::optional<std::string> key_of_line(std::string_view t) {
    size_t i = indent_of(t);
    if (i + 1 < t.size() && t[i] == '-' && t[i + 1] == ' ') i += 1 + indent_of(t.substr(i + 1));
    t = t.substr(i);
    if (!top_level_key(t)) return std::nullopt;
    std::string name(t.substr(0, t.find(':')));
    while (!name.empty() && name.back() == ' ') name.pop_back();
    if (name.size() >= 2 && (name.front() == '"' || name.front() == '\'') &&
        name.back() == name.front())
        name = name.substr(1, name.size() - 2);
    return name;
}

// The lines to blank for an error reported at `line`: the list record it is in
// ("  - id: ..." up to the next record at the same indentation), or else its
// whole top-level key. Nothing at or before `done` is skipped again.
std::optional<Skip> region_to_skip(const LineIndex& lines, uint32_t line, uint32_t done) {
    const uint32_t n = lines.line_count();
    line = std::min(line, n);
    uint32_t key = line;
    const std::string_view at = lines.line_text(line);
    // A broken line of its own at the top level (": value") is skipped alone.
    const bool alone = !at.empty() && indent_of(at) == 0 && !top_level_key(at);
    while (!alone && key > done + 1 && !top_level_key(lines.line_text(key))) --key;
    if (!alone && !top_level_key(lines.line_text(key))) key = done + 1;
    if (alone) return Skip{line, line, {}};
    uint32_t next = line + 1;
    while (next <= n && !top_level_key(lines.line_text(next))) ++next;
    // The record: the nearest "- " at or above the error, below the key.
    for (uint32_t r = line; r > key; --r) {
        const std::string_view t = lines.line_text(r);
        const size_t in = indent_of(t);
        if (in >= t.size() || t[in] != '-' || (in + 1 < t.size() && t[in + 1] != ' ')) continue;
        uint32_t end = line + 1;
        while (end < next) {
            const std::string_view u = lines.line_text(end);
            if (!blank_or_comment(u) && indent_of(u) <= in) break;
            ++end;
        }
        uint32_t last = end - 1;
        while (last > r && blank_or_comment(lines.line_text(last))) --last;
        return Skip{r, last, {}};
    }
    uint32_t last = next - 1;
    while (last > key && blank_or_comment(lines.line_text(last))) --last;
    Skip s{key, last, {}};
    for (uint32_t ln = key; ln <= last; ++ln)
        if (auto k = key_of_line(lines.line_text(ln))) s.keys.push_back(std::move(*k));
    return s;
}

}  // namespace

std::optional<size_t> quoted_scalar_end(std::string_view text, size_t offset) {
    const char q = text[offset];
    for (size_t i = offset + 1; i < text.size(); ++i) {
        if (q == '"' && text[i] == '\\') {
            ++i;  // the escaped character, whatever it is
            continue;
        }
        if (text[i] != q) continue;
        if (q == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
            ++i;  // '' is a quote inside a single-quoted string
            continue;
        }
        return i + 1;
    }
    return std::nullopt;
}

const YamlEventSource& default_event_source() {
#if KAM_DEFAULT_PARSER_LIBYAML
    static const auto source = make_libyaml_event_source();
#else
    static const auto source = make_yaml_cpp_event_source();
#endif
    return *source;
}

std::optional<Node> load_yaml(std::string_view bytes, DiagnosticSink& sink,
                              const YamlEventSource& source, LoadReport* report) {
    if (bytes.size() > k_max_file_bytes) {
        sink.add(Rule::yaml_limit, 1, 1,
                 fmt::format("the file is larger than {} MiB", k_max_file_bytes / (1024 * 1024)));
        return std::nullopt;
    }
    std::string_view text = bytes;
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    const LineIndex lines(text);
    if (text.starts_with("\xEF\xBB\xBF")) {
        // yaml-cpp would skip it silently and every position after it would be off by three.
        sink.add(Rule::yaml_encoding, 1, 1,
                 "a second byte-order mark (U+FEFF) at the start of the file");
        return std::nullopt;
    }
    if (!check_encoding(text, lines, sink)) return std::nullopt;

    if (const uint32_t marker = find_conflict_marker(lines)) {
        sink.add(Rule::yaml_syntax, marker, 1,
                 "git conflict marker: resolve the merge first (keep the lines you want and "
                 "delete the <<<<<<<, ======= and >>>>>>> lines)");
        return std::nullopt;
    }

    if (const uint32_t directive = find_unknown_directive(lines)) {
        sink.add(Rule::yaml_syntax, directive, 1,
                 "an account file takes no directive but '%YAML 1.2' (delete this line)");
        return std::nullopt;
    }

    if (const uint32_t end = find_early_document_end(lines)) {
        sink.add(Rule::yaml_syntax, end, 1,
                 "'...' ends a document, and none has started (delete this line)");
        return std::nullopt;
    }

    // On a syntax error, report it, blank the record or top-level key it is in
    // and parse again, so that one mistake does not hide the rest of the file.
    std::string working;  // the text with the broken parts blanked, once there are any
    std::string_view current = text;
    std::optional<LineIndex> current_lines;
    uint32_t checked_from = 0;  // errors must come after what was skipped, or we stop
    for (int round = 0;; ++round) {
        const LineIndex& index = current_lines ? *current_lines : lines;
        TreeBuilder builder(current, index);
        const auto error = parse_once(current, index, source, builder, sink);
        if (!error) {
            if (round > 0 && report) report->partial = true;
            return finish_tree(current, builder, sink);
        }
        Diagnostic& reported = sink.items().back();
        // Every round parses the whole text again: bound the work for huge files.
        const bool budget_left =
            static_cast<size_t>(round + 2) * text.size() <= k_max_recovery_bytes;
        if (!report || !error->recoverable || round == k_max_recoveries || !budget_left ||
            error->line <= checked_from) {
            if (!report) return std::nullopt;
            Diagnostic* last = &reported;
            uint32_t from = error->line;
            if (round > 0 && error->line <= checked_from) {
                // An echo of what was skipped, not a mistake of its own: drop it.
                sink.items().pop_back();
                last = &sink.items().back();
                from = checked_from;
            }
            // The parser could not go on: say what was not checked.
            uint32_t end = lines.line_count();  // the last line that holds anything
            while (end > from && lines.line_text(end).empty()) --end;
            const uint32_t rest = end - std::min(from, end);
            if (rest > 0)
                last->hint = fmt::format(
                    "kam could not read on: {} after line {} {} not checked",
                    rest == 1 ? std::string("the line") : fmt::format("the {} lines", rest), from,
                    rest == 1 ? "was" : "were");
            report->partial = round > 0;
            return std::nullopt;
        }
        if (error->repair_line > checked_from) {
            // Read the line as the user meant it, and go on.
            if (working.empty()) working = std::string(text);
            working.replace(lines.line_start(error->repair_line), error->repaired.size(),
                            error->repaired);
            reported.hint =
                "kam read the text as if it were in double quotes and checked the "
                "rest of the file";
            current = working;
            current_lines.emplace(current);
            checked_from = error->repair_line;
            continue;
        }
        const auto skip = region_to_skip(lines, error->line, checked_from);
        if (!skip) return std::nullopt;
        report->unread_keys.insert(report->unread_keys.end(), skip->keys.begin(), skip->keys.end());
        reported.hint =
            skip->first == skip->last
                ? fmt::format("kam skipped line {} and checked the rest of the file", skip->first)
                : fmt::format("kam skipped lines {}-{} and checked the rest of the file",
                              skip->first, skip->last);
        if (working.empty()) working = std::string(text);
        for (uint32_t ln = skip->first; ln <= skip->last; ++ln) {
            const uint32_t from = lines.line_start(ln);
            const uint32_t to = from + static_cast<uint32_t>(lines.line_text(ln).size());
            for (uint32_t i = from; i < to; ++i) working[i] = ' ';
        }
        current = working;
        current_lines.emplace(current);
        checked_from = skip->last;
    }
}

}  // namespace kam
