#pragma once
// The last step of every edit, run while the account's EditLock is held.
#include <functional>
#include <string>
#include <string_view>

#include "kam/util/atomic_file.hpp"
#include "kam/util/expected.hpp"

namespace kam {

// Replaces `path` with `after` only if it still holds `before`: a change made
// meanwhile (in an editor, which takes no lock) is refused, never overwritten.
// The content is compared when the write starts and again right before the
// atomic rename (kam/util/atomic_file.hpp).
//
// A program that writes to the file in the instant between that last compare
// and the rename would lose its change; so the old file stays open across the
// rename and is read once more after it: if it no longer holds `before`, its
// content is kept in PATH.kam-lost-XXXXXX, named in `*kept_in` (the edit
// itself is written). What remains: a program that opened the file before
// the rename and writes after that last read.
//
// `in_window` runs right after the last compare (tests play the other program).
using WriteWindowHook = std::function<void()>;
Expected<Unit> replace_if_unchanged(const std::string& path, std::string_view before,
                                    std::string_view after, const WriteWindowHook& in_window = {},
                                    std::string* kept_in = nullptr);

// Creates `path` with `content`, atomically; refused if it exists by then.
Expected<Unit> create_file(const std::string& path, std::string_view content);

}  // namespace kam
