#include "kam/util/spell.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

namespace kam {

size_t edit_distance(std::string_view a, std::string_view b) {
    // Damerau-style: an adjacent transposition ("stauts") counts as one edit.
    const size_t n = a.size(), m = b.size();
    std::vector<size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
    for (size_t j = 0; j <= m; ++j) prev[j] = j;
    for (size_t i = 1; i <= n; ++i) {
        cur[0] = i;
        for (size_t j = 1; j <= m; ++j) {
            const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
        }
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return prev[m];
}

std::optional<std::string> closest_match(std::string_view word,
                                         std::span<const std::string_view> candidates) {
    const size_t limit = std::max<size_t>(1, word.size() / 3);
    std::optional<std::string> best;
    size_t best_distance = limit + 1;
    for (std::string_view c : candidates) {
        const size_t d = edit_distance(word, c);
        if (d < best_distance) {
            best_distance = d;
            best = std::string(c);
        }
    }
    return best;
}

std::optional<std::string> closest_name(std::string_view word,
                                        std::span<const std::string_view> candidates) {
    if (auto m = closest_match(word, candidates)) return m;
    if (word.size() < 3) return std::nullopt;
    std::optional<std::string> only;
    for (std::string_view c : candidates) {
        if (!c.starts_with(word)) continue;
        if (only) return std::nullopt;  // two candidates: which one is a guess
        only = std::string(c);
    }
    return only;
}

std::string did_you_mean(std::string_view suggestion) {
    return fmt::format("did you mean '{}'?", suggestion);
}

std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates) {
    const auto m = closest_match(word, candidates);
    return m ? did_you_mean(*m) : std::string();
}

std::string with_suggestion(std::string message, const std::optional<std::string>& suggestion) {
    if (suggestion) message += "; " + did_you_mean(*suggestion);
    return message;
}

std::string no_account_message(std::string_view slug, std::string_view where,
                               std::span<const std::string_view> slugs) {
    return with_suggestion(fmt::format("no account '{}' in {}", slug, where),
                           closest_name(slug, slugs));
}

}  // namespace kam
