// kam history's calendar: period ends (calendar months and weeks, fiscal
// quarters and years) and the commit that stands for each end.
#include <doctest/doctest.h>

#include "kam/history/periods.hpp"
#include "kam/history/samples.hpp"

using namespace kam;

namespace {
Date d(int y, unsigned m, unsigned day) {
    return Date::from_ymd(y, m, day);
}
int64_t at(Date day, int hour) {
    return static_cast<int64_t>(day.days) * 86400 + hour * 3600;
}
}  // namespace

TEST_CASE("monthly ends: every month's last day, the running month ending on the as-of day") {
    const auto ends = period_ends(Sampling::monthly, d(2025, 12, 31), d(2026, 3, 10), 1);
    REQUIRE(ends.size() == 4);
    CHECK(ends[0].label == "2025-12");
    CHECK(ends[0].end == d(2025, 12, 31));
    CHECK(ends[1].end == d(2026, 1, 31));
    CHECK(ends[2].end == d(2026, 2, 28));
    CHECK(ends[3].label == "2026-03");
    CHECK(ends[3].end == d(2026, 3, 10));
    CHECK(ends[3].partial);
    CHECK_FALSE(ends[2].partial);
}

TEST_CASE("a history that ends on a period's last day has no partial period") {
    const auto ends = period_ends(Sampling::monthly, d(2026, 1, 1), d(2026, 2, 28), 1);
    REQUIRE(ends.size() == 2);
    CHECK_FALSE(ends[1].partial);
    CHECK(period_ends(Sampling::monthly, d(2026, 3, 1), d(2026, 2, 28), 1).empty());
}

TEST_CASE("quarters are fiscal: with the year starting in April, Q1 ends on 30 June") {
    const auto ends = period_ends(Sampling::quarterly, d(2026, 1, 15), d(2026, 12, 1), 4);
    REQUIRE(ends.size() == 4);
    CHECK(ends[0].label == "FY2025-Q4");
    CHECK(ends[0].end == d(2026, 3, 31));
    CHECK(ends[1].label == "FY2026-Q1");
    CHECK(ends[1].end == d(2026, 6, 30));
    CHECK(ends[2].label == "FY2026-Q2");
    CHECK(ends[2].end == d(2026, 9, 30));
    CHECK(ends[3].label == "FY2026-Q3");
    CHECK(ends[3].end == d(2026, 12, 1));
    CHECK(ends[3].partial);
    // A calendar fiscal year: Q4 ends on 31 December.
    CHECK(period_last_day(Sampling::quarterly, d(2026, 11, 5), 1) == d(2026, 12, 31));
    CHECK(period_last_day(Sampling::yearly, d(2026, 11, 5), 4) == d(2027, 3, 31));
}

TEST_CASE("weeks end on Sunday and carry their ISO 8601 number") {
    // 2026-12-01 is a Tuesday; the week ends on Sunday 2026-12-06 (W49).
    CHECK(period_last_day(Sampling::weekly, d(2026, 12, 1), 1) == d(2026, 12, 6));
    const auto ends = period_ends(Sampling::weekly, d(2026, 11, 23), d(2026, 12, 1), 1);
    REQUIRE(ends.size() == 2);
    CHECK(ends[0].label == "2026-W48");
    CHECK(ends[0].end == d(2026, 11, 29));
    // 2021-01-03 is a Sunday of 2020's week 53.
    const auto y2021 = period_ends(Sampling::weekly, d(2021, 1, 1), d(2021, 1, 3), 1);
    REQUIRE(y2021.size() == 1);
    CHECK(y2021[0].label == "2020-W53");
}

TEST_CASE("the sample is the last commit made by the end of the day, UTC") {
    const std::vector<ChainCommit> chain = {
        {"a", at(d(2026, 1, 10), 9)}, {"b", at(d(2026, 1, 31), 23)}, {"c", at(d(2026, 2, 1), 0)}};
    const auto s = choose_samples(chain, {d(2026, 1, 5), d(2026, 1, 31), d(2026, 2, 28)});
    REQUIRE(s.size() == 3);
    CHECK_FALSE(s[0].commit.has_value());  // before the first commit
    CHECK(s[1].commit == 1u);
    CHECK(s[2].commit == 2u);
}

TEST_CASE("a commit dated before its parent (clock skew) counts as made no earlier than it") {
    // c's clock said January although it follows b of February: it cannot
    // stand for January, where only a existed.
    const std::vector<ChainCommit> chain = {
        {"a", at(d(2026, 1, 10), 9)}, {"b", at(d(2026, 2, 10), 9)}, {"c", at(d(2026, 1, 20), 9)}};
    const auto s = choose_samples(chain, {d(2026, 1, 31), d(2026, 2, 28)});
    CHECK(s[0].commit == 0u);
    CHECK(s[1].commit == 2u);
    CHECK(commit_day(at(d(2026, 1, 20), 23)) == d(2026, 1, 20));
    CHECK(commit_day(-1) == d(1969, 12, 31));
}
