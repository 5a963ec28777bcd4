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
//     so a user reads the same words whichever parser runs.
#include <yaml.h>

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
    if (problem == "could not find expected ':'") return "illegal map value";
    if (problem == "found character that cannot start any token") return "unknown token";
    return context.empty() ? problem : problem + " (" + context + ")";
}

bool is_null_scalar(const yaml_event_t& e) {
    if (e.data.scalar.tag || e.data.scalar.style != YAML_PLAIN_SCALAR_STYLE) return false;
    const std::string_view v(reinterpret_cast<const char*>(e.data.scalar.value),
                             e.data.scalar.length);
    return v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL";
}

class Parser {
  public:
    explicit Parser(std::string_view text) : cursor_(text) {
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
            if (!yaml_parser_parse(&parser_, &e)) {
                // A quote or a key that runs to the end of the file is best shown
                // where it starts (libyaml's context mark), as yaml-cpp does.
                const std::string problem = parser_.problem ? parser_.problem : "";
                const std::string context = parser_.context ? parser_.context : "";
                // "*." or "*" alone: yaml-cpp reads an alias with an odd name,
                // libyaml fails scanning it. Either way it is an alias, which
                // kam refuses with its own rule (yaml-alias), so say that.
                if (context == "while scanning an alias") {
                    ParseEvent alias;
                    alias.type = ParseEvent::Type::alias;
                    alias.offset = cursor_.byte_of(parser_.context_mark.index);
                    listener.on_event(alias);
                }
                const bool at_start = problem == "found unexpected end of stream" ||
                                      context == "while scanning a simple key";
                const yaml_mark_t& m = at_start ? parser_.context_mark : parser_.problem_mark;
                throw YamlSyntaxError(as_known_message(parser_), static_cast<uint32_t>(m.line),
                                      static_cast<uint32_t>(m.column));
            }
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
                    out.value.assign(reinterpret_cast<const char*>(e.data.scalar.value),
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
    ByteCursor cursor_;
};

class LibyamlEventSource final : public YamlEventSource {
  public:
    void parse(std::string_view text, EventListener& listener) const override {
        Parser parser(text);
        parser.run(listener);
    }
};

}  // namespace

std::unique_ptr<YamlEventSource> make_libyaml_event_source() {
    return std::make_unique<LibyamlEventSource>();
}

}  // namespace kam
