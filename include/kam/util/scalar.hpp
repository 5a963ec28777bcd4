#pragma once
// Strict readers for the scalar types of the format (kam-files(5), "YAML rules").
// They read the text exactly as written and never depend on the process locale.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "kam/util/expected.hpp"

namespace kam {

Expected<bool> parse_bool(std::string_view text);       // true | false
Expected<int64_t> parse_int(std::string_view text);     // [+-]digits, 012 is twelve
Expected<double> parse_number(std::string_view text);   // decimal, fraction, exponent; finite
Expected<double> parse_percent(std::string_view text);  // a number in 0..100

// The number a value written with thousands separators, a percent sign or
// spaces most likely means, as text for a "did you mean": "14,000" -> "14000",
// "40%" -> "40", "1 250.5" -> "1250.5". Nullopt when there is no such reading.
std::optional<std::string> guess_number(std::string_view text);

bool is_currency_code(std::string_view text);  // three capitals (ISO 4217 form)
bool is_valid_id(std::string_view text);       // ^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$
bool is_valid_slug(std::string_view text);     // ^[a-z0-9][a-z0-9-]{0,62}$
bool is_snake_case(std::string_view text);     // ^[a-z][a-z0-9]*(_[a-z0-9]+)*$
bool is_extension_key(std::string_view text);  // x-anything: the user's own keys

// A reporting period: YYYY, YYYY-Qn or YYYY-MM.
struct Period {
    enum class Kind { year, quarter, month } kind = Kind::year;
    int year = 0;
    int index = 0;  // quarter 1..4 or month 1..12; 0 for a year
};
Expected<Period> parse_period(std::string_view text);

}  // namespace kam
