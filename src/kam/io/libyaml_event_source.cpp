// The libyaml event source: the only file of kam that includes libyaml (the
// reference C parser, about 200 instructions a byte against yaml-cpp's 1,800).
// It produces the events the yaml-cpp source produces, with the same marks,
// so the tree builder above the seam (and all of kam's strictness) is shared.
//
// Where the two parsers differ, this file bridges:
//   - libyaml counts marks in characters; kam's offsets are bytes. A cursor
//     walks the text forward with the events, so the conversion is linear.
//   - yaml-cpp reports an empty value, "~" and "null" as a null node; libyaml
//     as a plain scalar. Plain, untagged "", "~", "null", "Null", "NULL" are
//     sent as null events.
//   - The syntax errors are named by the yaml-cpp messages the loader
//     already explains ("illegal map value", "end of map not found", ...),
//     so a user reads the same words whichever parser runs, and placed by
//     byte column as yaml-cpp places them.
//   - libyaml 0.2.5 departs from YAML 1.2 where it keeps YAML 1.1 rules: it
//     refuses a tab after the leading spaces of a line where the indentation
//     is not yet known (a block scalar's first line, "  \tx", which is
//     content), refuses a ':' inside a flow scalar ("{id:, x}"), and reads
//     U+0085, U+2028 and U+2029 as line breaks. Such a text is read by the
//     yaml-cpp source instead (found before parsing where a scan can tell,
//     else on libyaml's error, after telling the listener to start again),
//     so the findings and trees are the same whichever source is the
//     default. Real account files hold none of these, so the fast path is
//     the one taken.
#include <yaml.h>

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>

#include "kam/io/yaml_events.hpp"

namespace kam {

namespace {

// Character index -> byte offset, moving forward through UTF-8 text.
class ByteCursor {
  public:
    explicit ByteCursor(std::string_view text) : text_(text) {}

    uint32_t byte_of(size_t char_index) {
        if (char_index < chars_) chars_ = bytes_ = 0;  // an earlier mark: start again
        while (chars_ < char_index && bytes_ < text_.size()) {
            // Eight ASCII bytes are eight characters: most of the text.
            if (char_index - chars_ >= 8 && bytes_ + 8 <= text_.size()) {
                uint64_t eight;
                std::memcpy(&eight, text_.data() + bytes_, 8);
                if ((eight & 0x8080808080808080u) == 0) {
                    bytes_ += 8;
                    chars_ += 8;
                    continue;
                }
            }
            bytes_ += sequence_length(static_cast<unsigned char>(text_[bytes_]));
            ++chars_;
        }
        if (bytes_ > text_.size()) bytes_ = text_.size();
        return static_cast<uint32_t>(bytes_);
    }

  private:
    static size_t sequence_length(unsigned char lead) {
        if (lead < 0x80) return 1;
        if ((lead >> 5) == 0x6) return 2;
        if ((lead >> 4) == 0xE) return 3;
        if ((lead >> 3) == 0x1E) return 4;
        return 1;  // the loader refused invalid UTF-8 before parsing
    }

