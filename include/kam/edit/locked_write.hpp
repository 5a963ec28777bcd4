#pragma once
// The last step of every edit, run while the account's EditLock is held.
#include <string>
#include <string_view>

#include "kam/util/atomic_file.hpp"
#include "kam/util/expected.hpp"

namespace kam {

// Replaces `path` with `after` only if it still holds `before`: a change made
// meanwhile (in an editor, which takes no lock) is refused, never overwritten.
// The content is compared when the write starts and again right before the
// atomic rename (kam/util/atomic_file.hpp).
Expected<Unit> replace_if_unchanged(const std::string& path, std::string_view before,
                                    std::string_view after);

// Creates `path` with `content`, atomically; refused if it exists by then.
Expected<Unit> create_file(const std::string& path, std::string_view content);

}  // namespace kam
