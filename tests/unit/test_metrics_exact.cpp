// Exact arithmetic under the figures: rounding half away from zero, decimals
// read from their text, and fx conversion that a double would get wrong.
#include <doctest/doctest.h>

#include "kam/metrics/exact.hpp"
#include "kam/metrics/fx.hpp"

using namespace kam;

namespace {
int64_t i64(int128 v) {
    return static_cast<int64_t>(v);
}
}  // namespace

TEST_CASE("round_div rounds half away from zero") {
    CHECK(i64(round_div(5, 2)) == 3);
    CHECK(i64(round_div(-5, 2)) == -3);
    CHECK(i64(round_div(5, -2)) == -3);
    CHECK(i64(round_div(4, 3)) == 1);
    CHECK(i64(round_div(-4, 3)) == -1);
    CHECK(i64(round_div(149, 100)) == 1);
    CHECK(i64(round_div(150, 100)) == 2);
    CHECK(i64(round_div(-150, 100)) == -2);
    CHECK(i64(round_div(0, 7)) == 0);
}

TEST_CASE("money rounds to whole units half away from zero") {
    CHECK(Money{150000050}.whole_units() == 1500001);  // 1,500,000.50 -> 1,500,001
    CHECK(Money{150000049}.whole_units() == 1500000);
    CHECK(Money{-150000050}.whole_units() == -1500001);
}

TEST_CASE("parse_decimal reads the number as written") {
    auto d = parse_decimal("1.0825");
    REQUIRE(d);
    CHECK(i64(d->units) == 10825);
    CHECK(d->scale == 4);

    d = parse_decimal("0.050");  // leading and trailing zeros carry no digits
    REQUIRE(d);
    CHECK(i64(d->units) == 5);
    CHECK(d->scale == 2);

    d = parse_decimal("1e-2");
    REQUIRE(d);
    CHECK(i64(d->units) == 1);
    CHECK(d->scale == 2);

    d = parse_decimal("1.5E3");
    REQUIRE(d);
    CHECK(i64(d->units) == 1500);
    CHECK(d->scale == 0);

    d = parse_decimal("-12");
    REQUIRE(d);
    CHECK(i64(d->units) == -12);

    d = parse_decimal("+.5");
    REQUIRE(d);
    CHECK(i64(d->units) == 5);
    CHECK(d->scale == 1);

    CHECK_FALSE(parse_decimal(""));
    CHECK_FALSE(parse_decimal("."));
    CHECK_FALSE(parse_decimal("1.2.3"));
    CHECK_FALSE(parse_decimal("1e"));
    CHECK_FALSE(parse_decimal("abc"));
    CHECK_FALSE(parse_decimal("nan"));
    CHECK_FALSE(parse_decimal("1234567890123456789"));  // 19 significant digits
    CHECK_FALSE(parse_decimal("1e-19"));
}

TEST_CASE("decimal_from_double recovers the written decimal") {
    const Decimal d = decimal_from_double(33.3);
    CHECK(i64(d.units) == 333);
    CHECK(d.scale == 1);
    CHECK(i64(decimal_from_double(80).units) == 80);
    CHECK(decimal_from_double(80).scale == 0);
}

TEST_CASE("Fixed prints the same digits everywhere") {
    CHECK(Fixed{123, 1}.to_string() == "12.3");
    CHECK(Fixed{-5, 1}.to_string() == "-0.5");
    CHECK(Fixed{1000, 1}.to_string() == "100.0");
    CHECK(Fixed{388, 2}.to_string() == "3.88");
    CHECK(Fixed{7, 2}.to_string() == "0.07");
    CHECK(percent_of(2, 3).to_string() == "66.7");
    CHECK(percent_of(1, 8).to_string() == "12.5");    // 12.5 exactly, not rounded further
    CHECK(percent_of(-1, 16).to_string() == "-6.3");  // -6.25 -> -6.3, away from zero
}

TEST_CASE("fx conversion is exact where a double is off by a cent") {
    PortfolioSettings s;
    s.currency = "EUR";
    s.fx["USD"] = 1.15;
    s.fx_text["USD"] = "1.15";
    const Converter fx(s);
    // USD 123,456.50 x 1.15 = EUR 141,974.975 exactly, so 141,974.98. In
    // double, 12345650 x 1.15 = 14197497.499999998 and would round to .97.
    CHECK(12345650 * 1.15 < 14197497.5);
    const auto eur = fx.to_base(Money{12345650}, "USD");
    REQUIRE(eur);
    CHECK(eur->cents == 14197498);

    // USD 0.90 x 1.15 = 1.035: 1.04 exactly (a double gets 1.03).
    CHECK(fx.to_base(Money{90}, "USD")->cents == 104);
    CHECK(fx.to_base(Money{-90}, "USD")->cents == -104);

    // The base currency and an empty code pass through unchanged.
    CHECK(fx.to_base(Money{12345}, "EUR")->cents == 12345);
    CHECK(fx.to_base(Money{12345}, "")->cents == 12345);

    const auto missing = fx.to_base(Money{100}, "GBP");
    REQUIRE_FALSE(missing);
    CHECK(missing.error() == "no exchange rate for GBP in kam.yaml");
}

TEST_CASE("fx conversion reports overflow instead of wrapping") {
    PortfolioSettings s;
    s.fx_text["JPY"] = "1000000";
    const Converter fx(s);
    CHECK_FALSE(fx.to_base(Money{9'000'000'000'000'000'000}, "JPY"));
}

TEST_CASE("at_least compares a fixed-point figure with a threshold exactly") {
    CHECK(at_least(Fixed{333, 1}, 33.3));  // 33.3 >= 33.3, although 33.3 is no exact double
    CHECK_FALSE(at_least(Fixed{332, 1}, 33.3));
    CHECK(at_least(Fixed{-5, 1}, -0.5));
    CHECK_FALSE(at_least(Fixed{-6, 1}, -0.5));
    CHECK(at_least(Fixed{1000, 1}, 100));
    CHECK(at_least(Fixed{425, 2}, 4.25));  // two places (csat)
    CHECK_FALSE(at_least(Fixed{424, 2}, 4.25));
    CHECK(at_least(Fixed{1, 1}, 0.0999999999));
    CHECK_FALSE(at_least(Fixed{INT64_MIN, 1}, 0));
    CHECK(at_least(Fixed{INT64_MAX, 1}, 9e17));
    CHECK_FALSE(at_least(Fixed{INT64_MAX, 1}, 1e18));
}