    std::string_view text_;
    size_t chars_ = 0, bytes_ = 0;
};

// libyaml's problem, in the words of the yaml-cpp message kam already explains.
std::string as_known_message(const yaml_parser_t& p) {
    const std::string problem = p.problem ? p.problem : "syntax error";
    const std::string context = p.context ? p.context : "";
    if (problem == "mapping values are not allowed in this context") return "illegal map value";
    if (problem == "block sequence entries are not allowed in this context")
        return "illegal block entry";
    if (problem == "did not find expected key") return "end of map not found";
    if (problem == "did not find expected '-' indicator") return "end of sequence not found";
    if (problem == "did not find expected ',' or ']'") return "end of sequence flow not found";
    if (problem == "did not find expected ',' or '}'") return "end of map flow not found";
    if (problem == "found unexpected end of stream" &&
        context.find("flow sequence") != std::string::npos)
        return "end of sequence flow not found";
    if (problem == "found unexpected end of stream" &&
        context.find("flow mapping") != std::string::npos)
        return "end of map flow not found";
    if (problem == "found unexpected end of stream" &&
        context.find("quoted scalar") != std::string::npos)
        return "illegal EOF in scalar";
    if (problem == "could not find expected ':'") return "illegal map value";
    if (problem == "found character that cannot start any token") return "unknown token";
    return context.empty() ? problem : problem + " (" + context + ")";
}

// A tab after a line's leading spaces, or a YAML 1.1 line break: where
// libyaml and YAML 1.2 part (see the top of the file). One pass, by memchr.
bool libyaml_departs_from_yaml_1_2(std::string_view text) {
    const char* const begin = text.data();
    const char* const end = begin + text.size();
    for (const char* p = begin; (p = static_cast<const char*>(std::memchr(p, '\t', end - p)));
         ++p) {
        const char* q = p;
        while (q > begin && q[-1] == ' ') --q;
        if (q == begin || q[-1] == '\n') return true;
    }
    for (const char* p = begin; (p = static_cast<const char*>(std::memchr(p, '\xC2', end - p)));
         ++p)
        if (p + 1 < end && p[1] == '\x85') return true;
    for (const char* p = begin; (p = static_cast<const char*>(std::memchr(p, '\xE2', end - p)));
         ++p)
        if (p + 2 < end && p[1] == '\x80' && (p[2] == '\xA8' || p[2] == '\xA9')) return true;
    return false;
}

bool is_null_scalar(const yaml_event_t& e) {
    if (e.data.scalar.tag || e.data.scalar.style != YAML_PLAIN_SCALAR_STYLE) return false;
    const std::string_view v(reinterpret_cast<const char*>(e.data.scalar.value),
                             e.data.scalar.length);
    return v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL";
}

class Parser {
  public:
    // Thrown once the text was read by `yaml_1_2` instead.
    struct Departed {};

    Parser(std::string_view text, const YamlEventSource& yaml_1_2)
        : text_(text), cursor_(text), yaml_1_2_(yaml_1_2) {
        yaml_parser_initialize(&parser_);
        yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()),
                                     text.size());
        yaml_parser_set_encoding(&parser_, YAML_UTF8_ENCODING);
    }
    ~Parser() { yaml_parser_delete(&parser_); }
    Parser(const Parser&) = delete;
    Parser& operator=(const Parser&) = delete;

    void run(EventListener& listener) {
        while (true) {
            yaml_event_t e;
            if (!yaml_parser_parse(&parser_, &e)) fail(listener);
            // Freed whatever the listener does, a throw to stop included.
            struct Owned {
                yaml_event_t& e;
                ~Owned() { yaml_event_delete(&e); }
            } owned{e};
            if (e.type == YAML_STREAM_END_EVENT) return;
            forward(e, listener);
        }
    }

