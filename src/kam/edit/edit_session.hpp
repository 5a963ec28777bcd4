#pragma once
// What every edit command shares (private to src/kam/edit): opening the
// account file a path names, and verifying then writing the result.
#include <optional>
#include <string>

#include "kam/edit/edit_lock.hpp"
#include "kam/edit/field_edit.hpp"
#include "kam/edit/path.hpp"
#include "kam/io/yaml_tree.hpp"
#include "kam/util/expected.hpp"

namespace kam {

struct OpenFile {
    ParsedPath path;
    std::string account_dir, file, shown;
    std::string relative;  // "accounts/acme/risks.yaml"
    std::string bom;       // a leading byte-order mark: kept, but not part of `text`
    std::string text;      // the bytes after the BOM, which the tree's offsets count
    Node root;
    bool exists = true;  // false: the file is to be created
    // Held from before the read until after the write; absent for get and dry runs.
    std::optional<EditLock> lock;
};

struct OpenMode {
    bool may_be_missing = false;  // an absent file opens as an empty mapping (kam add)
    // Set for a write: confine to the portfolio and take the account's lock through it.
    WritableFileSystem* for_write = nullptr;
};

// Throws UsageError for a bad account, path, symlink, a held lock or a file
// that does not load; EnvironmentError when the lock cannot be written.
OpenFile open_file(const FileSystem& fs, const FieldRequest& request, OpenMode mode = {});

// The new text must parse to `expected`, no file of the account may gain an
// error, and the file must not have changed since it was read; then it is written.
EditResult finish_edit(WritableFileSystem& fs, const FieldRequest& r, const OpenFile& f,
                       const std::string& what, const std::string& after,
                       const Expected<Node>& expected, std::string summary, bool dry_run);

}  // namespace kam
