#pragma once
// Files behind an interface, so unit tests can run on an in-memory tree:
// FileSystem reads, WritableFileSystem also writes (ninja's DiskInterface).
// Everything kam writes (edits, the lock, kam init and kam new) goes through
// WritableFileSystem; exports and report files written with -o use
// util/atomic_file directly.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "kam/util/atomic_file.hpp"
#include "kam/util/expected.hpp"

namespace kam {

enum class EntryType { file, directory, symlink, other };

struct DirEntry {
    std::string name;
    EntryType type;
};

class FileSystem {
  public:
    virtual ~FileSystem() = default;
    // At most `max_bytes + 1` bytes, so the caller can tell "too large" apart.
    // Never follows a symlink.
    virtual Expected<std::string> read_file(const std::string& path, size_t max_bytes) const = 0;
    // Entries sorted by name, without "." and "..".
    virtual Expected<std::vector<DirEntry>> list_dir(const std::string& path) const = 0;
    // The type of `path` itself (a symlink is reported as one), or nullopt if absent.
    virtual std::optional<EntryType> type_of(const std::string& path) const = 0;
    // An id that names the file's content, equal for equal bytes (a git blob
    // id), or nullopt when the file system knows none (the working tree):
    // what a loader may cache a parsed file by.
    virtual std::optional<std::string> content_id(const std::string& path) const {
        (void)path;
        return std::nullopt;
    }
};

// The writes kam needs. Each returns a status to branch on (WriteStatus):
// refusals (exists, changed, not_regular, bad_path) are the user's to see to,
// `failed` is the machine's.
class WritableFileSystem : public FileSystem {
  public:
    // Creates a file that must not exist yet (exists otherwise), with `content`
    // made durable; a failed write leaves no file.
    virtual WriteResult create_exclusive(const std::string& path, std::string_view content,
                                         unsigned mode = 0644) = 0;
    // Replaces (or creates) `path` whole, through a temporary file in its folder:
    // the old content or the new one, never a mix (util/atomic_file).
    virtual WriteResult replace_atomically(const std::string& path, std::string_view content,
                                           const AtomicWriteOptions& options = {}) = 0;
    // Creates PREFIX + six characters, exclusively, with `content`; its path.
    virtual Expected<std::string> create_unique(const std::string& prefix,
                                                std::string_view content) = 0;
    // A folder, `mode` less the umask; `exists` if something is there already.
    virtual WriteResult make_dir(const std::string& path, unsigned mode = 0755) = 0;
    // A new empty folder PREFIX + six characters, 0755 less the umask; its path.
    virtual Expected<std::string> make_temp_dir(const std::string& prefix) = 0;
    // Removes a file or an empty folder.
    virtual WriteResult remove(const std::string& path) = 0;
    // Renames a file or folder; `exists` when `to` is a folder that is not empty.
    virtual WriteResult rename(const std::string& from, const std::string& to) = 0;
    // Makes the entries of a folder durable (fsync).
    virtual WriteResult sync_dir(const std::string& path) = 0;
    // Removes what killed writes left in `dir` (remove_stale_temporaries).
    virtual size_t remove_stale_temporaries(const std::string& dir) = 0;
};

class RealFileSystem final : public WritableFileSystem {
  public:
    Expected<std::string> read_file(const std::string& path, size_t max_bytes) const override;
    Expected<std::vector<DirEntry>> list_dir(const std::string& path) const override;
    std::optional<EntryType> type_of(const std::string& path) const override;

    WriteResult create_exclusive(const std::string& path, std::string_view content,
                                 unsigned mode = 0644) override;
    WriteResult replace_atomically(const std::string& path, std::string_view content,
                                   const AtomicWriteOptions& options = {}) override;
    Expected<std::string> create_unique(const std::string& prefix,
                                        std::string_view content) override;
    WriteResult make_dir(const std::string& path, unsigned mode = 0755) override;
    Expected<std::string> make_temp_dir(const std::string& prefix) override;
    WriteResult remove(const std::string& path) override;
    WriteResult rename(const std::string& from, const std::string& to) override;
    WriteResult sync_dir(const std::string& path) override;
    size_t remove_stale_temporaries(const std::string& dir) override;
};

// Paths are '/'-separated; folders exist when made (make_dir, add_dir) or
// implicitly when a file lies below them. Records what it created, replaced
// and removed, and fails the writes a test asks it to (fault injection).
class MemoryFileSystem final : public WritableFileSystem {
  public:
    void add_file(const std::string& path, std::string content);
    void add_symlink(const std::string& path);
    void add_dir(const std::string& path);
    Expected<std::string> read_file(const std::string& path, size_t max_bytes) const override;
    Expected<std::vector<DirEntry>> list_dir(const std::string& path) const override;
    std::optional<EntryType> type_of(const std::string& path) const override;

    WriteResult create_exclusive(const std::string& path, std::string_view content,
                                 unsigned mode = 0644) override;
    WriteResult replace_atomically(const std::string& path, std::string_view content,
                                   const AtomicWriteOptions& options = {}) override;
    Expected<std::string> create_unique(const std::string& prefix,
                                        std::string_view content) override;
    WriteResult make_dir(const std::string& path, unsigned mode = 0755) override;
    Expected<std::string> make_temp_dir(const std::string& prefix) override;
    WriteResult remove(const std::string& path) override;
    WriteResult rename(const std::string& from, const std::string& to) override;
    WriteResult sync_dir(const std::string& path) override;
    size_t remove_stale_temporaries(const std::string& dir) override;

    // What the writes did, in order (paths as given; temporaries included).
    const std::vector<std::string>& created() const { return created_; }
    const std::vector<std::string>& replaced() const { return replaced_; }
    const std::vector<std::string>& removed() const { return removed_; }
    // Every file and its content: the tree a test compares.
    const std::map<std::string, std::string>& files() const { return files_; }

    // Fault injection. A write of content into `path` (or into a temporary
    // file for it) fails with "No space left on device" once `after_bytes`
    // bytes are in; the partial file is there until the write cleans up.
    void fail_write(const std::string& path, size_t after_bytes = 0);
    // A rename (or the publishing rename of replace_atomically) onto `path` fails.
    void fail_rename(const std::string& path);
    // make_dir and make_temp_dir fail with "Permission denied" below `dir`.
    void fail_mkdir(const std::string& dir);

  private:
    WriteResult write_into(const std::string& file, const std::string& target,
                           std::string_view content);
    bool has_children(const std::string& dir) const;
    std::map<std::string, std::string> files_;
    std::map<std::string, bool> symlinks_;
    std::set<std::string> dirs_;
    std::vector<std::string> created_, replaced_, removed_;
    std::map<std::string, size_t> write_faults_;
    std::set<std::string> rename_faults_, mkdir_faults_;
    unsigned serial_ = 0;
};

std::string join_path(const std::string& dir, const std::string& name);

}  // namespace kam
