// Writing edits safely, on real temporary portfolios: the account lock, the
// confinement to the portfolio, and what kam does when the disk is full, the
// folder is read-only, the file changes meanwhile or two writers race.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <string>
#include <thread>

#include "kam/edit/add_record.hpp"
#include "kam/edit/confine.hpp"
#include "kam/edit/edit_lock.hpp"
#include "kam/edit/field_edit.hpp"
#include "kam/edit/locked_write.hpp"
#include "kam/io/yaml_loader.hpp"
#include "kam/portfolio/load.hpp"
#include "kam/util/error.hpp"
#include "test_files.hpp"

using namespace kam;
namespace stdfs = std::filesystem;

namespace {

void spit(const std::string& path, const std::string& content) {
    stdfs::create_directories(stdfs::path(path).parent_path());
    std::ofstream(path, std::ios::binary) << content;
}

const std::string k_risks =
    "# Risk register\n"
    "risks:\n"
    "  # the big one\n"
    "  - id: R1\n"
    "    title: Sponsor retiring   # since May\n"
    "    likelihood: 3\n"
    "    impact: 4\n"
    "    status: open\n"
    "\n"
    "  - id: R2\n"
    "    title: Price war\n"
    "    likelihood: 2\n"
    "    impact: 2\n"
    "    status: accepted\n";

// A portfolio with one account, acme, in a fresh folder (world-readable, so
// a child process that gave up root can still read it).
struct Portfolio {
    std::string root;
    explicit Portfolio(const std::string& at = {}) {
        if (at.empty()) {
            std::string pattern = (stdfs::temp_directory_path() / "kam-write-XXXXXX").string();
            REQUIRE(::mkdtemp(pattern.data()) != nullptr);
            root = pattern;
            ::chmod(root.c_str(), 0755);
        } else {
            root = at;
        }
        spit(root + "/kam.yaml", "kam: 1\nname: T\ncurrency: EUR\n");
        spit(root + "/accounts/acme/account.yaml",
             "name: Acme\nstatus: active\ntier: growth\nmanager: Dana\n");
        spit(root + "/accounts/acme/risks.yaml", k_risks);
    }
    ~Portfolio() {
        std::error_code ec;
        stdfs::permissions(root + "/accounts/acme", stdfs::perms::owner_all,
                           stdfs::perm_options::add, ec);
        stdfs::remove_all(root, ec);
    }
    std::string file(const std::string& relative) const { return root + "/" + relative; }
    FieldRequest request(const std::string& path) const {
        return FieldRequest{root, ".", "acme", path, *parse_date("2026-11-23")};
    }
    // Everything in the account folder: no lock or temporary file may stay behind.
    std::set<std::string> entries() const {
        std::set<std::string> names;
        for (const auto& e : stdfs::directory_iterator(root + "/accounts/acme"))
            names.insert(e.path().filename().string());
        return names;
    }
};

const std::set<std::string> k_clean = {"account.yaml", "risks.yaml"};

// The real files, every call passed on: tests override what they play with.
class ForwardingFileSystem : public WritableFileSystem {
  public:
    Expected<std::string> read_file(const std::string& path, size_t max) const override {
        return real_.read_file(path, max);
    }
    Expected<std::vector<DirEntry>> list_dir(const std::string& path) const override {
        return real_.list_dir(path);
    }
    std::optional<EntryType> type_of(const std::string& path) const override {
        return real_.type_of(path);
    }
    WriteResult create_exclusive(const std::string& path, std::string_view content,
                                 unsigned mode) override {
        return real_.create_exclusive(path, content, mode);
    }
    WriteResult replace_atomically(const std::string& path, std::string_view content,
                                   const AtomicWriteOptions& options) override {
        return real_.replace_atomically(path, content, options);
    }
    Expected<std::string> create_unique(const std::string& prefix,
                                        std::string_view content) override {
        return real_.create_unique(prefix, content);
    }
    WriteResult make_dir(const std::string& path, unsigned mode) override {
        return real_.make_dir(path, mode);
    }
    Expected<std::string> make_temp_dir(const std::string& prefix) override {
        return real_.make_temp_dir(prefix);
    }
    WriteResult remove(const std::string& path) override { return real_.remove(path); }
    WriteResult rename(const std::string& from, const std::string& to) override {
        return real_.rename(from, to);
    }
    WriteResult sync_dir(const std::string& path) override { return real_.sync_dir(path); }
    size_t remove_stale_temporaries(const std::string& dir) override {
        return real_.remove_stale_temporaries(dir);
    }

