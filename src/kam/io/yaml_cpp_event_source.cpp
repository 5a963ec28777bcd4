// The only file of kam that includes yaml-cpp. It forwards the event parser's
// callbacks; never YAML::Load, whose node API keeps duplicate keys and drops
// documents silently.
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>
#include <algorithm>
#include <optional>
#include <sstream>
#include <string_view>

#include "kam/io/yaml_events.hpp"
#include "kam/util/utf8.hpp"

namespace kam {

namespace {

// yaml-cpp 0.7 writes the escapes \N (U+0085) and \_ (U+00A0) as the lone
// bytes 0x85 and 0xA0, not UTF-8 (found by kam_fuzz_yaml_differential: the
// libyaml source gave the right text). The text was valid UTF-8 before it
// was parsed, so any byte that is not now is such a code point: encode it.
std::string repaired_utf8(const std::string& value) {
    if (!find_invalid_utf8(value)) return value;
    std::string out;
    std::string_view rest(value);
    while (const auto bad = find_invalid_utf8(rest)) {
        out.append(rest.substr(0, *bad));
        const auto b = static_cast<unsigned char>(rest[*bad]);
        out += static_cast<char>(0xC0 | (b >> 6));
        out += static_cast<char>(0x80 | (b & 0x3F));
        rest.remove_prefix(*bad + 1);
    }
    out.append(rest);
    return out;
}

bool is_break(char c) {
    return c == '\n' || c == '\r';
}

// yaml-cpp 0.7 clips the line breaks that end a quoted text as if it were a
// block scalar ("keep one"): of the line breaks the blank lines before the
// closing quote make (YAML 1.2 §7.3.1, §6.5: one for each blank or
// whitespace-only line after the first break), it keeps one, two when an
// escape comes just before them, none when the text holds nothing else
// (libyaml gives the YAML 1.2 text). Returns how many it dropped from the
// quoted text that starts at `open`, counted from the text by the rule of
// yaml-cpp's scanner (scanscalar.cpp, CLIP); the caller appends them.
size_t clipped_line_breaks(std::string_view text, size_t open) {
    const char quote = text[open];
    bool any_item = false, escape_last = false;
    size_t tail = open + 1;  // after the last character that is not white space
    size_t i = open + 1;
    while (i < text.size()) {
        const char c = text[i];
        if (c == quote && quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
            i += 2;  // '' is a quote
            any_item = escape_last = true;
            tail = i;
            continue;
        }
        if (c == quote) break;
        if (quote == '"' && c == '\\' && i + 1 < text.size()) {
            const char e = text[i + 1];
            // An escaped line break counts as the tail's first break.
            const size_t length = is_break(e) ? 1 : e == 'x' ? 4 : e == 'u' ? 6 : e == 'U' ? 10 : 2;
            any_item = escape_last = true;
            tail = i + 1;
            i = std::min(text.size(), i + length);
            if (!is_break(e)) tail = i;
            continue;
        }
        if (c != ' ' && c != '\t' && !is_break(c)) {
            any_item = true;
            escape_last = false;
            tail = i + 1;
        }
        ++i;
    }
    size_t breaks = 0;
    for (size_t k = tail; k < i; ++k)
        if (text[k] == '\n' || (text[k] == '\r' && (k + 1 == i || text[k + 1] != '\n'))) ++breaks;
    const size_t folded = breaks > 1 ? breaks - 1 : 0;  // YAML 1.2's line breaks at the end
    const size_t kept = !any_item ? 0 : std::min<size_t>(folded, escape_last ? 2 : 1);
    return folded - kept;
}

// yaml-cpp 0.7 reads "\'" in a double-quoted text as a quote; YAML 1.2
// defines no such escape, and libyaml refuses it (found by
// kam_fuzz_yaml_differential). The offset of the first such quote in the
// double-quoted text that starts at `open`, if any.
std::optional<size_t> escaped_single_quote(std::string_view text, size_t open) {
    for (size_t i = open + 1; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] != '\\' || i + 1 == text.size()) continue;
        if (text[i + 1] == '\'') return i + 1;
        ++i;  // the escaped character, whatever it is
    }
    return std::nullopt;
}

class Forwarder final : public YAML::EventHandler {
  public:
    Forwarder(std::string_view text, EventListener& listener) : text_(text), listener_(listener) {}

