#include "edit_session.hpp"

#include <fmt/format.h>
#include <set>

#include "kam/edit/line_diff.hpp"
#include "kam/edit/locked_write.hpp"
#include "kam/edit/splice.hpp"
#include "kam/io/yaml_loader.hpp"
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

}  // namespace

OpenFile open_file(const FileSystem& fs, const FieldRequest& r, bool may_be_missing) {
    if (!is_valid_slug(r.slug))
        throw UsageError(fmt::format("'{}' is not a valid account name", r.slug));
    OpenFile f;
    f.account_dir = join_path(join_path(r.root, "accounts"), r.slug);
    if (fs.type_of(f.account_dir) != EntryType::directory)
        throw UsageError(
            fmt::format("no account '{}' in {}", r.slug, join_path(r.display_root, "accounts")));
    auto parsed = parse_field_path(r.path);
    if (!parsed) throw UsageError(parsed.error());
    f.path = std::move(parsed).value();
    f.file = join_path(f.account_dir, std::string(f.path.section->file));
    f.shown =
        join_path(r.display_root, "accounts/" + r.slug + "/" + std::string(f.path.section->file));
    const auto type = fs.type_of(f.file);
    if (!type && may_be_missing) {
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
    if (!reparsed || !expected || !same_tree(*reparsed, *expected))
        throw UsageError(
            fmt::format("{}: the edit did not verify (the file would not read back as intended); "
                        "nothing was written",
                        what));
    std::vector<Diagnostic> before_findings, after_findings;
    DiagnosticSink settings_sink("kam.yaml");
    const PortfolioSettings settings =
        read_settings(fs, r.root, settings_sink, default_event_source());
    const std::string shown_dir = join_path(r.display_root, "accounts/" + r.slug);
    load_account(fs, f.account_dir, shown_dir, r.slug, settings, r.as_of, default_event_source(),
                 before_findings);
    const OverlayFileSystem overlay(fs, f.file, after);
    load_account(overlay, f.account_dir, shown_dir, r.slug, settings, r.as_of,
                 default_event_source(), after_findings);
    // Any file of the account counts: removing a contract can break a risk's reference.
    std::set<std::string> old_errors;
    for (const Diagnostic& d : before_findings)
        if (d.severity == Severity::error)
            old_errors.insert(fmt::format("{}: {} [{}]", d.path, d.message, d.rule));
    std::string added;
    for (const Diagnostic& d : after_findings)
        if (d.severity == Severity::error)
            if (const auto e = fmt::format("{}: {} [{}]", d.path, d.message, d.rule);
                !old_errors.count(e))
                added += "\n  " + e;
    if (!added.empty())
        throw UsageError(fmt::format(
            "{}: refused, the account would gain errors; nothing was written:{}", what, added));

    SetResult result;
    result.summary = std::move(summary);
    result.diff = unified_diff(f.text, after, f.shown);
    if (dry_run) return result;
    auto w = f.exists ? replace_if_unchanged(f.file, f.text, after) : create_locked(f.file, after);
    if (!w) throw UsageError(w.error());
    result.written = true;
    return result;
}

}  // namespace kam
