#include "kam/edit/locked_write.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>

#include "kam/io/file_system.hpp"
#include "kam/io/yaml_loader.hpp"

namespace kam {

namespace {
Expected<Unit> still_holds(const std::string& path, std::string_view before) {
    RealFileSystem fs;
    auto now = fs.read_file(path, k_max_file_bytes);
    if (!now) return unexpected(fmt::format("cannot read {} again: {}", path, now.error()));
    if (*now != before) return unexpected(fmt::format("{} changed while kam was editing it", path));
    return Unit{};
}

// Everything the descriptor's file holds now, up to the size limit.
std::string read_all(int fd) {
    std::string out;
    char buf[65536];
    for (off_t at = 0; out.size() <= k_max_file_bytes;) {
        const ssize_t n = ::pread(fd, buf, sizeof buf, at);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        out.append(buf, static_cast<size_t>(n));
        at += n;
    }
    return out;
}

// Keeps what another program wrote into the replaced file, beside it.
std::string keep_other_version(const std::string& path, std::string_view content) {
    std::string name = path + ".kam-lost-XXXXXX";
    const int fd = ::mkstemp(name.data());
    if (fd < 0) return {};
    ::close(fd);
    if (!write_file_atomically(name, content)) {
        ::unlink(name.c_str());
        return {};
    }
    return name;
}
}  // namespace

Expected<Unit> replace_if_unchanged(const std::string& path, std::string_view before,
                                    std::string_view after, const WriteWindowHook& in_window,
                                    std::string* kept_in) {
    // First here, so that a changed file costs no temporary file; then again
    // right before the rename, which narrows the window to a few system calls.
    if (auto same = still_holds(path, before); !same) return same;
    const int old_fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    AtomicWriteOptions options;
    options.before_publish = [&]() -> Expected<Unit> {
        auto same = still_holds(path, before);
        if (same && in_window) in_window();
        return same;
    };
    auto w = write_file_atomically(path, after, options);
    if (old_fd >= 0) {
        // A write that reached the old file after the last compare is in it now.
        if (w)
            if (const std::string now = read_all(old_fd); now != before && kept_in)
                *kept_in = keep_other_version(path, now);
        ::close(old_fd);
    }
    return w;
}

Expected<Unit> create_file(const std::string& path, std::string_view content) {
    AtomicWriteOptions options;
    options.must_not_exist = true;
    auto w = write_file_atomically(path, content, options);
    if (!w && w.error().ends_with("exists already"))
        return unexpected(fmt::format("{} was created while kam was editing it", path));
    return w;
}

}  // namespace kam
