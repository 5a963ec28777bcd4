#include "kam/scaffold/scaffold.hpp"

#include <fmt/format.h>
#include <map>

#include "kam/check/schema_check.hpp"
#include "kam/edit/confine.hpp"
#include "kam/io/yaml_loader.hpp"
#include "kam/model/build.hpp"
#include "kam/model/schema.hpp"
#include "kam/portfolio/load.hpp"
#include "kam/scaffold/editor_setup.hpp"
#include "kam/scaffold/templates.hpp"
#include "kam/util/atomic_file.hpp"
#include "kam/util/error.hpp"
#include "kam/util/safe_text.hpp"
#include "kam/util/scalar.hpp"
#include "kam/util/spell.hpp"

namespace kam {

namespace {

// Every write goes through the edits' confinement: no symlink on the way from
// the portfolio to the file (accounts/ linked elsewhere would take it outside).
void confine(const FileSystem& fs, const std::string& root, const std::string& relative) {
    if (auto inside = check_inside_portfolio(fs, root, relative, relative); !inside)
        throw UsageError(inside.error());
}

constexpr std::string_view k_gitattributes_line = "*.yaml text eol=lf";

void require_one_line(std::string_view what, const std::string& value) {
    if (value.empty()) throw UsageError(fmt::format("{} must not be empty", what));
    if (value.find_first_of("\r\n") != std::string::npos)
        throw UsageError(fmt::format("{} must be a single line", what));
}

void require_member(std::string_view what, const std::string& value,
                    std::span<const std::string_view> values) {
    for (std::string_view v : values)
        if (v == value) return;
    std::string list;
    for (std::string_view v : values) list += (list.empty() ? "" : ", ") + std::string(v);
    throw UsageError(with_suggestion(fmt::format("{} '{}' is not one of: {}", what, value, list),
                                     closest_match(value, values)));
}

// Removes a temporary folder and what kam wrote into it (best effort: the
// error being reported is the first one).
void remove_tree(WritableFileSystem& fs, const std::string& dir,
                 const std::vector<std::string>& names) {
    for (const std::string& n : names) (void)fs.remove(join_path(dir, n));
    (void)fs.remove(dir);
}

// Creates `dir` unless it is a folder already.
void ensure_dir(WritableFileSystem& fs, const std::string& dir) {
    if (fs.type_of(dir) == EntryType::directory) return;
    if (WriteResult w = fs.make_dir(dir); !w && w.status() != WriteStatus::exists)
        throw_unless_written(w);
}

}  // namespace

namespace {

// Appends the `lines` a file lacks (under `comment`), creating it if absent;
// an existing file is added to, never replaced. True when it was written.
bool add_missing_lines(WritableFileSystem& fs, const std::string& path,
                       const std::vector<std::string>& lines, std::string_view comment) {
    std::string existing;
    if (fs.type_of(path)) {
        auto bytes = fs.read_file(path, 1 << 20);
        if (!bytes) throw UsageError(fmt::format("cannot read {}: {}", path, bytes.error()));
        existing = *bytes;
    }
    std::string add;
    for (const std::string& line : lines) {
        const bool present = existing.starts_with(line + "\n") ||
                             existing.find("\n" + line + "\n") != std::string::npos ||
                             existing == line || existing.ends_with("\n" + line);
        if (!present) add += line + "\n";
    }
    if (add.empty()) return false;
    if (!existing.empty() && existing.back() != '\n') existing += '\n';
    existing += fmt::format("{}\n{}", comment, add);
    throw_unless_written(fs.replace_atomically(path, existing));
    return true;
}

// The new account must load with no error, or nothing is written; findings
// name the template each file came from.
void verify_rendered(const MemoryFileSystem& rendered, const NewAccountRequest& r,
                     const PortfolioSettings& settings,
                     const std::map<std::string, std::string>& origin_of) {
    std::vector<Diagnostic> found;
    load_account(rendered, "new", "accounts/" + r.slug, r.slug, settings, r.today,
                 default_event_source(), found);
    std::string errors;
    for (const Diagnostic& d : found)
        if (d.severity == Severity::error)
            errors += fmt::format("\n  {}:{}:{}: {} [{}]",
                                  origin_of.count(d.path) ? origin_of.at(d.path) : d.path, d.line,
                                  d.column, escape_controls(d.message), d.rule);
    if (!errors.empty())
        throw UsageError("the templates produce an account with errors; nothing was written:" +
                         errors);
}

// Writes the files into a hidden temporary folder in accounts/ and renames it
// to accounts/SLUG: whole or not at all.
std::vector<std::string> write_account_whole(
    WritableFileSystem& fs, const std::string& root, const std::string& slug,
    const std::vector<std::pair<std::string, std::string>>& files) {
    const std::string accounts = join_path(root, "accounts");
    const std::string target = join_path(accounts, slug);
    ensure_dir(fs, accounts);
    confine(fs, root, "accounts/" + slug);
    auto made = fs.make_temp_dir(join_path(accounts, ".new-" + slug + "-"));
    if (!made) throw EnvironmentError(made.error());
    const std::string tmp = *made;
    std::vector<std::string> names;
    for (const auto& [file, text] : files) {
        WriteResult w = fs.create_exclusive(join_path(tmp, file), text);
        if (!w) {
            remove_tree(fs, tmp, names);
            throw_unless_written(w);
        }
        names.push_back(file);
    }
    if (WriteResult s = fs.sync_dir(tmp); !s) {
        remove_tree(fs, tmp, names);
        throw_unless_written(s);
    }
    // rename(2) onto an existing non-empty folder fails: a concurrent `kam new` loses cleanly.
    if (WriteResult moved = fs.rename(tmp, target); !moved) {
        remove_tree(fs, tmp, names);
        if (moved.status() == WriteStatus::exists)
            throw UsageError(fmt::format("account '{}' already exists", slug));
        throw_unless_written(moved);
    }
    throw_unless_written(fs.sync_dir(accounts));
    return names;
}

}  // namespace

std::vector<std::string> init_portfolio(const InitRequest& r, WritableFileSystem& fs) {
    require_one_line("the portfolio name", r.name);
    if (!is_currency_code(r.currency))
        throw UsageError(
            fmt::format("'{}' is not a currency code (three capitals, like EUR)", r.currency));
    if (const auto type = fs.type_of(r.dir)) {
        if (*type != EntryType::directory)
            throw UsageError(fmt::format("'{}' exists and is not a folder", r.dir));
    } else {
        throw_unless_written(fs.make_dir(r.dir));
    }
    const std::string kam_yaml = join_path(r.dir, "kam.yaml");
    if (fs.type_of(kam_yaml))
        throw UsageError(
            fmt::format("'{}' is already a portfolio (it has a kam.yaml); nothing was changed",
                        r.dir.empty() ? "." : r.dir));

    const auto text = fill_template(*builtin_template("kam.yaml"),
                                    {{"name", r.name}, {"currency", r.currency}}, {"currency"});
    if (!text) throw std::logic_error("built-in kam.yaml template: " + text.error());

    std::vector<std::string> written;
    const std::string accounts = join_path(r.dir, "accounts");
    ensure_dir(fs, accounts);
    written.push_back("accounts/");
    confine(fs, r.dir, "accounts/.gitkeep");
    confine(fs, r.dir, ".gitattributes");
    // Git does not keep empty folders; kam skips dot-files in accounts/.
    const std::string keep = join_path(accounts, ".gitkeep");
    if (!fs.type_of(keep)) {
        throw_unless_written(fs.create_exclusive(keep, ""));
        written.push_back("accounts/.gitkeep");
    }

    // Keep YAML line ends stable across platforms, and what kam may leave behind
    // (the account lock, a killed edit's temporary file) out of commits.
    if (add_missing_lines(fs, join_path(r.dir, ".gitattributes"),
                          {std::string(k_gitattributes_line)},
                          "# kam: account files keep LF line ends on every platform"))
        written.push_back(".gitattributes");
    if (add_missing_lines(fs, join_path(r.dir, ".gitignore"), {".kam-lock", "*.kam-??????"},
                          "# kam: the account lock and the temporary file of an edit in progress"))
        written.push_back(".gitignore");
    // The editor setup: the schemas, and VS Code settings that map the files to them.
    (void)write_schema_folder(fs, join_path(r.dir, std::string(k_schema_dir)));
    written.push_back(std::string(k_schema_dir) + "/");
    for (std::string& w : write_vscode_settings(fs, r.dir)) written.push_back(std::move(w));
    // kam.yaml last: it is what marks the folder as a portfolio.
    throw_unless_written(fs.create_exclusive(kam_yaml, schema_modeline("kam.yaml") + *text));
    written.push_back("kam.yaml");
    return written;
}

std::vector<std::string> create_account(const NewAccountRequest& r, WritableFileSystem& fs) {
    if (!is_valid_slug(r.slug))
        throw UsageError(
            fmt::format("'{}' is not a valid account name: lowercase letters, digits and '-', "
                        "starting with a letter or digit, at most 63 characters",
                        r.slug));
    require_one_line("--name", r.name);
    require_one_line("--manager", r.manager);
    require_member("--tier", r.tier, enums::tier);
    require_member("--status", r.status, enums::status);
    if (r.status == "lost")
        throw UsageError("a new account cannot start as lost (it would need a lost_on date)");

    // Settings decide the default currency and the checks the new files must pass.
    DiagnosticSink settings_findings("kam.yaml");  // reported by kam validate, not here
    const PortfolioSettings settings =
        read_settings(fs, r.root, settings_findings, default_event_source());
    const std::string currency = r.currency.empty() ? settings.currency : r.currency;
    if (!is_currency_code(currency))
        throw UsageError(
            fmt::format("'{}' is not a currency code (three capitals, like EUR)", currency));
    if (currency != settings.currency && !settings.fx.count(currency))
        throw UsageError(fmt::format(
            "--currency {}: kam.yaml has no exchange rate for it; add '{}: RATE' under fx: "
            "first (RATE being {} per one {})",
            currency, currency, settings.currency, currency));

    const std::string accounts = join_path(r.root, "accounts");
    const std::string target = join_path(accounts, r.slug);
    if (fs.type_of(target)) throw UsageError(fmt::format("account '{}' already exists", r.slug));

    const std::map<std::string, std::string> values{
        {"name", r.name},
        {"manager", r.manager},
        {"tier", r.tier},
        {"status", r.status},
        {"currency", currency},
        {"slug", r.slug},
        {"today", r.today.to_string()},
        {"client_since", r.client_since ? r.client_since->to_string() : std::string()},
    };
    if (fs.type_of(join_path(r.root, "templates")) == EntryType::symlink)
        throw UsageError("templates/ is a symlink (symlinks are never followed)");
    MemoryFileSystem rendered;
    std::map<std::string, std::string> origin_of;  // shown path -> template it came from
    std::vector<std::pair<std::string, std::string>> files;
    for (const SectionFile& s : section_files()) {
        const std::string file(s.file);
        const std::string override_path = join_path(join_path(r.root, "templates"), file);
        std::string source;
        std::string origin = "built-in " + file;
        if (const auto type = fs.type_of(override_path)) {
            if (*type != EntryType::file)
                throw UsageError(fmt::format(
                    "templates/{} is not a regular file (symlinks are never followed)", file));
            auto bytes = fs.read_file(override_path, k_max_file_bytes);
            if (!bytes)
                throw UsageError(fmt::format("cannot read templates/{}: {}", file, bytes.error()));
            source = std::move(bytes).value();
            origin = "templates/" + file;
        } else {
            source = std::string(*builtin_template(file));
        }
        auto text = fill_template(source, values,
                                  {"tier", "status", "currency", "slug", "today", "client_since"});
        if (!text) throw UsageError(fmt::format("{}: {}", origin, text.error()));
        // Checked as the template reads, so findings keep the template's line numbers;
        // written with a first line that points editors using yaml-language-server
        // at the portfolio's copy of the schema.
        rendered.add_file("new/" + file, *text);
        origin_of["accounts/" + r.slug + "/" + file] = origin;
        files.emplace_back(file, text->starts_with("# yaml-language-server:")
                                     ? std::move(text).value()
                                     : schema_modeline(file) + *text);
    }

    verify_rendered(rendered, r, settings, origin_of);
    return write_account_whole(fs, r.root, r.slug, files);
}

}  // namespace kam
