#pragma once
// What every edit command shares (private to src/kam/edit): opening the
// account file a path names, and verifying then writing the result.
#include <string>

#include "kam/edit/field_edit.hpp"
#include "kam/edit/path.hpp"
#include "kam/io/yaml_tree.hpp"
#include "kam/util/expected.hpp"

namespace kam {

struct OpenFile {
    ParsedPath path;
    std::string account_dir, file, shown;
    std::string text;
    Node root;
    bool exists = true;  // false: the file is to be created
};

// Throws UsageError for a bad account, path, symlink or a file that does not
// load. With `may_be_missing`, an absent file opens as empty.
OpenFile open_file(const FileSystem& fs, const FieldRequest& request, bool may_be_missing = false);

// The new text must parse to `expected`, no file of the account may gain an
// error, and the file must not have changed since it was read; then it is written.
SetResult finish_edit(const FileSystem& fs, const FieldRequest& r, const OpenFile& f,
                      const std::string& what, const std::string& after,
                      const Expected<Node>& expected, std::string summary, bool dry_run);

}  // namespace kam
