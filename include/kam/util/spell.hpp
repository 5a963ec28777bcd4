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

// The one spelling of a suggestion, as a finding's hint: "did you mean 'X'?".
std::string did_you_mean(std::string_view suggestion);

// The hint for the closest candidate (closest_match), or "" when none is close.
std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates);

// The same appended to a message: "MESSAGE; did you mean 'X'?", or MESSAGE
// alone when there is no suggestion.
std::string with_suggestion(std::string message, const std::optional<std::string>& suggestion);

// "no account 'SLUG' in WHERE", with the closest of `slugs` (closest_name).
std::string no_account_message(std::string_view slug, std::string_view where,
                               std::span<const std::string_view> slugs);

}  // namespace kam
