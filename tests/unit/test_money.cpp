// Money is exact integer cents: parsing, rounding to whole units, formatting.
#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <string>

#include "kam/util/money.hpp"

using kam::Money;
using kam::parse_money;

namespace {
int64_t cents_of(const char* text) {
    const auto m = parse_money(text);
    REQUIRE_MESSAGE(m.has_value(), text);
    return m->cents;
}
}  // namespace

TEST_CASE("parse_money reads decimals with up to two fraction digits exactly") {
    CHECK(cents_of("1500000.50") == 150000050);
    CHECK(cents_of("12") == 1200);
    CHECK(cents_of("-3.5") == -350);
    CHECK(cents_of(".5") == 50);
    CHECK(cents_of("5.") == 500);
    CHECK(cents_of("0") == 0);
    CHECK(cents_of("0.05") == 5);
    CHECK(cents_of("-0.05") == -5);
    CHECK(cents_of("0.10") == 10);
    CHECK(cents_of("12.3") == 1230);
    CHECK(cents_of("007.07") == 707);
    CHECK(cents_of("1000000000000") == 100000000000000);
    // A value that no double can hold exactly: still exact in cents.
    CHECK(cents_of("90071992547409.93") == 9007199254740993);
}

TEST_CASE("parse_money refuses anything that is not a plain decimal amount") {
    for (const char* bad : {"1.234",
                            "0.001",
                            "1e3",
                            "1E3",
                            "1,000",
                            "1,5",
                            "",
                            "-",
                            "+",
                            ".",
                            "-.",
                            "abc",
                            " 1",
                            "1 ",
                            "0x10",
                            "1.2.3",
                            "12a",
                            "$12",
                            "12EUR",
                            "--1",
                            "1-",
                            "inf",
                            "nan",
                            "\xc2\xa0"
                            "1"}) {
        CAPTURE(bad);
        const auto m = parse_money(bad);
        CHECK_FALSE(m.has_value());
        if (!m) CHECK_FALSE(m.error().empty());
    }
}

TEST_CASE("parse_money refuses amounts too large for int64 cents") {
    CHECK_FALSE(parse_money("12345678901234567890"));  // 20 digits
    CHECK_FALSE(parse_money("-12345678901234567890"));
    CHECK_FALSE(parse_money("99999999999999999999.99"));
    CHECK_FALSE(parse_money("92233720368547758.08"));       // INT64_MAX + 1 cents
    CHECK_FALSE(parse_money("1000000000000000000000000"));  // would wrap around
    // The largest whole amount is still accepted, exactly.
    CHECK(cents_of("90000000000000000") == 9000000000000000000);
}

TEST_CASE("three fraction digits are refused with a message about cents") {
    const auto m = parse_money("1.234");
    REQUIRE_FALSE(m.has_value());
    CHECK(m.error().find("1.234") != std::string::npos);
}

TEST_CASE("whole_units rounds half away from zero") {
    CHECK(Money{150000050}.whole_units() == 1500001);
    CHECK(Money{150000049}.whole_units() == 1500000);
    CHECK(Money{149}.whole_units() == 1);
    CHECK(Money{150}.whole_units() == 2);
    CHECK(Money{151}.whole_units() == 2);
    CHECK(Money{-150}.whole_units() == -2);
    CHECK(Money{-149}.whole_units() == -1);
    CHECK(Money{-151}.whole_units() == -2);
    CHECK(Money{50}.whole_units() == 1);
    CHECK(Money{49}.whole_units() == 0);
    CHECK(Money{-50}.whole_units() == -1);
    CHECK(Money{-49}.whole_units() == 0);
    CHECK(Money{0}.whole_units() == 0);
    CHECK(Money{100}.whole_units() == 1);
    CHECK(Money{-100}.whole_units() == -1);
}

TEST_CASE("to_decimal writes exactly two fraction digits, negatives included") {
    CHECK(Money{150000050}.to_decimal() == "1500000.50");
    CHECK(Money{1200}.to_decimal() == "12.00");
    CHECK(Money{-350}.to_decimal() == "-3.50");
    CHECK(Money{5}.to_decimal() == "0.05");
    CHECK(Money{-5}.to_decimal() == "-0.05");
    CHECK(Money{-99}.to_decimal() == "-0.99");
    CHECK(Money{0}.to_decimal() == "0.00");
    CHECK(Money{std::numeric_limits<int64_t>::max()}.to_decimal() == "92233720368547758.07");
    CHECK(Money{std::numeric_limits<int64_t>::min()}.to_decimal() == "-92233720368547758.08");
}

TEST_CASE("to_decimal and parse_money round-trip") {
    for (int64_t c : {int64_t{0}, int64_t{1}, int64_t{-1}, int64_t{99}, int64_t{-100},
                      int64_t{150000050}, int64_t{-123456789012}}) {
        CAPTURE(c);
        const auto back = parse_money(Money{c}.to_decimal());
        REQUIRE(back);
        CHECK(back->cents == c);
    }
}

TEST_CASE("Money arithmetic stays in cents") {
    Money total{0};
    total += Money{10};
    total += Money{20};
    CHECK(total.cents == 30);
    CHECK((Money{100} - Money{250}).cents == -150);
    CHECK((Money{100} + Money{250}).cents == 350);
    CHECK(Money{1} < Money{2});
}

TEST_CASE("checked_add refuses a sum that does not fit in 64-bit cents") {
    constexpr int64_t max = std::numeric_limits<int64_t>::max();
    CHECK(checked_add(Money{max - 1}, Money{1})->cents == max);
    CHECK_FALSE(checked_add(Money{max}, Money{1}));
    CHECK_FALSE(checked_add(Money{std::numeric_limits<int64_t>::min()}, Money{-1}));
    CHECK(checked_add(Money{max}, Money{-max})->cents == 0);
    CHECK(checked_add(Money{max}, Money{1}).error() ==
          "the sum is too large for kam to hold exactly");
}
