#include "kam/util/atomic_file.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "kam/util/error.hpp"

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

WriteResult failure(int err, std::string message) {
    return WriteResult(status_of_errno(err), std::move(message));
}

WriteResult write_bytes(int fd, std::string_view content, const std::string& path) {
    size_t done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return failure(errno, fmt::format("cannot write {}: {}", path, std::strerror(errno)));
        }
        done += static_cast<size_t>(n);
    }
    return {};
}

WriteResult write_all(int fd, std::string_view content, const std::string& path) {
    if (auto w = write_bytes(fd, content, path); !w) return w;
    if (::fsync(fd) != 0)
        return failure(errno, fmt::format("cannot write {}: {}", path, std::strerror(errno)));
    return {};
}

// Each piece of `produce` written in turn, then fsync; after a failed piece
// the rest go nowhere.
WriteResult write_produced(int fd, const std::function<void(const TextSink&)>& produce,
                           const std::string& path) {
    WriteResult result;
    produce([&](std::string_view piece) {
        if (result) result = write_bytes(fd, piece, path);
    });
    if (!result) return result;
    return write_all(fd, {}, path);
}

// Everything the descriptor's file holds now, up to 64 MiB.
std::string read_all(int fd) {
    std::string out;
    char buf[65536];
    for (off_t at = 0; out.size() <= (size_t{64} << 20);) {
        const ssize_t n = ::pread(fd, buf, sizeof buf, at);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        out.append(buf, static_cast<size_t>(n));
        at += n;
    }
    return out;
}
}  // namespace

WriteStatus status_of_errno(int err) {
    return err == ENOENT || err == ENOTDIR ? WriteStatus::bad_path : WriteStatus::failed;
}

void throw_unless_written(const WriteResult& result, std::string_view context) {
    if (result) return;
    std::string message =
        context.empty() ? result.error() : fmt::format("{}: {}", context, result.error());
    if (result.refused()) throw UsageError(message);
    throw EnvironmentError(message);
}

WriteResult sync_directory(const std::string& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return failure(errno, fmt::format("cannot open {}: {}", dir, std::strerror(errno)));
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0)
        return WriteResult(WriteStatus::failed,
                           fmt::format("cannot sync {}: {}", dir, std::strerror(err)));
    return {};
}

WriteResult write_file_atomically(const std::string& path, std::string_view content,
                                  const AtomicWriteOptions& options) {
    return write_pieces_atomically(
        path, [&](const TextSink& write) { write(content); }, options);
}

WriteResult write_pieces_atomically(const std::string& path,
                                    const std::function<void(const TextSink&)>& produce,
                                    const AtomicWriteOptions& options) {
    using S = WriteStatus;
    mode_t mode = static_cast<mode_t>(options.new_mode) & ~current_umask();
    struct stat st {};
    bool replacing = false;
    if (::lstat(path.c_str(), &st) == 0) {
        if (S_ISLNK(st.st_mode))
            return {S::not_regular,
                    fmt::format("{} is a symlink; kam never writes through one", path)};
        if (!S_ISREG(st.st_mode))
            return {S::not_regular, fmt::format("{} is not a regular file", path)};
        if (options.must_not_exist) return {S::exists, fmt::format("{} exists already", path)};
        mode = st.st_mode & 07777;
        replacing = true;
    }
    const std::string dir = parent_of(path);
    // A dot-file, so that one a killed kam leaves behind stays out of sight
    // until the next edit collects it (remove_stale_temporaries).
    std::string tmp = join(dir, "." + name_of(path) + ".kam-XXXXXX");
    const int fd = ::mkstemp(tmp.data());
    if (fd < 0)
        return failure(errno,
                       fmt::format("cannot create a file in {}: {}", dir, std::strerror(errno)));
    auto fail = [&](WriteResult result) {
        ::close(fd);
        ::unlink(tmp.c_str());
        return result;
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
        return fail(failure(
            errno, fmt::format("cannot set the mode of {}: {}", tmp, std::strerror(errno))));
    try {
        if (auto w = write_produced(fd, produce, path); !w) return fail(w);
    } catch (...) {
        static_cast<void>(fail({}));
        throw;
    }
    if (::close(fd) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        return failure(err, fmt::format("cannot write {}: {}", path, std::strerror(err)));
    }
    // Open before the last check, so that what reaches the old file after it is seen.
    const int old_fd = replacing && options.replaced_content
                           ? ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
                           : -1;
    auto drop = [&](WriteResult result) {
        ::unlink(tmp.c_str());
        if (old_fd >= 0) ::close(old_fd);
        return result;
    };
    if (options.before_publish)
        if (WriteResult ok = options.before_publish(); !ok) return drop(std::move(ok));
    // link() never replaces: a file that appeared meanwhile is kept, and ours is refused.
    const int rc = options.must_not_exist ? ::link(tmp.c_str(), path.c_str())
                                          : ::rename(tmp.c_str(), path.c_str());
    if (rc != 0) {
        const int err = errno;
        if (options.must_not_exist && err == EEXIST)
            return drop({S::exists, fmt::format("{} exists already", path)});
        return drop(failure(err, fmt::format("cannot replace {}: {}", path, std::strerror(err))));
    }
    if (options.must_not_exist) ::unlink(tmp.c_str());
    if (old_fd >= 0) {
        *options.replaced_content = read_all(old_fd);
        ::close(old_fd);
    }
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

WriteResult write_new_file(const std::string& path, std::string_view content, unsigned mode) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW,
                          static_cast<mode_t>(mode));
    if (fd < 0) {
        const int err = errno;
        const std::string message = fmt::format("cannot create {}: {}", path, std::strerror(err));
        return {err == EEXIST ? WriteStatus::exists : status_of_errno(err), message};
    }
    WriteResult w = write_all(fd, content, path);
    if (::close(fd) != 0 && w)
        w = failure(errno, fmt::format("cannot write {}: {}", path, std::strerror(errno)));
    if (!w) ::unlink(path.c_str());
    return w;
}

Expected<std::string> write_unique_file(const std::string& prefix, std::string_view content) {
    std::string name = prefix + "XXXXXX";
    const int fd = ::mkstemp(name.data());
    if (fd < 0) return unexpected(fmt::format("cannot create {}: {}", name, std::strerror(errno)));
    WriteResult w = write_all(fd, content, name);
    if (::close(fd) != 0 && w)
        w = failure(errno, fmt::format("cannot write {}: {}", name, std::strerror(errno)));
    if (!w) {
        ::unlink(name.c_str());
        return unexpected(w.error());
    }
    return name;
}

}  // namespace kam