  protected:
    mutable RealFileSystem real_;
};

// Runs `body` in a child process and returns its exit status (the child never
// returns into doctest). The child may write a message to `note` for the parent.
int in_child(const std::function<int()>& body) {
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        int rc = 100;
        try {
            rc = body();
        } catch (...) {
            rc = 101;
        }
        ::_exit(rc);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// kam set in a child; 0 when the machine failed it (EnvironmentError, exit
// 4) with a message containing `expected` (written to `note` either way), 1
// when it wrote, 3 when it was taken for a usage error.
int refused_set(const Portfolio& p, const std::string& path, const std::string& value,
                const std::string& expected, const std::string& note) {
    RealFileSystem fs;
    try {
        (void)set_field(fs, p.request(path), value, false);
    } catch (const EnvironmentError& e) {
        spit(note, e.what());
        return std::string(e.what()).find(expected) != std::string::npos ? 0 : 2;
    } catch (const UsageError& e) {
        spit(note, std::string("a usage error, not an environment error: ") + e.what());
        return 3;
    }
    spit(note, "written");
    return 1;
}

// The account as kam validate sees it: the error findings, one per line.
std::string account_errors(const Portfolio& p) {
    RealFileSystem fs;
    DiagnosticSink sink("kam.yaml");
    const auto settings = read_settings(fs, p.root, sink, default_event_source());
    std::vector<Diagnostic> out;
    load_account(fs, p.root + "/accounts/acme", "accounts/acme", "acme", settings,
                 *parse_date("2026-11-23"), default_event_source(), out);
    std::string errors;
    for (const Diagnostic& d : out)
        if (d.severity == Severity::error) errors += fmt::format("{} [{}]\n", d.message, d.rule);
    return errors;
}

}  // namespace

TEST_CASE("the account lock: one holder, waiting, held and stale locks") {
    Portfolio p;
    const std::string dir = p.root + "/accounts/acme";
    RealFileSystem disk;
    {
        auto first = EditLock::acquire(disk, dir);
        REQUIRE(first.lock);
        CHECK(
            kam::test::read_text(lock_file_of(dir)).starts_with(std::to_string(::getpid()) + " "));
        auto second = EditLock::acquire(disk, dir, std::chrono::milliseconds(60));
        REQUIRE_FALSE(second.lock);
        CHECK(second.result.status() == WriteStatus::exists);
        CHECK(second.result.error().find("another kam (process " + std::to_string(::getpid())) !=
              std::string::npos);
    }
    CHECK(p.entries() == k_clean);

    // A second writer waits for the first instead of failing.
    std::optional<EditLock> held;
    held.emplace(std::move(*EditLock::acquire(disk, dir).lock));
    std::thread release([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(150));
        held.reset();
    });
    auto waited = EditLock::acquire(disk, dir, std::chrono::seconds(5));
    release.join();
    CHECK(waited.lock);

    // A lock left by a process that is gone: said at once, not removed.
    const pid_t gone = ::fork();
    if (gone == 0) ::_exit(0);
    ::waitpid(gone, nullptr, 0);
    char host[256] = {};
    ::gethostname(host, sizeof host - 1);
    Portfolio q;
    const std::string qdir = q.root + "/accounts/acme";
    spit(lock_file_of(qdir), std::to_string(gone) + " " + host + "\n");
    auto stale = EditLock::acquire(disk, qdir, std::chrono::seconds(5));
    REQUIRE_FALSE(stale.lock);
    CHECK(stale.result.error().find("stale lock") != std::string::npos);
    CHECK(stdfs::exists(lock_file_of(qdir)));
    // kam set says the same and writes nothing.
    RealFileSystem fs;
    CHECK_THROWS_WITH_AS(set_field(fs, q.request("risks.R1.status"), "closed", false),
                         doctest::Contains("stale lock"), UsageError);
    CHECK(kam::test::read_text(q.file("accounts/acme/risks.yaml")) == k_risks);
    // A dry run reads only and takes no lock.
    CHECK_NOTHROW(set_field(fs, q.request("risks.R1.status"), "closed", true));
}

