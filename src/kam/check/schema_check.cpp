#include "kam/check/schema_check.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <vector>

#include "kam/check/rules.hpp"
#include "kam/metrics/exact.hpp"
#include "kam/metrics/health.hpp"
#include "kam/util/date.hpp"
#include "kam/util/money.hpp"
#include "kam/util/scalar.hpp"
#include "kam/util/spell.hpp"

namespace kam {

namespace {

std::vector<std::string_view> keys_of(const Schema& schema) {
    std::vector<std::string_view> keys;
    for (const FieldSpec& f : schema.fields) keys.push_back(f.key);
    return keys;
}

std::string format_range(const FieldSpec& f) {
    if (f.min_exclusive) return fmt::format("greater than {}", f.min);
    if (f.max == std::numeric_limits<double>::infinity()) return fmt::format("at least {}", f.min);
    return fmt::format("from {} to {}", f.min, f.max);
}

class SchemaChecker {
  public:
    explicit SchemaChecker(DiagnosticSink& sink) : sink_(sink) {}

    void mapping(const Node& node, const Schema& schema,
                 std::span<const std::string> unread_keys = {}) {
        // A misspelt required key is one finding, not a missing key and an unknown one.
        std::vector<std::string_view> missing;
        for (const FieldSpec& f : schema.fields)
            if (f.required && !node.find(f.key) &&
                std::find(unread_keys.begin(), unread_keys.end(), f.key) == unread_keys.end())
                missing.push_back(f.key);
        std::vector<std::string_view> linked;
        for (const Entry& e : node.entries) {
            if (is_extension_key(e.key)) continue;
            const FieldSpec* field = schema.find(e.key);
            if (!field) {
                if (const auto m = closest_match(e.key, missing)) {
                    sink_.add(Rule::schema_required, e.key_mark.line, e.key_mark.column,
                              fmt::format("{} is missing the required key '{}'; '{}' is not a key",
                                          schema.name, *m, e.key),
                              did_you_mean(*m));
                    linked.push_back(*std::find(missing.begin(), missing.end(), *m));
                    continue;
                }
                const auto keys = keys_of(schema);
                sink_.add(Rule::unknown_key, e.key_mark.line, e.key_mark.column,
                          fmt::format("unknown key '{}' in {}", e.key, schema.name),
                          did_you_mean(e.key, keys));
                continue;
            }
            if (e.value.is_absent()) {
                if (field->required)
                    sink_.add(
                        Rule::schema_required, e.key_mark.line, e.key_mark.column,
                        fmt::format("'{}' is required in {} but has no value", e.key, schema.name));
                continue;
            }
            value(e.value, *field);
        }
        for (std::string_view key : missing)
            if (std::find(linked.begin(), linked.end(), key) == linked.end())
                sink_.add(Rule::schema_required, node.mark.line, node.mark.column,
                          fmt::format("{} is missing the required key '{}'", schema.name, key));
    }

  private:
    void type_error(const Node& n, std::string message) {
        sink_.add(Rule::schema_type, n.mark.line, n.mark.column, std::move(message));
    }

    bool expect_kind(const Node& n, NodeKind kind, const FieldSpec& f) {
        if (n.kind == kind) return true;
        type_error(n, fmt::format("'{}' should be {}, not {}", f.key,
                                  kind == NodeKind::scalar ? std::string(field_type_name(f.type))
                                                           : std::string(node_kind_name(kind)),
                                  node_kind_name(n.kind)));
        return false;
    }

    void range(const Node& n, const FieldSpec& f, double v) {
        if (!f.has_range()) return;
        if (!f.in_range(v))
            sink_.add(Rule::schema_range, n.mark.line, n.mark.column,
                      fmt::format("'{}' is {}; it must be {}", f.key, n.value, format_range(f)));
    }

    // A number or boolean in quotes is a text in YAML; kam reads it, but says so.
    void quoted(const Node& n, const FieldSpec& f, bool ok) {
        if (!ok || (n.style != ScalarStyle::single_quoted && n.style != ScalarStyle::double_quoted))
            return;
        const bool boolean = f.type == FieldType::boolean;
        sink_.add(Rule::schema_quoted, n.mark.line, n.mark.column,
                  fmt::format("'{}' is written in quotes, as a text; it should be {}", f.key,
                              boolean ? "a boolean" : "a number"),
                  fmt::format("write {} without quotes", n.value));
    }

    // Warns when a plain text runs into " #": YAML reads the rest as a comment.
    void comment_in_text(const Node& n, const FieldSpec& f) {
        if (!n.comment_follows) return;
        sink_.add(Rule::text_comment, n.mark.line, n.mark.column,
                  fmt::format("'{}' is read as '{}': the rest of the line after ' #' is a comment",
                              f.key, n.value),
                  "put the whole value in quotes to keep the '#' and what follows it");
    }

