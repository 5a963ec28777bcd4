// The git layer: the in-memory GitSource the diff tests build on, the tree
// behind the FileSystem seam, and the real one on small repositories made
// with the git binary in a temporary folder (fixed dates and names).
#include <doctest/doctest.h>

#include <cerrno>
#include <cstring>

#include <sys/wait.h>
#include <unistd.h>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "kam/io/git_source.hpp"
#include "kam/io/git_tree_file_system.hpp"
#include "kam/util/error.hpp"

using namespace kam;

namespace {

bool contains(const std::string& s, std::string_view part) {
    return s.find(part) != std::string::npos;
}

struct TempRepo {
    std::string path;
    TempRepo() {
        std::string pattern = (std::filesystem::temp_directory_path() / "kam-git-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        path = std::filesystem::canonical(pattern).string();
    }
    ~TempRepo() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    // Runs a shell line in the folder with a fixed identity and dates.
    void sh(const std::string& line) const {
        const std::string cmd =
            "cd '" + path +
            "' && export GIT_AUTHOR_NAME='Ann Author' GIT_AUTHOR_EMAIL=ann@example.com "
            "GIT_COMMITTER_NAME='Ann Author' GIT_COMMITTER_EMAIL=ann@example.com "
            "GIT_AUTHOR_DATE='2026-03-01T10:00:00Z' GIT_COMMITTER_DATE='2026-03-01T10:00:00Z' "
            "GIT_CONFIG_NOSYSTEM=1 HOME=" +
            path + " && (" + line + ") >/dev/null 2>&1";
        REQUIRE_MESSAGE(std::system(cmd.c_str()) == 0, line);
    }
    void write(const std::string& name, const std::string& content) const {
        std::filesystem::create_directories(std::filesystem::path(path + "/" + name).parent_path());
        std::ofstream out(path + "/" + name, std::ios::binary);
        out << content;
    }
};

bool have_git() {
    return std::system("git --version >/dev/null 2>&1") == 0;
}

}  // namespace

TEST_CASE("MemoryGitSource: commits, trees, revisions and changes") {
    MemoryGitSource git;
    const auto c1 =
        git.add_commit({{"kam.yaml", "kam: 1\n"}, {"accounts/acme/account.yaml", "a\n"}});
    const auto c2 = git.add_commit({{"kam.yaml", "kam: 1\n"},
                                    {"accounts/acme-inc/account.yaml", "a\n"},
                                    {"accounts/beta/account.yaml", "b\n"}},
                                   {c1});
    git.set_ref("v1", c1);

    CHECK(git.resolve("HEAD").value() == c2);
    CHECK(git.resolve("HEAD~1").value() == c1);
    CHECK(git.resolve("HEAD^").value() == c1);
    CHECK(git.resolve("v1").value() == c1);
    CHECK(git.resolve(c2.substr(0, 8)).value() == c2);
    CHECK(git.resolve("HEAD~2").error() == "unknown revision 'HEAD~2'");
    CHECK(git.resolve("--output=x").error() ==
          "'--output=x' is not a revision (it starts with '-')");

    const auto tree = git.tree(c2);
    REQUIRE(tree);
    REQUIRE(tree->size() == 3);
    CHECK((*tree)[0].path == "accounts/acme-inc/account.yaml");
    CHECK((*tree)[0].blob == git.tree(c1).value()[0].blob);  // same content, same id

    const auto changes = git.changes(c1, c2);
    REQUIRE(changes);
    REQUIRE(changes->size() == 2);
    CHECK((*changes)[0].status == 'R');
    CHECK((*changes)[0].old_path == "accounts/acme/account.yaml");
    CHECK((*changes)[0].new_path == "accounts/acme-inc/account.yaml");
    CHECK((*changes)[1].status == 'A');
    CHECK((*changes)[1].new_path == "accounts/beta/account.yaml");

    CHECK(git.first_parent_log(c2).value() == std::vector<std::string>{c2, c1});
    CHECK(git.merge_base(c1, c2).value() == c1);
    CHECK(git.commit(c2).value().parents == std::vector<std::string>{c1});
}

TEST_CASE("MemoryGitSource: a shallow boundary forgets parents and advises fetching") {
    MemoryGitSource git;
    const auto c1 = git.add_commit({{"kam.yaml", "kam: 1\n"}});
    const auto c2 = git.add_commit({{"kam.yaml", "kam: 1\n# x\n"}}, {c1});
    git.set_shallow({c2});
    CHECK(git.is_shallow());
    CHECK(git.shallow_boundary() == std::vector<std::string>{c2});
    CHECK(git.commit(c2).value().grafted);
    CHECK(git.commit(c2).value().parents.empty());
    const auto beyond = git.resolve("HEAD~1");
    REQUIRE(!beyond);
    CHECK(contains(beyond.error(), "unknown revision 'HEAD~1': this clone is shallow"));
    CHECK(contains(beyond.error(), "fetch-depth: 0"));
    CHECK(contains(beyond.error(), "git fetch --shallow-since=DATE"));
    CHECK(git.first_parent_log(c2).value() == std::vector<std::string>{c2});
}

TEST_CASE("GitTreeFileSystem: a revision behind the FileSystem seam, blobs read once") {
    MemoryGitSource git;
    const auto c1 = git.add_commit({{"kam.yaml", "kam: 1\n"},
                                    {"accounts/acme/account.yaml", "name: Acme\n"},
                                    {"accounts/acme/contacts.yaml", "contacts: []\n"}});
    auto cache = std::make_shared<BlobCache>();
    GitTreeFileSystem fs(git, git.tree(c1).value(), "/repo/portfolio", cache);

    CHECK(fs.type_of("/repo/portfolio") == EntryType::directory);
    CHECK(fs.type_of("/repo/portfolio/accounts") == EntryType::directory);
    CHECK(fs.type_of("/repo/portfolio/kam.yaml") == EntryType::file);
    CHECK(!fs.type_of("/repo/portfolio/nothing"));
    CHECK(!fs.type_of("/elsewhere/kam.yaml"));

    const auto top = fs.list_dir("/repo/portfolio");
    REQUIRE(top);
    REQUIRE(top->size() == 2);
    CHECK((*top)[0].name == "accounts");
    CHECK((*top)[0].type == EntryType::directory);
    CHECK((*top)[1].name == "kam.yaml");
    const auto acme = fs.list_dir("/repo/portfolio/accounts/acme");
    REQUIRE(acme);
    REQUIRE(acme->size() == 2);
    CHECK((*acme)[1].name == "contacts.yaml");
    CHECK(!fs.list_dir("/repo/portfolio/kam.yaml"));

    CHECK(fs.read_file("/repo/portfolio/accounts/acme/account.yaml", 100).value() ==
          "name: Acme\n");
    CHECK(fs.read_file("/repo/portfolio/accounts/acme/account.yaml", 3).value() == "name");
    CHECK(fs.read_file("/repo/portfolio/accounts", 100).error() == "not a regular file");
    CHECK(!fs.read_file("/repo/portfolio/missing.yaml", 100));
    CHECK(cache->reads() == 1);

    GitTreeFileSystem again(git, git.tree(c1).value(), "/repo/portfolio", cache);
    CHECK(again.read_file("/repo/portfolio/accounts/acme/account.yaml", 100));
    CHECK(cache->reads() == 1);
    REQUIRE(fs.entry("kam.yaml"));
    CHECK(fs.entry("kam.yaml")->blob == git.tree(c1).value()[2].blob);
}

TEST_CASE("GitTreeFileSystem: a folder lists each subfolder once, whatever sorts beside it") {
    // '-' and '.' sort before '/', '0' after it: a listing that skips past a
    // subfolder's files must land on the next name, not inside or beyond it.
    MemoryGitSource git;
    const std::string b = git.add_blob("x: 1\n");
    GitTreeFileSystem fs(git,
                         {{"accounts/a-b/account.yaml", "100644", b},
                          {"accounts/a.yaml", "100644", b},
                          {"accounts/a/account.yaml", "100644", b},
                          {"accounts/a/deep/er/file.yaml", "100644", b},
                          {"accounts/a/risks.yaml", "100644", b},
                          {"accounts/a0/account.yaml", "100644", b},
                          {"accounts/z", "120000", b},
                          {"top.yaml", "100644", b}},
                         "/r");
    const auto names = [&](const std::string& path) {
        std::vector<std::string> out;
        const auto listed = fs.list_dir(path);  // held: value() refers into it
        for (const DirEntry& e : listed.value())
            out.push_back(e.name + (e.type == EntryType::directory ? "/" : ""));
        return out;
    };
    CHECK(names("/r") == std::vector<std::string>{"accounts/", "top.yaml"});
    CHECK(names("/r/accounts") == std::vector<std::string>{"a/", "a-b/", "a.yaml", "a0/", "z"});
    CHECK(names("/r/accounts/a") ==
          std::vector<std::string>{"account.yaml", "deep/", "risks.yaml"});
    CHECK(names("/r/accounts/a/deep") == std::vector<std::string>{"er/"});
    CHECK(fs.type_of("/r/accounts/a/deep/er") == EntryType::directory);
    CHECK(fs.type_of("/r/accounts/a/deep/er/file.yaml") == EntryType::file);
    CHECK(fs.list_dir("/r/accounts/a.yaml").error() == std::strerror(ENOTDIR));
    CHECK(fs.entry("accounts/a/risks.yaml"));
    CHECK(!fs.entry("accounts/a/risks"));
    CHECK(!fs.entry("accounts/a"));
}

TEST_CASE("BlobCache: past its budget blobs are read but not kept") {
    MemoryGitSource git;
    const std::string a = git.add_blob("aaaa");
    const std::string b = git.add_blob("bbbbbb");
    BlobCache cache(5);
    CHECK(cache.get(git, a).value() == "aaaa");
    CHECK(cache.get(git, b).value() == "bbbbbb");  // over the budget: not kept
    CHECK(cache.get(git, a).value() == "aaaa");
    CHECK(cache.get(git, b).value() == "bbbbbb");
    CHECK(cache.reads() == 3);
}

TEST_CASE("GitTreeFileSystem: symlinks and submodules are reported, never read") {
    MemoryGitSource git;
    const std::string blob = git.add_blob("target");
    GitTreeFileSystem fs(git,
                         {{"accounts/link", "120000", blob},
                          {"accounts/sub", "160000", blob},
                          {"kam.yaml", "100644", git.add_blob("kam: 1\n")}},
                         "/r");
    CHECK(fs.type_of("/r/accounts/link") == EntryType::symlink);
    CHECK(fs.read_file("/r/accounts/link", 100).error() == "a symlink; kam never follows one");
    CHECK(fs.type_of("/r/accounts/sub") == EntryType::other);
}

TEST_CASE("open_git: a folder outside any repository is a usage error") {
    if (!have_git()) return;
    TempRepo dir;
    CHECK_THROWS_AS(open_git(dir.path), UsageError);
    try {
        open_git(dir.path);
    } catch (const UsageError& e) {
        CHECK(contains(e.what(), "is not in a git repository"));
    }
}

TEST_CASE("ProcessGitSource: a portfolio in a subfolder, renames, the index and blobs") {
    if (!have_git()) return;
    TempRepo repo;
    repo.sh("git init -q -b main .");
    repo.write("README.md", "outside\n");
    repo.write("crm/kam.yaml", "kam: 1\n");
    repo.write("crm/accounts/acme/account.yaml", "name: Acme\nstatus: active\ntier: key\n");
    repo.sh("git add -A && git commit -q -m 'First' -m 'Body line.'");
    repo.sh(
        "git mv crm/accounts/acme crm/accounts/acme-inc && echo '# note' >> README.md && "
        "git commit -q -am 'Rename acme'");
    repo.write("crm/accounts/beta/account.yaml", "name: Beta\n");
    repo.sh("git add crm/accounts/beta/account.yaml");

    auto git = open_git(repo.path + "/crm");
    REQUIRE(git);
    const auto head = git->resolve("HEAD");
    REQUIRE(head);
    CHECK(head->size() == 40);
    const auto first = git->resolve("main~1");
    REQUIRE(first);
    CHECK(!git->resolve("nope"));
    CHECK(contains(git->resolve("nope").error(), "unknown revision 'nope'"));
    CHECK(git->resolve("-h").error() == "'-h' is not a revision (it starts with '-')");
    CHECK(!git->resolve("HEAD:crm/kam.yaml"));  // a blob, not a commit

    const auto c = git->commit(*first);
    REQUIRE(c);
    CHECK(c->author == "Ann Author");
    CHECK(c->author_email == "ann@example.com");
    CHECK(c->author_time == 1772359200);
    CHECK(c->commit_time == 1772359200);
    CHECK(c->subject == "First");
    CHECK(c->parents.empty());
    CHECK(!c->grafted);
    CHECK(git->commit(*head).value().parents == std::vector<std::string>{*first});

    const auto tree = git->tree(*head);
    REQUIRE(tree);
    REQUIRE(tree->size() == 2);  // README.md lies outside the portfolio
    CHECK((*tree)[0].path == "accounts/acme-inc/account.yaml");
    CHECK((*tree)[0].mode == "100644");
    CHECK((*tree)[1].path == "kam.yaml");
    CHECK(git->blob((*tree)[1].blob).value() == "kam: 1\n");
    CHECK(git->blob((*tree)[0].blob).value() == "name: Acme\nstatus: active\ntier: key\n");
    CHECK(!git->blob(std::string(40, '1')));
    CHECK(git->blob((*tree)[1].blob).value() == "kam: 1\n");  // the batch survives a miss

    const auto changes = git->changes(*first, *head);
    REQUIRE(changes);
    REQUIRE(changes->size() == 1);
    CHECK((*changes)[0].status == 'R');
    CHECK((*changes)[0].old_path == "accounts/acme/account.yaml");
    CHECK((*changes)[0].new_path == "accounts/acme-inc/account.yaml");
    CHECK((*changes)[0].similarity == 100);
    CHECK((*changes)[0].old_blob == (*changes)[0].new_blob);

    const auto index = git->index();
    REQUIRE(index);
    REQUIRE(index->size() == 3);
    CHECK((*index)[1].path == "accounts/beta/account.yaml");

    CHECK(git->first_parent_log(*head).value() == std::vector<std::string>{*head, *first});
    CHECK(git->merge_base(*head, *first).value() == *first);
    CHECK(!git->is_shallow());

    GitTreeFileSystem fs(*git, *tree, repo.path + "/crm");
    CHECK(fs.read_file(repo.path + "/crm/kam.yaml", 1000).value() == "kam: 1\n");
}

TEST_CASE("ProcessGitSource: a depth-1 clone knows its boundary and advises fetching") {
    if (!have_git()) return;
    TempRepo repo;
    repo.sh(
        "mkdir origin && cd origin && git init -q -b main . && echo 'kam: 1' > kam.yaml && "
        "git add kam.yaml && git commit -q -m one && echo '# two' >> kam.yaml && "
        "git commit -q -am two");
    repo.sh("git clone -q --depth 1 file://" + repo.path + "/origin clone");
    auto git = open_git(repo.path + "/clone");
    CHECK(git->is_shallow());
    const auto head = git->resolve("HEAD");
    REQUIRE(head);
    CHECK(git->shallow_boundary() == std::vector<std::string>{*head});
    const auto c = git->commit(*head);
    REQUIRE(c);
    CHECK(c->grafted);
    CHECK(c->parents.empty());
    const auto beyond = git->resolve("HEAD~1");
    REQUIRE(!beyond);
    CHECK(contains(beyond.error(), "this clone is shallow"));
    CHECK(contains(beyond.error(), "fetch-depth: 0"));
    CHECK(git->first_parent_log(*head).value().size() == 1);
}

TEST_CASE("ProcessGitSource: a linked worktree reads the shared history") {
    if (!have_git()) return;
    TempRepo repo;
    repo.sh(
        "mkdir main && cd main && git init -q -b main . && echo 'kam: 1' > kam.yaml && "
        "git add kam.yaml && git commit -q -m one && git worktree add -q ../wt -b side");
    auto git = open_git(repo.path + "/wt");
    const auto head = git->resolve("HEAD");
    REQUIRE(head);
    CHECK(git->resolve("main").value() == *head);
    CHECK(git->tree(*head).value().size() == 1);
    CHECK(git->index().value().size() == 1);
}
