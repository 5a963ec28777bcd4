#include "kam/edit/locked_write.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>

#include "kam/io/file_system.hpp"
#include "kam/io/yaml_loader.hpp"
#include "kam/util/atomic_file.hpp"

namespace kam {

namespace {
std::string lock_path_for(const std::string& path) {
    const size_t slash = path.rfind('/');
    const std::string dir = slash == std::string::npos ? "" : path.substr(0, slash + 1);
    const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    return dir + "." + name + ".kam-lock";
}
}  // namespace

namespace {
// Runs `write` while holding the lock file of `path`.
template <typename Write>
Expected<bool> with_lock(const std::string& path, Write write) {
    const std::string lock = lock_path_for(path);
    const int fd = ::open(lock.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) {
        if (errno == EEXIST)
            return unexpected(fmt::format(
                "another kam is editing {} (lock {}); if none is running, remove the lock", path,
                lock));
        return unexpected(fmt::format("cannot lock {}: {}", path, std::strerror(errno)));
    }
    const std::string pid = std::to_string(::getpid()) + "\n";
    (void)!::write(fd, pid.data(), pid.size());
    ::close(fd);
    struct Unlock {
        const std::string& p;
        ~Unlock() { ::unlink(p.c_str()); }
    } unlock{lock};
    return write();
}
}  // namespace

Expected<bool> create_locked(const std::string& path, std::string_view content) {
    return with_lock(path, [&]() -> Expected<bool> {
        if (auto w = write_new_file(path, content); !w) return unexpected(w.error());
        return true;
    });
}

Expected<bool> replace_if_unchanged(const std::string& path, std::string_view before,
                                    std::string_view after) {
    return with_lock(path, [&]() -> Expected<bool> {
        RealFileSystem fs;
        auto now = fs.read_file(path, k_max_file_bytes);
        if (!now) return unexpected(fmt::format("cannot read {} again: {}", path, now.error()));
        if (*now != before)
            return unexpected(
                fmt::format("{} changed while kam was editing it; nothing was written", path));
        if (auto w = write_file_atomically(path, after); !w) return unexpected(w.error());
        return true;
    });
}

}  // namespace kam
