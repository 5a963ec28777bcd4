#pragma once
// Money is held as integer cents everywhere: no floating point ever touches it.
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "kam/util/expected.hpp"

namespace kam {

struct Money {
    int64_t cents = 0;

    friend auto operator<=>(const Money&, const Money&) = default;
    friend Money operator+(Money a, Money b) { return Money{a.cents + b.cents}; }
    friend Money operator-(Money a, Money b) { return Money{a.cents - b.cents}; }
    Money& operator+=(Money o) {
        cents += o.cents;
        return *this;
    }

    // The sum, or an error when it does not fit (more than about 92 million
    // million units): a figure must be empty, never a wrapped number.
    [[nodiscard]] friend Expected<Money> checked_add(Money a, Money b) {
        int64_t sum = 0;
        if (__builtin_add_overflow(a.cents, b.cents, &sum)) return unexpected(k_overflow);
        return Money{sum};
    }
    static constexpr const char* k_overflow = "the sum is too large for kam to hold exactly";

    // Whole units, rounded half away from zero (the only rounding reports do).
    int64_t whole_units() const;
    // "1500000.50": exact, for machine-readable output.
    std::string to_decimal() const;
};

// A decimal with at most two fraction digits: "12", "-3.5", "1500000.50".
// No exponent, no thousands separators, no currency signs.
Expected<Money> parse_money(std::string_view text);

}  // namespace kam
