#include "kam/util/diagnostic.hpp"

#include <algorithm>
#include <tuple>

namespace kam {

std::string_view severity_name(Severity s) {
    switch (s) {
        case Severity::error:
            return "error";
        case Severity::warning:
            return "warning";
        case Severity::info:
            return "info";
        case Severity::off:
            return "off";
    }
    return "?";
}

void DiagnosticSink::add(Rule rule, uint32_t line, uint32_t column, std::string message,
                         std::string hint) {
    items_.push_back(Diagnostic{
        Severity::error, rule, path_, line, column, std::move(message), std::move(hint), {}});
}

void sort_diagnostics(std::vector<Diagnostic>& d) {
    std::stable_sort(d.begin(), d.end(), [](const Diagnostic& a, const Diagnostic& b) {
        // By the rule's id, not its enumerator: the order stays alphabetical.
        auto key = [](const Diagnostic& x) {
            return std::tuple<std::string_view, uint32_t, uint32_t, std::string_view,
                              std::string_view>(x.path, x.line, x.column, rule_id(x.rule),
                                                x.message);
        };
        return key(a) < key(b);
    });
}

}  // namespace kam
