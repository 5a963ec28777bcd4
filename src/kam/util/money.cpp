#include "kam/util/money.hpp"

#include <fmt/format.h>
#include <limits>

namespace kam {

int64_t Money::whole_units() const {
    const int64_t q = cents / 100, r = cents % 100;
    if (r >= 50) return q + 1;
    if (r <= -50) return q - 1;
    return q;
}

std::string Money::to_decimal() const {
    const bool neg = cents < 0;
    // Work in unsigned so that the most negative value has a magnitude too.
    const uint64_t mag = neg ? 0 - static_cast<uint64_t>(cents) : static_cast<uint64_t>(cents);
    return fmt::format("{}{}.{:02}", neg ? "-" : "", mag / 100, mag % 100);
}

Expected<Money> parse_money(std::string_view s) {
    auto bad = [&] {
        return unexpected(
            fmt::format("'{}' is not an amount of money (a decimal with at most two fraction "
                        "digits, like 1500000.50)",
                        s));
    };
    size_t i = 0;
    bool neg = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
    const size_t int_start = i;
    uint64_t units = 0;
    constexpr uint64_t k_max_units =
        static_cast<uint64_t>(std::numeric_limits<int64_t>::max()) / 100 - 1;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
        units = units * 10 + static_cast<uint64_t>(s[i] - '0');
        if (units > k_max_units) return unexpected(fmt::format("'{}' is too large an amount", s));
        ++i;
    }
    const bool has_int = i > int_start;
    uint64_t frac = 0;
    size_t frac_digits = 0;
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
            if (++frac_digits > 2)
                return unexpected(fmt::format(
                    "'{}' has more than two fraction digits; money is kept exactly in cents", s));
            frac = frac * 10 + static_cast<uint64_t>(s[i] - '0');
            ++i;
        }
        if (frac_digits == 0 && !has_int) return bad();
    }
    if (!has_int && frac_digits == 0) return bad();
    if (i != s.size()) return bad();
    if (frac_digits == 1) frac *= 10;
    const auto cents = static_cast<int64_t>(units * 100 + frac);
    return Money{neg ? -cents : cents};
}

}  // namespace kam
