#include "kam/edit/line_diff.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <vector>

namespace kam {

namespace {
std::vector<std::string_view> lines_of(std::string_view text) {
    std::vector<std::string_view> out;
    size_t start = 0;
    while (start < text.size()) {
        const size_t nl = text.find('\n', start);
        const size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
        out.push_back(text.substr(start, end - start));
        start = end;
    }
    return out;
}

std::string show(char mark, std::string_view line) {
    const bool has_eol = line.ends_with('\n');
    // A CRLF line keeps its '\r', so that patch(1) applies the diff to the file.
    const std::string_view body = has_eol ? line.substr(0, line.size() - 1) : line;
    std::string out = fmt::format("{}{}\n", mark, body);
    if (!has_eol) out += "\\ No newline at end of file\n";
    return out;
}
}  // namespace

std::string unified_diff(std::string_view before, std::string_view after, const std::string& path) {
    if (before == after) return {};
    const auto a = lines_of(before), b = lines_of(after);
    size_t prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
    size_t suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
           a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
        ++suffix;
    const size_t context = 3;
    const size_t from = prefix > context ? prefix - context : 0;
    const size_t a_to = std::min(a.size(), a.size() - suffix + context);
    const size_t b_to = std::min(b.size(), b.size() - suffix + context);
    auto range = [](size_t start, size_t count) {
        // A hunk that adds to an empty range names the line before it.
        return count == 0 ? fmt::format("{},0", start) : fmt::format("{},{}", start + 1, count);
    };
    std::string out = fmt::format("--- a/{}\n+++ b/{}\n@@ -{} +{} @@\n", path, path,
                                  range(from, a_to - from), range(from, b_to - from));
    for (size_t i = from; i < prefix; ++i) out += show(' ', a[i]);
    for (size_t i = prefix; i < a.size() - suffix; ++i) out += show('-', a[i]);
    for (size_t i = prefix; i < b.size() - suffix; ++i) out += show('+', b[i]);
    for (size_t i = a.size() - suffix; i < a_to; ++i) out += show(' ', a[i]);
    return out;
}

}  // namespace kam
