#pragma once
// Running git: posix_spawnp with fixed arguments (never a shell), LC_ALL=C,
// no pager, no terminal prompt, no optional locks. Internal to io/.
#include <sys/types.h>
#include <mutex>
#include <string>
#include <vector>

#include "kam/util/expected.hpp"

namespace kam::git_detail {

struct ProcessResult {
    int status = -1;  // the exit status; -1 when killed by a signal
    std::string out;
    std::string err;
};

// Runs `git ARGS...` to the end, reading stdout and stderr fully, with
// `input` on its stdin (/dev/null when empty). The error is "git is not
// installed" when the binary cannot be spawned.
Expected<ProcessResult> run_git(const std::vector<std::string>& args,
                                const std::string& input = {});

// One long-running `git cat-file --batch`, started on first use, fed one object
// id per request. Serialised by a mutex, so several threads may share it.
class CatFileBatch {
  public:
    explicit CatFileBatch(std::vector<std::string> prefix_args);
    ~CatFileBatch();
    CatFileBatch(const CatFileBatch&) = delete;
    CatFileBatch& operator=(const CatFileBatch&) = delete;

    struct Object {
        std::string type;
        std::string data;
    };
    Expected<Object> read(const std::string& id);
    // Several objects in one round trip (requests sent k_batch_requests at
    // a time), each read or its own error, in order.
    std::vector<Expected<Object>> read_many(const std::vector<std::string>& ids);
    static constexpr size_t k_batch_requests = 256;

  private:
    Expected<bool> start();
    void stop();
    Expected<std::string> read_line();
    Expected<bool> read_exact(size_t n, std::string& into);

    std::vector<std::string> prefix_args_;
    std::mutex mutex_;
    pid_t pid_ = -1;
    int to_child_ = -1;
    int from_child_ = -1;
    bool failed_ = false;
    std::string buffer_;
    size_t buffer_pos_ = 0;
};

}  // namespace kam::git_detail
