// Calendar days: strict parsing, round trips and arithmetic across month ends
// and leap years. Expected values are worked out by hand in the comments.
#include <doctest/doctest.h>

#include <string>

#include "kam/util/date.hpp"

using kam::Date;
using kam::parse_date;

TEST_CASE("parse_date accepts real calendar days") {
    const auto epoch = parse_date("1970-01-01");
    REQUIRE(epoch);
    CHECK(epoch->days == 0);

    const auto leap_day = parse_date("2024-02-29");
    REQUIRE(leap_day);
    CHECK(leap_day->year() == 2024);
    CHECK(leap_day->month() == 2);
    CHECK(leap_day->day() == 29);

    // 2000-01-01 is 30 years of 365 days plus 7 leap days (1972..1996) after 1970.
    const auto y2k = parse_date("2000-01-01");
    REQUIRE(y2k);
    CHECK(y2k->days == 30 * 365 + 7);
    CHECK(parse_date("2000-02-29"));  // divisible by 400: a leap year
    CHECK(parse_date("2026-12-31"));
    CHECK(parse_date("2026-04-30"));
    CHECK(parse_date("0001-01-01"));
    CHECK(parse_date("9999-12-31"));
}

TEST_CASE("parse_date refuses anything but YYYY-MM-DD naming a real day") {
    CHECK_FALSE(parse_date("2025-02-29"));  // 2025 is not a leap year
    CHECK_FALSE(parse_date("1900-02-29"));  // divisible by 100, not by 400
    CHECK_FALSE(parse_date("2026-02-30"));
    CHECK_FALSE(parse_date("2026-04-31"));
    CHECK_FALSE(parse_date("2026-01-32"));
    CHECK_FALSE(parse_date("2026-13-01"));
    CHECK_FALSE(parse_date("2026-00-10"));
    CHECK_FALSE(parse_date("2026-01-00"));
    CHECK_FALSE(parse_date("2026-1-01"));
    CHECK_FALSE(parse_date("2026-01-1"));
    CHECK_FALSE(parse_date("2026-01-01 "));
    CHECK_FALSE(parse_date(" 2026-01-01"));
    CHECK_FALSE(parse_date("20260101"));
    CHECK_FALSE(parse_date("+2026-01-01"));
    CHECK_FALSE(parse_date("-026-01-01"));
    CHECK_FALSE(parse_date("2026/01/01"));
    CHECK_FALSE(parse_date("2026-01-0a"));
    CHECK_FALSE(parse_date("2026-01-01T00:00:00"));
    CHECK_FALSE(parse_date(""));
    CHECK_FALSE(parse_date("today"));
}

TEST_CASE("to_string round-trips every parsed day") {
    for (const char* text : {"1970-01-01", "2024-02-29", "2000-02-29", "1969-12-31", "1900-03-01",
                             "2026-12-31", "0001-01-01", "9999-12-31", "1600-02-29"}) {
        CAPTURE(text);
        const auto d = parse_date(text);
        REQUIRE(d);
        CHECK(d->to_string() == text);
        CHECK(Date::from_ymd(d->year(), d->month(), d->day()) == *d);
    }
    CHECK(Date{0}.to_string() == "1970-01-01");
    CHECK(Date{-1}.to_string() == "1969-12-31");
}

TEST_CASE("day arithmetic across month ends and leap years") {
    const Date feb28_2024 = *parse_date("2024-02-28");
    CHECK((feb28_2024 + 1).to_string() == "2024-02-29");
    CHECK((feb28_2024 + 2).to_string() == "2024-03-01");
    CHECK((*parse_date("2023-02-28") + 1).to_string() == "2023-03-01");
    CHECK((*parse_date("1900-02-28") + 1).to_string() == "1900-03-01");
    CHECK((*parse_date("2000-02-28") + 1).to_string() == "2000-02-29");
    CHECK((*parse_date("2024-12-31") + 1).to_string() == "2025-01-01");
    CHECK((*parse_date("2026-04-30") + 1).to_string() == "2026-05-01");
    CHECK((*parse_date("2026-01-01") - 1).to_string() == "2025-12-31");
    CHECK((*parse_date("2024-03-01") - 1).to_string() == "2024-02-29");

    // A leap year has 366 days, others 365.
    CHECK(*parse_date("2025-01-01") - *parse_date("2024-01-01") == 366);
    CHECK(*parse_date("2024-01-01") - *parse_date("2023-01-01") == 365);
    CHECK(*parse_date("2025-03-01") - *parse_date("2024-03-01") == 365);
    CHECK(*parse_date("2024-03-01") - *parse_date("2023-03-01") == 366);
    CHECK(*parse_date("2001-01-01") - *parse_date("2000-01-01") == 366);
    CHECK(*parse_date("1901-01-01") - *parse_date("1900-01-01") == 365);
    // 2026-06-15 minus 90 days is 2026-03-17 (Mar 17 -> Apr 17: 31, -> May 17: 61, -> Jun 15: 90).
    CHECK((*parse_date("2026-06-15") - 90).to_string() == "2026-03-17");
    CHECK((*parse_date("2026-01-31") + 29).to_string() == "2026-03-01");

    CHECK(*parse_date("2026-01-01") < *parse_date("2026-01-02"));
    CHECK(*parse_date("2025-12-31") < *parse_date("2026-01-01"));
}

TEST_CASE("is_leap_year and days_in_month") {
    CHECK_FALSE(kam::is_leap_year(1900));
    CHECK(kam::is_leap_year(2000));
    CHECK(kam::is_leap_year(2024));
    CHECK_FALSE(kam::is_leap_year(2025));
    CHECK_FALSE(kam::is_leap_year(2100));
    CHECK(kam::is_leap_year(1600));

    CHECK(kam::days_in_month(2024, 2) == 29);
    CHECK(kam::days_in_month(2025, 2) == 28);
    CHECK(kam::days_in_month(1900, 2) == 28);
    CHECK(kam::days_in_month(2000, 2) == 29);
    CHECK(kam::days_in_month(2026, 4) == 30);
    CHECK(kam::days_in_month(2026, 12) == 31);
    CHECK(kam::days_in_month(2026, 1) == 31);
}

TEST_CASE("year, month and day before 1970") {
    const Date d = *parse_date("1969-12-31");
    CHECK(d.days == -1);
    CHECK(d.year() == 1969);
    CHECK(d.month() == 12);
    CHECK(d.day() == 31);

    // 1900-01-01 -> 1970-01-01 is 70 years with 17 leap days (1904..1968).
    const Date old = *parse_date("1900-01-01");
    CHECK(old.days == -(70 * 365 + 17));
    CHECK(old.year() == 1900);
    CHECK(old.month() == 1);
    CHECK(old.day() == 1);

    const Date leap = *parse_date("1896-02-29");
    CHECK(leap.year() == 1896);
    CHECK(leap.month() == 2);
    CHECK(leap.day() == 29);
    CHECK((leap + 1).to_string() == "1896-03-01");

    const Date from = Date::from_ymd(1950, 6, 15);
    CHECK(from.to_string() == "1950-06-15");
    CHECK(from.year() == 1950);
    CHECK(from.month() == 6);
    CHECK(from.day() == 15);
}

TEST_CASE("today_utc is a plausible day") {
    const Date today = kam::today_utc();
    CHECK(today.year() >= 2024);
    CHECK(today.to_string().size() == 10);
}
