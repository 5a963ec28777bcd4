#include "kam/edit/edit_lock.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <thread>

#include "kam/io/file_system.hpp"

namespace kam {

namespace {

std::string host_name() {
    char name[256] = {};
    if (::gethostname(name, sizeof name - 1) != 0) return "?";
    return name;
}

struct Holder {
    long pid = 0;
    std::string host;
};

// "PID HOST\n", as acquire() writes it; an empty or foreign file gives pid 0.
Holder read_holder(const std::string& lock) {
    RealFileSystem fs;
    Holder h;
    const auto text = fs.read_file(lock, 512);
    if (!text) return h;
    const size_t space = text->find(' ');
    try {
        h.pid = std::stol(text->substr(0, space));
    } catch (const std::exception&) {
        return Holder{};
    }
    if (space != std::string::npos) {
        h.host = text->substr(space + 1);
        while (!h.host.empty() && (h.host.back() == '\n' || h.host.back() == '\r'))
            h.host.pop_back();
    }
    return h;
}

bool runs_here(const Holder& h) {
    if (h.pid <= 0 || h.host != host_name()) return true;  // cannot tell: assume it runs
    return ::kill(static_cast<pid_t>(h.pid), 0) == 0 || errno != ESRCH;
}

}  // namespace

std::string lock_file_of(const std::string& dir) {
    return join_path(dir, ".kam-lock");
}

Expected<EditLock> EditLock::acquire(const std::string& dir, std::chrono::milliseconds wait) {
    const std::string lock = lock_file_of(dir);
    const auto deadline = std::chrono::steady_clock::now() + wait;
    while (true) {
        const int fd =
            ::open(lock.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
        if (fd >= 0) {
            const std::string who = fmt::format("{} {}\n", ::getpid(), host_name());
            errno = 0;
            const bool ok = ::write(fd, who.data(), who.size()) == static_cast<ssize_t>(who.size());
            ::close(fd);
            if (!ok) {
                // Full disk: not even the lock fits, so neither would the file.
                const int err = errno;
                ::unlink(lock.c_str());
                return unexpected(fmt::format("cannot write the lock {}: {}", lock,
                                              err ? std::strerror(err) : "short write"));
            }
            return EditLock(lock);
        }
        if (errno != EEXIST)
            return unexpected(
                fmt::format("cannot take the lock {}: {}", lock, std::strerror(errno)));
        const Holder h = read_holder(lock);
        if (!runs_here(h))
            return unexpected(fmt::format(
                "{} is a stale lock: kam process {} is no longer running; remove the file and "
                "try again",
                lock, h.pid));
        if (std::chrono::steady_clock::now() >= deadline)
            return unexpected(fmt::format(
                "another kam{} is editing this account (lock {}); if none is running, remove "
                "the lock",
                h.pid > 0 ? fmt::format(" (process {} on {})", h.pid, h.host) : "", lock));
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

EditLock::EditLock(EditLock&& other) noexcept : path_(std::move(other.path_)) {
    other.path_.clear();
}

EditLock::~EditLock() {
    if (!path_.empty()) ::unlink(path_.c_str());
}

}  // namespace kam
