// Edits on keys written with no value, the way kam's own templates lay them
// out: "key:" followed by a comment line, "key: ~", "key: null", "key: []".
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "kam/edit/add_record.hpp"
#include "kam/edit/field_edit.hpp"
#include "kam/io/file_system.hpp"
#include "kam/util/error.hpp"

using namespace kam;

namespace {

const std::string k_kam_yaml = "kam: 1\nname: T\ncurrency: EUR\n";
const std::string k_account = "name: Acme\nstatus: active\ntier: key\nmanager: Dana\n";

// A one-account portfolio in memory, with `file` holding `text`.
MemoryFileSystem portfolio(const std::string& file, const std::string& text) {
    MemoryFileSystem fs;
    fs.add_file("/p/kam.yaml", k_kam_yaml);
    fs.add_file("/p/accounts/acme/account.yaml", file == "account.yaml" ? text : k_account);
    if (file != "account.yaml") fs.add_file("/p/accounts/acme/" + file, text);
    return fs;
}

FieldRequest at(const std::string& path) {
    return FieldRequest{"/p", ".", "acme", path, *parse_date("2026-11-23")};
}

// The file as the edit would leave it.
std::string after_of(const EditResult& r) {
    return r.after;
}

std::string set_dry(const std::string& file, const std::string& text, const std::string& path,
                    const std::string& value) {
    MemoryFileSystem fs = portfolio(file, text);
    return after_of(set_field(fs, at(path), value, true));
}

std::string add_dry(const std::string& file, const std::string& text, const std::string& kind,
                    std::vector<std::pair<std::string, std::string>> fields) {
    MemoryFileSystem fs = portfolio(file, text);
    AddRequest r{at(""), kind, std::move(fields)};
    return after_of(add_record(fs, r, true));
}

std::string add_refused(const std::string& file, const std::string& text, const std::string& kind,
                        std::vector<std::pair<std::string, std::string>> fields) {
    MemoryFileSystem fs = portfolio(file, text);
    AddRequest r{at(""), kind, std::move(fields)};
    try {
        (void)add_record(fs, r, true);
    } catch (const UsageError& e) {
        return e.what();
    }
    FAIL("add was not refused");
    return {};
}

}  // namespace

TEST_CASE("set fills a key written with no value, whatever follows it") {
    const std::string account =
        k_account +
        "# intense | moderate | arms-length\nrelationship:\n# low | medium | high\n"
        "growth_potential:\n";
    CHECK(set_dry("account.yaml", account, "account.relationship", "intense") ==
          k_account +
              "# intense | moderate | arms-length\nrelationship: intense\n# low | medium | high\n"
              "growth_potential:\n");
    SUBCASE("a comment on the key's own line stays after the value") {
        CHECK(set_dry("account.yaml", k_account + "relationship:   # pick one\nmission:\n",
                      "account.relationship",
                      "moderate") == k_account + "relationship: moderate   # pick one\nmission:\n");
    }
    SUBCASE("~ and null are replaced") {
        CHECK(set_dry("account.yaml", k_account + "replaceability: ~\n", "account.replaceability",
                      "low") == k_account + "replaceability: low\n");
        CHECK(set_dry("account.yaml", k_account + "overview: null  # later\n", "account.overview",
                      "A bakery") == k_account + "overview: A bakery  # later\n");
    }
    SUBCASE("the last key of a file without a final newline") {
        CHECK(set_dry("profile.yaml", "industry: Food\nemployees:", "profile.employees", "40") ==
              "industry: Food\nemployees: 40");
    }
}

TEST_CASE("set below a key with no value makes it the mapping") {
    const std::string account = k_account + "\n# position:\n#   current: x\nposition:\n\nteam:\n";
    CHECK(set_dry("account.yaml", account, "account.position.current", "Sole supplier") ==
          k_account +
              "\n# position:\n#   current: x\nposition:\n  current: Sole supplier\n\nteam:\n");
    SUBCASE("written as null, with a comment") {
        CHECK(set_dry("profile.yaml", "procurement: ~  # tbd\npeople:\n",
                      "profile.procurement.process",
                      "Tender") == "procurement:  # tbd\n  process: Tender\npeople:\n");
    }
}

TEST_CASE("add starts a list at a key with no value, in block style") {
    const std::string profile =
        "industry: Food\n# people:\n#   - id: P1\npeople:\n\n# procurement\n";
    CHECK(add_dry("profile.yaml", profile, "person",
                  {{"name", "Jordan"}, {"role", "decision-maker"}}) ==
          "industry: Food\n# people:\n#   - id: P1\npeople:\n  - id: P1\n    name: Jordan\n"
          "    role: decision-maker\n\n# procurement\n");
    SUBCASE("risks: ~ and risks: null") {
        CHECK(add_dry("risks.yaml", "risks: ~\n", "risk",
                      {{"title", "T"}, {"likelihood", "2"}, {"impact", "3"}}) ==
              "risks:\n  - id: R1\n    title: T\n    likelihood: 2\n    impact: 3\n    status: "
              "open\n");
        CHECK(add_dry("risks.yaml", "risks: null # none yet\n", "risk",
                      {{"title", "T"}, {"likelihood", "2"}, {"impact", "3"}}) ==
              "risks: # none yet\n  - id: R1\n    title: T\n    likelihood: 2\n    impact: 3\n"
              "    status: open\n");
    }
    SUBCASE("an empty flow list becomes a block list, as the templates teach") {
        CHECK(add_dry("account.yaml", k_account + "team: []\ntags: []\n", "team",
                      {{"name", "X Y"}, {"role", "AM"}}) ==
              k_account + "team:\n  - name: X Y\n    role: AM\ntags: []\n");
    }
    SUBCASE("a list with items in flow style stays in flow style") {
        CHECK(add_dry("account.yaml", k_account + "tags: [a]\n", "tag", {{"text", "b"}}) ==
              k_account + "tags: [a, b]\n");
    }
}

