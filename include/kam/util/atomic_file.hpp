#pragma once
// Replacing a file so that a crash, a full disk or a killed process leaves
// either the old content or the new one, never a mix.
#include <functional>
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

struct AtomicWriteOptions {
    unsigned new_mode = 0644;  // for a file that does not exist yet
    // Publish with link() instead of rename(): refused if `path` exists by then.
    bool must_not_exist = false;
    // The last check, run after the content is safely on disk and right before
    // it replaces `path`: an error here leaves `path` untouched. Editors use it
    // to make sure nobody changed the file meanwhile.
    std::function<Expected<Unit>()> before_publish;
};

// The same, with options.
Expected<Unit> write_file_atomically(const std::string& path, std::string_view content,
                                     const AtomicWriteOptions& options);

// Creates a file that must not exist yet (O_EXCL), writes and fsyncs it.
Expected<Unit> write_new_file(const std::string& path, std::string_view content,
                              unsigned mode = 0644);

// fsync of a folder, so that a rename or a new entry in it is durable.
Expected<Unit> sync_directory(const std::string& dir);

}  // namespace kam
