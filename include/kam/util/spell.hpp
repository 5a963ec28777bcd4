#pragma once
// "Did you mean": the closest candidate by edit distance, if close enough to help.
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace kam {

size_t edit_distance(std::string_view a, std::string_view b);

// The closest candidate, only if its distance is at most max(1, word/3):
// a suggestion that is a wild guess is worse than none.
std::optional<std::string> closest_match(std::string_view word,
                                         std::span<const std::string_view> candidates);

// For names people shorten, such as account slugs: closest_match, else the
// only candidate that starts with the word (of three characters or more).
std::optional<std::string> closest_name(std::string_view word,
                                        std::span<const std::string_view> candidates);

}  // namespace kam
