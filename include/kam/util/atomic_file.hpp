#pragma once
// Replacing a file so that a crash, a full disk or a killed process leaves
// either the old content or the new one, never a mix.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "kam/util/expected.hpp"

namespace kam {

struct Unit {};

// Writes `content` to a temporary file in the same folder (".NAME.kam-XXXXXX",
// a dot-file), fsyncs it, gives it the mode, owner and group of the file it
// replaces (owner and group where permitted), or for a new file `new_mode`
// less the umask, renames it over `path` and fsyncs the folder. On failure the
// temporary file is removed and `path` is untouched.
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

// Removes the temporary files a killed write left in `dir` ("NAME.kam-XXXXXX"
// and ".NAME.kam-XXXXXX", regular files only); the number removed. Call it
// only while no other write can be under way there (under the account lock).
size_t remove_stale_temporaries(const std::string& dir);

// fsync of a folder, so that a rename or a new entry in it is durable.
Expected<Unit> sync_directory(const std::string& dir);

}  // namespace kam
