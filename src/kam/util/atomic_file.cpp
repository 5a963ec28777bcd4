#include "kam/util/atomic_file.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace kam {

namespace {
std::string join(const std::string& dir, const std::string& name) {
    return dir == "/" ? "/" + name : dir + "/" + name;
}

std::string parent_of(const std::string& path) {
    const size_t slash = path.rfind('/');
    if (slash == std::string::npos) return ".";
    if (slash == 0) return "/";
    return path.substr(0, slash);
}

std::string name_of(const std::string& path) {
    const size_t slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

mode_t current_umask() {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return mask;
}

// "NAME.kam-XXXXXX" as mkstemp makes it: six letters or digits after ".kam-".
bool is_temporary_name(std::string_view name) {
    const size_t at = name.rfind(".kam-");
    if (at == std::string_view::npos || at == 0 || name.size() - at != 11) return false;
    for (const char c : name.substr(at + 5))
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            return false;
    return true;
}

Expected<Unit> write_all(int fd, std::string_view content, const std::string& path) {
    size_t done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return unexpected(fmt::format("cannot write {}: {}", path, std::strerror(errno)));
        }
        done += static_cast<size_t>(n);
    }
    if (::fsync(fd) != 0)
        return unexpected(fmt::format("cannot write {}: {}", path, std::strerror(errno)));
    return Unit{};
}
}  // namespace

Expected<Unit> sync_directory(const std::string& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return unexpected(fmt::format("cannot open {}: {}", dir, std::strerror(errno)));
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0) return unexpected(fmt::format("cannot sync {}: {}", dir, std::strerror(err)));
    return Unit{};
}

Expected<Unit> write_file_atomically(const std::string& path, std::string_view content,
                                     unsigned new_mode) {
    AtomicWriteOptions options;
    options.new_mode = new_mode;
    return write_file_atomically(path, content, options);
}

Expected<Unit> write_file_atomically(const std::string& path, std::string_view content,
                                     const AtomicWriteOptions& options) {
    mode_t mode = static_cast<mode_t>(options.new_mode) & ~current_umask();
    struct stat st {};
    bool replacing = false;
    if (::lstat(path.c_str(), &st) == 0) {
        if (S_ISLNK(st.st_mode))
            return unexpected(fmt::format("{} is a symlink; kam never writes through one", path));
        if (!S_ISREG(st.st_mode)) return unexpected(fmt::format("{} is not a regular file", path));
        if (options.must_not_exist) return unexpected(fmt::format("{} exists already", path));
        mode = st.st_mode & 07777;
        replacing = true;
    }
    const std::string dir = parent_of(path);
    // A dot-file, so that one a killed kam leaves behind stays out of sight
    // until the next edit collects it (remove_stale_temporaries).
    std::string tmp = join(dir, "." + name_of(path) + ".kam-XXXXXX");
    const int fd = ::mkstemp(tmp.data());
    if (fd < 0)
        return unexpected(fmt::format("cannot create a file in {}: {}", dir, std::strerror(errno)));
    auto fail = [&](std::string message) {
        ::close(fd);
        ::unlink(tmp.c_str());
        return unexpected(std::move(message));
    };
    // The owner and group first (where permitted: only root may give a file
    // away, a member may pick another of its groups), then the mode, which
    // a change of owner could clear set-id bits from.
    if (replacing && (st.st_uid != ::geteuid() || st.st_gid != ::getegid()) &&
        ::fchown(fd, st.st_uid, st.st_gid) != 0 &&
        ::fchown(fd, static_cast<uid_t>(-1), st.st_gid) != 0) {
        // Not permitted: the file becomes ours, as with any editor's save.
    }
    if (::fchmod(fd, mode) != 0)
        return fail(fmt::format("cannot set the mode of {}: {}", tmp, std::strerror(errno)));
    if (auto w = write_all(fd, content, path); !w) return fail(w.error());
    if (::close(fd) != 0) {
        ::unlink(tmp.c_str());
        return unexpected(fmt::format("cannot write {}: {}", path, std::strerror(errno)));
    }
    if (options.before_publish) {
        if (auto ok = options.before_publish(); !ok) {
            ::unlink(tmp.c_str());
            return unexpected(ok.error());
        }
    }
    // link() never replaces: a file that appeared meanwhile is kept, and ours is refused.
    const int rc = options.must_not_exist ? ::link(tmp.c_str(), path.c_str())
                                          : ::rename(tmp.c_str(), path.c_str());
    if (rc != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        if (options.must_not_exist && err == EEXIST)
            return unexpected(fmt::format("{} exists already", path));
        return unexpected(fmt::format("cannot replace {}: {}", path, std::strerror(err)));
    }
    if (options.must_not_exist) ::unlink(tmp.c_str());
    return sync_directory(dir);
}

size_t remove_stale_temporaries(const std::string& dir) {
    DIR* d = ::opendir(dir.c_str());
    if (!d) return 0;
    size_t removed = 0;
    while (const dirent* e = ::readdir(d)) {
        const std::string name = e->d_name;
        if (!is_temporary_name(name)) continue;
        const std::string path = join(dir, name);
        struct stat st {};
        if (::lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::unlink(path.c_str()) == 0)
            ++removed;
    }
    ::closedir(d);
    return removed;
}

Expected<Unit> write_new_file(const std::string& path, std::string_view content, unsigned mode) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW,
                          static_cast<mode_t>(mode));
    if (fd < 0) return unexpected(fmt::format("cannot create {}: {}", path, std::strerror(errno)));
    auto w = write_all(fd, content, path);
    if (::close(fd) != 0 && w)
        w = unexpected(fmt::format("cannot write {}: {}", path, std::strerror(errno)));
    if (!w) ::unlink(path.c_str());
    return w;
}

}  // namespace kam
