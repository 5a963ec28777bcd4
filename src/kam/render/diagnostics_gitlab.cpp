#include "kam/render/diagnostics_gitlab.hpp"

#include <fmt/format.h>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

namespace kam {

namespace {

std::string_view gitlab_severity(Severity s) {
    switch (s) {
        case Severity::error:
            return "major";
        case Severity::warning:
            return "minor";
        default:
            return "info";
    }
}

// A message may name other lines ("first defined at line 12", "file:3:5"):
// digits that follow "line " or ':' are positions, not meaning.
std::string without_positions(std::string_view message) {
    std::string out;
    for (size_t i = 0; i < message.size(); ++i) {
        const bool after_line = out.ends_with("line ") || out.ends_with("lines ");
        const bool after_colon = !out.empty() && out.back() == ':';
        if ((after_line || after_colon) && message[i] >= '0' && message[i] <= '9') {
            while (i < message.size() && message[i] >= '0' && message[i] <= '9') ++i;
            out += 'N';
            --i;
            continue;
        }
        out += message[i];
    }
    return out;
}

// FNV-1a, 64 bits; two seeds make 128 bits, written as 32 hex digits.
uint64_t fnv1a(std::string_view s, uint64_t h) {
    for (unsigned char c : s) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

std::string fingerprint(std::string_view key) {
    return fmt::format("{:016x}{:016x}", fnv1a(key, 0xcbf29ce484222325ULL),
                       fnv1a(key, 0x84222325cbf29ce4ULL));
}

}  // namespace

std::string render_gitlab(const std::vector<Diagnostic>& diagnostics) {
    using json = nlohmann::ordered_json;
    json issues = json::array();
    std::map<std::string, int> seen;  // equal findings in one file get ranks 0, 1, ...
    for (const Diagnostic& d : diagnostics) {
        std::string description = d.message;
        if (!d.hint.empty()) description += fmt::format(" ({})", d.hint);
        std::string key = fmt::format("{}\n{}\n{}", d.rule, d.path, without_positions(d.message));
        const int rank = seen[key]++;
        key += fmt::format("\n{}", rank);
        issues.push_back(json{{"description", description},
                              {"check_name", d.rule},
                              {"fingerprint", fingerprint(key)},
                              {"severity", gitlab_severity(d.severity)},
                              {"location", {{"path", d.path}, {"lines", {{"begin", d.line}}}}}});
    }
    return issues.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace kam
