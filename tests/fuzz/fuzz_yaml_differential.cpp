// libFuzzer target: the two YAML event sources (yaml-cpp and libyaml) on the
// same bytes, through kam's tree builder. They must agree: both give the
// same tree with the same marks, or both refuse the input with a first
// finding of the same rule at the same line and column. Where libyaml 0.2.5
// departs from YAML 1.2 the libyaml source hands the text to yaml-cpp
// (libyaml_event_source.cpp). Two differences are documented (kam(1), YAML
// PARSERS) and tested (test_libyaml_event_source.cpp):
//   - on text that is not YAML the two parsers may stop at different places
//     or read its structure apart, so when both refuse a text and either
//     one's first finding is a yaml-syntax error, or either parser on its own
//     refuses the text, the first findings may differ (rule or place). Every
//     other refusal must match in rule, line and column;
//   - yaml-cpp 0.7 refuses some valid YAML that libyaml reads ('?' inside a
//     flow scalar: "{a: 5?0}"); libyaml's tree stands.
// Trees must match exactly. Any other disagreement aborts, with both
// outcomes printed.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "differential/yaml_compare.hpp"

namespace {

// Listens to nothing, but stops at a second document (yaml-cpp would read
// endless empty documents from some junk).
struct Skim final : kam::EventListener {
    int documents = 0;
    void on_event(const kam::ParseEvent& e) override {
        if (e.type == kam::ParseEvent::Type::document_start && ++documents > 1) throw Stop{};
    }
    void restart() override { documents = 0; }
    struct Stop {};
};

// The text is YAML to `source` on its own, before any of kam's rules.
bool is_yaml_to(const kam::YamlEventSource& source, const std::string& text) {
    Skim skim;
    try {
        source.parse(text, skim);
    } catch (const Skim::Stop&) {
    } catch (const kam::YamlSyntaxError&) {
        return false;
    }
    return true;
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
        if (b.root && !is_yaml_to(*yaml_cpp, text)) return 0;  // yaml-cpp refuses valid YAML
        disagree("one gives a tree", a, b);
    }
    if (a.root) {
        const std::string d = kam::test::first_difference_with_marks(*a.root, *b.root, "");
        if (!d.empty()) disagree("trees differ at " + d, a, b);
        return 0;
    }
    if (a.findings.empty() || b.findings.empty()) disagree("a refusal without a finding", a, b);
    const kam::Diagnostic &x = a.findings.front(), &y = b.findings.front();
    if (x.rule == kam::Rule::yaml_syntax || y.rule == kam::Rule::yaml_syntax ||
        !is_yaml_to(*yaml_cpp, text) || !is_yaml_to(*libyaml, text))
        return 0;  // both refuse text that is not YAML: the documented difference
    if (x.rule != y.rule) disagree("rules differ", a, b);
    if (x.line != y.line || x.column != y.column) disagree("positions differ", a, b);
    return 0;
}
