#pragma once
// A value or an error message. Leaf parsers return this; fatal conditions travel
// as exceptions (kam/util/error.hpp) to the one catch in main. Expected<void>
// is the result of an operation that returns nothing but may fail. Both are
// [[nodiscard]]: an ignored error is a bug.
#include <string>
#include <utility>
#include <variant>

namespace kam {

struct Unexpected {
    std::string message;
};

inline Unexpected unexpected(std::string message) {
    return Unexpected{std::move(message)};
}

template <typename T>
class [[nodiscard]] Expected {
  public:
    Expected(T value) : v_(std::in_place_index<0>, std::move(value)) {}
    Expected(Unexpected error) : v_(std::in_place_index<1>, std::move(error.message)) {}

    bool has_value() const { return v_.index() == 0; }
    explicit operator bool() const { return has_value(); }
    const T& value() const& { return std::get<0>(v_); }
    T& value() & { return std::get<0>(v_); }
    T&& value() && { return std::get<0>(std::move(v_)); }
    const T& operator*() const& { return value(); }
    const T* operator->() const { return &value(); }
    const std::string& error() const { return std::get<1>(v_); }

  private:
    std::variant<T, std::string> v_;
};

template <>
class [[nodiscard]] Expected<void> {
  public:
    Expected() = default;  // success: `return {};`
    Expected(Unexpected error) : error_(std::move(error.message)), failed_(true) {}

    bool has_value() const { return !failed_; }
    explicit operator bool() const { return has_value(); }
    const std::string& error() const { return error_; }

  private:
    std::string error_;
    bool failed_ = false;
};

}  // namespace kam