TEST_CASE("edits stay inside the portfolio") {
    Portfolio p;
    RealFileSystem disk;
    CHECK(check_inside_portfolio(disk, p.root, "accounts/acme/risks.yaml", "x"));
    CHECK(check_inside_portfolio(disk, p.root, "accounts/acme/sales.yaml", "x"));  // to be created
    CHECK_FALSE(check_inside_portfolio(disk, p.root, "accounts/../kam.yaml", "x"));
    CHECK_FALSE(check_inside_portfolio(disk, p.root, "/etc/passwd", "x"));

    // accounts/ a symlink to a folder elsewhere: refused, though reading it would work.
    Portfolio elsewhere;
    stdfs::remove_all(p.root + "/accounts");
    stdfs::create_directory_symlink(elsewhere.root + "/accounts", p.root + "/accounts");
    const auto through = check_inside_portfolio(disk, p.root, "accounts/acme/risks.yaml", "r.yaml");
    REQUIRE_FALSE(through);
    CHECK(through.error() ==
          "r.yaml leads through the symlink accounts; kam writes only inside the portfolio");
    RealFileSystem fs;
    CHECK_THROWS_AS(set_field(fs, p.request("risks.R1.status"), "closed", false), UsageError);
    CHECK(kam::test::read_text(elsewhere.file("accounts/acme/risks.yaml")) == k_risks);
}

TEST_CASE("a written edit keeps the mode and the byte-order mark, and leaves nothing behind") {
    Portfolio p;
    const std::string file = p.file("accounts/acme/risks.yaml");
    spit(file, "\xEF\xBB\xBF" + k_risks);
    ::chmod(file.c_str(), 0600);
    RealFileSystem fs;
    const EditResult r = set_field(fs, p.request("risks.R2.status"), "closed", false);
    CHECK(r.written);
    std::string expected = "\xEF\xBB\xBF" + k_risks;
    expected.replace(expected.find("status: accepted"), 16, "status: closed");
    CHECK(kam::test::read_text(file) == expected);
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0600);
    CHECK(p.entries() == k_clean);
}

TEST_CASE("a file changed between kam's read and its write is not overwritten") {
    // The file system kam reads through: the moment kam has read risks.yaml,
    // "an editor" saves a change to it.
    class EditorMeanwhile final : public ForwardingFileSystem {
      public:
        explicit EditorMeanwhile(std::string path) : path_(std::move(path)) {}
        Expected<std::string> read_file(const std::string& path, size_t max) const override {
            auto content = real_.read_file(path, max);
            if (path == path_ && !saved_) {
                saved_ = true;
                std::ofstream(path, std::ios::app) << "# saved in an editor\n";
            }
            return content;
        }

      private:
        std::string path_;
        mutable bool saved_ = false;
    };
    Portfolio p;
    const std::string file = p.file("accounts/acme/risks.yaml");
    EditorMeanwhile fs(file);
    CHECK_THROWS_WITH_AS(set_field(fs, p.request("risks.R1.status"), "closed", false),
                         doctest::Contains("changed while kam was editing it; nothing was written"),
                         UsageError);
    CHECK(kam::test::read_text(file) == k_risks + "# saved in an editor\n");
    CHECK(p.entries() == k_clean);

    // The second look, right before the rename: a change made while the new
    // content was being written is caught too.
    AtomicWriteOptions options;
    RealFileSystem disk;
    options.before_publish = [&]() -> WriteResult {
        return replace_if_unchanged(disk, file, "not what is there", "x");
    };
    CHECK_FALSE(write_file_atomically(file, "new\n", options));
    CHECK(kam::test::read_text(file) == k_risks + "# saved in an editor\n");
    CHECK(p.entries() == k_clean);
}

TEST_CASE("a read-only folder: refused, nothing written") {
    Portfolio p;
    const std::string note = p.file("note");
    const std::string dir = p.file("accounts/acme");
    ::chmod(dir.c_str(), 0555);
    // Permission bits do not stop root: give root up in a child first.
    const int rc = in_child([&] {
        if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) return 77;
        return refused_set(p, "risks.R1.status", "closed", "Permission denied", note + "-child");
    });
    if (rc == 77) {
        MESSAGE("skipped: running as root and cannot switch to an unprivileged user");
        return;
    }
    CHECK_MESSAGE(rc == 0, kam::test::read_text(note + "-child"));
    CHECK(kam::test::read_text(p.file("accounts/acme/risks.yaml")) == k_risks);
    ::chmod(dir.c_str(), 0755);
    CHECK(p.entries() == k_clean);
}

