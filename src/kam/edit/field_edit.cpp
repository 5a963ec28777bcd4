#include "kam/edit/field_edit.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "kam/edit/line_diff.hpp"
#include "kam/edit/locked_write.hpp"
#include "kam/edit/path.hpp"
#include "kam/edit/splice.hpp"
#include "kam/io/yaml_loader.hpp"
#include "kam/io/yaml_text.hpp"
#include "kam/portfolio/load.hpp"
#include "kam/util/error.hpp"
#include "kam/util/scalar.hpp"

namespace kam {

namespace {

// The real files, with one of them replaced: the account as it would be after the edit.
class OverlayFileSystem final : public FileSystem {
public:
    OverlayFileSystem(const FileSystem& base, std::string path, std::string content)
        : base_(base), path_(std::move(path)), content_(std::move(content)) {}
    Expected<std::string> read_file(const std::string& path, size_t max_bytes) const override {
        if (path == path_) return content_.substr(0, max_bytes + 1);
        return base_.read_file(path, max_bytes);
    }
    Expected<std::vector<DirEntry>> list_dir(const std::string& path) const override { return base_.list_dir(path); }
    std::optional<EntryType> type_of(const std::string& path) const override { return base_.type_of(path); }

private:
    const FileSystem& base_;
    std::string path_, content_;
};

struct OpenFile {
    ParsedPath path;
    std::string account_dir, file, shown;
    std::string text;
    Node root;
};

OpenFile open_file(const FileSystem& fs, const FieldRequest& r) {
    if (!is_valid_slug(r.slug)) throw UsageError(fmt::format("'{}' is not a valid account name", r.slug));
    OpenFile f;
    f.account_dir = join_path(join_path(r.root, "accounts"), r.slug);
    if (fs.type_of(f.account_dir) != EntryType::directory)
        throw UsageError(fmt::format("no account '{}' in {}", r.slug, join_path(r.display_root, "accounts")));
    auto parsed = parse_field_path(r.path);
    if (!parsed) throw UsageError(parsed.error());
    f.path = std::move(parsed).value();
    f.file = join_path(f.account_dir, std::string(f.path.section->file));
    f.shown = join_path(r.display_root, "accounts/" + r.slug + "/" + std::string(f.path.section->file));
    const auto type = fs.type_of(f.file);
    if (!type) throw UsageError(fmt::format("{} does not exist", f.shown));
    if (*type != EntryType::file) throw UsageError(fmt::format("{} is not a regular file (kam never follows a symlink)", f.shown));
    auto bytes = fs.read_file(f.file, k_max_file_bytes);
    if (!bytes) throw UsageError(fmt::format("cannot read {}: {}", f.shown, bytes.error()));
    f.text = std::move(bytes).value();
    DiagnosticSink sink(f.shown);
    auto root = load_yaml(f.text, sink, default_event_source());
    if (!root) {
        const Diagnostic& d = sink.items().front();
        throw UsageError(fmt::format("{}:{}:{}: {} [{}]; fix the file first (kam validate)", d.path, d.line,
                                     d.column, d.message, d.rule));
    }
    f.root = std::move(*root);
    return f;
}

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
            if (e.value.is_scalar()) out += " " + as_written(e.value) + "\n";
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

// JSON typed by the schema: numbers and booleans as such; money as an exact
// decimal string (never a float); everything else as text.
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
        const bool scalar_items = field && (field->type == FieldType::text_list || field->type == FieldType::swot_list);
        for (const Node& item : n.items) a.push_back(to_json(item, scalar_items ? nullptr : field, field ? field->schema : schema));
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
            default: break;
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
    if (json) return to_json(*node, field, schema).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
    if (node->is_scalar()) return node->value + (node->value.ends_with('\n') ? "" : "\n");
    if (node->is_null()) return "\n";
    std::string out;
    to_yaml(*node, 0, out);
    return out;
}

namespace {

// Verify, then write: the new text must parse to `expected`, the account must
// gain no error, and the file must not have changed since it was read.
SetResult finish_edit(const FileSystem& fs, const FieldRequest& r, const OpenFile& f, const std::string& what,
                      const std::string& after, const Expected<Node>& expected, std::string summary, bool dry_run) {
    DiagnosticSink sink(f.shown);
    const auto reparsed = load_yaml(after, sink, default_event_source());
    if (!reparsed || !expected || !same_tree(*reparsed, *expected))
        throw UsageError(fmt::format("{}: the edit did not verify (the file would not read back as intended); "
                                     "nothing was written",
                                     what));
    std::vector<Diagnostic> before_findings, after_findings;
    DiagnosticSink settings_sink("kam.yaml");
    const PortfolioSettings settings = read_settings(fs, r.root, settings_sink, default_event_source());
    const std::string shown_dir = join_path(r.display_root, "accounts/" + r.slug);
    load_account(fs, f.account_dir, shown_dir, r.slug, settings, r.as_of, default_event_source(), before_findings);
    const OverlayFileSystem overlay(fs, f.file, after);
    load_account(overlay, f.account_dir, shown_dir, r.slug, settings, r.as_of, default_event_source(), after_findings);
    // Any file of the account counts: removing a contract can break a risk's reference.
    std::set<std::string> old_errors;
    for (const Diagnostic& d : before_findings)
        if (d.severity == Severity::error) old_errors.insert(fmt::format("{}: {} [{}]", d.path, d.message, d.rule));
    std::string added;
    for (const Diagnostic& d : after_findings)
        if (d.severity == Severity::error)
            if (const auto e = fmt::format("{}: {} [{}]", d.path, d.message, d.rule); !old_errors.count(e))
                added += "\n  " + e;
    if (!added.empty())
        throw UsageError(fmt::format("{}: refused, the account would gain errors; nothing was written:{}", what, added));

    SetResult result;
    result.summary = std::move(summary);
    result.diff = unified_diff(f.text, after, f.shown);
    if (dry_run) return result;
    if (auto w = replace_if_unchanged(f.file, f.text, after); !w) throw UsageError(w.error());
    result.written = true;
    return result;
}

}  // namespace

SetResult set_field(const FileSystem& fs, const FieldRequest& r, const std::string& value, bool dry_run) {
    const OpenFile f = open_file(fs, r);
    auto at = locate(f.root, f.path);
    if (!at) throw UsageError(at.error());
    const std::string key = f.path.steps.empty() ? f.path.text : f.path.steps.back();
    auto written = format_value(at->field, key, value);
    if (!written) throw UsageError(fmt::format("{}: {}", at->canonical, written.error()));
    auto edit = plan_set(f.text, *at, *written);
    if (!edit) throw UsageError(fmt::format("{}: {}", at->canonical, edit.error()));
    const std::string old_text = at->node && at->node->is_scalar() ? at->node->value : std::string("(empty)");
    std::string summary = at->node ? fmt::format("{}: set {}: {} -> {}", f.shown, at->canonical, old_text, value)
                                   : fmt::format("{}: added {}: {}", f.shown, at->canonical, value);
    return finish_edit(fs, r, f, at->canonical, edit->apply(f.text), expected_after_set(f.root, f.path, value),
                       std::move(summary), dry_run);
}

SetResult remove_field(const FileSystem& fs, const FieldRequest& r, bool dry_run) {
    const OpenFile f = open_file(fs, r);
    if (f.path.steps.empty()) throw UsageError("name what to remove inside the file, e.g. risks.R1");
    auto at = locate(f.root, f.path);
    if (!at) throw UsageError(at.error());
    if (!at->node) throw UsageError(fmt::format("{} is not there", at->canonical));
    auto edit = plan_remove(f.text, *at);
    if (!edit) throw UsageError(fmt::format("{}: {}", at->canonical, edit.error()));
    const auto first_line = 1 + std::count(f.text.begin(), f.text.begin() + static_cast<std::ptrdiff_t>(edit->offset), '\n');
    const auto lines = std::count(f.text.begin() + static_cast<std::ptrdiff_t>(edit->offset),
                                  f.text.begin() + static_cast<std::ptrdiff_t>(edit->offset + edit->length), '\n');
    std::string summary = fmt::format("{}: removed {} (lines {}-{})", f.shown, at->canonical, first_line,
                                      first_line + std::max<std::ptrdiff_t>(lines, 1) - 1);
    return finish_edit(fs, r, f, at->canonical, edit->apply(f.text), expected_after_remove(f.root, f.path),
                       std::move(summary), dry_run);
}

}  // namespace kam
