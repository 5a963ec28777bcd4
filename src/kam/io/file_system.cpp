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

WriteResult RealFileSystem::create_exclusive(const std::string& path, std::string_view content,
                                             unsigned mode) {
    return write_new_file(path, content, mode);
}

WriteResult RealFileSystem::replace_atomically(const std::string& path, std::string_view content,
                                               const AtomicWriteOptions& options) {
    return write_file_atomically(path, content, options);
}

Expected<std::string> RealFileSystem::create_unique(const std::string& prefix,
                                                    std::string_view content) {
    return write_unique_file(prefix, content);
}

WriteResult RealFileSystem::make_dir(const std::string& path, unsigned mode) {
    if (::mkdir(path.c_str(), static_cast<mode_t>(mode)) == 0) return {};
    const int err = errno;
    const std::string message = fmt::format("cannot create {}: {}", path, errno_text(err));
    return {err == EEXIST ? WriteStatus::exists : status_of_errno(err), message};
}

Expected<std::string> RealFileSystem::make_temp_dir(const std::string& prefix) {
    std::string dir = prefix + "XXXXXX";
    if (!::mkdtemp(dir.data()))
        return unexpected(fmt::format("cannot create a folder {}: {}", prefix, errno_text(errno)));
    // mkdtemp makes it 0700; it gets what mkdir would give it.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::chmod(dir.c_str(), 0755 & ~mask);
    return dir;
}

WriteResult RealFileSystem::remove(const std::string& path) {
    struct stat st {};
    const bool dir = ::lstat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
    if ((dir ? ::rmdir(path.c_str()) : ::unlink(path.c_str())) == 0) return {};
    const int err = errno;
    return {status_of_errno(err), fmt::format("cannot remove {}: {}", path, errno_text(err))};
}

WriteResult RealFileSystem::rename(const std::string& from, const std::string& to) {
    if (::rename(from.c_str(), to.c_str()) == 0) return {};
    const int err = errno;
    const std::string message = fmt::format("cannot create {}: {}", to, errno_text(err));
    return {err == EEXIST || err == ENOTEMPTY ? WriteStatus::exists : status_of_errno(err),
            message};
}

WriteResult RealFileSystem::sync_dir(const std::string& path) {
    return sync_directory(path);
}

size_t RealFileSystem::remove_stale_temporaries(const std::string& dir) {
    return kam::remove_stale_temporaries(dir);
}

void MemoryFileSystem::add_file(const std::string& path, std::string content) {
    files_[path] = std::move(content);
}

void MemoryFileSystem::add_symlink(const std::string& path) {
    symlinks_[path] = true;
}

void MemoryFileSystem::add_dir(const std::string& path) {
    dirs_.insert(path);
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
    for (const std::string& p : dirs_) visit(p, EntryType::directory);
    if (found.empty() && !type_of(path)) return unexpected(std::strerror(ENOENT));
    std::vector<DirEntry> out;
    for (const auto& [name, type] : found) out.push_back({name, type});
    return out;
}

std::optional<EntryType> MemoryFileSystem::type_of(const std::string& path) const {
    if (symlinks_.count(path)) return EntryType::symlink;
    if (files_.count(path)) return EntryType::file;
    if (dirs_.count(path)) return EntryType::directory;
    const std::string prefix = path + "/";
    for (const auto& [p, _] : files_)
        if (p.compare(0, prefix.size(), prefix) == 0) return EntryType::directory;
    for (const auto& [p, _] : symlinks_)
        if (p.compare(0, prefix.size(), prefix) == 0) return EntryType::directory;
    for (const std::string& p : dirs_)
        if (p.compare(0, prefix.size(), prefix) == 0) return EntryType::directory;
    return std::nullopt;
}

