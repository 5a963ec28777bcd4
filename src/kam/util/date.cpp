#include "kam/util/date.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <chrono>
#include <vector>

namespace kam {

namespace {
// Howard Hinnant's civil-days algorithms: exact for the whole int32 range we use.
int32_t days_from_civil(int y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int32_t>(doe) - 719468;
}

struct Ymd {
    int y;
    unsigned m, d;
};

Ymd civil_from_days(int32_t z) {
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int y = static_cast<int>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {y + (m <= 2), m, d};
}
}  // namespace

Date add_months(Date day, int64_t months) {
    const Ymd c = civil_from_days(day.days);
    const int64_t index = int64_t{c.y} * 12 + (c.m - 1) + months;
    const int64_t y = index >= 0 ? index / 12 : -((-index + 11) / 12);
    const auto m = static_cast<unsigned>(index - y * 12 + 1);
    const int year = static_cast<int>(y);
    return Date::from_ymd(year, m, std::min(c.d, days_in_month(year, m)));
}

bool is_leap_year(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

unsigned days_in_month(int year, unsigned month) {
    static constexpr unsigned k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && is_leap_year(year)) return 29;
    return k_days[month - 1];
}

Date Date::from_ymd(int year, unsigned month, unsigned day) {
    return Date{days_from_civil(year, month, day)};
}

int Date::year() const {
    return civil_from_days(days).y;
}
unsigned Date::month() const {
    return civil_from_days(days).m;
}
unsigned Date::day() const {
    return civil_from_days(days).d;
}

std::string Date::to_string() const {
    const Ymd ymd = civil_from_days(days);
    if (ymd.y < 0 || ymd.y > 9999) return fmt::format("{:04}-{:02}-{:02}", ymd.y, ymd.m, ymd.d);
    // By hand: kam query's model formats a date for every figure row, and
    // fmt::format was 8% of building it.
    std::string out = "0000-00-00";
    const auto put = [&out](size_t at, unsigned v, size_t width) {
        for (size_t i = at + width; i-- > at; v /= 10) out[i] = static_cast<char>('0' + v % 10);
    };
    put(0, static_cast<unsigned>(ymd.y), 4);
    put(5, ymd.m, 2);
    put(8, ymd.d, 2);
    return out;
}

std::optional<Date> parse_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    auto digits = [&](size_t from, size_t n) -> int {
        int v = 0;
        for (size_t i = from; i < from + n; ++i) {
            if (s[i] < '0' || s[i] > '9') return -1;
            v = v * 10 + (s[i] - '0');
        }
        return v;
    };
    const int y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
    if (y < 0 || m < 1 || m > 12 || d < 1) return std::nullopt;
    if (static_cast<unsigned>(d) > days_in_month(y, static_cast<unsigned>(m))) return std::nullopt;
    return Date::from_ymd(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

std::optional<Date> guess_date(std::string_view text) {
    // Three runs of digits split by one kind of separator.
    std::vector<std::string_view> parts;
    char sep = 0;
    size_t start = 0;
    for (size_t i = 0; i <= text.size(); ++i) {
        if (i < text.size() && text[i] >= '0' && text[i] <= '9') continue;
        if (i < text.size()) {
            if (text[i] != '/' && text[i] != '.' && text[i] != '-') return std::nullopt;
            if (sep && text[i] != sep) return std::nullopt;
            sep = text[i];
        }
        if (i == start || i - start > 4) return std::nullopt;
        parts.push_back(text.substr(start, i - start));
        start = i + 1;
    }
    if (parts.size() != 3) return std::nullopt;
    auto num = [](std::string_view s) {
        unsigned v = 0;
        for (char c : s) v = v * 10 + static_cast<unsigned>(c - '0');
        return v;
    };
    auto make = [](unsigned y, unsigned m, unsigned d) -> std::optional<Date> {
        if (m < 1 || m > 12 || d < 1 || d > days_in_month(static_cast<int>(y), m))
            return std::nullopt;
        return Date::from_ymd(static_cast<int>(y), m, d);
    };
    if (parts[0].size() == 4) return make(num(parts[0]), num(parts[1]), num(parts[2]));
    if (parts[2].size() != 4) return std::nullopt;
    const unsigned a = num(parts[0]), b = num(parts[1]), y = num(parts[2]);
    if (a > 12) return make(y, b, a);  // day first: 31/12/2016
    if (b > 12) return make(y, a, b);  // month first: 12/31/2016
    if (a == b) return make(y, a, b);
    return std::nullopt;
}

Date today_utc() {
    const auto now = std::chrono::system_clock::now();
    const auto days = std::chrono::floor<std::chrono::days>(now);
    return Date{static_cast<int32_t>(days.time_since_epoch().count())};
}

}  // namespace kam
