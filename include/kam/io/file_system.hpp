#pragma once
// Files behind an interface, so unit tests can run on an in-memory tree.
#include <map>
#include <optional>
#include <string>
#include <vector>

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
};

class RealFileSystem final : public FileSystem {
  public:
    Expected<std::string> read_file(const std::string& path, size_t max_bytes) const override;
    Expected<std::vector<DirEntry>> list_dir(const std::string& path) const override;
    std::optional<EntryType> type_of(const std::string& path) const override;
};

// Paths are '/'-separated; folders exist implicitly when a file lies below them.
class MemoryFileSystem final : public FileSystem {
  public:
    void add_file(const std::string& path, std::string content);
    void add_symlink(const std::string& path);
    Expected<std::string> read_file(const std::string& path, size_t max_bytes) const override;
    Expected<std::vector<DirEntry>> list_dir(const std::string& path) const override;
    std::optional<EntryType> type_of(const std::string& path) const override;

  private:
    std::map<std::string, std::string> files_;
    std::map<std::string, bool> symlinks_;
};

std::string join_path(const std::string& dir, const std::string& name);

}  // namespace kam
