#pragma once
#include <span>
#include <string>
#include "kam/io/yaml_tree.hpp"
#include "kam/model/schema.hpp"
#include "kam/util/diagnostic.hpp"

namespace kam {

// Checks a file's tree against its field table: types, required keys, enum
// values, ranges and unknown keys (with "did you mean").
// `unread_keys`: top-level keys the loader had to skip after a syntax error;
// they count as present, so that they are not also reported as missing.
void check_schema(const Node& root, const Schema& schema, DiagnosticSink& sink,
                  std::span<const std::string> unread_keys = {});

}  // namespace kam
