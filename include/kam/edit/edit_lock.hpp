#pragma once
// One kam writer per account at a time. An edit reads a file, checks the
// whole account with the change and writes: another writer in between could
// lose an update or break a reference across files, so the lock covers the
// account folder from before the read until after the write.
#include <chrono>
#include <optional>
#include <string>

#include "kam/io/file_system.hpp"
#include "kam/util/expected.hpp"

namespace kam {

inline constexpr std::chrono::milliseconds k_lock_wait{10000};

class EditLock {
  public:
    // Creates `dir`/.kam-lock (exclusively, through `fs`) holding "PID HOST".
    // While another kam holds it, waits up to `wait`; a lock left by a process
    // of this host that is no longer running is reported as stale at once,
    // never removed silently. Refusals (held, stale) have status `exists`; a
    // lock that cannot be written, `failed` or `bad_path`. `fs` must outlive the lock.
    struct Acquired;
    [[nodiscard]] static Acquired acquire(WritableFileSystem& fs, const std::string& dir,
                                          std::chrono::milliseconds wait = k_lock_wait);

    EditLock(EditLock&& other) noexcept;
    EditLock& operator=(EditLock&&) = delete;
    EditLock(const EditLock&) = delete;
    EditLock& operator=(const EditLock&) = delete;
    ~EditLock();  // removes the lock file

    const std::string& path() const { return path_; }

  private:
    EditLock(WritableFileSystem& fs, std::string path) : fs_(&fs), path_(std::move(path)) {}
    WritableFileSystem* fs_;
    std::string path_;
};

struct EditLock::Acquired {
    std::optional<EditLock> lock;  // set when taken
    WriteResult result;            // why not, when not
};

// The lock file of an account folder.
std::string lock_file_of(const std::string& dir);

}  // namespace kam