    void scalar(const Node& n, const FieldSpec& f) {
        if (!expect_kind(n, NodeKind::scalar, f)) return;
        const std::string& s = n.value;
        auto fail = [&](const std::string& why, std::string hint = {}) {
            sink_.add(Rule::schema_type, n.mark.line, n.mark.column,
                      fmt::format("'{}': {}", f.key, why), std::move(hint));
        };
        auto number_hint = [&] {
            const auto g = guess_number(s);
            return g ? did_you_mean(*g) : std::string();
        };
        switch (f.type) {
            case FieldType::text:
                return comment_in_text(n, f);
            case FieldType::integer: {
                const auto v = parse_int(s);
                quoted(n, f, v.has_value());
                if (!v) return fail(v.error(), number_hint());
                return range(n, f, static_cast<double>(*v));
            }
            case FieldType::number: {
                const auto v = parse_number(s);
                quoted(n, f, v.has_value());
                if (!v) return fail(v.error(), number_hint());
                return range(n, f, *v);
            }
            case FieldType::percent: {
                const auto v = parse_number(s);
                quoted(n, f, v.has_value());
                if (!v)
                    return fail(fmt::format("'{}' is not a percentage (a number from 0 to 100)", s),
                                number_hint());
                if (!f.in_range(*v))
                    sink_.add(
                        Rule::schema_range, n.mark.line, n.mark.column,
                        fmt::format("'{}' is {}; a percentage must be from 0 to 100", f.key, s));
                return;
            }
            case FieldType::boolean: {
                const auto v = parse_bool(s);
                quoted(n, f, v.has_value());
                if (!v) return fail(v.error());
                return;
            }
            case FieldType::date:
                if (!parse_date(s)) {
                    const auto g = guess_date(s);
                    return fail(
                        fmt::format("'{}' is not a date (YYYY-MM-DD, a real calendar day)", s),
                        g ? did_you_mean(g->to_string()) : std::string());
                }
                return;
            case FieldType::money: {
                const auto v = parse_money(s);
                quoted(n, f, v.has_value());
                if (!v) return fail(v.error(), number_hint());
                return;
            }
            case FieldType::currency:
                if (!is_currency_code(s))
                    return fail(
                        fmt::format("'{}' is not a currency code (three capitals, like EUR)", s));
                return;
            case FieldType::period: {
                const auto v = parse_period(s);
                if (!v) return fail(v.error());
                return;
            }
            case FieldType::ref:
                return;  // the account checks own references, a malformed one included
            case FieldType::id:
                if (!is_valid_id(s))
                    return fail(
                        fmt::format("'{}' is not a valid id (a letter or digit, then letters, "
                                    "digits, '.', '_' or '-'; at most 64)",
                                    s));
                return;
            case FieldType::enumeration:
                return enumeration(n, f.key, s, f.values);
            default:
                return;
        }
    }

    void enumeration(const Node& n, std::string_view key, const std::string& s,
                     std::span<const std::string_view> values) {
        for (std::string_view v : values)
            if (v == s) return;
        std::string list;
        for (std::string_view v : values) list += (list.empty() ? "" : ", ") + std::string(v);
        const auto m = suggest_enum_value(s, values);
        sink_.add(Rule::schema_enum, n.mark.line, n.mark.column,
                  fmt::format("'{}' is not a valid {} (one of: {})", s, key, list),
                  m ? did_you_mean(*m) : std::string());
    }

