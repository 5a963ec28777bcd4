// Files behind an interface: the in-memory tree the tests use, and the real
// one, which must never follow a symlink and never hang on a FIFO.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "kam/io/file_system.hpp"

using namespace kam;

namespace {

bool contains(const std::string& s, std::string_view part) {
    return s.find(part) != std::string::npos;
}

// A fresh folder under the system's temporary directory, removed at the end.
struct TempDir {
    std::string path;
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "kam-fs-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        path = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    std::string operator/(const std::string& name) const { return path + "/" + name; }
    void write(const std::string& name, const std::string& content) const {
        std::ofstream out(*this / name, std::ios::binary);
        out << content;
    }
};

}  // namespace

TEST_CASE("join_path") {
    CHECK(join_path("a", "b") == "a/b");
    CHECK(join_path("a/", "b") == "a/b");
    CHECK(join_path("", "b") == "b");
    CHECK(join_path(".", "b") == "b");
    CHECK(join_path("/", "b") == "/b");
}

TEST_CASE("MemoryFileSystem: folders exist implicitly, entries are sorted and typed") {
    MemoryFileSystem fs;
    fs.add_file("root/kam.yaml", "kam: 1\n");
    fs.add_file("root/accounts/acme/account.yaml", "name: Acme\n");
    fs.add_file("root/accounts/beta/account.yaml", "name: Beta\n");
    fs.add_file("root/accounts/notes.txt", "x");
    fs.add_symlink("root/accounts/link");
    fs.add_file("root/accountsX/other.yaml", "");

    const auto top = fs.list_dir("root");
    REQUIRE(top);
    REQUIRE(top->size() == 3);
    CHECK((*top)[0].name == "accounts");
    CHECK((*top)[0].type == EntryType::directory);
    CHECK((*top)[1].name == "accountsX");
    CHECK((*top)[1].type == EntryType::directory);
    CHECK((*top)[2].name == "kam.yaml");
    CHECK((*top)[2].type == EntryType::file);

    const auto accounts = fs.list_dir("root/accounts");
    REQUIRE(accounts);
    REQUIRE(accounts->size() == 4);
    CHECK((*accounts)[0].name == "acme");
    CHECK((*accounts)[0].type == EntryType::directory);
    CHECK((*accounts)[1].name == "beta");
    CHECK((*accounts)[2].name == "link");
    CHECK((*accounts)[2].type == EntryType::symlink);
    CHECK((*accounts)[3].name == "notes.txt");
    CHECK((*accounts)[3].type == EntryType::file);

    CHECK(fs.type_of("root") == EntryType::directory);
    CHECK(fs.type_of("root/accounts/acme") == EntryType::directory);
    CHECK(fs.type_of("root/kam.yaml") == EntryType::file);
    CHECK(fs.type_of("root/accounts/link") == EntryType::symlink);
    CHECK_FALSE(fs.type_of("root/missing"));
    CHECK_FALSE(fs.type_of("root/acc"));  // a prefix of a name is not a folder
    CHECK_FALSE(fs.type_of("root/accounts/acm"));

    CHECK_FALSE(fs.list_dir("root/missing"));
    CHECK_FALSE(fs.list_dir("roo"));
}

TEST_CASE("MemoryFileSystem: read_file returns at most max_bytes + 1 and refuses symlinks") {
    MemoryFileSystem fs;
    fs.add_file("a.yaml", "hello world");
    fs.add_symlink("link.yaml");

    const auto whole = fs.read_file("a.yaml", 100);
    REQUIRE(whole);
    CHECK(*whole == "hello world");
    const auto cut = fs.read_file("a.yaml", 4);
    REQUIRE(cut);
    CHECK(*cut == "hello");  // max_bytes + 1: the caller can tell "too large" apart
    const auto exact = fs.read_file("a.yaml", 11);
    REQUIRE(exact);
    CHECK(exact->size() == 11);

    const auto link = fs.read_file("link.yaml", 100);
    REQUIRE_FALSE(link);
    CHECK(contains(link.error(), "symlink"));
    CHECK_FALSE(fs.read_file("missing.yaml", 100));
}

