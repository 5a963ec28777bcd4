// libFuzzer target: the two YAML event sources (yaml-cpp and libyaml) on the
// same bytes, through kam's tree builder. They must agree: both give the
// same tree with the same marks, or both refuse the input with a finding of
// the same rule. Where they may not agree is listed here, and each such
// difference is a tested one (tests/unit/test_libyaml_event_source.cpp):
//   - libyaml 0.2.5 refuses a tab as the first character of a block scalar
//     line after its indentation; yaml-cpp (and YAML 1.2) take it as content.
// Any other disagreement aborts, with both outcomes printed.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "differential/yaml_compare.hpp"

namespace {

bool tab_in_block_scalar(const std::string& text) {
    // A block scalar indicator, and a line that starts with spaces then a tab.
    if (text.find('|') == std::string::npos && text.find('>') == std::string::npos) return false;
    for (size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', nl + 1)) {
        size_t i = nl + 1;
        while (i < text.size() && text[i] == ' ') ++i;
        if (i < text.size() && text[i] == '\t') return true;
    }
    return false;
}

[[noreturn]] void disagree(const std::string& what, const kam::test::Outcome& a,
                           const kam::test::Outcome& b) {
    auto first = [](const kam::test::Outcome& o) {
        if (o.root) return std::string("a tree");
        if (o.findings.empty()) return std::string("no tree and no finding");
        const kam::Diagnostic& d = o.findings.front();
        return std::string(kam::rule_id(d.rule)) + " at " + std::to_string(d.line) + ":" +
               std::to_string(d.column) + ": " + d.message;
    };
    std::fprintf(stderr, "yaml-cpp and libyaml disagree: %s\n  yaml-cpp: %s\n  libyaml:  %s\n",
                 what.c_str(), first(a).c_str(), first(b).c_str());
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const auto yaml_cpp = kam::make_yaml_cpp_event_source();
    static const auto libyaml = kam::make_libyaml_event_source();
    const std::string text(reinterpret_cast<const char*>(data), size);
    const kam::test::Outcome a = kam::test::load_with(text, *yaml_cpp);
    const kam::test::Outcome b = kam::test::load_with(text, *libyaml);
    if (a.root.has_value() != b.root.has_value()) {
        if (a.root && tab_in_block_scalar(text)) return 0;  // the documented difference
        disagree("one gives a tree", a, b);
    }
    if (a.root) {
        const std::string d = kam::test::first_difference_with_marks(*a.root, *b.root, "");
        if (!d.empty()) disagree("trees differ at " + d, a, b);
        return 0;
    }
    if (a.findings.empty() || b.findings.empty()) disagree("a refusal without a finding", a, b);
    if (a.findings.front().rule != b.findings.front().rule) disagree("rules differ", a, b);
    return 0;
}