    void value(const Node& n, const FieldSpec& f) {
        switch (f.type) {
            case FieldType::object:
                if (expect_kind(n, NodeKind::mapping, f)) mapping(n, *f.schema);
                return;
            case FieldType::object_list:
                if (!expect_kind(n, NodeKind::sequence, f)) return;
                for (const Node& item : n.items) {
                    if (item.is_mapping()) {
                        mapping(item, *f.schema);
                    } else {
                        type_error(item,
                                   fmt::format("each item of '{}' should be a mapping ({}), not {}",
                                               f.key, f.schema->name, node_kind_name(item.kind)));
                    }
                }
                return;
            case FieldType::text_list:
                if (!expect_kind(n, NodeKind::sequence, f)) return;
                for (const Node& item : n.items)
                    if (item.is_scalar())
                        comment_in_text(item, f);
                    else if (!item.is_absent())
                        type_error(item, fmt::format("each item of '{}' should be a text, not {}",
                                                     f.key, node_kind_name(item.kind)));
                return;
            case FieldType::swot_list:
                if (!expect_kind(n, NodeKind::sequence, f)) return;
                for (const Node& item : n.items) {
                    if (item.is_mapping())
                        mapping(item, swot_item_schema());
                    else if (item.is_scalar())
                        comment_in_text(item, f);
                    else
                        type_error(item, fmt::format("each item of '{}' should be a text or "
                                                     "{{text, impact}}, not {}",
                                                     f.key, node_kind_name(item.kind)));
                }
                return;
            case FieldType::currency_map:
                if (!expect_kind(n, NodeKind::mapping, f)) return;
                for (const Entry& e : n.entries) {
                    if (!is_currency_code(e.key))
                        sink_.add(Rule::schema_type, e.key_mark.line, e.key_mark.column,
                                  fmt::format("'{}' in fx is not a currency code (three capitals)",
                                              e.key));
                    const std::string what = fmt::format("fx.{}", e.key);
                    const FieldSpec rate{
                        .key = what, .type = FieldType::number, .min = 0, .min_exclusive = true};
                    if (e.value.is_absent())
                        sink_.add(Rule::schema_required, e.key_mark.line, e.key_mark.column,
                                  fmt::format("the fx rate for {} has no value", e.key));
                    else
                        scalar(e.value, rate);
                    // A number kam cannot convert with exactly would leave every figure
                    // in that currency empty: say so here.
                    if (e.value.is_scalar() && parse_number(e.value.value))
                        if (const auto exact = parse_decimal(e.value.value); !exact)
                            sink_.add(Rule::schema_range, e.value.mark.line, e.value.mark.column,
                                      fmt::format("the fx rate for {} cannot be used: {}", e.key,
                                                  exact.error()));
                }
                return;
            case FieldType::severity_map: {
                if (!expect_kind(n, NodeKind::mapping, f)) return;
                const auto ids = rule_ids();
                for (const Entry& e : n.entries) {
                    const auto rule = find_rule(e.key);
                    if (!rule)
                        sink_.add(Rule::unknown_key, e.key_mark.line, e.key_mark.column,
                                  fmt::format("unknown rule '{}' in rules", e.key),
                                  did_you_mean(e.key, ids));
                    if (e.value.is_scalar() && rule && rule_info(*rule).always_error() &&
                        e.value.value != "error")
                        sink_.add(Rule::schema_enum, e.value.mark.line, e.value.mark.column,
                                  fmt::format("'{}' is always an error (a file kam cannot read "
                                              "must not pass unseen); its severity cannot be "
                                              "'{}'",
                                              e.key, e.value.value));
                    else if (e.value.is_scalar())
                        enumeration(e.value, "severity", e.value.value, enums::rule_severity);
                    else
                        type_error(e.value,
                                   fmt::format("the severity of '{}' should be one of error, "
                                               "warning, info, off",
                                               e.key));
                }
                return;
            }
            case FieldType::require_map: {
                if (!expect_kind(n, NodeKind::mapping, f)) return;
                std::vector<std::string_view> sections;
                for (const SectionFile& s : section_files()) sections.push_back(s.section);
                for (const Entry& e : n.entries) {
                    Node key_node;
                    key_node.mark = e.key_mark;
                    enumeration(key_node, "tier", e.key, enums::tier);
                    if (!e.value.is_sequence()) {
                        type_error(
                            e.value,
                            fmt::format("policy.require.{} should be a list of sections", e.key));
                        continue;
                    }
                    for (const Node& item : e.value.items) {
                        if (item.is_scalar())
                            enumeration(item, "section", item.value, sections);
                        else
                            type_error(item, "a required section should be a name like swot");
                    }
                }
                return;
            }
            case FieldType::weight_map:
                if (!expect_kind(n, NodeKind::mapping, f)) return;
                for (const Entry& e : n.entries) {
                    bool known = false;
                    for (std::string_view p : k_health_part_names) known |= p == e.key;
                    if (!known)
                        sink_.add(Rule::unknown_key, e.key_mark.line, e.key_mark.column,
                                  fmt::format("unknown health part '{}'", e.key),
                                  did_you_mean(e.key, k_health_part_names));
                    static constexpr FieldSpec k_weight{
                        .key = "weight", .type = FieldType::number, .min = 0};
                    if (!e.value.is_absent()) scalar(e.value, k_weight);
                }
                return;
            default:
                scalar(n, f);
                return;
        }
    }

    DiagnosticSink& sink_;
};

}  // namespace

void check_schema(const Node& root, const Schema& schema, DiagnosticSink& sink,
                  std::span<const std::string> unread_keys) {
    SchemaChecker(sink).mapping(root, schema, unread_keys);
}

}  // namespace kam
