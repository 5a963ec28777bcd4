#pragma once
// Calendar days without time zones or locales: a day number since 1970-01-01.
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kam {

struct Date {
    int32_t days = 0;  // days since 1970-01-01 (proleptic Gregorian)

    static Date from_ymd(int year, unsigned month, unsigned day);
    int year() const;
    unsigned month() const;
    unsigned day() const;
    std::string to_string() const;  // YYYY-MM-DD

    friend auto operator<=>(const Date&, const Date&) = default;
    friend Date operator+(Date d, int n) { return Date{d.days + n}; }
    friend Date operator-(Date d, int n) { return Date{d.days - n}; }
    friend int operator-(Date a, Date b) { return a.days - b.days; }
};

bool is_leap_year(int year);
unsigned days_in_month(int year, unsigned month);
// The same day of the month `months` later (earlier when negative), the
// month's last day when it is shorter.
Date add_months(Date day, int64_t months);

// Exactly YYYY-MM-DD naming a real day (2025-02-29 is refused).
std::optional<Date> parse_date(std::string_view text);

// The day a date written another way most likely means, for a "did you mean":
// 31/12/2016, 31.12.2016, 2016/12/31, 2016-1-5. Nullopt when it is not a date
// or day and month could be swapped (05/06/2026).
std::optional<Date> guess_date(std::string_view text);

// Today in UTC, so that every machine of a CI matrix judges alike.
Date today_utc();

}  // namespace kam
