// The strict scalar readers of the format's section 2, and the name checks.
#include <doctest/doctest.h>

#include <clocale>
#include <cstdint>
#include <string>

#include "kam/util/scalar.hpp"

using namespace kam;

TEST_CASE("parse_bool accepts true and false only") {
    REQUIRE(parse_bool("true"));
    CHECK(*parse_bool("true") == true);
    REQUIRE(parse_bool("false"));
    CHECK(*parse_bool("false") == false);
    for (const char* bad : {"yes", "no", "True", "False", "TRUE", "on", "off", "y", "n", "1", "0",
                            "", " true", "true "}) {
        CAPTURE(bad);
        const auto v = parse_bool(bad);
        CHECK_FALSE(v.has_value());
    }
    CHECK(parse_bool("yes").error().find("yes") != std::string::npos);
}

TEST_CASE("parse_int reads optional sign and decimal digits; 012 is twelve") {
    CHECK(*parse_int("012") == 12);
    CHECK(*parse_int("0") == 0);
    CHECK(*parse_int("-0") == 0);
    CHECK(*parse_int("+5") == 5);
    CHECK(*parse_int("-17") == -17);
    CHECK(*parse_int("0010") == 10);  // never octal
    CHECK(*parse_int("1000000") == 1000000);
    for (const char* bad :
         {"1.0", "0x1F", "1_000", "", "1e3", "+", "-", "--1", " 1", "1 ", "0o17", "0b1", "1,000",
          "one", "12345678901234567890", "99999999999999999999999"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_int(bad).has_value());
    }
}

TEST_CASE("parse_number reads decimals with fraction and exponent") {
    CHECK(*parse_number("1.5") == doctest::Approx(1.5));
    CHECK(*parse_number("42") == doctest::Approx(42));
    CHECK(*parse_number("-2.25") == doctest::Approx(-2.25));
    CHECK(*parse_number("+4") == doctest::Approx(4));
    CHECK(*parse_number(".5") == doctest::Approx(0.5));
    CHECK(*parse_number("5.") == doctest::Approx(5));
    CHECK(*parse_number("1e3") == doctest::Approx(1000));
    CHECK(*parse_number("1E3") == doctest::Approx(1000));
    CHECK(*parse_number("-2.5e-2") == doctest::Approx(-0.025));
    CHECK(*parse_number("1e+2") == doctest::Approx(100));
    CHECK(*parse_number("012") == doctest::Approx(12));
    CHECK(*parse_number("99.5") == 99.5);  // exactly representable
}

TEST_CASE("parse_number refuses NaN, infinity, hex and malformed numbers") {
    for (const char* bad : {"nan", "NaN", ".nan",  "inf",  "-inf",  "Infinity", ".inf", ".", "1e",
                            "1e+", "e3",  "0x1p3", "0x10", "1.2.3", " 1",       "1 ",   "",  "+",
                            "-",   "1,5", "1_000", "--1",  "+-1",   "1.5f",     "١"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_number(bad).has_value());
    }
}

TEST_CASE("parse_number refuses values out of the range of doubles") {
    const auto big = parse_number("1e999");
    REQUIRE_FALSE(big.has_value());
    CHECK(big.error().find("1e999") != std::string::npos);
    CHECK_FALSE(parse_number("-1e999"));
    CHECK(*parse_number("1e308") == doctest::Approx(1e308));
}

TEST_CASE("parse_number does not depend on the process locale") {
    // A locale with a decimal comma, if the machine has one; failure is fine.
    const bool german = std::setlocale(LC_ALL, "de_DE.UTF-8") != nullptr;
    CAPTURE(german);
    const auto v = parse_number("1.5");
    const auto comma = parse_number("1,5");
    const auto pct = parse_percent("12.5");
    std::setlocale(LC_ALL, "C");
    REQUIRE(v);
    CHECK(*v == 1.5);
    CHECK_FALSE(comma);
    REQUIRE(pct);
    CHECK(*pct == 12.5);
}

TEST_CASE("parse_percent is a number from 0 to 100") {
    CHECK(*parse_percent("0") == 0);
    CHECK(*parse_percent("100") == 100);
    CHECK(*parse_percent("55.5") == doctest::Approx(55.5));
    CHECK(*parse_percent("1e2") == doctest::Approx(100));
    CHECK_FALSE(parse_percent("-1"));
    CHECK_FALSE(parse_percent("-0.01"));
    CHECK_FALSE(parse_percent("100.01"));
    CHECK_FALSE(parse_percent("101"));
    CHECK_FALSE(parse_percent("50%"));
    CHECK_FALSE(parse_percent("abc"));
    CHECK_FALSE(parse_percent("nan"));
}

TEST_CASE("is_currency_code: three capitals") {
    CHECK(is_currency_code("EUR"));
    CHECK(is_currency_code("USD"));
    CHECK_FALSE(is_currency_code("eur"));
    CHECK_FALSE(is_currency_code("Eur"));
    CHECK_FALSE(is_currency_code("EU"));
    CHECK_FALSE(is_currency_code("EURO"));
    CHECK_FALSE(is_currency_code("E1R"));
    CHECK_FALSE(is_currency_code(""));
    CHECK_FALSE(is_currency_code("\xc3\x84UR"));  // ÄUR
}

