#pragma once
// One revision (or the index) behind the FileSystem seam, so the loader, the
// checks and the figures read it unchanged. The tree is mounted at `root` (the
// absolute portfolio root the loader is given); blobs are read lazily through
// the GitSource and kept in a BlobCache, which several file systems of one run
// share, so a file unchanged between two revisions is read once.
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "kam/io/file_system.hpp"
#include "kam/io/git_source.hpp"

namespace kam {

// Blob bytes by id, shared by the file systems of one run. Thread-safe.
// Holds at most `budget` bytes: past it, blobs are read but not kept, so a
// run over a large portfolio never holds every file in memory.
class BlobCache {
  public:
    explicit BlobCache(size_t budget = 64u << 20) : budget_(budget) {}
    Expected<std::string> get(const GitSource& git, const std::string& id);
    size_t reads() const;  // blobs fetched from git (not from the cache)

  private:
    mutable std::mutex mutex_;
    std::map<std::string, std::string> blobs_;
    size_t reads_ = 0;
    size_t bytes_ = 0;
    size_t budget_;
};

class GitTreeFileSystem final : public FileSystem {
  public:
    GitTreeFileSystem(const GitSource& git, std::vector<GitEntry> entries, std::string root,
                      std::shared_ptr<BlobCache> cache = std::make_shared<BlobCache>());

    Expected<std::string> read_file(const std::string& path, size_t max_bytes) const override;
    Expected<std::vector<DirEntry>> list_dir(const std::string& path) const override;
    std::optional<EntryType> type_of(const std::string& path) const override;
    // The blob id of a regular file.
    std::optional<std::string> content_id(const std::string& path) const override;

    // The entry at a portfolio-relative path (no blob is read).
    const GitEntry* entry(const std::string& relative_path) const;
    const std::vector<GitEntry>& entries() const { return entries_; }
    const std::string& root() const { return root_; }

  private:
    // `path` relative to the root, or nullopt when it lies outside.
    std::optional<std::string> relative(const std::string& path) const;

    const GitSource& git_;
    std::vector<GitEntry> entries_;  // sorted by path
    std::map<std::string, size_t> by_path_;
    std::set<std::string> folders_;  // every folder holding an entry, "" for the root
    std::string root_;
    std::shared_ptr<BlobCache> cache_;
};

}  // namespace kam
