#pragma once
// The files `kam init` and `kam new` write: built-in templates (overridable by
// a portfolio's templates/ folder) with {{placeholders}} filled in as YAML scalars.
#include <cstddef>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "kam/util/expected.hpp"

namespace kam {

struct EmbeddedTemplate {
    const char* name;
    const char* content;
};
extern const EmbeddedTemplate k_embedded_templates[];
extern const std::size_t k_embedded_template_count;

// The built-in template for `file` ("risks.yaml", "kam.yaml"), if there is one.
std::optional<std::string_view> builtin_template(std::string_view file);

// Replaces each {{key}} by yaml_scalar(values[key]), or by the value as it is
// for keys in `verbatim` (dates, enum values and codes the caller validated).
// An unknown placeholder or an unclosed "{{" is an error naming the line.
Expected<std::string> fill_template(std::string_view text,
                                    const std::map<std::string, std::string>& values,
                                    std::initializer_list<std::string_view> verbatim = {});

}  // namespace kam
