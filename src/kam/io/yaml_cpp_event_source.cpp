// The only file of kam that includes yaml-cpp. It forwards the event parser's
// callbacks; never YAML::Load, whose node API keeps duplicate keys and drops
// documents silently.
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>
#include <sstream>

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

class Forwarder final : public YAML::EventHandler {
  public:
    explicit Forwarder(EventListener& listener) : listener_(listener) {}

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
        e.has_anchor = anchor != YAML::NullAnchor;
        e.has_explicit_tag = is_explicit(tag);
        e.value = repaired_utf8(value);
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

    EventListener& listener_;
};

class YamlCppEventSource final : public YamlEventSource {
  public:
    void parse(std::string_view text, EventListener& listener) const override {
        std::istringstream in{std::string(text)};
        Forwarder forwarder(listener);
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