    void OnDocumentStart(const YAML::Mark& mark) override {
        emit(ParseEvent::Type::document_start, mark);
    }
    void OnDocumentEnd() override { emit(ParseEvent::Type::document_end, YAML::Mark()); }
    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        ParseEvent e = make(ParseEvent::Type::null, mark);
        e.has_anchor = anchor != YAML::NullAnchor;
        listener_.on_event(e);
    }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
        emit(ParseEvent::Type::alias, mark);
    }
    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        ParseEvent e = make(ParseEvent::Type::scalar, mark);
        if (e.offset < text_.size() && text_[e.offset] == '"')
            if (const auto quote = escaped_single_quote(text_, e.offset)) {
                // Worded and placed as yaml-cpp words and places an unknown escape.
                const size_t line_start = text_.rfind('\n', *quote);
                const size_t column =
                    line_start == std::string_view::npos ? *quote + 1 : *quote - line_start;
                const auto line = std::count(
                    text_.begin(), text_.begin() + static_cast<std::ptrdiff_t>(*quote), '\n');
                throw YamlSyntaxError("unknown escape character: '", static_cast<uint32_t>(line),
                                      static_cast<uint32_t>(column));
            }
        e.has_anchor = anchor != YAML::NullAnchor;
        e.has_explicit_tag = is_explicit(tag);
        const size_t clipped =
            e.offset < text_.size() && (text_[e.offset] == '"' || text_[e.offset] == '\'')
                ? clipped_line_breaks(text_, e.offset)
                : 0;
        std::string repaired;
        if (clipped > 0 || find_invalid_utf8(value)) {
            repaired = repaired_utf8(value);
            repaired.append(clipped, '\n');
            e.value = repaired;
        } else {
            e.value = value;
        }
        listener_.on_event(e);
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value style) override {
        collection(ParseEvent::Type::sequence_start, mark, tag, anchor, style);
    }
    void OnSequenceEnd() override { emit(ParseEvent::Type::sequence_end, YAML::Mark()); }
    void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value style) override {
        collection(ParseEvent::Type::mapping_start, mark, tag, anchor, style);
    }
    void OnMapEnd() override { emit(ParseEvent::Type::mapping_end, YAML::Mark()); }
    void OnAnchor(const YAML::Mark&, const std::string&) override {}

  private:
    // yaml-cpp reports "?" for untagged plain nodes and "!" for quoted or block
    // scalars; anything else was written by the user.
    static bool is_explicit(const std::string& tag) {
        return !tag.empty() && tag != "?" && tag != "!";
    }

    static ParseEvent make(ParseEvent::Type type, const YAML::Mark& mark) {
        ParseEvent e;
        e.type = type;
        e.offset = mark.pos < 0 ? 0 : static_cast<uint32_t>(mark.pos);
        return e;
    }
    void emit(ParseEvent::Type type, const YAML::Mark& mark) {
        listener_.on_event(make(type, mark));
    }
    void collection(ParseEvent::Type type, const YAML::Mark& mark, const std::string& tag,
                    YAML::anchor_t anchor, YAML::EmitterStyle::value style) {
        ParseEvent e = make(type, mark);
        e.has_anchor = anchor != YAML::NullAnchor;
        e.has_explicit_tag = is_explicit(tag);
        e.flow = style == YAML::EmitterStyle::Flow;
        listener_.on_event(e);
    }

    std::string_view text_;
    EventListener& listener_;
};

class YamlCppEventSource final : public YamlEventSource {
  public:
    void parse(std::string_view text, EventListener& listener) const override {
        std::istringstream in{std::string(text)};
        Forwarder forwarder(text, listener);
        try {
            YAML::Parser parser(in);
            // The listener stops us at the second document: yaml-cpp would
            // otherwise report endless empty documents for some junk (",").
            while (parser.HandleNextDocument(forwarder)) {
            }
        } catch (const YAML::Exception& e) {
            throw YamlSyntaxError(e.msg, e.mark.line < 0 ? 0 : static_cast<uint32_t>(e.mark.line),
                                  e.mark.column < 0 ? 0 : static_cast<uint32_t>(e.mark.column));
        }
    }
};

}  // namespace

std::unique_ptr<YamlEventSource> make_yaml_cpp_event_source() {
    return std::make_unique<YamlCppEventSource>();
}

}  // namespace kam