TEST_CASE("RealFileSystem: list_dir is sorted and typed, without . and ..") {
    TempDir dir;
    dir.write("b.yaml", "name: B\n");
    dir.write("a.yaml", "name: A\n");
    REQUIRE(::mkdir((dir / "c-folder").c_str(), 0755) == 0);
    REQUIRE(::symlink("a.yaml", (dir / "d-link").c_str()) == 0);
    REQUIRE(::symlink("nowhere", (dir / "e-dangling").c_str()) == 0);
    REQUIRE(::mkfifo((dir / "f-fifo").c_str(), 0600) == 0);

    RealFileSystem fs;
    const auto list = fs.list_dir(dir.path);
    REQUIRE(list);
    REQUIRE(list->size() == 6);
    CHECK((*list)[0].name == "a.yaml");
    CHECK((*list)[0].type == EntryType::file);
    CHECK((*list)[1].name == "b.yaml");
    CHECK((*list)[1].type == EntryType::file);
    CHECK((*list)[2].name == "c-folder");
    CHECK((*list)[2].type == EntryType::directory);
    CHECK((*list)[3].name == "d-link");
    CHECK((*list)[3].type == EntryType::symlink);
    CHECK((*list)[4].name == "e-dangling");
    CHECK((*list)[4].type == EntryType::symlink);
    CHECK((*list)[5].name == "f-fifo");
    CHECK((*list)[5].type == EntryType::other);

    CHECK(fs.type_of(dir / "a.yaml") == EntryType::file);
    CHECK(fs.type_of(dir / "c-folder") == EntryType::directory);
    CHECK(fs.type_of(dir / "d-link") == EntryType::symlink);  // the link itself, not its target
    CHECK(fs.type_of(dir / "e-dangling") == EntryType::symlink);
    CHECK(fs.type_of(dir / "f-fifo") == EntryType::other);
    CHECK_FALSE(fs.type_of(dir / "missing"));

    CHECK_FALSE(fs.list_dir(dir / "missing"));
    CHECK_FALSE(fs.list_dir(dir / "a.yaml"));
}

TEST_CASE("RealFileSystem: read_file never follows a symlink and never blocks on a FIFO") {
    TempDir dir;
    dir.write("a.yaml", "name: Acme\n");
    REQUIRE(::symlink("a.yaml", (dir / "link.yaml").c_str()) == 0);
    REQUIRE(::mkdir((dir / "folder").c_str(), 0755) == 0);
    REQUIRE(::mkfifo((dir / "fifo.yaml").c_str(), 0600) == 0);

    RealFileSystem fs;
    const auto ok = fs.read_file(dir / "a.yaml", 1024);
    REQUIRE(ok);
    CHECK(*ok == "name: Acme\n");

    const auto link = fs.read_file(dir / "link.yaml", 1024);
    REQUIRE_FALSE(link);
    CHECK(contains(link.error(), "symlink"));

    const auto folder = fs.read_file(dir / "folder", 1024);
    CHECK_FALSE(folder);
    const auto fifo = fs.read_file(dir / "fifo.yaml", 1024);  // must return, not wait for a writer
    CHECK_FALSE(fifo);
    CHECK_FALSE(fs.read_file(dir / "missing.yaml", 1024));
}

TEST_CASE("RealFileSystem: read_file reads at most max_bytes + 1") {
    TempDir dir;
    const std::string big(100000, 'x');
    dir.write("big.yaml", big);
    dir.write("empty.yaml", "");
    RealFileSystem fs;

    const auto cut = fs.read_file(dir / "big.yaml", 10);
    REQUIRE(cut);
    CHECK(cut->size() == 11);
    const auto whole = fs.read_file(dir / "big.yaml", 1 << 20);
    REQUIRE(whole);
    CHECK(*whole == big);
    const auto exact = fs.read_file(dir / "big.yaml", big.size());
    REQUIRE(exact);
    CHECK(exact->size() == big.size());
    const auto empty = fs.read_file(dir / "empty.yaml", 10);
    REQUIRE(empty);
    CHECK(empty->empty());
}
