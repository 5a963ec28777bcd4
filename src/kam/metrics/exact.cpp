#include "kam/metrics/exact.hpp"

#include <fmt/format.h>
#include <limits>

namespace kam {

namespace {

constexpr int k_max_scale = 18;
constexpr int128 k_max_units = 1'000'000'000'000'000'000;  // 10^18

int128 abs128(int128 v) {
    return v < 0 ? -v : v;
}

}  // namespace

int128 pow10(int n) {
    int128 p = 1;
    for (int i = 0; i < n; ++i) p *= 10;
    return p;
}

int128 round_div(int128 num, int128 den) {
    if (den < 0) {
        num = -num;
        den = -den;
    }
    int128 q = num / den;  // truncates toward zero
    const int128 r = abs128(num % den);
    if (2 * r >= den) q += num < 0 ? -1 : 1;
    return q;
}

Expected<Decimal> parse_decimal(std::string_view s) {
    auto bad = [&] { return unexpected(fmt::format("'{}' is not a number", s)); };
    auto too_precise = [&] {
        return unexpected(fmt::format(
            "'{}' has more digits than kam can hold exactly (18 significant digits)", s));
    };
    size_t i = 0;
    bool negative = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
    int128 units = 0;
    int digits = 0, scale = 0;
    bool any = false, seen_point = false;
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '.' && !seen_point) {
            seen_point = true;
            continue;
        }
        if (c < '0' || c > '9') break;
        any = true;
        if (units == 0 && c == '0') {  // leading zeros carry no precision
            if (seen_point) ++scale;
            continue;
        }
        if (++digits > 18) return too_precise();
        units = units * 10 + (c - '0');
        if (seen_point) ++scale;
    }
    if (!any) return bad();
    int exponent = 0;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        bool exp_negative = false;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) exp_negative = s[i++] == '-';
        size_t exp_digits = 0;
        for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i, ++exp_digits) {
            if (exponent > 1000) return too_precise();
            exponent = exponent * 10 + (s[i] - '0');
        }
        if (exp_digits == 0) return bad();
        if (exp_negative) exponent = -exponent;
    }
    if (i != s.size()) return bad();
    scale -= exponent;
    // Trailing zeros of the fraction carry no precision either.
    while (scale > 0 && units != 0 && units % 10 == 0) {
        units /= 10;
        --scale;
    }
    if (units == 0) scale = 0;
    if (scale < 0) {
        if (-scale > 18) return too_precise();
        units *= pow10(-scale);
        scale = 0;
    }
    if (scale > k_max_scale || units > k_max_units) return too_precise();
    return Decimal{negative ? -units : units, scale};
}

Decimal decimal_from_double(double value) {
    // fmt's "{}" is the shortest round-trip form; a finite double always has one
    // of at most 17 significant digits, which parse_decimal holds.
    auto d = parse_decimal(fmt::format("{}", value));
    return d ? *d : Decimal{};
}

bool at_least(const Fixed& value, double threshold) {
    const Decimal d = decimal_from_double(threshold);
    // |units| < 2^63 and both powers at most 10^18: the products fit in 127 bits.
    return static_cast<int128>(value.units) * pow10(d.scale) >= d.units * pow10(value.places);
}

Expected<Money> multiply(Money amount, const Decimal& factor) {
    const int128 product =
        static_cast<int128>(amount.cents) * factor.units;  // < 2^63 * 10^18 < 2^127
    const int128 cents = round_div(product, pow10(factor.scale));
    if (cents > std::numeric_limits<int64_t>::max() || cents < std::numeric_limits<int64_t>::min())
        return unexpected("the amount is too large after conversion");
    return Money{static_cast<int64_t>(cents)};
}

std::string Fixed::to_string() const {
    if (places <= 0) return fmt::format("{}", units);
    const bool negative = units < 0;
    const uint64_t mag = negative ? 0 - static_cast<uint64_t>(units) : static_cast<uint64_t>(units);
    const auto div = static_cast<uint64_t>(pow10(places));
    return fmt::format("{}{}.{:0{}}", negative ? "-" : "", mag / div, mag % div, places);
}

double Fixed::to_double() const {
    return static_cast<double>(units) / static_cast<double>(pow10(places));
}

Fixed percent_of(int128 num, int128 den) {
    return Fixed{static_cast<int64_t>(round_div(num * 1000, den)), 1};
}

}  // namespace kam
