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
#include "kam/util/error.hpp"
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

}  // namespace

OpenFile open_file(const FileSystem& fs, const FieldRequest& r, OpenMode mode) {
    if (!is_valid_slug(r.slug))
        throw UsageError(fmt::format("'{}' is not a valid account name", r.slug));
    OpenFile f;
    f.account_dir = join_path(join_path(r.root, "accounts"), r.slug);
    if (fs.type_of(f.account_dir) != EntryType::directory) {
        std::string message =
            fmt::format("no account '{}' in {}", r.slug, join_path(r.display_root, "accounts"));
        std::vector<std::string> names;
        if (auto entries = fs.list_dir(join_path(r.root, "accounts")))
            for (const DirEntry& e : *entries)
                if (e.type == EntryType::directory && is_valid_slug(e.name))
                    names.push_back(e.name);
        const std::vector<std::string_view> slugs(names.begin(), names.end());
        if (auto m = closest_name(r.slug, slugs))
            message += fmt::format("; did you mean '{}'?", *m);
        throw UsageError(message);
    }
    auto parsed = parse_field_path(r.path);
    if (!parsed) throw UsageError(parsed.error());
    f.path = std::move(parsed).value();
    f.file = join_path(f.account_dir, std::string(f.path.section->file));
    f.relative = "accounts/" + r.slug + "/" + std::string(f.path.section->file);
    f.shown = join_path(r.display_root, f.relative);
    if (mode.for_write) {
        // Before the lock: the lock file itself must not land outside the portfolio.
        if (auto inside = check_inside_portfolio(r.root, f.relative, f.shown); !inside)
            throw UsageError(inside.error());
        auto lock = EditLock::acquire(f.account_dir);
        if (!lock)
            throw UsageError(as_shown(lock.error(), f.account_dir,
                                      join_path(r.display_root, "accounts/" + r.slug)));
        f.lock.emplace(std::move(lock).value());
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
        throw UsageError(fmt::format("{}:{}:{}: {} [{}]; fix the file first (kam validate)", d.path,
                                     d.line, d.column, d.message, d.rule));
    }
    f.root = std::move(*root);
    return f;
}

// Verify, then write: the new text must parse to `expected`, the account must
// gain no error, and the file must not have changed since it was read.
SetResult finish_edit(const FileSystem& fs, const FieldRequest& r, const OpenFile& f,
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
    // Any file of the account counts: removing a contract can break a risk's reference.
    std::set<std::string> old_errors;
    for (const Diagnostic& d : before_findings)
        if (d.severity == Severity::error)
            old_errors.insert(fmt::format("{}: {} [{}]", d.path, d.message, d.rule));
    // Listed where the user will look: file:line:column, one line each.
    std::string added;
    bool dangling = false;
    for (const Diagnostic& d : after_findings)
        if (d.severity == Severity::error)
            if (const auto e = fmt::format("{}: {} [{}]", d.path, d.message, d.rule);
                !old_errors.count(e)) {
                added += fmt::format("\n  {}:{}:{}: {} [{}]", d.path, d.line, d.column, d.message,
                                     d.rule);
                dangling = dangling || d.rule == "ref-dangling";
            }
    if (!added.empty()) {
        std::string hint;
        if (dangling && what.ends_with(".id"))
            hint =
                "\n  = hint: these refer to the old id; change the id and its references together "
                "in your editor, then run kam validate";
        throw UsageError(fmt::format(
            "{}: refused, the account would gain errors; nothing was written:{}{}", what, added,
            hint));
    }

    SetResult result;
    result.summary = std::move(summary);
    const std::string before_bytes = f.bom + f.text, after_bytes = f.bom + after;
    result.diff = unified_diff(before_bytes, after_bytes, f.shown);
    result.after = after_bytes;
    if (dry_run) return result;
    if (!f.lock) throw std::logic_error("an edit is written without the account's lock");
    auto w = f.exists ? replace_if_unchanged(f.file, before_bytes, after_bytes)
                      : create_file(f.file, after_bytes);
    if (!w)
        throw UsageError(
            fmt::format("{}; nothing was written", as_shown(w.error(), f.file, f.shown)));
    result.written = true;
    return result;
}

}  // namespace kam
