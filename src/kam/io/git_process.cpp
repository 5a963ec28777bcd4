#include "git_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

extern char** environ;

namespace kam::git_detail {

namespace {

// The environment a git child sees: the caller's (GIT_DIR and GIT_INDEX_FILE
// from a hook must survive), with messages in C, no pager, no prompt and no
// optional index refresh. GIT_CONFIG_NOSYSTEM is not set on purpose: CI images
// keep safe.directory in the system config.
std::vector<std::string> child_environment() {
    static const char* const k_dropped[] = {"LC_ALL=",
                                            "LANG=",
                                            "LANGUAGE=",
                                            "GIT_PAGER=",
                                            "PAGER=",
                                            "GIT_EXTERNAL_DIFF=",
                                            "GIT_TERMINAL_PROMPT=",
                                            "GIT_OPTIONAL_LOCKS=",
                                            "GIT_FLUSH="};
    // Paths a hook may set relative to its working directory: git runs with
    // -C (another folder), so they are made absolute here.
    static const char* const k_paths[] = {"GIT_DIR=", "GIT_INDEX_FILE=", "GIT_WORK_TREE=",
                                          "GIT_COMMON_DIR=", "GIT_OBJECT_DIRECTORY="};
    std::string cwd;
    if (char* here = ::getcwd(nullptr, 0)) {
        cwd = here;
        std::free(here);
    }
    std::vector<std::string> env;
    for (char** e = environ; e && *e; ++e) {
        const std::string_view entry(*e);
        bool drop = false;
        for (const char* d : k_dropped)
            if (entry.substr(0, std::strlen(d)) == d) drop = true;
        if (drop) continue;
        std::string kept(entry);
        for (const char* p : k_paths) {
            const size_t n = std::strlen(p);
            if (entry.substr(0, n) == p && entry.size() > n && entry[n] != '/' && !cwd.empty())
                kept = std::string(p) + cwd + "/" + std::string(entry.substr(n));
        }
        env.push_back(std::move(kept));
    }
    // With GIT_DIR and no GIT_WORK_TREE, git takes its working directory for
    // the top of the work tree; ours, not the -C folder, as git would.
    const auto has = [&](std::string_view prefix) {
        return std::any_of(env.begin(), env.end(),
                           [&](const std::string& e) { return e.starts_with(prefix); });
    };
    if (has("GIT_DIR=") && !has("GIT_WORK_TREE=") && !cwd.empty())
        env.push_back("GIT_WORK_TREE=" + cwd);
    env.emplace_back("LC_ALL=C");
    env.emplace_back("LANGUAGE=C");
    env.emplace_back("GIT_PAGER=cat");
    env.emplace_back("GIT_TERMINAL_PROMPT=0");
    env.emplace_back("GIT_OPTIONAL_LOCKS=0");
    return env;
}

struct CStrings {
    std::vector<std::string> owned;
    std::vector<char*> ptrs;
    explicit CStrings(std::vector<std::string> v) : owned(std::move(v)) {
        for (auto& s : owned) ptrs.push_back(s.data());
        ptrs.push_back(nullptr);
    }
};

// git's own options that keep its output stable whatever the user configured.
std::vector<std::string> git_argv(const std::vector<std::string>& args) {
    std::vector<std::string> argv = {"git", "--no-pager",          "-c", "color.ui=never",
                                     "-c",  "core.quotepath=off",  "-c", "log.showSignature=false",
                                     "-c",  "core.fsmonitor=false"};
    argv.insert(argv.end(), args.begin(), args.end());
    return argv;
}

std::string spawn_error(int err) {
    if (err == ENOENT) return "git is not installed (no `git` on PATH); this command needs git";
    return std::string("cannot run git: ") + std::strerror(err);
}

void close_fd(int& fd) {
    if (fd >= 0) ::close(fd);
    fd = -1;
}

int wait_child(pid_t pid) {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) return -1;
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

Expected<ProcessResult> run_git(const std::vector<std::string>& args, const std::string& input) {
    int out_pipe[2];
    int err_pipe[2];
    // stdin, when there is input: a socket, so that a child that stops
    // reading makes the write fail with EPIPE (MSG_NOSIGNAL), not kill kam.
    int in_pair[2] = {-1, -1};
    if (::pipe2(out_pipe, O_CLOEXEC) != 0) return unexpected(spawn_error(errno));
    if (::pipe2(err_pipe, O_CLOEXEC) != 0) {
        ::close(out_pipe[0]);
        ::close(out_pipe[1]);
        return unexpected(spawn_error(errno));
    }
    if (!input.empty() && ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, in_pair) != 0) {
        for (int fd : {out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) ::close(fd);
        return unexpected(spawn_error(errno));
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (input.empty())
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    else
        posix_spawn_file_actions_adddup2(&actions, in_pair[1], 0);
    posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
    CStrings argv(git_argv(args));
    CStrings env(child_environment());
    pid_t pid = -1;
    const int rc =
        ::posix_spawnp(&pid, "git", &actions, nullptr, argv.ptrs.data(), env.ptrs.data());
    posix_spawn_file_actions_destroy(&actions);
    ::close(out_pipe[1]);
    ::close(err_pipe[1]);
    close_fd(in_pair[1]);
    if (rc != 0) {
        ::close(out_pipe[0]);
        ::close(err_pipe[0]);
        close_fd(in_pair[0]);
        return unexpected(spawn_error(rc));
    }
    ProcessResult result;
    // The input is written as the child takes it, while its output is read:
    // neither side waits on a full pipe.
    pollfd fds[3] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}, {in_pair[0], POLLOUT, 0}};
    std::string* sinks[2] = {&result.out, &result.err};
    int open_count = 2;
    size_t written = 0;
    char chunk[65536];
    while (open_count > 0) {
        if (::poll(fds, fds[2].fd >= 0 ? 3 : 2, -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        if (fds[2].fd >= 0 && fds[2].revents != 0) {
            const ssize_t n = ::send(fds[2].fd, input.data() + written, input.size() - written,
                                     MSG_NOSIGNAL | MSG_DONTWAIT);
            if (n > 0) written += static_cast<size_t>(n);
            if ((n < 0 && errno != EINTR && errno != EAGAIN) || written == input.size()) {
                ::close(fds[2].fd);  // end of input (or a child that stopped reading)
                fds[2].fd = -1;
            }
        }
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || fds[i].revents == 0) continue;
            const ssize_t n = ::read(fds[i].fd, chunk, sizeof chunk);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                ::close(fds[i].fd);
                fds[i].fd = -1;
                --open_count;
            } else {
                sinks[i]->append(chunk, static_cast<size_t>(n));
            }
        }
    }
    for (auto& fd : fds)
        if (fd.fd >= 0) ::close(fd.fd);
    result.status = wait_child(pid);
    return result;
}

