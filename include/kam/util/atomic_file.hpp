#pragma once
// Replacing a file so that a crash, a full disk or a killed process leaves
// either the old content or the new one, never a mix.
#include <string>
#include <string_view>

#include "kam/util/expected.hpp"

namespace kam {

struct Unit {};

// Writes `content` to a temporary file in the same folder, fsyncs it, gives it
// the mode of the file it replaces (or `new_mode`), renames it over `path` and
// fsyncs the folder. On failure the temporary file is removed and `path` is untouched.
Expected<Unit> write_file_atomically(const std::string& path, std::string_view content,
                                     unsigned new_mode = 0644);

// Creates a file that must not exist yet (O_EXCL), writes and fsyncs it.
Expected<Unit> write_new_file(const std::string& path, std::string_view content,
                              unsigned mode = 0644);

// fsync of a folder, so that a rename or a new entry in it is durable.
Expected<Unit> sync_directory(const std::string& dir);

}  // namespace kam
