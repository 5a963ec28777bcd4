#pragma once
// A portfolio's editor setup: its copy of the JSON Schemas (.kam/schema/), the
// VS Code settings that map account files to them, and the modeline that points
// a file at its schema for any editor using yaml-language-server.
#include <string>
#include <string_view>
#include <vector>

#include "kam/io/file_system.hpp"

namespace kam {

// Where a portfolio keeps its copy of the schemas, relative to its root.
inline constexpr std::string_view k_schema_dir = ".kam/schema";

// Writes every kind's schema and the bundle into `dir` (created, with its
// parent, if absent); returns the names of the files that changed. Throws
// UsageError or EnvironmentError (throw_unless_written) when a write fails.
std::vector<std::string> write_schema_folder(WritableFileSystem& fs, const std::string& dir);

// The files of `dir` that are missing or differ from this kam's schemas.
std::vector<std::string> stale_schema_files(const FileSystem& fs, const std::string& dir);

// Writes .vscode/settings.json (yaml.schemas for every file kind) and
// .vscode/extensions.json (the YAML extension) under `root`, each only where
// absent; returns the paths written, relative to root.
std::vector<std::string> write_vscode_settings(WritableFileSystem& fs, const std::string& root);

// "# yaml-language-server: $schema=../../.kam/schema/risks.schema.json\n" for an
// account file (`file` "risks.yaml"), or for kam.yaml at the root.
std::string schema_modeline(std::string_view file);

}  // namespace kam