CatFileBatch::CatFileBatch(std::vector<std::string> prefix_args)
    : prefix_args_(std::move(prefix_args)) {}

CatFileBatch::~CatFileBatch() {
    stop();
}

void CatFileBatch::stop() {
    close_fd(to_child_);  // cat-file ends at end of input
    close_fd(from_child_);
    if (pid_ > 0) wait_child(pid_);
    pid_ = -1;
}

Expected<bool> CatFileBatch::start() {
    // stdin is a socket so a write to a dead child fails with EPIPE instead of
    // killing kam with SIGPIPE (send with MSG_NOSIGNAL).
    int in_pair[2];
    int out_pipe[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, in_pair) != 0)
        return unexpected(spawn_error(errno));
    if (::pipe2(out_pipe, O_CLOEXEC) != 0) {
        ::close(in_pair[0]);
        ::close(in_pair[1]);
        return unexpected(spawn_error(errno));
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in_pair[1], 0);
    posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    std::vector<std::string> args = prefix_args_;
    args.emplace_back("cat-file");
    args.emplace_back("--batch");
    CStrings argv(git_argv(args));
    CStrings env(child_environment());
    const int rc =
        ::posix_spawnp(&pid_, "git", &actions, nullptr, argv.ptrs.data(), env.ptrs.data());
    posix_spawn_file_actions_destroy(&actions);
    ::close(in_pair[1]);
    ::close(out_pipe[1]);
    if (rc != 0) {
        pid_ = -1;
        ::close(in_pair[0]);
        ::close(out_pipe[0]);
        return unexpected(spawn_error(rc));
    }
    to_child_ = in_pair[0];
    from_child_ = out_pipe[0];
    return true;
}

