#pragma once
// The strict loader of the format's YAML rules: bytes in, an owned tree (or
// findings) out. Never throws for bad input; every problem is a Diagnostic.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kam/io/yaml_events.hpp"
#include "kam/io/yaml_tree.hpp"
#include "kam/util/diagnostic.hpp"

namespace kam {

inline constexpr size_t k_max_file_bytes = 4 * 1024 * 1024;
inline constexpr int k_max_depth = 64;

// What a recovering load could not read.
struct LoadReport {
    bool partial = false;                  // a syntax error was reported; the tree lacks parts
    std::vector<std::string> unread_keys;  // keys written in the top-level blocks skipped
};

inline constexpr int k_max_recoveries = 20;
inline constexpr size_t k_max_recovery_bytes = 8 * 1024 * 1024;  // parsed in all rounds

// Returns the root mapping, or nullopt when the file could not be read as YAML
// at all (the findings in `sink` say why). An empty file is an empty mapping.
// Given a `report`, a syntax error does not end the load: the list record or
// top-level key it is in is skipped and the rest parsed again (up to
// k_max_recoveries times, and k_max_recovery_bytes parsed in all), so the tree
// returned holds what could be read.
std::optional<Node> load_yaml(std::string_view bytes, DiagnosticSink& sink,
                              const YamlEventSource& source, LoadReport* report = nullptr);

// The shared default source (libyaml unless built with -DKAM_YAML_PARSER=yaml-cpp).
const YamlEventSource& default_event_source();

// Where a quoted scalar that starts at `offset` ends (one past its closing
// quote), or nullopt when it is never closed.
std::optional<size_t> quoted_scalar_end(std::string_view text, size_t offset);

}  // namespace kam
