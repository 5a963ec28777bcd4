#include "kam/edit/field_edit.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "edit_session.hpp"
#include "kam/edit/line_diff.hpp"
#include "kam/edit/locked_write.hpp"
#include "kam/edit/path.hpp"
#include "kam/edit/splice.hpp"
#include "kam/io/yaml_loader.hpp"
#include "kam/io/yaml_text.hpp"
#include "kam/portfolio/load.hpp"
#include "kam/util/error.hpp"
#include "kam/util/money.hpp"
#include "kam/util/scalar.hpp"

namespace kam {

namespace {

// A plain value reads back as the user wrote it (4 stays a number); others are quoted as needed.
std::string as_written(const Node& n) {
    if (n.style == ScalarStyle::plain && n.value.find('\n') == std::string::npos) return n.value;
    return yaml_scalar(n.value);
}

void to_yaml(const Node& n, int indent, std::string& out) {
    const std::string pad(static_cast<size_t>(indent), ' ');
    if (n.is_mapping()) {
        for (const Entry& e : n.entries) {
            out += pad + yaml_scalar(e.key) + ":";
            if (e.value.is_scalar())
                out += " " + as_written(e.value) + "\n";
            else if (e.value.is_null() || (e.value.items.empty() && e.value.entries.empty()))
                out += e.value.is_sequence() ? " []\n" : e.value.is_mapping() ? " {}\n" : "\n";
            else {
                out += "\n";
                to_yaml(e.value, indent + 2, out);
            }
        }
    } else if (n.is_sequence()) {
        for (const Node& item : n.items) {
            if (item.is_mapping() && !item.entries.empty()) {
                std::string inner;
                to_yaml(item, indent + 2, inner);
                out += pad + "- " + inner.substr(static_cast<size_t>(indent) + 2);
            } else if (item.is_scalar()) {
                out += pad + "- " + as_written(item) + "\n";
            } else {
                out += pad + "-\n";
            }
        }
    } else if (n.is_scalar()) {
        out += pad + n.value + "\n";
    }
}

// JSON typed by the schema, as kam(1) says: integers, numbers and booleans as
// such; money as a number, like the report JSON: whole units as an integer,
// an amount with cents as its exact two-decimal value (1500000.5); a value
// that is not of its type (already an error of validate) and everything else
// as text.
nlohmann::ordered_json to_json(const Node& n, const FieldSpec* field, const Schema* schema) {
    using json = nlohmann::ordered_json;
    if (n.is_mapping()) {
        const Schema* record = field && field->schema ? field->schema : schema;
        if (field && field->type == FieldType::swot_list) record = &swot_item_schema();
        json o = json::object();
        for (const Entry& e : n.entries) {
            const FieldSpec* spec = record ? record->find(e.key) : nullptr;
            o[e.key] = to_json(e.value, spec, spec && spec->schema ? spec->schema : nullptr);
        }
        return o;
    }
    if (n.is_sequence()) {
        json a = json::array();
        const bool scalar_items =
            field && (field->type == FieldType::text_list || field->type == FieldType::swot_list);
        for (const Node& item : n.items)
            a.push_back(
                to_json(item, scalar_items ? nullptr : field, field ? field->schema : schema));
        return a;
    }
    if (n.is_null()) return nullptr;
    if (field && n.style == ScalarStyle::plain) {
        switch (field->type) {
            case FieldType::integer:
                if (auto v = parse_int(n.value)) return *v;
                break;
            case FieldType::number:
            case FieldType::percent:
                if (auto v = parse_number(n.value)) return *v;
                break;
            case FieldType::boolean:
                if (auto v = parse_bool(n.value)) return *v;
                break;
            case FieldType::money:
                if (auto v = parse_money(n.value)) {
                    if (v->cents % 100 == 0) return v->cents / 100;
                    return static_cast<double>(v->cents) / 100;
                }
                break;
            default:
                break;
        }
    }
    return n.value;
}

}  // namespace

std::string get_field(const FileSystem& fs, const FieldRequest& r, bool json) {
    const OpenFile f = open_file(fs, r);
    const ParsedPath& p = f.path;
    const Node* node = &f.root;
    const FieldSpec* field = nullptr;
    const Schema* schema = p.section->schema;
    if (!p.steps.empty()) {
        auto at = locate(f.root, p);
        if (!at) throw UsageError(at.error());
        if (!at->node) throw UsageError(fmt::format("{} has no value", at->canonical));
        node = at->node;
        field = at->field;
        schema = at->schema;
    }
    if (json)
        return to_json(*node, field, schema)
                   .dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) +
               "\n";
    if (node->is_scalar()) return node->value + (node->value.ends_with('\n') ? "" : "\n");
    if (node->is_null()) return "\n";
    std::string out;
    to_yaml(*node, 0, out);
    return out;
}

