#pragma once
// The last step of every edit, run while the account's EditLock is held.
#include <functional>
#include <string>
#include <string_view>

#include "kam/io/file_system.hpp"

namespace kam {

// Replaces `path` with `after` only if it still holds `before`: a change made
// meanwhile (in an editor, which takes no lock) is refused (`changed`), never
// overwritten. The content is compared when the write starts and again right
// before the atomic replacement (WritableFileSystem::replace_atomically).
//
// A program that writes to the file in the instant between that last compare
// and the rename would lose its change; so the old file is read once more
// after the rename (AtomicWriteOptions::replaced_content): if it no longer
// holds `before`, its content is kept in PATH.kam-lost-XXXXXX, named in
// `*kept_in` (the edit itself is written). What remains: a program that
// opened the file before the rename and writes after that last read.
//
// `in_window` runs right after the last compare (tests play the other program).
using WriteWindowHook = std::function<void()>;
WriteResult replace_if_unchanged(WritableFileSystem& fs, const std::string& path,
                                 std::string_view before, std::string_view after,
                                 const WriteWindowHook& in_window = {},
                                 std::string* kept_in = nullptr);

// Creates `path` with `content`, atomically; refused (`exists`) if it exists by then.
WriteResult create_file(WritableFileSystem& fs, const std::string& path, std::string_view content);

}  // namespace kam