Expected<std::string> CatFileBatch::read_line() {
    std::string line;
    for (;;) {
        const size_t nl = buffer_.find('\n', buffer_pos_);
        if (nl != std::string::npos) {
            line = buffer_.substr(buffer_pos_, nl - buffer_pos_);
            buffer_pos_ = nl + 1;
            return line;
        }
        char chunk[65536];
        const ssize_t n = ::read(from_child_, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return unexpected("git cat-file ended unexpectedly");
        buffer_.erase(0, buffer_pos_);
        buffer_pos_ = 0;
        buffer_.append(chunk, static_cast<size_t>(n));
    }
}

Expected<bool> CatFileBatch::read_exact(size_t n, std::string& into) {
    into.clear();
    into.reserve(n);
    const size_t have = std::min(n, buffer_.size() - buffer_pos_);
    into.append(buffer_, buffer_pos_, have);
    buffer_pos_ += have;
    while (into.size() < n) {
        const size_t want = n - into.size();
        std::string chunk(std::min<size_t>(want, 1 << 20), '\0');
        const ssize_t got = ::read(from_child_, chunk.data(), chunk.size());
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) return unexpected("git cat-file ended unexpectedly");
        into.append(chunk.data(), static_cast<size_t>(got));
    }
    if (buffer_pos_ == buffer_.size()) {
        buffer_.clear();
        buffer_pos_ = 0;
    }
    return true;
}

Expected<CatFileBatch::Object> CatFileBatch::read(const std::string& id) {
    return std::move(read_many({id}).front());
}

std::vector<Expected<CatFileBatch::Object>> CatFileBatch::read_many(
    const std::vector<std::string>& ids) {
    std::lock_guard lock(mutex_);
    std::vector<Expected<Object>> out;
    out.reserve(ids.size());
    auto fail_rest = [&](const std::string& message) {
        while (out.size() < ids.size()) out.emplace_back(unexpected(message));
        return std::move(out);
    };
    if (failed_) return fail_rest("git cat-file is not running");
    for (const std::string& id : ids)
        if (id.empty() || id.find_first_of(" \n\t") != std::string::npos)
            return fail_rest("not an object id: '" + id + "'");
    if (pid_ < 0) {
        auto started = start();
        if (!started) {
            failed_ = true;
            return fail_rest(started.error());
        }
    }
    auto fail = [&](const std::string& message) {
        failed_ = true;
        stop();
        return fail_rest(message);
    };
    // All the requests at once, then the answers in order: one round trip
    // to git for the lot. The requests are small (the socket holds them
    // whole), so git never waits on kam to read while kam still writes.
    for (size_t first = 0; first < ids.size();) {
        size_t last = first;
        std::string request;
        for (; last < ids.size() && last - first < k_batch_requests; ++last)
            request += ids[last] + "\n";
        size_t sent = 0;
        while (sent < request.size()) {
            const ssize_t n =
                ::send(to_child_, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return fail("git cat-file ended unexpectedly");
            sent += static_cast<size_t>(n);
        }
        for (size_t k = first; k < last; ++k) {
            const std::string& id = ids[k];
            auto header = read_line();
            if (!header) return fail(header.error());
            // "<oid> <type> <size>" or "<name> missing" / "<name> ambiguous"
            const std::string& h = *header;
            const size_t s1 = h.find(' ');
            const size_t s2 = s1 == std::string::npos ? std::string::npos : h.find(' ', s1 + 1);
            if (s2 == std::string::npos) {
                if (h.size() > 8 && h.compare(h.size() - 8, 8, " missing") == 0)
                    out.emplace_back(
                        unexpected("object " + id + " is missing from the repository"));
                else
                    out.emplace_back(unexpected("object " + id + ": " +
                                                h.substr(s1 == std::string::npos ? 0 : s1 + 1)));
                continue;
            }
            Object object;
            object.type = h.substr(s1 + 1, s2 - s1 - 1);
            size_t size = 0;
            for (size_t i = s2 + 1; i < h.size(); ++i) {
                if (h[i] < '0' || h[i] > '9')
                    return fail("git cat-file: unexpected header '" + h + "'");
                size = size * 10 + static_cast<size_t>(h[i] - '0');
            }
            auto body = read_exact(size, object.data);
            if (!body) return fail(body.error());
            std::string newline;
            auto end_of = read_exact(1, newline);
            if (!end_of || newline != "\n")
                return fail("git cat-file: unexpected output after an object");
            out.emplace_back(std::move(object));
        }
        first = last;
    }
    return out;
}

}  // namespace kam::git_detail
