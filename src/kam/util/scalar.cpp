#include "kam/util/scalar.hpp"

#include <fmt/format.h>
#include <charconv>
#include <cmath>

namespace kam {

namespace {
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_lower(char c) {
    return c >= 'a' && c <= 'z';
}
bool is_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool is_alnum(char c) {
    return is_digit(c) || is_lower(c) || is_upper(c);
}
}  // namespace

Expected<bool> parse_bool(std::string_view s) {
    if (s == "true") return true;
    if (s == "false") return false;
    return unexpected(fmt::format("'{}' is not a boolean (write true or false)", s));
}

Expected<int64_t> parse_int(std::string_view s) {
    size_t i = 0;
    bool neg = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
    if (i == s.size()) return unexpected(fmt::format("'{}' is not a whole number", s));
    uint64_t v = 0;
    for (; i < s.size(); ++i) {
        if (!is_digit(s[i])) return unexpected(fmt::format("'{}' is not a whole number", s));
        v = v * 10 + static_cast<uint64_t>(s[i] - '0');
        if (v > (uint64_t{1} << 53)) return unexpected(fmt::format("'{}' is too large", s));
    }
    const auto sv = static_cast<int64_t>(v);
    return neg ? -sv : sv;
}

Expected<double> parse_number(std::string_view s) {
    auto bad = [&] { return unexpected(fmt::format("'{}' is not a number", s)); };
    // Check the grammar ourselves: from_chars alone would accept "inf", "nan" and hex forms.
    size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    const size_t body = i;
    size_t int_digits = 0, frac_digits = 0;
    while (i < s.size() && is_digit(s[i])) ++i, ++int_digits;
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && is_digit(s[i])) ++i, ++frac_digits;
    }
    if (int_digits + frac_digits == 0) return bad();
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        size_t exp_digits = 0;
        while (i < s.size() && is_digit(s[i])) ++i, ++exp_digits;
        if (exp_digits == 0) return bad();
    }
    if (i != s.size()) return bad();
    double v = 0;
    const char* first = s.data() + body;
    const auto [ptr, ec] = std::from_chars(first, s.data() + s.size(), v);
    if (ec == std::errc::result_out_of_range || !std::isfinite(v))
        return unexpected(fmt::format("'{}' is out of the range of numbers", s));
    if (ec != std::errc{} || ptr != s.data() + s.size()) return bad();
    return s[0] == '-' ? -v : v;
}

std::optional<std::string> guess_number(std::string_view text) {
    std::string_view s = text;
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    if (s.ends_with('%')) s.remove_suffix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    // Thousands separators: groups of three digits after the first group.
    std::string out;
    size_t group = 0;  // digits since the last separator
    bool separated = false, fraction = false;
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (is_digit(c)) {
            out += c;
            ++group;
        } else if (!fraction && (c == ',' || c == ' ' || c == '_' || c == '\'') && i > 0 &&
                   is_digit(s[i - 1]) && (!separated || group == 3)) {
            separated = true;
            group = 0;
        } else if (c == '.' && !fraction && (!separated || group == 3)) {
            fraction = true;
            separated = false;
            out += c;
        } else if ((c == '-' || c == '+') && i == 0) {
            out += c;
        } else {
            return std::nullopt;
        }
    }
    if (separated && group != 3) return std::nullopt;
    if (out == text || !parse_number(out)) return std::nullopt;
    return out;
}

Expected<double> parse_percent(std::string_view s) {
    auto v = parse_number(s);
    if (!v) return unexpected(fmt::format("'{}' is not a percentage (a number from 0 to 100)", s));
    if (*v < 0 || *v > 100)
        return unexpected(fmt::format("{} is not a percentage from 0 to 100", s));
    return v;
}

bool is_currency_code(std::string_view s) {
    return s.size() == 3 && is_upper(s[0]) && is_upper(s[1]) && is_upper(s[2]);
}

bool is_valid_id(std::string_view s) {
    if (s.empty() || s.size() > 64 || !is_alnum(s[0])) return false;
    for (char c : s)
        if (!is_alnum(c) && c != '.' && c != '_' && c != '-') return false;
    return true;
}

bool is_valid_slug(std::string_view s) {
    if (s.empty() || s.size() > 63 || !(is_lower(s[0]) || is_digit(s[0]))) return false;
    for (char c : s)
        if (!is_lower(c) && !is_digit(c) && c != '-') return false;
    return true;
}

bool is_snake_case(std::string_view s) {
    if (s.empty() || !is_lower(s[0]) || s.back() == '_') return false;
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '_') {
            if (s[i - 1] == '_') return false;
        } else if (!is_lower(c) && !is_digit(c)) {
            return false;
        }
    }
    return true;
}

bool is_extension_key(std::string_view s) {
    return s.size() > 2 && s.starts_with("x-");
}

Expected<Period> parse_period(std::string_view s) {
    auto bad = [&] {
        return unexpected(fmt::format("'{}' is not a period (YYYY, YYYY-Qn or YYYY-MM)", s));
    };
    if (s.size() < 4) return bad();
    int year = 0;
    for (size_t i = 0; i < 4; ++i) {
        if (!is_digit(s[i])) return bad();
        year = year * 10 + (s[i] - '0');
    }
    if (s.size() == 4) return Period{Period::Kind::year, year, 0};
    if (s.size() == 7 && s[4] == '-' && s[5] == 'Q' && s[6] >= '1' && s[6] <= '4')
        return Period{Period::Kind::quarter, year, s[6] - '0'};
    if (s.size() == 7 && s[4] == '-' && is_digit(s[5]) && is_digit(s[6])) {
        const int m = (s[5] - '0') * 10 + (s[6] - '0');
        if (m >= 1 && m <= 12) return Period{Period::Kind::month, year, m};
    }
    return bad();
}

}  // namespace kam
