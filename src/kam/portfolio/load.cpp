#include "kam/portfolio/load.hpp"

#include <fmt/format.h>
#include <algorithm>

#include "kam/check/account_checks.hpp"
#include "kam/check/rules.hpp"
#include "kam/check/schema_check.hpp"
#include "kam/io/portfolio_root.hpp"
#include "kam/io/yaml_loader.hpp"
#include "kam/model/build.hpp"
#include "kam/model/schema.hpp"
#include "kam/util/error.hpp"
#include "kam/util/parallel.hpp"
#include "kam/util/scalar.hpp"
#include "kam/util/spell.hpp"

namespace kam {

namespace {

std::optional<Node> read_yaml(const FileSystem& fs, const std::string& path, DiagnosticSink& sink,
                              const YamlEventSource& source, size_t* bytes_read,
                              LoadReport* report = nullptr) {
    auto bytes = fs.read_file(path, k_max_file_bytes);
    if (!bytes) {
        sink.add(Rule::file_unreadable, 1, 1,
                 fmt::format("cannot read the file: {}", bytes.error()));
        return std::nullopt;
    }
    if (bytes_read) *bytes_read += bytes->size();
    return load_yaml(*bytes, sink, source, report);
}

void append(std::vector<Diagnostic>& out, DiagnosticSink& sink) {
    auto items = sink.take();
    out.insert(out.end(), std::make_move_iterator(items.begin()),
               std::make_move_iterator(items.end()));
}

bool ends_with_yaml(std::string_view name) {
    return name.ends_with(".yaml") || name.ends_with(".yml");
}

std::vector<std::string_view> section_file_names() {
    std::vector<std::string_view> names;
    for (const SectionFile& s : section_files()) names.push_back(s.file);
    return names;
}

}  // namespace

std::shared_ptr<const ParsedFileCache::File> ParsedFileCache::get(
    std::string_view kind, const std::string& id, const std::function<File()>& parse) {
    std::shared_ptr<Slot> slot;
    {
        std::lock_guard lock(mutex_);
        auto& s = slots_[std::string(kind) + '\0' + id];
        if (!s) s = std::make_shared<Slot>();
        slot = s;
    }
    std::call_once(slot->once, [&] {
        slot->file = std::make_shared<const File>(parse());
        std::lock_guard lock(mutex_);
        ++parsed_;
    });
    return slot->file;
}

void ParsedFileCache::forget(std::string_view kind, const std::string& id) {
    std::lock_guard lock(mutex_);
    slots_.erase(std::string(kind) + '\0' + id);
}

bool ParsedFileCache::contains(std::string_view kind, const std::string& id) const {
    std::lock_guard lock(mutex_);
    return slots_.count(std::string(kind) + '\0' + id) > 0;
}

size_t ParsedFileCache::parsed() const {
    std::lock_guard lock(mutex_);
    return parsed_;
}

PortfolioSettings read_settings(const FileSystem& fs, const std::string& root, DiagnosticSink& sink,
                                const YamlEventSource& source, size_t* bytes_read) {
    const auto tree = read_yaml(fs, join_path(root, "kam.yaml"), sink, source, bytes_read);
    if (tree) {
        check_schema(*tree, portfolio_schema(), sink);
        return build_settings(*tree);
    }
    // Unreadable: the defaults, so that the accounts can still be checked.
    Node empty;
    empty.kind = NodeKind::mapping;
    return build_settings(empty);
}

Account load_account(const FileSystem& fs, const std::string& dir, const std::string& display_dir,
                     const std::string& slug, const PortfolioSettings& settings, Date as_of,
                     const YamlEventSource& source, std::vector<Diagnostic>& out,
                     size_t* bytes_read, ParsedFileCache* cache) {
    Account a;
    a.slug = slug;
    a.dir = display_dir;
    const size_t first = out.size();
    std::vector<std::string_view> partial;  // sections whose file was read only in part

    auto listing = fs.list_dir(dir);
    if (!listing) {
        out.push_back(Diagnostic{Severity::error,
                                 Rule::file_unreadable,
                                 display_dir,
                                 1,
                                 1,
                                 fmt::format("cannot read the account folder: {}", listing.error()),
                                 {},
                                 {}});
    } else {
        const auto known = section_file_names();
        bool cover_entry_seen = false;  // an account.yaml that is not a regular file
        for (const DirEntry& e : *listing) {
            const SectionFile* section = nullptr;
            for (const SectionFile& s : section_files())
                if (s.file == e.name) section = &s;
            if (!section) {
                if (ends_with_yaml(e.name) && e.type != EntryType::directory) {
                    std::string hint = did_you_mean(e.name, known);
                    out.push_back(
                        Diagnostic{Severity::warning,
                                   Rule::unknown_file,
                                   a.file_path(e.name),
                                   1,
                                   1,
                                   fmt::format("{} is not an account file; kam ignores it", e.name),
                                   hint,
                                   {}});
                }
                continue;
            }
            if (e.type != EntryType::file) {
                if (section->section == "account") cover_entry_seen = true;
                out.push_back(
                    Diagnostic{Severity::warning,
                               Rule::tree_entry,
                               a.file_path(e.name),
                               1,
                               1,
                               e.type == EntryType::symlink
                                   ? fmt::format("{} is a symlink; kam never follows one", e.name)
                                   : fmt::format("{} is not a regular file", e.name),
                               {},
                               {}});
                continue;
            }
            a.present_files.emplace_back(section->section);
            const std::string path = join_path(dir, e.name);
            // A syntax error does not hide the rest of the file: what could be
            // read is checked, and the file counts as having errors, so that
            // checks across files do not take its missing parts for absent.
            auto parse = [&] {
                ParsedFileCache::File f;
                DiagnosticSink sink(a.file_path(e.name));
                LoadReport report;
                const auto root = read_yaml(fs, path, sink, source, &f.bytes, &report);
                if (root) {
                    check_schema(*root, *section->schema, sink, report.unread_keys);
                    f.section = build_section(section->section, *root);
                }
                f.unreadable = !root || report.partial;
                f.partial = root && report.partial;
                f.findings = sink.take();
                return f;
            };
            const auto id = cache ? fs.content_id(path) : std::nullopt;
            std::shared_ptr<const ParsedFileCache::File> file;
            if (id) {
                file = cache->get(section->section, *id, parse);
                set_section(file->section, a);  // the cache keeps its own
            } else {
                ParsedFileCache::File parsed = parse();
                set_section(std::move(parsed.section), a);
                parsed.section = std::monostate{};
                file = std::make_shared<const ParsedFileCache::File>(std::move(parsed));
            }
            if (file->unreadable) a.unreadable_files.emplace_back(section->section);
            if (file->partial) partial.emplace_back(section->section);
            if (bytes_read) *bytes_read += file->bytes;
            const std::string shown = a.file_path(e.name);
            for (Diagnostic d : file->findings) {
                d.path = shown;
                out.push_back(std::move(d));
            }
        }
        // A symlink, folder or FIFO named account.yaml is never read: no cover sheet either.
        if (!a.has_file("account"))
            out.push_back(Diagnostic{
                Severity::error,
                Rule::schema_required,
                a.file_path("account.yaml"),
                1,
                1,
                cover_entry_seen
                    ? "the account has no cover sheet: its account.yaml is not a regular file"
                    : "the account has no account.yaml (every account needs its cover sheet)",
                {},
                {}});
    }
    check_account(a, CheckContext{settings, as_of}, out);
    // A file read only in part was checked as far as it goes, but figures
    // must not be computed from half a file: it is unreadable from here on.
    for (std::string_view section : partial) drop_section(section, a);

    std::vector<Diagnostic> mine(
        std::make_move_iterator(out.begin() + static_cast<ptrdiff_t>(first)),
        std::make_move_iterator(out.end()));
    out.resize(first);
    apply_severities(mine, settings.rules);
    for (Diagnostic& d : mine) d.account = slug;
    a.has_errors = std::any_of(mine.begin(), mine.end(),
                               [](const Diagnostic& d) { return d.severity == Severity::error; });
    out.insert(out.end(), std::make_move_iterator(mine.begin()),
               std::make_move_iterator(mine.end()));
    return a;
}

std::string account_of_path(std::string_view path) {
    constexpr std::string_view prefix = "accounts/";
    if (!path.starts_with(prefix)) return {};
    const size_t slash = path.find('/', prefix.size());
    if (slash == std::string_view::npos) return {};
    const std::string_view slug = path.substr(prefix.size(), slash - prefix.size());
    return is_valid_slug(slug) ? std::string(slug) : std::string();
}

LoadedPortfolio load_portfolio(const FileSystem& fs, const std::string& root,
                               const std::string& display_root, const LoadOptions& options,
                               const YamlEventSource& source) {
    LoadedPortfolio result;
    auto shown = [&](const std::string& rel) {
        if (options.working_dir.empty()) return join_path(display_root, rel);
        return display_path(join_path(root, rel), options.working_dir);
    };

    // kam.yaml first: every account's checks depend on its settings.
    {
        DiagnosticSink sink(shown("kam.yaml"));
        result.settings = read_settings(fs, root, sink, source, &result.bytes_read);
        result.settings.file = shown("kam.yaml");
        ++result.files_read;
        append(result.diagnostics, sink);
    }

    // The walk: only well-named folders are accounts; anything else is reported, never followed.
    const std::string accounts_dir = join_path(root, "accounts");
    std::vector<std::string> slugs;
    if (fs.type_of(accounts_dir) == EntryType::symlink)
        result.diagnostics.push_back({Severity::warning,
                                      Rule::tree_entry,
                                      shown("accounts"),
                                      1,
                                      1,
                                      "accounts/ is a symlink; kam never follows one (no account "
                                      "was read)",
                                      {},
                                      {}});
    else if (fs.type_of(accounts_dir)) {
        auto listing = fs.list_dir(accounts_dir);
        if (!listing)
            throw UsageError(fmt::format("cannot read {}: {}", shown("accounts"), listing.error()));
        for (const DirEntry& e : *listing) {
            if (e.name.starts_with(".")) continue;  // .gitkeep and friends
            const std::string where = shown("accounts/" + e.name);
            if (e.type == EntryType::directory && is_valid_slug(e.name)) {
                slugs.push_back(e.name);
            } else if (e.type == EntryType::symlink) {
                result.diagnostics.push_back({Severity::warning,
                                              Rule::tree_entry,
                                              where,
                                              1,
                                              1,
                                              "a symlink in accounts/; kam never follows one",
                                              {},
                                              {}});
            } else if (e.type == EntryType::directory) {
                result.diagnostics.push_back(
                    {Severity::warning,
                     Rule::tree_entry,
                     where,
                     1,
                     1,
                     fmt::format(
                         "'{}' is not a valid account name (lowercase letters, digits and '-', "
                         "starting with a letter or digit, at most 63)",
                         e.name),
                     {},
                     {}});
            } else {
                result.diagnostics.push_back(
                    {Severity::warning,
                     Rule::tree_entry,
                     where,
                     1,
                     1,
                     "a file in accounts/, where only account folders belong",
                     {},
                     {}});
            }
        }
    }
    if (options.skip_accounts) slugs.clear();
    if (!options.only_accounts.empty()) {
        for (const std::string& s : options.only_accounts)
            if (!std::binary_search(slugs.begin(), slugs.end(), s)) {
                const std::vector<std::string_view> names(slugs.begin(), slugs.end());
                throw UsageError(no_account_message(s, shown("accounts"), names));
            }
        std::erase_if(slugs, [&](const std::string& s) { return !options.only_accounts.count(s); });
    }

    // Parallel loading: each worker takes the next account; results keep their slot,
    // so the output does not depend on scheduling. Each account is built in its
    // place in result.accounts, never moved through a growing list.
    struct Slot {
        std::vector<Diagnostic> diagnostics;
        size_t files = 0, bytes = 0;
    };
    std::vector<Slot> slots(slugs.size());
    result.accounts.resize(slugs.size());
    if (options.visitor) options.visitor->start(slugs.size(), result.settings);
    parallel_for(slugs.size(), options.jobs, [&](size_t i) {
        Slot& s = slots[i];
        Account& account = result.accounts[i];
        const std::string rel = "accounts/" + slugs[i];
        account = load_account(fs, join_path(root, rel), shown(rel), slugs[i], result.settings,
                               options.as_of, source, s.diagnostics, &s.bytes);
        s.files = account.present_files.size();
        if (options.visitor) options.visitor->visit(i, account);
        if (!options.keep_accounts) {
            Account light;
            light.slug = account.slug;
            light.dir = account.dir;
            light.has_errors = account.has_errors;
            light.present_files = std::move(account.present_files);
            account = std::move(light);
        }
    });

    apply_severities(result.diagnostics, result.settings.rules);
    result.account_count = slots.size();
    size_t findings = result.diagnostics.size();
    for (const Slot& s : slots) findings += s.diagnostics.size();
    result.diagnostics.reserve(findings);
    for (Slot& s : slots) {
        result.files_read += s.files;
        result.bytes_read += s.bytes;
        result.diagnostics.insert(result.diagnostics.end(),
                                  std::make_move_iterator(s.diagnostics.begin()),
                                  std::make_move_iterator(s.diagnostics.end()));
    }
    sort_diagnostics(result.diagnostics);
    return result;
}

}  // namespace kam
