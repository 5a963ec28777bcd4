#pragma once
// Exact arithmetic for figures. Money is integer cents, every percentage is a
// ratio of integers (cents or counts), so figures are computed with 128-bit
// integers and rounded once, half away from zero; no double touches them.
#include <cstdint>
#include <string>
#include <string_view>

#include "kam/util/expected.hpp"
#include "kam/util/money.hpp"

namespace kam {

__extension__ typedef __int128 int128;  // __extension__: GCC's own type, fine under -Wpedantic

// num / den rounded half away from zero; den must not be 0.
int128 round_div(int128 num, int128 den);
// 10 to the power n (n >= 0; 1 for n <= 0): the one loop that scales decimals.
int128 pow10(int n);

// A decimal number held exactly: units / 10^scale.
struct Decimal {
    int128 units = 0;
    int scale = 0;  // 0..18
};

// The number grammar of kam-files(5) ([+-]digits[.digits][e[+-]digits]),
// read exactly. Refuses values that need more than 18 significant digits or a
// scale past 10^-18, which no exchange rate or weight needs.
Expected<Decimal> parse_decimal(std::string_view text);

// The model keeps `number` fields as double. The shortest decimal that reads
// back as the same double is the text as written whenever that text had at
// most 15 significant digits, so this recovers e.g. 33.3 exactly, not 33.29999...
Decimal decimal_from_double(double value);

// amount x factor, rounded to cents half away from zero; an error on overflow.
Expected<Money> multiply(Money amount, const Decimal& factor);

// A fixed-point figure: units / 10^places (percentages use one place, csat two).
struct Fixed {
    int64_t units = 0;
    int places = 1;

    friend bool operator==(const Fixed&, const Fixed&) = default;
    // "12.3", "-0.5", "100.0": the same digits in every output format.
    std::string to_string() const;
    double to_double() const;  // for JSON numbers only; to_string is the reference
};

// value >= threshold, compared exactly (a threshold from kam.yaml is a
// double; decimal_from_double recovers the decimal the user wrote).
bool at_least(const Fixed& value, double threshold);

// num / den x 100 as a percentage with one decimal, exact then rounded; den != 0.
Fixed percent_of(int128 num, int128 den);

}  // namespace kam
