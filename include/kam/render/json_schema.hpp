#pragma once
// The field tables as JSON Schema (draft-07), for editors and other validators.
// Generated from kam/model/schema.hpp, never written by hand; kam stays the
// authority for what a schema cannot say (references, date order, policy).
#include <span>
#include <string>
#include <string_view>

namespace kam {

struct SchemaKind {
    std::string_view name;  // "kam", "account", "risks", ...: what `kam schema KIND` takes
    std::string_view file;  // "kam.yaml", "accounts/*/risks.yaml": the files it describes
};

// kam.yaml first, then the nine account files in the format's order.
std::span<const SchemaKind> schema_kinds();
const SchemaKind* find_schema_kind(std::string_view name_or_file);

// "risks.schema.json"
std::string schema_file_name(const SchemaKind& kind);

// One kind's schema, pretty-printed JSON with a final newline.
std::string json_schema(const SchemaKind& kind);

// Every kind in one document: `definitions` holds each kind's schema, and the
// document itself accepts any one of them.
std::string json_schema_bundle();

// The bundle's file name: "account-files.schema.json".
inline constexpr std::string_view k_schema_bundle_file = "account-files.schema.json";

}  // namespace kam
