#pragma once
// Findings are data: produced by loading and checking, rendered separately.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kam/util/rule.hpp"

namespace kam {

std::string_view severity_name(Severity s);  // "error", "warning", "info"

struct Diagnostic {
    Severity severity = Severity::error;
    Rule rule = Rule::yaml_syntax;  // rule_id() spells it: "schema-enum"
    std::string path;               // as given to the loader (portfolio-relative or as typed)
    uint32_t line = 1;              // 1-based
    uint32_t column = 1;            // 1-based, in characters
    std::string message;
    std::string hint;     // "did you mean ...?" and the like; may be empty
    std::string account;  // slug of the account it concerns; empty for the portfolio
};

// Collects findings for one file; the default severity of each rule is applied
// later (check/rules), so producers only name the rule.
class DiagnosticSink {
  public:
    explicit DiagnosticSink(std::string path) : path_(std::move(path)) {}
    void add(Rule rule, uint32_t line, uint32_t column, std::string message, std::string hint = {});
    const std::string& path() const { return path_; }
    std::vector<Diagnostic>& items() { return items_; }
    std::vector<Diagnostic> take() { return std::move(items_); }

  private:
    std::string path_;
    std::vector<Diagnostic> items_;
};

// Sorted by path, line, column, then rule: the order users read them in.
void sort_diagnostics(std::vector<Diagnostic>& diagnostics);

}  // namespace kam