  private:
    // libyaml stopped. Where yaml-cpp would have sent the event kam refuses
    // with its own rule, send that event (the listener throws); otherwise
    // throw the syntax error, worded and placed as yaml-cpp does.
    [[noreturn]] void fail(EventListener& listener) {
        const std::string problem = parser_.problem ? parser_.problem : "";
        const std::string context = parser_.context ? parser_.context : "";
        const uint32_t problem_at = cursor_.byte_of(parser_.problem_mark.index);
        const uint32_t context_at = cursor_.byte_of(parser_.context_mark.index);
        // A YAML 1.1 rule libyaml keeps: a ':' inside or at the start of a
        // flow scalar ("{id:, x}", "[:1]"), a tab where it expects
        // indentation or after "-". Read the text as YAML 1.2.
        const bool colon_starts_scalar = problem == "did not find expected node content" &&
                                         problem_at < text_.size() && text_[problem_at] == ':';
        const bool tab_separates = problem == "found character that cannot start any token" &&
                                   problem_at < text_.size() && text_[problem_at] == '\t';
        if (problem == "found unexpected ':'" || colon_starts_scalar || tab_separates ||
            problem.starts_with("found a tab character")) {
            listener.restart();
            yaml_1_2_.parse(text_, listener);
            throw Departed{};
        }
        ParseEvent refused;
        // "*." or "*" alone: yaml-cpp reads an alias with an odd name,
        // libyaml fails scanning it. Either way it is an alias (yaml-alias).
        if (context == "while scanning an alias") {
            refused.type = ParseEvent::Type::alias;
            refused.offset = context_at;
            listener.on_event(refused);
        }
        // "[a,,b]": yaml-cpp sends an empty node for the missing entry, which
        // kam refuses as an empty entry.
        if (problem == "did not find expected node content" &&
            context == "while parsing a flow node" && problem_at < text_.size() &&
            text_[problem_at] == ',') {
            refused.type = ParseEvent::Type::null;
            refused.offset = problem_at;
            listener.on_event(refused);
        }
        // "! 'Acme" or "&a 'Acme" never closed: yaml-cpp sends the scalar with
        // its tag or anchor, which kam refuses first, where the tag starts.
        if (context == "while scanning a quoted scalar")
            if (const auto properties = properties_before(context_at)) {
                refused.type = ParseEvent::Type::scalar;
                refused.offset = properties->offset;
                refused.has_anchor = properties->anchor;
                refused.has_explicit_tag = properties->tag;
                listener.on_event(refused);
            }
        // A quote or a key that runs to the end of the file is best shown
        // where it starts (libyaml's context mark), as yaml-cpp does.
        const bool at_start = problem == "found unexpected end of stream" ||
                              context == "while scanning a simple key" ||
                              context == "while scanning a directive";
        const yaml_mark_t* m = at_start ? &parser_.context_mark : &parser_.problem_mark;
        uint32_t at = at_start ? context_at : problem_at;
        // A key written over two lines: libyaml stops at the second line,
        // yaml-cpp at the ':' that was meant to end it.
        if (context == "while scanning a simple key" &&
            parser_.problem_mark.line > parser_.context_mark.line &&
            indentation_of_line(problem_at) >= byte_column(context_at))
            if (const auto colon = value_indicator_on_line(problem_at)) {
                at = *colon;
                m = &parser_.problem_mark;
            }
        // "[1, 2}": yaml-cpp names the closer that does not match.
        const bool wrong_closer = (problem == "did not find expected ',' or ']'" ||
                                   problem == "did not find expected ',' or '}'") &&
                                  at < text_.size() && (text_[at] == ']' || text_[at] == '}');
        std::string message = wrong_closer ? "illegal flow end" : as_known_message(parser_);
        // A '%' that starts a line: the loader's own check words it (yaml-cpp
        // reads such a line as text, and the loader refuses it after).
        if (context == "while scanning a directive") message = "a line starts with '%'";
        if (problem == "found unknown escape character" && at + 1 < text_.size() &&
            text_[at] == '\\')
            message = "unknown escape character: " + std::string(1, text_[at + 1]);
        throw YamlSyntaxError(std::move(message), static_cast<uint32_t>(m->line), byte_column(at));
    }

    // The first ':' that ends a key (followed by a space or the line's end)
    // from byte `from` to the end of its line.
    std::optional<uint32_t> value_indicator_on_line(uint32_t from) const {
        for (size_t i = from; i < text_.size() && text_[i] != '\n'; ++i)
            if (text_[i] == ':' && (i + 1 == text_.size() || text_[i + 1] == ' ' ||
                                    text_[i + 1] == '\n' || text_[i + 1] == '\r'))
                return static_cast<uint32_t>(i);
        return std::nullopt;
    }

    // How many spaces start the line that byte `at` is on.
    uint32_t indentation_of_line(uint32_t at) const {
        size_t i = at - byte_column(at);
        const size_t start = i;
        while (i < text_.size() && text_[i] == ' ') ++i;
        return static_cast<uint32_t>(i - start);
    }

