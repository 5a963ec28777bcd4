#pragma once
// The strict loader of the format's YAML rules: bytes in, an owned tree (or
// findings) out. Never throws for bad input; every problem is a Diagnostic.
#include <cstddef>
#include <optional>
#include <string_view>

#include "kam/io/yaml_events.hpp"
#include "kam/io/yaml_tree.hpp"
#include "kam/util/diagnostic.hpp"

namespace kam {

inline constexpr size_t k_max_file_bytes = 4 * 1024 * 1024;
inline constexpr int k_max_depth = 64;

// Returns the root mapping, or nullopt when the file could not be read as YAML
// at all (the findings in `sink` say why). An empty file is an empty mapping.
std::optional<Node> load_yaml(std::string_view bytes, DiagnosticSink& sink,
                              const YamlEventSource& source);

// The shared default source (yaml-cpp).
const YamlEventSource& default_event_source();

// Where a quoted scalar that starts at `offset` ends (one past its closing
// quote), or nullopt when it is never closed.
std::optional<size_t> quoted_scalar_end(std::string_view text, size_t offset);

}  // namespace kam
