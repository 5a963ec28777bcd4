#pragma once
// A figure of kam-files(5) section 6: a value, or the reason it cannot be
// computed (no prior year, no surveys, revenue 0, no exchange rate...). Never
// a made-up 0 or NaN: reports print the reason instead.
#include <optional>
#include <string>
#include <utility>

namespace kam {

template <typename T>
struct Figure {
    std::optional<T> value;
    std::string reason;  // empty when there is a value

    static Figure of(T v) { return Figure{std::move(v), {}}; }
    static Figure none(std::string why) { return Figure{std::nullopt, std::move(why)}; }

    bool has_value() const { return value.has_value(); }
    explicit operator bool() const { return has_value(); }
    const T& operator*() const { return *value; }
    const T* operator->() const { return &*value; }
};

}  // namespace kam
