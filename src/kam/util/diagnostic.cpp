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

void DiagnosticSink::add(std::string_view rule, uint32_t line, uint32_t column, std::string message,
                         std::string hint) {
    items_.push_back(Diagnostic{Severity::error,
                                std::string(rule),
                                path_,
                                line,
                                column,
                                std::move(message),
                                std::move(hint),
                                {}});
}

void sort_diagnostics(std::vector<Diagnostic>& d) {
    std::stable_sort(d.begin(), d.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.path, a.line, a.column, a.rule, a.message) <
               std::tie(b.path, b.line, b.column, b.rule, b.message);
    });
}

}  // namespace kam
