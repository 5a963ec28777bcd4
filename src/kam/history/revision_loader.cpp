#include "kam/history/revision_loader.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "kam/check/rules.hpp"
#include "kam/io/git_tree_file_system.hpp"
#include "kam/io/yaml_loader.hpp"
#include "kam/model/schema.hpp"
#include "kam/util/error.hpp"

namespace kam {

namespace {

// What a finding says about the account's files: the text of the first
// finding of a rule that means a file was not read at all.
std::string unreadable_reason(const std::vector<Diagnostic>& diagnostics) {
    for (const Diagnostic& d : diagnostics) {
        if (rule_info(d.rule).always_error() || d.rule == Rule::file_unreadable)
            return fmt::format("{}:{}: {}", d.path, d.line, d.message);
    }
    return {};
}

// The kind of file load_account parses at this path (an account file right
// in the account's folder: "risks" for accounts/acme/risks.yaml), or "".
std::string_view file_kind(const std::string& path) {
    const size_t slash = path.rfind('/');
    if (slash == std::string::npos || std::count(path.begin(), path.end(), '/') != 2) return {};
    const std::string_view name = std::string_view(path).substr(slash + 1);
    for (const SectionFile& s : section_files())
        if (s.file == name) return s.section;
    return {};
}

// kam.yaml's key: its blob id; a symlink or submodule named kam.yaml (never
// read) is told apart from a file with the same id.
std::string settings_key(const GitEntry& e) {
    if (e.path.empty()) return {};
    return e.mode.starts_with("100") ? e.blob : e.mode + " " + e.blob;
}

bool by_path(const GitEntry& a, const GitEntry& b) {
    return a.path < b.path;
}

}  // namespace

RevisionLoader::RevisionLoader(const GitSource& git, std::string root,
                               const YamlEventSource& source, const FileSystem* worktree)
    : git_(git), root_(std::move(root)), source_(source), worktree_(worktree) {}

RevisionTracks RevisionLoader::track(const std::vector<std::string>& commits,
                                     const std::set<std::string>& only) {
    RevisionTracks out;
    const size_t n = commits.size();
    out.settings_blob.assign(n, std::string());
    auto wanted = [&](const std::string& slug) {
        return !slug.empty() && (only.empty() || only.count(slug));
    };
    auto track_of = [&](const std::string& slug) -> AccountTrack& {
        auto [it, fresh] = out.accounts.try_emplace(slug);
        if (fresh) it->second.at.assign(n, -1);
        return it->second;
    };
    // What changed from each commit to the next, in one go.
    std::vector<std::pair<std::string, std::string>> pairs;
    for (size_t p = 0, last = n; p < n; ++p) {
        if (commits[p].empty()) continue;
        if (last < n && commits[last] != commits[p]) pairs.emplace_back(commits[last], commits[p]);
        last = p;
    }
    auto diffs = git_.changes_between(pairs);
    if (!diffs) throw UsageError(diffs.error());
    size_t next_diff = 0;
    std::map<std::string, GitEntry> settings_entries;  // by settings_key
    GitEntry settings;   // kam.yaml at the point before; path empty when there is none
    std::string before;  // the commit of the point before, if any
    size_t before_point = 0;
    for (size_t p = 0; p < n; ++p) {
        const std::string& commit = commits[p];
        if (commit.empty()) continue;
        if (!before.empty() && commit == before) {
            for (auto& [slug, t] : out.accounts) t.at[p] = t.at[before_point];
            out.settings_blob[p] = out.settings_blob[before_point];
            before_point = p;
            continue;
        }
        // The accounts whose files changed, with all their files at `commit`.
        std::map<std::string, std::vector<GitEntry>> touched;
        const std::string settings_before = settings_key(settings);
        if (before.empty()) {
            auto entries = git_.tree(commit);
            if (!entries) throw UsageError(entries.error());
            for (GitEntry& e : entries.value()) {
                if (e.path == "kam.yaml") {
                    settings = e;
                    continue;
                }
                const std::string slug = account_of_path(e.path);
                if (wanted(slug)) touched[slug].push_back(std::move(e));
            }
        } else {
            const std::vector<GitChange>* changes = &diffs->at(next_diff++);
            auto files_of = [&](const std::string& path) -> std::vector<GitEntry>* {
                const std::string slug = account_of_path(path);
                if (!wanted(slug)) return nullptr;
                auto [it, fresh] = touched.try_emplace(slug);
                if (fresh) {
                    auto t = out.accounts.find(slug);
                    if (t != out.accounts.end() && t->second.at[before_point] >= 0)
                        it->second = t->second.versions[t->second.at[before_point]].files;
                }
                return &it->second;
            };
            // Every removal, then every addition: a rename onto a path
            // another change renames away holds the new file.
            for (const GitChange& c : *changes) {
                if (c.old_path.empty()) continue;
                if (c.old_path == "kam.yaml") settings = GitEntry{};
                if (auto* files = files_of(c.old_path))
                    std::erase_if(*files, [&](const GitEntry& e) { return e.path == c.old_path; });
            }
            for (const GitChange& c : *changes) {
                if (c.new_path.empty()) continue;
                GitEntry e{c.new_path, c.new_mode, c.new_blob};
                if (c.new_path == "kam.yaml") settings = e;
                if (auto* files = files_of(c.new_path)) {
                    auto at = std::lower_bound(files->begin(), files->end(), e, by_path);
                    if (at != files->end() && at->path == e.path)
                        *at = std::move(e);
                    else
                        files->insert(at, std::move(e));
                }
            }
        }
        const std::string key = settings_key(settings);
        if (!key.empty()) settings_entries.emplace(key, settings);
        out.settings_blob[p] = key;
        const bool settings_changed = before.empty() || key != settings_before;
        for (auto& [slug, files] : touched) {
            AccountTrack& t = track_of(slug);
            if (files.empty()) continue;  // removed: absent from here on
            t.versions.push_back({key, std::move(files)});
            t.at[p] = static_cast<int>(t.versions.size() - 1);
        }
        for (auto& [slug, t] : out.accounts) {
            if (touched.count(slug) || before.empty() || t.at[before_point] < 0) continue;
            if (settings_changed) {
                // Settings shape the model: a new version with the same files.
                t.versions.push_back({key, t.versions[t.at[before_point]].files});
                t.at[p] = static_cast<int>(t.versions.size() - 1);
            } else {
                t.at[p] = t.at[before_point];
            }
        }
        before = commit;
        before_point = p;
    }

    // The settings of each kam.yaml met, read once.
    for (const std::string& key : out.settings_blob) {
        if (settings_.count(key)) continue;
        std::vector<GitEntry> entries;
        if (auto e = settings_entries.find(key); e != settings_entries.end())
            entries.push_back(e->second);
        const GitTreeFileSystem fs(git_, std::move(entries), root_);
        DiagnosticSink sink(join_path(root_, "kam.yaml"));
        settings_.emplace(key, read_settings(fs, root_, sink, source_));
        if (!key.empty()) ++settings_parsed_;
    }
    if (!settings_.count("")) {
        // The defaults, for a version of no kam.yaml (never asked for otherwise).
        const GitTreeFileSystem fs(git_, {}, root_);
        DiagnosticSink sink(join_path(root_, "kam.yaml"));
        settings_.emplace("", read_settings(fs, root_, sink, source_));
    }

    // The files several accounts hold, and by how many.
    std::unordered_map<std::string, size_t> holders;
    for (const auto& [slug, t] : out.accounts) {
        std::set<std::string> mine;
        for (const AccountVersion& v : t.versions)
            for (const GitEntry& e : v.files)
                if (const std::string_view kind = file_kind(e.path); !kind.empty())
                    mine.insert(std::string(kind) + '\0' + e.blob);
        for (const std::string& k : mine) ++holders[k];
    }
    for (auto& [k, count] : holders)
        if (count > 1) shared_.emplace(k, count);
    return out;
}

const PortfolioSettings& RevisionLoader::settings(const std::string& blob) const {
    return settings_.at(blob);
}

RevisionAccount RevisionLoader::load(const std::string& slug, const AccountVersion& version) {
    // The files to parse, read ahead: from the working tree where the file
    // there is the blob, the others from git in one round trip.
    const GitTreeFileSystem fs(git_, version.files, root_, std::make_shared<BlobCache>(),
                               GitTreeReading{worktree_, false});
    std::vector<const GitEntry*> wanted;
    for (const GitEntry& e : fs.entries())
        if (const std::string_view kind = file_kind(e.path);
            !kind.empty() && !files_.contains(kind, e.blob))
            wanted.push_back(&e);
    fs.prefetch(wanted);
    const std::string dir = join_path(root_, "accounts/" + slug);
    std::vector<Diagnostic> findings;
    auto account =
        std::make_shared<Account>(load_account(fs, dir, dir, slug, settings(version.settings_blob),
                                               today_utc(), source_, findings, nullptr, &files_));
    ++accounts_parsed_;
    RevisionAccount out;
    out.unreadable = unreadable_reason(findings);
    if (out.unreadable.empty()) out.account = std::move(account);
    return out;
}

void RevisionLoader::done(const AccountTrack& track) {
    std::set<std::pair<std::string_view, std::string>> mine;
    for (const AccountVersion& v : track.versions)
        for (const GitEntry& e : v.files)
            if (const std::string_view kind = file_kind(e.path); !kind.empty())
                mine.emplace(kind, e.blob);
    for (const auto& [kind, blob] : mine) {
        {
            std::lock_guard lock(shared_mutex_);
            auto it = shared_.find(std::string(kind) + '\0' + blob);
            if (it != shared_.end() && --it->second > 0) continue;
            if (it != shared_.end()) shared_.erase(it);
        }
        files_.forget(kind, blob);
    }
}

}  // namespace kam
