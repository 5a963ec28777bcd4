#pragma once
#include <string>
#include <string_view>

#include "kam/util/expected.hpp"

namespace kam {

// Replaces `path` with `after` only if it still holds `before`, under a lock
// file beside it (O_EXCL), so that two kam writers cannot lose an update and
// an edit in an editor meanwhile is not overwritten. The write is atomic
// (kam/util/atomic_file.hpp); the lock is removed in every case.
Expected<bool> replace_if_unchanged(const std::string& path, std::string_view before,
                                    std::string_view after);

// Creates `path` with `content` under the same lock; refuses when it exists by then.
Expected<bool> create_locked(const std::string& path, std::string_view content);

}  // namespace kam
