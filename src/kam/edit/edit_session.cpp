#include "edit_session.hpp"

#include <fmt/format.h>
#include <set>
#include <stdexcept>

#include "kam/edit/confine.hpp"
#include "kam/edit/line_diff.hpp"
#include "kam/edit/locked_write.hpp"
#include "kam/edit/splice.hpp"
#include "kam/io/yaml_loader.hpp"
#include "kam/portfolio/load.hpp"
#include "kam/util/atomic_file.hpp"
#include "kam/util/error.hpp"
#include "kam/util/safe_text.hpp"
#include "kam/util/scalar.hpp"
#include "kam/util/spell.hpp"

namespace kam {

namespace {

constexpr std::string_view k_bom = "\xEF\xBB\xBF";

// The real files, with one of them replaced: the account as it would be after the edit.
class OverlayFileSystem final : public FileSystem {
  public:
    OverlayFileSystem(const FileSystem& base, std::string path, std::string content)
        : base_(base), path_(std::move(path)), content_(std::move(content)) {}
    Expected<std::string> read_file(const std::string& path, size_t max_bytes) const override {
        if (path == path_) return content_.substr(0, max_bytes + 1);
        return base_.read_file(path, max_bytes);
    }
    Expected<std::vector<DirEntry>> list_dir(const std::string& path) const override {
        return base_.list_dir(path);
    }
    std::optional<EntryType> type_of(const std::string& path) const override {
        return base_.type_of(path);
    }

