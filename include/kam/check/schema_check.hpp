#pragma once
#include "kam/io/yaml_tree.hpp"
#include "kam/model/schema.hpp"
#include "kam/util/diagnostic.hpp"

namespace kam {

// Checks a file's tree against its field table: types, required keys, enum
// values, ranges and unknown keys (with "did you mean").
void check_schema(const Node& root, const Schema& schema, DiagnosticSink& sink);

}  // namespace kam
