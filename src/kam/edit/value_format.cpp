// A new value checked against its field and written as YAML, in the old value's quoting style.
#include "kam/edit/splice.hpp"

#include <fmt/format.h>

#include "kam/check/schema_check.hpp"
#include "kam/io/yaml_loader.hpp"
#include "kam/io/yaml_text.hpp"

namespace kam {

Expected<std::string> format_value(const FieldSpec* field, std::string_view key,
                                   std::string_view value) {
    if (!field || field->type == FieldType::text) return yaml_scalar(value);
    switch (field->type) {
        case FieldType::object:
        case FieldType::object_list:
        case FieldType::text_list:
        case FieldType::swot_list:
        case FieldType::currency_map:
        case FieldType::severity_map:
        case FieldType::require_map:
        case FieldType::weight_map:
            return unexpected(
                fmt::format("'{}' is a {}, not a single value; set one of its {} instead", key,
                            field_type_name(field->type),
                            field->type == FieldType::object ? "fields" : "items"));
        default:
            break;
    }
    // Check with the very rules `kam validate` applies, so the refusal reads the same.
    const std::string written =
        field->type == FieldType::enumeration || field->type == FieldType::id ||
                field->type == FieldType::ref || field->type == FieldType::currency
            ? yaml_scalar(value)
            : std::string(value);
    Node probe;
    probe.kind = NodeKind::mapping;
    Node scalar;
    scalar.kind = NodeKind::scalar;
    scalar.value = std::string(value);
    probe.entries.push_back(Entry{std::string(field->key), {}, std::move(scalar)});
    const FieldSpec only[] = {*field};
    const Schema one{"value", only};
    DiagnosticSink sink("value");
    check_schema(probe, one, sink);
    for (const Diagnostic& d : sink.items())
        if (d.rule != Rule::schema_required)
            return unexpected(d.hint.empty()
                                  ? fmt::format("{} [{}]", d.message, d.rule)
                                  : fmt::format("{} ({}) [{}]", d.message, d.hint, d.rule));
    if (value.empty()) return unexpected(fmt::format("'{}' needs a value", key));
    return written;
}

std::string in_style_of(const Node* old, const FieldSpec* field, std::string_view value,
                        std::string written) {
    if (!old || !old->is_scalar()) return written;
    const bool text_like = !field || field->type == FieldType::text ||
                           field->type == FieldType::enumeration || field->type == FieldType::id ||
                           field->type == FieldType::ref || field->type == FieldType::currency;
    if (!text_like) return written;
    if (old->style == ScalarStyle::double_quoted) return yaml_double_quoted(value);
    if (old->style == ScalarStyle::single_quoted)
        if (auto single = yaml_single_quoted(value)) return *single;
    return written;
}

}  // namespace kam
