#pragma once
// kam get and kam set on one account: find the field, splice, verify, write.
#include <string>

#include "kam/io/file_system.hpp"
#include "kam/util/date.hpp"

namespace kam {

struct FieldRequest {
    std::string root;          // absolute portfolio root
    std::string display_root;  // how paths are shown
    std::string slug;
    std::string path;  // "risks.R1.status"
    Date as_of;
};

// The value at the path: a scalar's text, or (for a list or mapping) YAML or
// JSON (`json`) rebuilt from the tree. Throws UsageError when the path is wrong.
std::string get_field(const FileSystem& fs, const FieldRequest& request, bool json);

// What an edit (set, rm, add) did or, with --dry-run, would do.
struct EditResult {
    std::string summary;  // one line: what changed
    std::string diff;     // unified diff of the file
    std::string after;    // the file's bytes after the edit (written or not)
    bool written = false;
};

// Sets one scalar. The new text is re-parsed and must equal the old tree with
// exactly this change; the account must gain no error finding; then the file
// is replaced atomically under a lock, refusing when it changed meanwhile.
// With `dry_run` nothing is written. Throws UsageError on any refusal,
// EnvironmentError when the machine fails the write (a full disk, no permission).
[[nodiscard]] EditResult set_field(WritableFileSystem& fs, const FieldRequest& request,
                                   const std::string& value, bool dry_run);

// Removes one key or list item with its own comment lines, verified and
// written the same way.
[[nodiscard]] EditResult remove_field(WritableFileSystem& fs, const FieldRequest& request,
                                      bool dry_run);

}  // namespace kam