  private:
    const FileSystem& base_;
    std::string path_, content_;
};

// Messages from below name absolute paths; show them as everything else is shown.
std::string as_shown(std::string message, const std::string& absolute, const std::string& shown) {
    for (size_t at = message.find(absolute); at != std::string::npos;
         at = message.find(absolute, at + shown.size()))
        message.replace(at, absolute.size(), shown);
    return message;
}

// Which record of the edited file a finding is about: the top-level key and,
// in a list, the item's id (or its place when it has none). Lines move with
// an edit; the record does not.
std::string item_at(const Node& root, uint32_t line, uint32_t column) {
    auto before = [&](const Mark& m) {
        return m.line < line || (m.line == line && m.column <= column);
    };
    const Entry* entry = nullptr;
    for (const Entry& e : root.entries)
        if (before(e.key_mark)) entry = &e;
    if (!entry) return {};
    if (!entry->value.is_sequence()) return entry->key;
    const std::vector<Node>& items = entry->value.items;
    size_t at = items.size();
    for (size_t i = 0; i < items.size(); ++i)
        if (before(items[i].mark)) at = i;
    if (at == items.size()) return entry->key;
    const Node* id = items[at].is_mapping() ? items[at].find("id") : nullptr;
    if (id && id->is_scalar() && !id->value.empty())
        return fmt::format("{}[id {}]", entry->key, id->value);
    return fmt::format("{}[{}]", entry->key, at);
}

// The errors of an account, each by identity (file, rule, message, record),
// counted: an edit may not add one, even one like an error already there.
// An error by identity (file, rule, message, record): an edit may not add one,
// even one like an error already there. The other files are unchanged, so
// their positions are identity enough; in the edited one, the record is.
std::string error_identity(const Diagnostic& d, const std::string& edited,
                           const Node& edited_root) {
    const std::string item = d.path == edited ? item_at(edited_root, d.line, d.column)
                                              : fmt::format("{}:{}", d.line, d.column);
    return fmt::format("{}: {} [{}]\n{}", escape_controls(d.path), escape_controls(d.message),
                       d.rule, item);
}

}  // namespace

OpenFile open_file(const FileSystem& fs, const FieldRequest& r, OpenMode mode) {
    if (!is_valid_slug(r.slug))
        throw UsageError(fmt::format("'{}' is not a valid account name", r.slug));
    OpenFile f;
    if (fs.type_of(join_path(r.root, "accounts")) == EntryType::symlink)
        throw UsageError(fmt::format("{} is a symlink; kam never follows one",
                                     join_path(r.display_root, "accounts")));
    f.account_dir = join_path(join_path(r.root, "accounts"), r.slug);
    if (fs.type_of(f.account_dir) != EntryType::directory) {
        std::vector<std::string> names;
        if (auto entries = fs.list_dir(join_path(r.root, "accounts")))
            for (const DirEntry& e : *entries)
                if (e.type == EntryType::directory && is_valid_slug(e.name))
                    names.push_back(e.name);
        const std::vector<std::string_view> slugs(names.begin(), names.end());
        throw UsageError(no_account_message(r.slug, join_path(r.display_root, "accounts"), slugs));
    }
    auto parsed = parse_field_path(r.path);
    if (!parsed) throw UsageError(parsed.error());
    f.path = std::move(parsed).value();
    f.file = join_path(f.account_dir, std::string(f.path.section->file));
    f.relative = "accounts/" + r.slug + "/" + std::string(f.path.section->file);
    f.shown = join_path(r.display_root, f.relative);
    if (mode.for_write) {
        // Before the lock: the lock file itself must not land outside the portfolio.
        if (auto inside = check_inside_portfolio(fs, r.root, f.relative, f.shown); !inside)
            throw UsageError(inside.error());
        auto acquired = EditLock::acquire(*mode.for_write, f.account_dir);
        if (!acquired.lock)
            throw_unless_written(
                WriteResult(acquired.result.status(),
                            as_shown(acquired.result.error(), f.account_dir,
                                     join_path(r.display_root, "accounts/" + r.slug))));
        f.lock.emplace(std::move(*acquired.lock));
        // Under the lock no other kam writes here: a temporary file is a killed edit's.
        mode.for_write->remove_stale_temporaries(f.account_dir);
    }
    const auto type = fs.type_of(f.file);
    if (!type && mode.may_be_missing) {
        f.exists = false;
        f.root.kind = NodeKind::mapping;
        return f;
    }
    if (!type) throw UsageError(fmt::format("{} does not exist", f.shown));
    if (*type != EntryType::file)
        throw UsageError(
            fmt::format("{} is not a regular file (kam never follows a symlink)", f.shown));
    auto bytes = fs.read_file(f.file, k_max_file_bytes);
    if (!bytes) throw UsageError(fmt::format("cannot read {}: {}", f.shown, bytes.error()));
    f.text = std::move(bytes).value();
    // The loader counts offsets after a BOM; so do the edits, and the BOM is put back on write.
    if (f.text.starts_with(k_bom)) {
        f.bom = k_bom;
        f.text.erase(0, k_bom.size());
    }
    DiagnosticSink sink(f.shown);
    auto root = load_yaml(f.text, sink, default_event_source());
    if (!root) {
        const Diagnostic& d = sink.items().front();
        throw UsageError(fmt::format("{}:{}:{}: {} [{}]; fix the file first (kam validate)",
                                     escape_controls(d.path), d.line, d.column,
                                     escape_controls(d.message), d.rule));
    }
    f.root = std::move(*root);
    return f;
}

namespace {

// Refuses an edit that gives the account an error it did not have: any file
// of the account counts (removing a contract can break a risk's reference).
void refuse_new_errors(const FileSystem& fs, const FieldRequest& r, const OpenFile& f,
                       const std::string& what, const std::string& after, const Node& reparsed) {
    std::vector<Diagnostic> before_findings, after_findings;
    DiagnosticSink settings_sink("kam.yaml");
    const PortfolioSettings settings =
        read_settings(fs, r.root, settings_sink, default_event_source());
    const std::string shown_dir = join_path(r.display_root, "accounts/" + r.slug);
    load_account(fs, f.account_dir, shown_dir, r.slug, settings, r.as_of, default_event_source(),
                 before_findings);
    const OverlayFileSystem overlay(fs, f.file, f.bom + after);
    load_account(overlay, f.account_dir, shown_dir, r.slug, settings, r.as_of,
                 default_event_source(), after_findings);
    // Counted: one old error answers for one new one.
    std::multiset<std::string> old_errors;
    for (const Diagnostic& d : before_findings)
        if (d.severity == Severity::error) old_errors.insert(error_identity(d, f.shown, f.root));
    // Listed where the user will look: file:line:column, one line each.
    std::string added;
    bool dangling = false;
    for (const Diagnostic& d : after_findings) {
        if (d.severity != Severity::error) continue;
        if (const auto it = old_errors.find(error_identity(d, f.shown, reparsed));
            it != old_errors.end()) {
            old_errors.erase(it);
            continue;
        }
        added += fmt::format("\n  {}:{}:{}: {} [{}]", escape_controls(d.path), d.line, d.column,
                             escape_controls(d.message), d.rule);
        dangling = dangling || d.rule == Rule::ref_dangling;
    }
    if (!added.empty()) {
        std::string hint;
        if (dangling && what.ends_with(".id"))
            hint =
                "\n  = hint: these refer to the old id; change the id and its references together "
                "in your editor, then run kam validate";
        throw UsageError(
            fmt::format("{}: refused, the account would gain errors; nothing was written:{}{}",
                        what, added, hint));
    }
}

}  // namespace

// Verify, then write: the new text must parse to `expected`, the account must
// gain no error, and the file must not have changed since it was read.
EditResult finish_edit(WritableFileSystem& fs, const FieldRequest& r, const OpenFile& f,
                       const std::string& what, const std::string& after,
                       const Expected<Node>& expected, std::string summary, bool dry_run) {
    DiagnosticSink sink(f.shown);
    const auto reparsed = load_yaml(after, sink, default_event_source());
    std::string why;
    if (!expected)
        why = expected.error();
    else if (!reparsed)
        why = sink.items().empty()
                  ? "it does not parse"
                  : fmt::format("it does not parse: line {}: {}", sink.items().front().line,
                                sink.items().front().message);
    else if (auto d = first_difference(*expected, *reparsed))
        why = *d;
    if (!why.empty())
        throw UsageError(
            fmt::format("{}: the edit did not verify ({}); nothing was written", what, why));
    refuse_new_errors(fs, r, f, what, after, *reparsed);

    EditResult result;
    result.summary = std::move(summary);
    const std::string before_bytes = f.bom + f.text, after_bytes = f.bom + after;
    result.diff = unified_diff(before_bytes, after_bytes, f.shown);
    result.after = after_bytes;
    if (dry_run) return result;
    if (!f.lock) throw std::logic_error("an edit is written without the account's lock");
    std::string kept_in;
    const WriteResult w =
        f.exists ? replace_if_unchanged(fs, f.file, before_bytes, after_bytes, {}, &kept_in)
                 : create_file(fs, f.file, after_bytes);
    if (!w)
        throw_unless_written(WriteResult(
            w.status(),
            fmt::format("{}; nothing was written", as_shown(w.error(), f.file, f.shown))));
    if (!kept_in.empty())
        throw UsageError(fmt::format(
            "{}: the edit was written, but another program changed {} at the same moment; its "
            "version is kept in {}: compare and merge it by hand",
            what, f.shown, as_shown(kept_in, f.file, f.shown)));
    result.written = true;
    return result;
}

}  // namespace kam