TEST_CASE("lists of texts: tags, objectives, attendees and review actions") {
    CHECK(add_dry("account.yaml", k_account + "tags:\n", "tag", {{"text", "strategic"}}) ==
          k_account + "tags:\n  - strategic\n");
    CHECK(add_dry("account.yaml", k_account + "tags:\n  - a\n", "tag", {{"text", "b c"}}) ==
          k_account + "tags:\n  - a\n  - b c\n");
    CHECK(add_dry("account.yaml", k_account + "position:\n  current: x\n", "objective",
                  {{"text", "Win the tender"}}) ==
          k_account + "position:\n  current: x\n  objectives:\n    - Win the tender\n");
    CHECK(add_dry("reviews.yaml", "reviews:\n", "review",
                  {{"date", "2026-11-01"},
                   {"type", "qbr"},
                   {"attendees", "Dana"},
                   {"attendee", "Jordan"},
                   {"action", "Send the plan"}}) ==
          "reviews:\n  - date: 2026-11-01\n    type: qbr\n    attendees:\n      - Dana\n"
          "      - Jordan\n    actions:\n      - Send the plan\n");
    SUBCASE("a text that YAML would read otherwise is quoted") {
        CHECK(add_dry("account.yaml", k_account + "tags:\n", "tag", {{"text", "#1"}}) ==
              k_account + "tags:\n  - \"#1\"\n");
    }
}

TEST_CASE("a path to a duplicated id is refused, naming both lines") {
    const std::string risks =
        "risks:\n  - id: R2\n    title: A\n    likelihood: 1\n    impact: 1\n    status: open\n"
        "  - id: R2\n    title: B\n    likelihood: 1\n    impact: 1\n    status: open\n";
    MemoryFileSystem fs = portfolio("risks.yaml", risks);
    std::string message;
    try {
        (void)set_field(fs, at("risks.R2.title"), "C", true);
    } catch (const UsageError& e) {
        message = e.what();
    }
    CHECK(message == "risks.R2 names 2 items, on lines 2 and 7; make the ids unique first");
}

TEST_CASE("add refuses a nested text list given as one value it cannot split") {
    CHECK(add_refused("account.yaml", k_account, "team", {{"name", "X"}, {"tags", "a"}}) ==
          "--tags is not a field of team member (its fields: --name, --role)");
}

TEST_CASE("set and add write through the in-memory file system, under the lock") {
    const std::string risks =
        "risks:\n  - id: R1\n    title: A\n    likelihood: 1\n    impact: 1\n    status: open\n";
    MemoryFileSystem fs = portfolio("risks.yaml", risks);
    const EditResult set = set_field(fs, at("risks.R1.title"), "B", false);
    CHECK(set.written);
    CHECK(*fs.read_file("/p/accounts/acme/risks.yaml", 1000) == set.after);
    CHECK(fs.replaced() == std::vector<std::string>{"/p/accounts/acme/risks.yaml"});
    // The lock was made and removed again; no temporary file is left.
    CHECK(std::count(fs.created().begin(), fs.created().end(), "/p/accounts/acme/.kam-lock") == 1);
    CHECK(std::count(fs.removed().begin(), fs.removed().end(), "/p/accounts/acme/.kam-lock") == 1);
    CHECK(fs.files().size() == 3);

    AddRequest r{at(""), "action", {{"title", "Call"}, {"owner", "Dana"}, {"status", "open"}}};
    const EditResult added = add_record(fs, r, false);
    CHECK(added.written);
    CHECK(*fs.read_file("/p/accounts/acme/blueprint.yaml", 1000) == added.after);  // created
    CHECK(fs.files().size() == 4);

    // A full disk: refused as the machine's failure, the file untouched.
    fs.fail_write("/p/accounts/acme/risks.yaml", 5);
    CHECK_THROWS_WITH_AS((void)set_field(fs, at("risks.R1.title"), "C", false),
                         doctest::Contains("No space left on device; nothing was written"),
                         EnvironmentError);
    CHECK(*fs.read_file("/p/accounts/acme/risks.yaml", 1000) == set.after);
    CHECK(fs.files().size() == 4);
    CHECK_FALSE(fs.type_of("/p/accounts/acme/.kam-lock"));
}
