#pragma once
// The two YAML event sources compared: the same tree with the same marks, or
// a finding from both. Shared by the differential unit test and fuzzer.
#include <optional>
#include <string>
#include <vector>

#include "kam/io/yaml_loader.hpp"
#include "kam/util/diagnostic.hpp"

namespace kam::test {

struct Outcome {
    std::optional<Node> root;
    std::vector<Diagnostic> findings;
};

inline Outcome load_with(const std::string& text, const YamlEventSource& source) {
    DiagnosticSink sink("f.yaml");
    Outcome o;
    o.root = load_yaml(text, sink, source);
    o.findings = sink.items();
    return o;
}

// Same kind, value, style, flow and marks, all the way down.
inline std::string first_difference_with_marks(const Node& a, const Node& b,
                                               const std::string& at) {
    auto mark = [](const Mark& m) {
        return std::to_string(m.line) + ":" + std::to_string(m.column);
    };
    if (a.kind != b.kind) return at + ": kind";
    if (a.value != b.value) return at + ": value '" + a.value + "' vs '" + b.value + "'";
    if (a.style != b.style) return at + ": style";
    if (a.flow != b.flow) return at + ": flow";
    if (a.mark.offset != b.mark.offset || a.mark.line != b.mark.line ||
        a.mark.column != b.mark.column)
        return at + ": mark " + mark(a.mark) + " vs " + mark(b.mark);
    if (a.items.size() != b.items.size() || a.entries.size() != b.entries.size())
        return at + ": size";
    for (size_t i = 0; i < a.items.size(); ++i)
        if (auto d = first_difference_with_marks(a.items[i], b.items[i],
                                                 at + "[" + std::to_string(i) + "]");
            !d.empty())
            return d;
    for (size_t i = 0; i < a.entries.size(); ++i) {
        const Entry &x = a.entries[i], &y = b.entries[i];
        if (x.key != y.key) return at + ": key " + x.key + " vs " + y.key;
        if (x.key_mark.offset != y.key_mark.offset) return at + "." + x.key + ": key mark";
        if (auto d = first_difference_with_marks(x.value, y.value, at + "." + x.key); !d.empty())
            return d;
    }
    return {};
}

}  // namespace kam::test
