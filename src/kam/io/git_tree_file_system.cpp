#include "kam/io/git_tree_file_system.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "kam/io/yaml_loader.hpp"
#include "kam/util/sha1.hpp"

namespace kam {

Expected<std::string> BlobCache::get(const GitSource& git, const std::string& id) {
    {
        std::lock_guard lock(mutex_);
        auto it = blobs_.find(id);
        if (it != blobs_.end()) {
            if (!it->second.once) return it->second.bytes;
            std::string bytes = std::move(it->second.bytes);
            bytes_ -= bytes.size();
            blobs_.erase(it);
            return bytes;
        }
    }
    auto data = git.blob(id);
    if (!data) return data;
    std::lock_guard lock(mutex_);
    ++reads_;
    if (bytes_ + data->size() > budget_) return data;
    bytes_ += data->size();
    return blobs_.emplace(id, Held{std::move(data.value()), false}).first->second.bytes;
}

void BlobCache::prefetch(const GitSource& git, const std::vector<std::string>& ids) {
    std::vector<std::string> wanted;
    {
        std::lock_guard lock(mutex_);
        if (bytes_ >= budget_) return;
        for (const std::string& id : ids)
            if (!blobs_.count(id) && std::find(wanted.begin(), wanted.end(), id) == wanted.end())
                wanted.push_back(id);
    }
    if (wanted.empty()) return;
    auto data = git.blobs(wanted);
    std::lock_guard lock(mutex_);
    for (size_t i = 0; i < wanted.size(); ++i) {
        if (!data[i]) continue;  // get() asks again and gives the error
        ++reads_;
        if (bytes_ + data[i]->size() > budget_) continue;
        bytes_ += data[i]->size();
        blobs_.emplace(wanted[i], Held{std::move(data[i].value()), true});
    }
}

void BlobCache::put(const std::string& id, std::string bytes) {
    std::lock_guard lock(mutex_);
    if (blobs_.count(id) || bytes_ + bytes.size() > budget_) return;
    bytes_ += bytes.size();
    blobs_.emplace(id, Held{std::move(bytes), true});
}

bool BlobCache::has(const std::string& id) const {
    std::lock_guard lock(mutex_);
    return blobs_.count(id) > 0;
}

size_t BlobCache::reads() const {
    std::lock_guard lock(mutex_);
    return reads_;
}

namespace {

EntryType type_of_mode(const std::string& mode) {
    if (mode == "120000") return EntryType::symlink;
    if (mode == "100644" || mode == "100755" || mode == "100664") return EntryType::file;
    return EntryType::other;  // 160000: a submodule
}

}  // namespace

GitTreeFileSystem::GitTreeFileSystem(const GitSource& git, std::vector<GitEntry> entries,
                                     std::string root, std::shared_ptr<BlobCache> cache,
                                     GitTreeReading reading)
    : git_(git),
      entries_(std::move(entries)),
      root_(std::move(root)),
      cache_(std::move(cache)),
      reading_(reading) {
    while (root_.size() > 1 && root_.back() == '/') root_.pop_back();
    const auto by_path = [](const GitEntry& a, const GitEntry& b) { return a.path < b.path; };
    if (!std::is_sorted(entries_.begin(), entries_.end(), by_path))
        std::sort(entries_.begin(), entries_.end(), by_path);
    // Every folder holding an entry. Sorted entries put a folder's files
    // together: only an entry whose folder is not the last one's adds
    // folders (10,000 accounts: 10,000 inserts, not one per file and level).
    folders_.insert("");
    std::string_view last_folder;
    for (const GitEntry& e : entries_) {
        const std::string_view p = e.path;
        const size_t end = p.rfind('/');
        const std::string_view folder = end == std::string_view::npos ? "" : p.substr(0, end);
        if (folder == last_folder) continue;
        last_folder = folder;
        for (size_t slash = p.find('/'); slash != std::string_view::npos && slash <= end;
             slash = p.find('/', slash + 1))
            folders_.emplace(p.substr(0, slash));
    }
}

std::optional<std::string> GitTreeFileSystem::relative(const std::string& path) const {
    std::string p = path;
    while (p.size() > 1 && p.back() == '/') p.pop_back();
    if (root_.empty()) return p == "." ? "" : p;
    if (p == root_) return std::string();
    const std::string prefix = root_ == "/" ? "/" : root_ + "/";
    if (p.compare(0, prefix.size(), prefix) != 0) return std::nullopt;
    return p.substr(prefix.size());
}

std::vector<GitEntry>::const_iterator GitTreeFileSystem::first_not_below(
    std::string_view path) const {
    return std::lower_bound(entries_.begin(), entries_.end(), path,
                            [](const GitEntry& e, std::string_view p) { return e.path < p; });
}

std::span<const GitEntry> GitTreeFileSystem::entries_under(std::string_view prefix) const {
    // Sorted by path, the entries starting with `prefix` follow one another
    // from the first path not below it. Walked to their end rather than
    // searched: a folder's are few, and even all of accounts/ is one cheap
    // comparison an entry (a second binary search cost more, in callgrind).
    const auto first = first_not_below(prefix);
    const auto last = std::find_if_not(
        first, entries_.end(), [&](const GitEntry& e) { return e.path.starts_with(prefix); });
    return {first, last};
}

const GitEntry* GitTreeFileSystem::entry(const std::string& relative_path) const {
    const auto it = first_not_below(relative_path);
    return it != entries_.end() && it->path == relative_path ? &*it : nullptr;
}

bool GitTreeFileSystem::from_worktree(const GitEntry& e) const {
    if (!reading_.worktree || e.blob.size() != 40) return false;
    auto bytes = reading_.worktree->read_file(join_path(root_, e.path), k_max_file_bytes);
    if (!bytes || bytes->size() > k_max_file_bytes || git_blob_id(*bytes) != e.blob) return false;
    cache_->put(e.blob, std::move(*bytes));
    return true;
}

void GitTreeFileSystem::prefetch(const std::vector<const GitEntry*>& files) const {
    std::vector<std::string> from_git;
    for (const GitEntry* e : files)
        if (type_of_mode(e->mode) == EntryType::file && !cache_->has(e->blob) && !from_worktree(*e))
            from_git.push_back(e->blob);
    cache_->prefetch(git_, from_git);
}

Expected<std::string> GitTreeFileSystem::read_file(const std::string& path,
                                                   size_t max_bytes) const {
    const auto rel = relative(path);
    const GitEntry* e = rel ? entry(*rel) : nullptr;
    if (!e) {
        if (rel && folders_.count(*rel)) return unexpected("not a regular file");
        return unexpected(std::strerror(ENOENT));
    }
    const EntryType type = type_of_mode(e->mode);
    if (type == EntryType::symlink) return unexpected("a symlink; kam never follows one");
    if (type != EntryType::file) return unexpected("not a regular file");
    if (reading_.worktree && !cache_->has(e->blob)) from_worktree(*e);
    auto data = cache_->get(git_, e->blob);
    if (!data) return data;
    if (data->size() > max_bytes) return data->substr(0, max_bytes + 1);
    return data;
}

Expected<std::vector<DirEntry>> GitTreeFileSystem::list_dir(const std::string& path) const {
    const auto rel = relative(path);
    if (!rel || !folders_.count(*rel)) {
        if (rel && entry(*rel)) return unexpected(std::strerror(ENOTDIR));
        return unexpected(std::strerror(ENOENT));
    }
    const std::string prefix = rel->empty() ? "" : *rel + "/";
    std::map<std::string, EntryType> found;
    const auto under = entries_under(prefix);
    for (const GitEntry* it = under.data(); it != under.data() + under.size();) {
        const std::string_view rest = std::string_view(it->path).substr(prefix.size());
        const size_t slash = rest.find('/');
        if (slash == std::string_view::npos) {
            found[std::string(rest)] = type_of_mode(it->mode);
            ++it;
            continue;
        }
        // A subfolder: one entry, then on past everything in it, so listing
        // accounts/ does not walk every file.
        const std::string name(rest.substr(0, slash));
        found.emplace(name, EntryType::directory);
        const auto inner = entries_under(prefix + name + "/");
        it = inner.data() + inner.size();
    }
    std::vector<DirEntry> out;
    for (const auto& [name, type] : found) out.push_back({name, type});
    if (reading_.prefetch_folders) {
        std::vector<const GitEntry*> yaml;
        for (const DirEntry& d : out) {
            if (d.type != EntryType::file ||
                !(d.name.ends_with(".yaml") || d.name.ends_with(".yml")))
                continue;
            if (const GitEntry* e = entry(prefix + d.name)) yaml.push_back(e);
        }
        prefetch(yaml);
    }
    return out;
}

std::optional<EntryType> GitTreeFileSystem::type_of(const std::string& path) const {
    const auto rel = relative(path);
    if (!rel) return std::nullopt;
    if (folders_.count(*rel)) return EntryType::directory;
    const GitEntry* e = entry(*rel);
    if (!e) return std::nullopt;
    return type_of_mode(e->mode);
}

std::optional<std::string> GitTreeFileSystem::content_id(const std::string& path) const {
    const auto rel = relative(path);
    const GitEntry* e = rel ? entry(*rel) : nullptr;
    if (!e || type_of_mode(e->mode) != EntryType::file) return std::nullopt;
    return e->blob;
}

}  // namespace kam