namespace {
std::string parent_dir(const std::string& path) {
    const size_t slash = path.rfind('/');
    return slash == std::string::npos ? std::string(".") : path.substr(0, slash);
}

std::string base_name(const std::string& path) {
    const size_t slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool below(const std::string& path, const std::string& dir) {
    return path.size() > dir.size() && path.compare(0, dir.size(), dir) == 0 &&
           path[dir.size()] == '/';
}
}  // namespace

void MemoryFileSystem::fail_write(const std::string& path, size_t after_bytes) {
    write_faults_[path] = after_bytes;
}

void MemoryFileSystem::fail_rename(const std::string& path) {
    rename_faults_.insert(path);
}

void MemoryFileSystem::fail_mkdir(const std::string& dir) {
    mkdir_faults_.insert(dir);
}

bool MemoryFileSystem::has_children(const std::string& dir) const {
    for (const auto& [p, _] : files_)
        if (below(p, dir)) return true;
    for (const auto& [p, _] : symlinks_)
        if (below(p, dir)) return true;
    for (const std::string& p : dirs_)
        if (below(p, dir)) return true;
    return false;
}

// Puts `content` into `file` (new), failing half way where a fault says so
// for `target` (the file the write is for); the partial file is left for the
// caller to clean up, as a real write leaves it.
WriteResult MemoryFileSystem::write_into(const std::string& file, const std::string& target,
                                         std::string_view content) {
    const std::string dir = parent_dir(file);
    if (dir != "." && type_of(dir) != EntryType::directory)
        return {WriteStatus::bad_path,
                fmt::format("cannot create {}: {}", file, std::strerror(ENOENT))};
    created_.push_back(file);
    if (const auto fault = write_faults_.find(target); fault != write_faults_.end()) {
        files_[file] = std::string(content.substr(0, std::min(content.size(), fault->second)));
        return {WriteStatus::failed,
                fmt::format("cannot write {}: {}", target, std::strerror(ENOSPC))};
    }
    files_[file] = std::string(content);
    return {};
}

WriteResult MemoryFileSystem::create_exclusive(const std::string& path, std::string_view content,
                                               unsigned) {
    if (type_of(path))
        return {WriteStatus::exists,
                fmt::format("cannot create {}: {}", path, std::strerror(EEXIST))};
    WriteResult w = write_into(path, path, content);
    if (!w && files_.erase(path)) removed_.push_back(path);
    return w;
}

WriteResult MemoryFileSystem::replace_atomically(const std::string& path, std::string_view content,
                                                 const AtomicWriteOptions& options) {
    using S = WriteStatus;
    const auto type = type_of(path);
    if (type == EntryType::symlink)
        return {S::not_regular, fmt::format("{} is a symlink; kam never writes through one", path)};
    if (type && type != EntryType::file)
        return {S::not_regular, fmt::format("{} is not a regular file", path)};
    if (type && options.must_not_exist) return {S::exists, fmt::format("{} exists already", path)};
    const std::string tmp =
        join_path(parent_dir(path), fmt::format(".{}.kam-{:06}", base_name(path), ++serial_));
    auto drop = [&](WriteResult result) {
        if (files_.erase(tmp)) removed_.push_back(tmp);
        return result;
    };
    if (WriteResult w = write_into(tmp, path, content); !w) return drop(std::move(w));
    if (options.before_publish)
        if (WriteResult ok = options.before_publish(); !ok) return drop(std::move(ok));
    if (options.must_not_exist && type_of(path))
        return drop({S::exists, fmt::format("{} exists already", path)});
    if (rename_faults_.count(path))
        return drop({S::failed, fmt::format("cannot replace {}: {}", path, std::strerror(EIO))});
    const auto old = files_.find(path);
    if (old != files_.end()) {
        if (options.replaced_content) *options.replaced_content = old->second;
        replaced_.push_back(path);
    } else {
        created_.push_back(path);
    }
    files_[path] = std::move(files_[tmp]);
    files_.erase(tmp);
    removed_.push_back(tmp);
    return {};
}

Expected<std::string> MemoryFileSystem::create_unique(const std::string& prefix,
                                                      std::string_view content) {
    const std::string name = fmt::format("{}{:06}", prefix, ++serial_);
    if (WriteResult w = create_exclusive(name, content); !w) return unexpected(w.error());
    return name;
}

WriteResult MemoryFileSystem::make_dir(const std::string& path, unsigned) {
    for (const std::string& d : mkdir_faults_)
        if (path == d || below(path, d))
            return {WriteStatus::failed,
                    fmt::format("cannot create {}: {}", path, std::strerror(EACCES))};
    if (type_of(path))
        return {WriteStatus::exists,
                fmt::format("cannot create {}: {}", path, std::strerror(EEXIST))};
    const std::string dir = parent_dir(path);
    if (dir != "." && type_of(dir) != EntryType::directory)
        return {WriteStatus::bad_path,
                fmt::format("cannot create {}: {}", path, std::strerror(ENOENT))};
    dirs_.insert(path);
    created_.push_back(path + "/");
    return {};
}

Expected<std::string> MemoryFileSystem::make_temp_dir(const std::string& prefix) {
    const std::string dir = fmt::format("{}{:06}", prefix, ++serial_);
    if (WriteResult w = make_dir(dir); !w) return unexpected(w.error());
    return dir;
}

WriteResult MemoryFileSystem::remove(const std::string& path) {
    if (files_.erase(path) || symlinks_.erase(path)) {
        removed_.push_back(path);
        return {};
    }
    if (dirs_.count(path) && !has_children(path)) {
        dirs_.erase(path);
        removed_.push_back(path + "/");
        return {};
    }
    return {WriteStatus::bad_path, fmt::format("cannot remove {}: {}", path,
                                               std::strerror(type_of(path) ? ENOTEMPTY : ENOENT))};
}

WriteResult MemoryFileSystem::rename(const std::string& from, const std::string& to) {
    if (rename_faults_.count(to))
        return {WriteStatus::failed, fmt::format("cannot create {}: {}", to, std::strerror(EIO))};
    const auto target = type_of(to);
    if (target == EntryType::directory && has_children(to))
        return {WriteStatus::exists,
                fmt::format("cannot create {}: {}", to, std::strerror(ENOTEMPTY))};
    if (type_of(from) != EntryType::directory) {
        const auto it = files_.find(from);
        if (it == files_.end())
            return {WriteStatus::bad_path,
                    fmt::format("cannot create {}: {}", to, std::strerror(ENOENT))};
        files_[to] = std::move(it->second);
        files_.erase(from);
    } else {
        std::map<std::string, std::string> files;
        for (auto& [p, content] : files_)
            files[below(p, from) ? to + p.substr(from.size()) : p] = std::move(content);
        files_ = std::move(files);
        std::set<std::string> dirs;
        for (const std::string& d : dirs_)
            dirs.insert(d == from ? to : below(d, from) ? to + d.substr(from.size()) : d);
        dirs_ = std::move(dirs);
    }
    removed_.push_back(from);
    created_.push_back(to);
    return {};
}

WriteResult MemoryFileSystem::sync_dir(const std::string&) {
    return {};
}

size_t MemoryFileSystem::remove_stale_temporaries(const std::string&) {
    return 0;
}

}  // namespace kam