TEST_CASE("is_valid_id: ^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$") {
    CHECK(is_valid_id("R1"));
    CHECK(is_valid_id("a"));
    CHECK(is_valid_id("0"));
    CHECK(is_valid_id("C-2026.1_b"));
    CHECK(is_valid_id(std::string(64, 'a')));
    CHECK_FALSE(is_valid_id(std::string(65, 'a')));
    CHECK(is_valid_id("A" + std::string(63, '-')));
    CHECK_FALSE(is_valid_id("-a"));
    CHECK_FALSE(is_valid_id(".a"));
    CHECK_FALSE(is_valid_id("_a"));
    CHECK_FALSE(is_valid_id(""));
    CHECK_FALSE(is_valid_id("a b"));
    CHECK_FALSE(is_valid_id("a/b"));
    CHECK_FALSE(is_valid_id("a:b"));
    CHECK_FALSE(is_valid_id("\xc3\xa9"));  // é
}

TEST_CASE("is_valid_slug: ^[a-z0-9][a-z0-9-]{0,62}$") {
    CHECK(is_valid_slug("acme-manufacturing"));
    CHECK(is_valid_slug("0acme"));
    CHECK(is_valid_slug("a"));
    CHECK(is_valid_slug(std::string(63, 'a')));
    CHECK_FALSE(is_valid_slug(std::string(64, 'a')));
    CHECK_FALSE(is_valid_slug("Acme"));
    CHECK_FALSE(is_valid_slug("acmE"));
    CHECK_FALSE(is_valid_slug("-acme"));
    CHECK_FALSE(is_valid_slug("acme_x"));
    CHECK_FALSE(is_valid_slug("acme.x"));
    CHECK_FALSE(is_valid_slug("acme x"));
    CHECK_FALSE(is_valid_slug(""));
    CHECK_FALSE(is_valid_slug(".."));
    CHECK_FALSE(is_valid_slug("a/b"));
}

TEST_CASE("is_snake_case: ^[a-z][a-z0-9]*(_[a-z0-9]+)*$") {
    CHECK(is_snake_case("name"));
    CHECK(is_snake_case("fiscal_year_start"));
    CHECK(is_snake_case("a1"));
    CHECK(is_snake_case("x1_2"));
    CHECK(is_snake_case("a_1b"));
    CHECK_FALSE(is_snake_case("Name"));
    CHECK_FALSE(is_snake_case("camelCase"));
    CHECK_FALSE(is_snake_case("_a"));
    CHECK_FALSE(is_snake_case("a_"));
    CHECK_FALSE(is_snake_case("a__b"));
    CHECK_FALSE(is_snake_case("1a"));
    CHECK_FALSE(is_snake_case("a-b"));
    CHECK_FALSE(is_snake_case("a b"));
    CHECK_FALSE(is_snake_case(""));
}

TEST_CASE("is_extension_key: x- and at least one more character") {
    CHECK(is_extension_key("x-crm-id"));
    CHECK(is_extension_key("x-a"));
    CHECK_FALSE(is_extension_key("x-"));
    CHECK_FALSE(is_extension_key("x_foo"));
    CHECK_FALSE(is_extension_key("X-foo"));
    CHECK_FALSE(is_extension_key("xfoo"));
    CHECK_FALSE(is_extension_key("foo-x-"));
    CHECK_FALSE(is_extension_key(""));
}

TEST_CASE("parse_period: YYYY, YYYY-Qn, YYYY-MM") {
    const auto year = parse_period("2026");
    REQUIRE(year);
    CHECK(year->kind == Period::Kind::year);
    CHECK(year->year == 2026);
    CHECK(year->index == 0);

    for (int q = 1; q <= 4; ++q) {
        const std::string text = "2026-Q" + std::to_string(q);
        CAPTURE(text);
        const auto p = parse_period(text);
        REQUIRE(p);
        CHECK(p->kind == Period::Kind::quarter);
        CHECK(p->year == 2026);
        CHECK(p->index == q);
    }

    const auto jan = parse_period("2026-01");
    REQUIRE(jan);
    CHECK(jan->kind == Period::Kind::month);
    CHECK(jan->year == 2026);
    CHECK(jan->index == 1);
    const auto dec = parse_period("2025-12");
    REQUIRE(dec);
    CHECK(dec->kind == Period::Kind::month);
    CHECK(dec->year == 2025);
    CHECK(dec->index == 12);

    for (const char* bad : {"2026-Q5", "2026-Q0", "2026-q1", "2026-13", "2026-00", "2026-1",
                            "2026-001", "26", "20261", "2026-", "2026-Q", "2026-Q12", "2026-H1", "",
                            "abcd", "2026 ", " 2026", "2026-01-01"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_period(bad).has_value());
    }
}
