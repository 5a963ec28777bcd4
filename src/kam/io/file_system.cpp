#include "kam/io/file_system.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <cstring>

namespace kam {

std::string join_path(const std::string& dir, const std::string& name) {
    if (dir.empty() || dir == ".") return name;
    if (dir.back() == '/') return dir + name;
    return dir + "/" + name;
}

namespace {
std::string errno_text(int err) {
    return std::strerror(err);
}

EntryType type_from_mode(mode_t mode) {
    if (S_ISLNK(mode)) return EntryType::symlink;
    if (S_ISDIR(mode)) return EntryType::directory;
    if (S_ISREG(mode)) return EntryType::file;
    return EntryType::other;
}
}  // namespace

Expected<std::string> RealFileSystem::read_file(const std::string& path, size_t max_bytes) const {
    const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        const int err = errno;
        if (err == ELOOP) return unexpected("a symlink; kam never follows one");
        return unexpected(errno_text(err));
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return unexpected("not a regular file");
    }
    std::string data;
    const size_t want = max_bytes + 1;
    data.resize(std::min<size_t>(want, static_cast<size_t>(st.st_size) + 1));
    size_t got = 0;
    while (got < want) {
        if (got == data.size()) data.resize(std::min(want, data.size() * 2 + 4096));
        const ssize_t n = ::read(fd, data.data() + got, data.size() - got);
        if (n < 0) {
            if (errno == EINTR) continue;
            const int err = errno;
            ::close(fd);
            return unexpected(errno_text(err));
        }
        if (n == 0) break;
        got += static_cast<size_t>(n);
    }
    ::close(fd);
    data.resize(got);
    return data;
}

Expected<std::vector<DirEntry>> RealFileSystem::list_dir(const std::string& path) const {
    DIR* dir = ::opendir(path.c_str());
    if (!dir) return unexpected(errno_text(errno));
    std::vector<DirEntry> out;
    while (const dirent* de = ::readdir(dir)) {
        const std::string name = de->d_name;
        if (name == "." || name == "..") continue;
        EntryType type = EntryType::other;
        struct stat st {};
        if (::fstatat(::dirfd(dir), de->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0)
            type = type_from_mode(st.st_mode);
        out.push_back({name, type});
    }
    ::closedir(dir);
    std::sort(out.begin(), out.end(),
              [](const DirEntry& a, const DirEntry& b) { return a.name < b.name; });
    return out;
}

std::optional<EntryType> RealFileSystem::type_of(const std::string& path) const {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) return std::nullopt;
    return type_from_mode(st.st_mode);
}

void MemoryFileSystem::add_file(const std::string& path, std::string content) {
    files_[path] = std::move(content);
}

void MemoryFileSystem::add_symlink(const std::string& path) {
    symlinks_[path] = true;
}

Expected<std::string> MemoryFileSystem::read_file(const std::string& path, size_t max_bytes) const {
    if (symlinks_.count(path)) return unexpected("a symlink; kam never follows one");
    const auto it = files_.find(path);
    if (it == files_.end()) return unexpected(std::strerror(ENOENT));
    return it->second.substr(0, max_bytes + 1);
}

Expected<std::vector<DirEntry>> MemoryFileSystem::list_dir(const std::string& path) const {
    const std::string prefix = path.empty() || path == "." ? "" : path + "/";
    std::map<std::string, EntryType> found;
    auto visit = [&](const std::string& p, EntryType leaf) {
        if (p.compare(0, prefix.size(), prefix) != 0) return;
        const std::string rest = p.substr(prefix.size());
        const size_t slash = rest.find('/');
        if (slash == std::string::npos)
            found[rest] = leaf;
        else
            found.emplace(rest.substr(0, slash), EntryType::directory);
    };
    for (const auto& [p, _] : files_) visit(p, EntryType::file);
    for (const auto& [p, _] : symlinks_) visit(p, EntryType::symlink);
    if (found.empty() && !type_of(path)) return unexpected(std::strerror(ENOENT));
    std::vector<DirEntry> out;
    for (const auto& [name, type] : found) out.push_back({name, type});
    return out;
}

std::optional<EntryType> MemoryFileSystem::type_of(const std::string& path) const {
    if (symlinks_.count(path)) return EntryType::symlink;
    if (files_.count(path)) return EntryType::file;
    const std::string prefix = path + "/";
    for (const auto& [p, _] : files_)
        if (p.compare(0, prefix.size(), prefix) == 0) return EntryType::directory;
    for (const auto& [p, _] : symlinks_)
        if (p.compare(0, prefix.size(), prefix) == 0) return EntryType::directory;
    return std::nullopt;
}

}  // namespace kam
