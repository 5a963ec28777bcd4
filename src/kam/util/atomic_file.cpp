#include "kam/util/atomic_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace kam {

namespace {
std::string parent_of(const std::string& path) {
    const size_t slash = path.rfind('/');
    if (slash == std::string::npos) return ".";
    if (slash == 0) return "/";
    return path.substr(0, slash);
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
    mode_t mode = static_cast<mode_t>(options.new_mode);
    struct stat st {};
    if (::lstat(path.c_str(), &st) == 0) {
        if (S_ISLNK(st.st_mode))
            return unexpected(fmt::format("{} is a symlink; kam never writes through one", path));
        if (!S_ISREG(st.st_mode)) return unexpected(fmt::format("{} is not a regular file", path));
        if (options.must_not_exist) return unexpected(fmt::format("{} exists already", path));
        mode = st.st_mode & 07777;
    }
    const std::string dir = parent_of(path);
    std::string tmp = path + ".kam-XXXXXX";
    const int fd = ::mkstemp(tmp.data());
    if (fd < 0)
        return unexpected(fmt::format("cannot create a file in {}: {}", dir, std::strerror(errno)));
    auto fail = [&](std::string message) {
        ::close(fd);
        ::unlink(tmp.c_str());
        return unexpected(std::move(message));
    };
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
