#pragma once
// The seam between a YAML parser and kam: parser events in a neutral form.
// Only the implementation file of a source may include the parser's headers,
// so replacing yaml-cpp (e.g. by libyaml) touches nothing above this interface.
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace kam {

struct ParseEvent {
    enum class Type : uint8_t {
        document_start,
        document_end,
        null,
        alias,
        scalar,
        sequence_start,
        sequence_end,
        mapping_start,
        mapping_end,
    };
    Type type = Type::null;
    uint32_t offset = 0;  // byte offset where the node starts
    bool has_anchor = false;
    bool has_explicit_tag = false;  // e.g. !!str; quoting alone is not a tag
    bool flow = false;              // flow collection
    // The scalar's text, owned by the source: valid during on_event only, so
    // the listener copies it once, into its own tree.
    std::string_view value;
};

class EventListener {
  public:
    virtual ~EventListener() = default;
    virtual void on_event(const ParseEvent& event) = 0;
    // Forget every event so far: the source reads the text again from the
    // start (the libyaml source, handing a text to yaml-cpp).
    virtual void restart() = 0;
};

// Thrown by a source on a syntax error, with the byte offset it happened at.
class YamlSyntaxError : public std::runtime_error {
  public:
    YamlSyntaxError(std::string message, uint32_t line0, uint32_t column0)
        : std::runtime_error(std::move(message)), line0_(line0), column0_(column0) {}
    uint32_t line0() const { return line0_; }      // 0-based
    uint32_t column0() const { return column0_; }  // 0-based, parser's own count
  private:
    uint32_t line0_, column0_;
};

class YamlEventSource {
  public:
    virtual ~YamlEventSource() = default;
    // Emits the events of every document in `text`. A listener may throw to stop.
    virtual void parse(std::string_view text, EventListener& listener) const = 0;
};

// Both sources are always built; KAM_YAML_PARSER (CMake) picks the default
// (default_event_source in yaml_loader.hpp), the other is the cross-check.
std::unique_ptr<YamlEventSource> make_yaml_cpp_event_source();
std::unique_ptr<YamlEventSource> make_libyaml_event_source();

}  // namespace kam
