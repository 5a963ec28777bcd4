// Account filters: any value of one option, all options together; tags and
// managers without regard to case.
#include <doctest/doctest.h>

#include "kam/metrics/select.hpp"

using namespace kam;

TEST_CASE("select_accounts applies every filter") {
    std::vector<Account> accounts(3);
    accounts[0].cover = {};
    accounts[0].cover.tier = "key";
    accounts[0].cover.status = "active";
    accounts[0].cover.manager = "Ann Archer";
    accounts[0].cover.tags = {"DACH", "apm"};
    accounts[1].cover.tier = "growth";
    accounts[1].cover.status = "active";
    accounts[1].cover.manager = "Bob";
    accounts[2].cover.tier = "key";
    accounts[2].cover.status = "lost";
    accounts[2].cover.manager = "ann archer";

    CHECK(select_accounts(accounts, {}) == std::vector<size_t>{0, 1, 2});
    AccountFilter f;
    f.tiers = {"key"};
    CHECK(select_accounts(accounts, f) == std::vector<size_t>{0, 2});
    f.statuses = {"active", "at-risk"};
    CHECK(select_accounts(accounts, f) == std::vector<size_t>{0});
    f = {};
    f.managers = {"ANN ARCHER"};
    CHECK(select_accounts(accounts, f) == std::vector<size_t>{0, 2});
    f.tags = {"dach"};
    CHECK(select_accounts(accounts, f) == std::vector<size_t>{0});
    f.tags = {"none"};
    CHECK(select_accounts(accounts, f).empty());
    f = {};
    f.tiers = {"Key"};  // tiers are enum values: exact
    CHECK(select_accounts(accounts, f).empty());
}
