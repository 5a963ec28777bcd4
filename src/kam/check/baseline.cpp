#include "kam/check/baseline.hpp"

#include <map>

namespace kam {

namespace {

// "first at line 12", "lines 3-5", "column 7": the numbers go, the words stay.
std::string without_positions(const std::string& message) {
    std::string out;
    out.reserve(message.size());
    size_t i = 0;
    while (i < message.size()) {
        bool matched = false;
        for (std::string_view word : {"line ", "lines ", "column ", "columns "}) {
            if (message.compare(i, word.size(), word) != 0) continue;
            size_t j = i + word.size();
            if (j >= message.size() || message[j] < '0' || message[j] > '9') continue;
            while (j < message.size() && ((message[j] >= '0' && message[j] <= '9') ||
                                          message[j] == '-' || message[j] == ':'))
                ++j;
            out.append(word);
            out += '#';
            i = j;
            matched = true;
            break;
        }
        if (!matched) out += message[i++];
    }
    return out;
}

}  // namespace

std::string finding_fingerprint(const Diagnostic& d) {
    return std::string(rule_id(d.rule)) + "|" + d.account + "|" + d.path + "|" +
           without_positions(d.message);
}

std::vector<Diagnostic> new_findings(std::vector<Diagnostic> current,
                                     const std::vector<Diagnostic>& baseline) {
    std::map<std::string, size_t> known;
    for (const Diagnostic& d : baseline) ++known[finding_fingerprint(d)];
    std::vector<Diagnostic> out;
    for (Diagnostic& d : current) {
        auto it = known.find(finding_fingerprint(d));
        if (it != known.end() && it->second > 0) {
            --it->second;
            continue;
        }
        out.push_back(std::move(d));
    }
    return out;
}

}  // namespace kam