EditResult set_field(WritableFileSystem& fs, const FieldRequest& r, const std::string& value,
                     bool dry_run) {
    const OpenFile f =
        open_file(fs, r, {.may_be_missing = false, .for_write = dry_run ? nullptr : &fs});
    auto at = locate(f.root, f.path);
    if (!at) throw UsageError(at.error());
    const std::string key = f.path.steps.empty() ? f.path.text : f.path.steps.back();
    auto written = format_value(at->field, key, value);
    if (!written) throw UsageError(fmt::format("{}: {}", at->canonical, written.error()));
    const bool block =
        at->node && at->node->is_scalar() &&
        (at->node->style == ScalarStyle::literal || at->node->style == ScalarStyle::folded);
    if (block && at->field && at->field->type != FieldType::text)
        throw UsageError(fmt::format(
            "{}: only a text can be a block scalar; edit it in your editor", at->canonical));
    std::string reads_back = value;
    Expected<TextEdit> edit = unexpected(std::string("no edit"));
    if (block) {
        auto b = plan_set_block(f.text, *at, value);
        if (!b) throw UsageError(fmt::format("{}: {}", at->canonical, b.error()));
        edit = b->edit;
        reads_back = b->reads_back;
    } else {
        edit = plan_set(f.text, *at, in_style_of(at->node, at->field, value, *written));
    }
    if (!edit) throw UsageError(fmt::format("{}: {}", at->canonical, edit.error()));
    // One line, whatever the texts hold.
    auto shown_value = [](std::string v) {
        if (v.ends_with('\n')) v.pop_back();
        for (size_t nl = v.find('\n'); nl != std::string::npos; nl = v.find('\n', nl + 2))
            v.replace(nl, 1, "\\n");
        return v;
    };
    const std::string old_text =
        at->node && at->node->is_scalar() ? shown_value(at->node->value) : std::string("(empty)");
    std::string summary =
        at->node ? fmt::format("{}: set {}: {} -> {}", f.shown, at->canonical, old_text,
                               shown_value(value))
                 : fmt::format("{}: added {}: {}", f.shown, at->canonical, shown_value(value));
    return finish_edit(fs, r, f, at->canonical, edit->apply(f.text),
                       expected_after_set(f.root, f.path, reads_back), std::move(summary), dry_run);
}

EditResult remove_field(WritableFileSystem& fs, const FieldRequest& r, bool dry_run) {
    const OpenFile f =
        open_file(fs, r, {.may_be_missing = false, .for_write = dry_run ? nullptr : &fs});
    if (f.path.steps.empty())
        throw UsageError("name what to remove inside the file, e.g. risks.R1");
    auto at = locate(f.root, f.path);
    if (!at) throw UsageError(at.error());
    if (!at->node) throw UsageError(fmt::format("{} is not there", at->canonical));
    auto edit = plan_remove(f.text, *at);
    if (!edit) throw UsageError(fmt::format("{}: {}", at->canonical, edit.error()));
    // The lines of the removed bytes; a line break they start with (taken to
    // keep a missing final newline missing) ends the line before them.
    size_t first_byte = edit->offset;
    while (first_byte < edit->offset + edit->length &&
           (f.text[first_byte] == '\r' || f.text[first_byte] == '\n'))
        ++first_byte;
    const size_t last_byte = std::max(first_byte, edit->offset + edit->length - 1);
    auto line_of = [&](size_t offset) {
        return 1 + std::count(f.text.begin(), f.text.begin() + static_cast<std::ptrdiff_t>(offset),
                              '\n');
    };
    const auto first_line = line_of(first_byte), last_line = line_of(last_byte);
    std::string summary =
        first_line == last_line
            ? fmt::format("{}: removed {} (line {})", f.shown, at->canonical, first_line)
            : fmt::format("{}: removed {} (lines {}-{})", f.shown, at->canonical, first_line,
                          last_line);
    return finish_edit(fs, r, f, at->canonical, edit->apply(f.text),
                       expected_after_remove(f.root, f.path), std::move(summary), dry_run);
}

}  // namespace kam