TEST_CASE("a full disk leaves the old file whole") {
    Portfolio p;
    const std::string file = p.file("accounts/acme/risks.yaml");
    // A long text makes the new file larger than what the disk will take.
    const std::string long_title(3000, 'x');
    SUBCASE("the file size limit (any user, any file system)") {
        const int rc = in_child([&] {
            std::signal(SIGXFSZ, SIG_IGN);  // EFBIG instead of a signal
            const rlimit limit{2048, 2048};
            if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) return 77;
            return refused_set(p, "risks.R1.title", long_title, "File too large", p.file("note"));
        });
        CHECK_MESSAGE(rc == 0, kam::test::read_text(p.file("note")));
    }
    SUBCASE("a real full file system (a small tmpfs, where mounting is allowed)") {
        const std::string mnt = p.file("small");
        stdfs::create_directory(mnt);
        const std::string note = p.file("note");
        const int rc = in_child([&] {
            // A mount namespace of our own: the tmpfs vanishes with this process.
            if (::unshare(CLONE_NEWNS) != 0) {
                const uid_t uid = ::geteuid();
                const gid_t gid = ::getegid();
                if (::unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0) return 77;
                spit("/proc/self/setgroups", "deny");
                spit("/proc/self/uid_map", "0 " + std::to_string(uid) + " 1");
                spit("/proc/self/gid_map", "0 " + std::to_string(gid) + " 1");
            }
            if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) return 77;
            if (::mount("tmpfs", mnt.c_str(), "tmpfs", 0, "size=64k") != 0) return 77;
            const Portfolio small(mnt);
            // Fill the disk to the last byte.
            {
                const int fd = ::open((mnt + "/filler").c_str(), O_WRONLY | O_CREAT, 0644);
                const std::string block(4096, 'f');
                while (::write(fd, block.data(), block.size()) > 0) {
                }
                ::close(fd);
            }
            int status =
                refused_set(small, "risks.R1.title", long_title, "No space left on device", note);
            if (status != 0) return 10 + status;
            // One page free: the lock fits, the new content does not.
            if (::truncate((mnt + "/filler").c_str(),
                           static_cast<off_t>(stdfs::file_size(mnt + "/filler") - 4096)) != 0)
                return 20;
            status =
                refused_set(small, "risks.R1.title", long_title, "No space left on device", note);
            if (status != 0) return 30 + status;
            if (kam::test::read_text(small.file("accounts/acme/risks.yaml")) != k_risks) return 40;
            if (small.entries() != k_clean) return 41;
            return 0;
        });
        if (rc == 77) {
            MESSAGE("skipped: cannot mount a tmpfs here (no mount or user namespaces)");
            return;
        }
        CHECK_MESSAGE(rc == 0, kam::test::read_text(note));
    }
    CHECK(kam::test::read_text(file) == k_risks);
    CHECK(p.entries().count(".kam-lock") == 0);
    for (const std::string& name : p.entries())
        CHECK_MESSAGE(name.find("kam-") == std::string::npos, name);
}

TEST_CASE("writers at once: every edit lands, none is lost") {
    Portfolio p;
    constexpr int k_writers = 6;
    std::vector<pid_t> children;
    for (int i = 0; i < k_writers; ++i) {
        const pid_t pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            int rc = 1;
            try {
                RealFileSystem fs;
                AddRequest r;
                r.where = p.request("");
                r.kind = "risk";
                r.fields = {{"title", "Writer " + std::to_string(i)},
                            {"likelihood", "2"},
                            {"impact", "3"},
                            {"status", "open"}};
                // Half of them also change another file of the account.
                (void)add_record(fs, r, false);
                if (i % 2 == 0)
                    (void)set_field(fs, p.request("account.mission"),
                                    "Mission " + std::to_string(i), false);
                rc = 0;
            } catch (const std::exception& e) {
                spit(p.root + "/err" + std::to_string(i), e.what());
            }
            ::_exit(rc);
        }
        children.push_back(pid);
    }
    for (pid_t pid : children) {
        int status = 0;
        ::waitpid(pid, &status, 0);
        CHECK(WIFEXITED(status));
        CHECK_MESSAGE(WEXITSTATUS(status) == 0, pid);
    }
    const std::string text = kam::test::read_text(p.file("accounts/acme/risks.yaml"));
    CHECK(text.starts_with(k_risks));
    std::set<std::string> ids;
    for (int i = 0; i < k_writers; ++i)
        CHECK_MESSAGE(text.find("title: Writer " + std::to_string(i) + "\n") != std::string::npos,
                      i);
    for (size_t at = text.find("id: "); at != std::string::npos; at = text.find("id: ", at + 1))
        ids.insert(text.substr(at, text.find('\n', at) - at));
    CHECK(ids.size() == 2 + k_writers);  // R1, R2 and six new distinct ids
    CHECK(account_errors(p).empty());
    CHECK(p.entries() == k_clean);
}