    // The column of byte `at`, in bytes since its line's start (libyaml's
    // marks count characters; yaml-cpp's, and so the loader's, count bytes).
    uint32_t byte_column(uint32_t at) const {
        const size_t newline = at == 0 ? std::string_view::npos : text_.rfind('\n', at - 1);
        return newline == std::string_view::npos ? at : at - static_cast<uint32_t>(newline + 1);
    }

    // The tag ("!x") and anchor ("&a") tokens written just before byte `at`
    // on its line, as yaml-cpp would attach them to the node there.
    struct Properties {
        uint32_t offset;
        bool tag = false, anchor = false;
    };
    std::optional<Properties> properties_before(uint32_t at) const {
        std::optional<Properties> found;
        size_t end = at;
        while (true) {
            size_t i = end;
            while (i > 0 && text_[i - 1] == ' ') --i;
            if (i == end && end != at) break;  // no space before the token
            size_t start = i;
            while (start > 0 && text_[start - 1] != ' ' && text_[start - 1] != '\n') --start;
            if (start == i || (text_[start] != '!' && text_[start] != '&')) break;
            if (!found) found = Properties{static_cast<uint32_t>(start)};
            found->offset = static_cast<uint32_t>(start);
            (text_[start] == '!' ? found->tag : found->anchor) = true;
            end = start;
        }
        return found;
    }

    void forward(const yaml_event_t& e, EventListener& listener) {
        ParseEvent out;
        out.offset = cursor_.byte_of(e.start_mark.index);
        switch (e.type) {
            case YAML_DOCUMENT_START_EVENT:
                out.type = ParseEvent::Type::document_start;
                break;
            case YAML_DOCUMENT_END_EVENT:
                out.type = ParseEvent::Type::document_end;
                break;
            case YAML_ALIAS_EVENT:
                out.type = ParseEvent::Type::alias;
                break;
            case YAML_SCALAR_EVENT:
                out.has_anchor = e.data.scalar.anchor != nullptr;
                out.has_explicit_tag = e.data.scalar.tag != nullptr;
                if (is_null_scalar(e)) {
                    out.type = ParseEvent::Type::null;
                } else {
                    out.type = ParseEvent::Type::scalar;
                    out.value = std::string_view(reinterpret_cast<const char*>(e.data.scalar.value),
                                                 e.data.scalar.length);
                }
                break;
            case YAML_SEQUENCE_START_EVENT:
                out.type = ParseEvent::Type::sequence_start;
                out.has_anchor = e.data.sequence_start.anchor != nullptr;
                out.has_explicit_tag = e.data.sequence_start.tag != nullptr;
                out.flow = e.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE;
                break;
            case YAML_SEQUENCE_END_EVENT:
                out.type = ParseEvent::Type::sequence_end;
                break;
            case YAML_MAPPING_START_EVENT:
                out.type = ParseEvent::Type::mapping_start;
                out.has_anchor = e.data.mapping_start.anchor != nullptr;
                out.has_explicit_tag = e.data.mapping_start.tag != nullptr;
                out.flow = e.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
                break;
            case YAML_MAPPING_END_EVENT:
                out.type = ParseEvent::Type::mapping_end;
                break;
            default:
                return;  // stream start: nothing above the seam needs it
        }
        listener.on_event(out);
    }

    yaml_parser_t parser_{};
    std::string_view text_;
    ByteCursor cursor_;
    const YamlEventSource& yaml_1_2_;
};

class LibyamlEventSource final : public YamlEventSource {
  public:
    void parse(std::string_view text, EventListener& listener) const override {
        if (libyaml_departs_from_yaml_1_2(text)) {
            yaml_1_2_->parse(text, listener);
            return;
        }
        Parser parser(text, *yaml_1_2_);
        try {
            parser.run(listener);
        } catch (const Parser::Departed&) {
        }
    }

  private:
    std::unique_ptr<YamlEventSource> yaml_1_2_ = make_yaml_cpp_event_source();
};

}  // namespace

std::unique_ptr<YamlEventSource> make_libyaml_event_source() {
    return std::make_unique<LibyamlEventSource>();
}

}  // namespace kam
