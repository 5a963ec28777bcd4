// Replacing files whole: content, mode, symlink refusal and no temporary
// files left behind, on a real temporary folder.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "kam/util/atomic_file.hpp"
#include "test_files.hpp"

using namespace kam;

namespace {

struct TempDir {
    std::string path;
    TempDir() {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "kam-atomic-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        path = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    std::string operator/(const std::string& name) const { return path + "/" + name; }
    std::vector<std::string> names() const {
        std::vector<std::string> out;
        for (const auto& e : std::filesystem::directory_iterator(path))
            out.push_back(e.path().filename().string());
        std::sort(out.begin(), out.end());
        return out;
    }
};

unsigned mode_of(const std::string& path) {
    struct stat st {};
    REQUIRE(::lstat(path.c_str(), &st) == 0);
    return static_cast<unsigned>(st.st_mode & 07777);
}

unsigned current_umask() {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return static_cast<unsigned>(mask);
}

// Sets the umask for one scope.
struct Umask {
    mode_t old;
    explicit Umask(mode_t mask) : old(::umask(mask)) {}
    ~Umask() { ::umask(old); }
};

}  // namespace

TEST_CASE("new files honour the umask, as any other program's") {
    TempDir dir;
    const Umask mask(027);
    REQUIRE(write_file_atomically(dir / "a.yaml", "a: 1\n"));
    CHECK(mode_of(dir / "a.yaml") == 0640u);
    REQUIRE(write_new_file(dir / "b.yaml", "b: 1\n"));
    CHECK(mode_of(dir / "b.yaml") == 0640u);
    AtomicWriteOptions linked;
    linked.must_not_exist = true;
    REQUIRE(write_file_atomically(dir / "c.yaml", "c: 1\n", linked));
    CHECK(mode_of(dir / "c.yaml") == 0640u);
    // A file that exists keeps its own mode, whatever the umask.
    REQUIRE(::chmod((dir / "a.yaml").c_str(), 0666) == 0);
    REQUIRE(write_file_atomically(dir / "a.yaml", "a: 2\n"));
    CHECK(mode_of(dir / "a.yaml") == 0666u);
}

TEST_CASE("a replaced file keeps its owner and group where the system permits") {
    if (::geteuid() != 0) return;  // only root may give a file away; nothing to check otherwise
    TempDir dir;
    const std::string file = dir / "account.yaml";
    REQUIRE(write_new_file(file, "name: Old\n"));
    REQUIRE(::chown(file.c_str(), 4321, 4322) == 0);
    REQUIRE(write_file_atomically(file, "name: New\n"));
    struct stat st {};
    REQUIRE(::lstat(file.c_str(), &st) == 0);
    CHECK(st.st_uid == 4321u);
    CHECK(st.st_gid == 4322u);
}

TEST_CASE("temporary files are hidden, and stale ones from a killed edit are collected") {
    TempDir dir;
    for (const char* name : {"risks.yaml", "risks.yaml.kam-AbC123", ".risks.yaml.kam-XyZ789",
                             "notes.kam-x", "x.yaml.kam-1234567", ".kam-lock"})
        REQUIRE(write_new_file(dir / name, ""));
    REQUIRE(::mkdir((dir / ".sales.yaml.kam-Folder").c_str(), 0755) == 0);
    CHECK(remove_stale_temporaries(dir.path) == 2);
    CHECK(dir.names() == std::vector<std::string>{".kam-lock", ".sales.yaml.kam-Folder",
                                                  "notes.kam-x", "risks.yaml",
                                                  "x.yaml.kam-1234567"});
    // While a write is under way its temporary file is a dot-file beside the target.
    AtomicWriteOptions options;
    std::vector<std::string> during;
    options.before_publish = [&]() -> WriteResult {
        during = dir.names();
        return {};
    };
    REQUIRE(write_file_atomically(dir / "risks.yaml", "risks: []\n", options));
    REQUIRE(during.size() == 6);
    CHECK(during[1].starts_with(".risks.yaml.kam-"));
}

TEST_CASE("write_file_atomically replaces the content and keeps the file's mode") {
    TempDir dir;
    const std::string file = dir / "account.yaml";
    REQUIRE(write_new_file(file, "name: Old\n", 0600));
    REQUIRE(::chmod(file.c_str(), 0600) == 0);

    const auto w = write_file_atomically(file, "name: New\n");
    REQUIRE_MESSAGE(w.has_value(), (w ? std::string() : w.error()));
    CHECK(kam::test::read_text(file) == "name: New\n");
    CHECK(mode_of(file) == 0600u);  // not the default 0644

    REQUIRE(::chmod(file.c_str(), 0640) == 0);
    REQUIRE(write_file_atomically(file, ""));
    CHECK(kam::test::read_text(file).empty());
    CHECK(mode_of(file) == 0640u);

    CHECK(dir.names() == std::vector<std::string>{"account.yaml"});  // no temporary file left
}

TEST_CASE("write_file_atomically creates a missing file with the given mode") {
    TempDir dir;
    const std::string file = dir / "new.yaml";
    AtomicWriteOptions mode_0640;
    mode_0640.new_mode = 0640;
    REQUIRE(write_file_atomically(file, "a: 1\n", mode_0640));
    CHECK(kam::test::read_text(file) == "a: 1\n");
    CHECK(mode_of(file) == (0640u & ~current_umask()));
    REQUIRE(write_file_atomically(dir / "default.yaml", "b: 2\n"));
    CHECK(mode_of(dir / "default.yaml") == (0644u & ~current_umask()));
    CHECK(dir.names() == std::vector<std::string>{"default.yaml", "new.yaml"});
}

TEST_CASE("write_file_atomically refuses a symlink and leaves it and its target alone") {
    TempDir dir;
    const std::string target = dir / "target.yaml";
    const std::string link = dir / "link.yaml";
    REQUIRE(write_new_file(target, "keep\n", 0644));
    REQUIRE(::symlink("target.yaml", link.c_str()) == 0);

    const auto w = write_file_atomically(link, "replaced\n");
    REQUIRE_FALSE(w.has_value());
    CHECK(w.status() == WriteStatus::not_regular);
    CHECK(w.refused());
    CHECK(w.error().find("symlink") != std::string::npos);
    struct stat st {};
    REQUIRE(::lstat(link.c_str(), &st) == 0);
    CHECK(S_ISLNK(st.st_mode));
    CHECK(kam::test::read_text(target) == "keep\n");

    // A dangling symlink is refused too: nothing is created through it.
    const std::string dangling = dir / "dangling.yaml";
    REQUIRE(::symlink("nowhere.yaml", dangling.c_str()) == 0);
    CHECK_FALSE(write_file_atomically(dangling, "x"));
    CHECK_FALSE(std::filesystem::exists(dir / "nowhere.yaml"));

    CHECK(dir.names() == std::vector<std::string>{"dangling.yaml", "link.yaml", "target.yaml"});
}

TEST_CASE("write_file_atomically refuses what is not a regular file, and fails cleanly") {
    TempDir dir;
    REQUIRE(::mkdir((dir / "folder").c_str(), 0755) == 0);
    const auto onto_dir = write_file_atomically(dir / "folder", "x");
    CHECK(onto_dir.status() == WriteStatus::not_regular);
    CHECK(std::filesystem::is_directory(dir / "folder"));

    const auto no_parent = write_file_atomically(dir / "missing/file.yaml", "x");
    CHECK(no_parent.status() ==
          WriteStatus::bad_path);  // the user named a folder that is not there
    CHECK(dir.names() == std::vector<std::string>{"folder"});
}

TEST_CASE("write_new_file creates a file that must not exist yet") {
    TempDir dir;
    const std::string file = dir / "kam.yaml";
    const auto first = write_new_file(file, "kam: 1\n", 0600);
    REQUIRE(first.has_value());
    CHECK(kam::test::read_text(file) == "kam: 1\n");
    CHECK(mode_of(file) == 0600u);

    const auto again = write_new_file(file, "kam: 2\n");
    CHECK(again.status() == WriteStatus::exists);
    CHECK_FALSE(again.error().empty());
    CHECK(kam::test::read_text(file) == "kam: 1\n");  // untouched

    // Not through a symlink either, dangling or not.
    REQUIRE(::symlink("elsewhere.yaml", (dir / "link.yaml").c_str()) == 0);
    CHECK_FALSE(write_new_file(dir / "link.yaml", "x"));
    CHECK_FALSE(std::filesystem::exists(dir / "elsewhere.yaml"));

    CHECK(dir.names() == std::vector<std::string>{"kam.yaml", "link.yaml"});
    CHECK(sync_directory(dir.path));
    CHECK_FALSE(sync_directory(dir / "missing"));
}

TEST_CASE("content written in pieces lands whole; a producer that throws leaves nothing") {
    TempDir dir;
    const std::string path = dir / "page.html";
    REQUIRE(write_pieces_atomically(path, [](const TextSink& write) {
        for (int i = 0; i < 1000; ++i) write("piece " + std::to_string(i) + "\n");
    }));
    std::string expected;
    for (int i = 0; i < 1000; ++i) expected += "piece " + std::to_string(i) + "\n";
    CHECK(test::read_text(path) == expected);

    CHECK_THROWS_AS(static_cast<void>(write_pieces_atomically(path,
                                                              [](const TextSink& write) {
                                                                  write("half");
                                                                  throw std::runtime_error("x");
                                                              })),
                    std::runtime_error);
    CHECK(test::read_text(path) == expected);                     // the old content stays
    CHECK(dir.names() == std::vector<std::string>{"page.html"});  // no temporary left
}
