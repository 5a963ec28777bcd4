#include "kam/edit/edit_lock.hpp"

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
Holder read_holder(const FileSystem& fs, const std::string& lock) {
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

EditLock::Acquired EditLock::acquire(WritableFileSystem& fs, const std::string& dir,
                                     std::chrono::milliseconds wait) {
    const std::string lock = lock_file_of(dir);
    const auto deadline = std::chrono::steady_clock::now() + wait;
    auto refused = [](std::string message) {
        return Acquired{std::nullopt, WriteResult(WriteStatus::exists, std::move(message))};
    };
    while (true) {
        const std::string who = fmt::format("{} {}\n", ::getpid(), host_name());
        const WriteResult w = fs.create_exclusive(lock, who);
        if (w) return Acquired{EditLock(fs, lock), {}};
        if (w.status() != WriteStatus::exists)
            // A full disk: not even the lock fits, so neither would the file.
            return Acquired{std::nullopt,
                            WriteResult(w.status(), fmt::format("cannot take the lock {}: {}", lock,
                                                                w.error()))};
        const Holder h = read_holder(fs, lock);
        if (!runs_here(h))
            return refused(fmt::format(
                "{} is a stale lock: kam process {} is no longer running; remove the file and "
                "try again",
                lock, h.pid));
        if (std::chrono::steady_clock::now() >= deadline)
            return refused(fmt::format(
                "another kam{} is editing this account (lock {}); if none is running, remove "
                "the lock",
                h.pid > 0 ? fmt::format(" (process {} on {})", h.pid, h.host) : "", lock));
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

EditLock::EditLock(EditLock&& other) noexcept : fs_(other.fs_), path_(std::move(other.path_)) {
    other.path_.clear();
}

EditLock::~EditLock() {
    if (!path_.empty()) (void)fs_->remove(path_);
}

}  // namespace kam
