// kam init and kam new on the in-memory file system: what they write, and
// that a write failing half way or a failed rename leaves nothing half-written.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "kam/io/file_system.hpp"
#include "kam/scaffold/scaffold.hpp"
#include "kam/util/date.hpp"
#include "kam/util/error.hpp"

using namespace kam;

namespace {

MemoryFileSystem initialized() {
    MemoryFileSystem fs;
    fs.add_dir("p");
    InitRequest r;
    r.dir = "p";
    r.name = "Demo";
    (void)init_portfolio(r, fs);
    return fs;
}

NewAccountRequest new_acme() {
    NewAccountRequest r;
    r.root = "p";
    r.slug = "acme";
    r.name = "Acme";
    r.manager = "Dana";
    r.tier = "key";
    r.today = *parse_date("2026-11-23");
    return r;
}

// The files below `dir`.
std::vector<std::string> files_below(const MemoryFileSystem& fs, const std::string& dir) {
    std::vector<std::string> out;
    for (const auto& [path, _] : fs.files())
        if (path.starts_with(dir + "/")) out.push_back(path.substr(dir.size() + 1));
    return out;
}

}  // namespace

TEST_CASE("kam init writes the portfolio through the file system seam") {
    MemoryFileSystem fs;
    fs.add_dir("p");
    InitRequest r;
    r.dir = "p";
    r.name = "Demo";
    const auto written = init_portfolio(r, fs);
    CHECK(written.back() == "kam.yaml");  // last: it is what makes the folder a portfolio
    CHECK(fs.type_of("p/accounts") == EntryType::directory);
    CHECK(fs.files().count("p/kam.yaml"));
    CHECK(fs.files().count("p/accounts/.gitkeep"));
    CHECK(fs.files().at("p/.gitignore").find(".kam-lock") != std::string::npos);
    CHECK(fs.files().count("p/.vscode/settings.json"));
    CHECK(fs.replaced().empty());  // nothing was there to replace
    CHECK_THROWS_WITH_AS(init_portfolio(r, fs),
                         "'p' is already a portfolio (it has a kam.yaml); nothing was changed",
                         UsageError);
}

TEST_CASE("kam init: a folder that cannot be made is the machine's failure, exit 4") {
    MemoryFileSystem fs;
    fs.add_dir("p");
    fs.fail_mkdir("p/accounts");
    InitRequest r;
    r.dir = "p";
    r.name = "Demo";
    CHECK_THROWS_WITH_AS(init_portfolio(r, fs), "cannot create p/accounts: Permission denied",
                         EnvironmentError);
    CHECK_FALSE(fs.files().count("p/kam.yaml"));  // not a portfolio: init can run again
}

TEST_CASE("kam new writes nine files into a temporary folder and renames it into place") {
    MemoryFileSystem fs = initialized();
    const auto names = create_account(new_acme(), fs);
    CHECK(names.size() == 9);
    CHECK(files_below(fs, "p/accounts/acme").size() == 9);
    CHECK(fs.type_of("p/accounts/acme") == EntryType::directory);
    for (const auto& [path, _] : fs.files())
        CHECK_MESSAGE(path.find(".new-") == std::string::npos, path);
    CHECK_THROWS_WITH_AS(create_account(new_acme(), fs), "account 'acme' already exists",
                         UsageError);
}

TEST_CASE("kam new: a write that fails half way leaves no account and no partial file") {
    MemoryFileSystem fs = initialized();
    const auto before = fs.files();
    // The fourth file the template writes: find its temporary path by a dry run.
    MemoryFileSystem probe = initialized();
    (void)create_account(new_acme(), probe);
    std::string tmp_dir;
    for (const std::string& c : probe.created())
        if (c.find("/.new-acme-") != std::string::npos && c.ends_with("/")) tmp_dir = c;
    REQUIRE_FALSE(tmp_dir.empty());
    // The same serial numbers come out of a fresh file system run the same way.
    fs.fail_write(tmp_dir + "risks.yaml", 10);
    CHECK_THROWS_WITH_AS(create_account(new_acme(), fs),
                         doctest::Contains("No space left on device"), EnvironmentError);
    CHECK(fs.files() == before);  // the partial file and its siblings are gone
    CHECK_FALSE(fs.type_of("p/accounts/acme"));
    CHECK_FALSE(fs.type_of(tmp_dir.substr(0, tmp_dir.size() - 1)));
}

TEST_CASE("kam new: a rename that fails leaves no account and no temporary folder") {
    MemoryFileSystem fs = initialized();
    const auto before = fs.files();
    fs.fail_rename("p/accounts/acme");
    CHECK_THROWS_AS(create_account(new_acme(), fs), EnvironmentError);
    CHECK(fs.files() == before);
    CHECK_FALSE(fs.type_of("p/accounts/acme"));
    auto entries = fs.list_dir("p/accounts");
    REQUIRE(entries);
    for (const DirEntry& e : *entries) CHECK_MESSAGE(e.name == ".gitkeep", e.name);
}
