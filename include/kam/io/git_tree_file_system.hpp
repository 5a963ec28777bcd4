#pragma once
// One revision (or the index) behind the FileSystem seam, so the loader, the
// checks and the figures read it unchanged. The tree is mounted at `root` (the
// absolute portfolio root the loader is given); blobs are read lazily through
// the GitSource (or from the working tree, when a file there is the blob) and
// kept in a BlobCache, which several file systems of one run share, so a file
// unchanged between two revisions is read once.
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kam/io/file_system.hpp"
#include "kam/io/git_source.hpp"

namespace kam {

// Blob bytes by id, shared by the file systems of one run. Thread-safe.
// Holds at most `budget` bytes: past it, blobs are read but not kept, so a
// run over a large portfolio never holds every file in memory. A blob read
// ahead (prefetch, put) is handed out once and then dropped: it was read
// ahead for a loader that reads each file once.
class BlobCache {
  public:
    explicit BlobCache(size_t budget = 64u << 20) : budget_(budget) {}
    Expected<std::string> get(const GitSource& git, const std::string& id);
    // Reads the blobs not yet held in one request to git, while the budget
    // has room.
    void prefetch(const GitSource& git, const std::vector<std::string>& ids);
    // Holds bytes known to be the blob `id`, while the budget has room.
    void put(const std::string& id, std::string bytes);
    bool has(const std::string& id) const;
    size_t reads() const;  // blobs fetched from git (not from the cache)

  private:
    struct Held {
        std::string bytes;
        bool once = false;  // read ahead: dropped when handed out
    };
    mutable std::mutex mutex_;
    std::map<std::string, Held> blobs_;
    size_t reads_ = 0;
    size_t bytes_ = 0;
    size_t budget_;
};

// How a GitTreeFileSystem reads blobs besides asking git for each.
struct GitTreeReading {
    // The working tree the portfolio root is on: a file there whose bytes
    // hash to the blob wanted (git_blob_id, SHA-1 repositories) is read from
    // it instead of from git. Most blobs of a recent revision are the
    // checkout's.
    const FileSystem* worktree = nullptr;
    // Listing a folder reads its YAML files ahead, in one round trip to git
    // (a loader reads them next). Not for a caller that skips files it has
    // parsed before (kam history prefetches those it needs itself).
    bool prefetch_folders = false;
};

class GitTreeFileSystem final : public FileSystem {
  public:
    GitTreeFileSystem(const GitSource& git, std::vector<GitEntry> entries, std::string root,
                      std::shared_ptr<BlobCache> cache = std::make_shared<BlobCache>(),
                      GitTreeReading reading = {});

    Expected<std::string> read_file(const std::string& path, size_t max_bytes) const override;
    Expected<std::vector<DirEntry>> list_dir(const std::string& path) const override;
    std::optional<EntryType> type_of(const std::string& path) const override;
    // The blob id of a regular file.
    std::optional<std::string> content_id(const std::string& path) const override;

    // The entry at a portfolio-relative path (no blob is read).
    const GitEntry* entry(const std::string& relative_path) const;
    // Reads these regular files' blobs ahead: from the working tree where it
    // holds them, the others from git in one round trip.
    void prefetch(const std::vector<const GitEntry*>& files) const;
    const std::vector<GitEntry>& entries() const { return entries_; }
    // The entries whose path starts with `prefix` ("accounts/acme/" for a
    // folder's), in path order: one binary search, no walk.
    std::span<const GitEntry> entries_under(std::string_view prefix) const;
    const std::string& root() const { return root_; }

  private:
    // `path` relative to the root, or nullopt when it lies outside.
    std::optional<std::string> relative(const std::string& path) const;
    // The first entry whose path is not below `path` (entries_ is sorted).
    std::vector<GitEntry>::const_iterator first_not_below(std::string_view path) const;
    // Puts the working tree's file into the cache when it is the entry's blob.
    bool from_worktree(const GitEntry& e) const;

    const GitSource& git_;
    std::vector<GitEntry> entries_;  // sorted by path: entry() searches it
    // Every folder holding an entry, "" for the root.
    std::set<std::string, std::less<>> folders_;
    std::string root_;
    std::shared_ptr<BlobCache> cache_;
    GitTreeReading reading_;
};

}  // namespace kam
