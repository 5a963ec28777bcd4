#include "kam/history/revision_loader.hpp"

#include <fmt/format.h>

#include "kam/check/rules.hpp"
#include "kam/io/git_tree_file_system.hpp"
#include "kam/portfolio/load.hpp"
#include "kam/util/error.hpp"
#include "kam/util/parallel.hpp"

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

}  // namespace

RevisionLoader::RevisionLoader(const GitSource& git, std::string root,
                               const YamlEventSource& source, unsigned jobs,
                               std::set<std::string> only)
    : git_(git),
      root_(std::move(root)),
      source_(source),
      jobs_(std::max(1u, jobs)),
      only_(std::move(only)) {}

const RevisionPortfolio& RevisionLoader::load(const std::string& commit) {
    auto entries = git_.tree(commit);
    if (!entries) throw UsageError(entries.error());
    const auto cache = std::make_shared<BlobCache>();
    const GitTreeFileSystem fs(git_, *entries, root_, cache);

    // kam.yaml: read again only when its blob changed.
    const GitEntry* settings_entry = fs.entry("kam.yaml");
    const std::string settings_blob = settings_entry ? settings_entry->blob : std::string();
    if (current_.commit.empty() || settings_blob != settings_blob_) {
        DiagnosticSink sink(join_path(root_, "kam.yaml"));
        current_.settings = read_settings(fs, root_, sink, source_);
        settings_blob_ = settings_blob;
        ++settings_parsed_;
    }
    current_.commit = commit;

    // Each account's key: kam.yaml's blob (its settings shape the model) and
    // its own files' blobs.
    std::map<std::string, std::string> keys;
    for (const GitEntry& e : *entries) {
        const std::string slug = account_of_path(e.path);
        if (slug.empty()) continue;
        if (!only_.empty() && !only_.count(slug)) continue;
        std::string& key = keys[slug];
        if (key.empty()) key = settings_blob + "\n";
        key += e.path + " " + e.blob + "\n";
    }
    std::vector<std::string> stale;
    for (const auto& [slug, key] : keys) {
        auto it = cache_.find(slug);
        if (it == cache_.end() || it->second.key != key) stale.push_back(slug);
    }
    std::erase_if(cache_, [&](const auto& kv) { return !keys.count(kv.first); });

    // Parse the accounts that changed, in parallel; each keeps its slot.
    std::vector<Cached> fresh(stale.size());
    parallel_for(stale.size(), jobs_, [&](size_t i) {
        const std::string rel = "accounts/" + stale[i];
        std::vector<Diagnostic> findings;
        auto account = std::make_shared<Account>(
            load_account(fs, join_path(root_, rel), join_path(root_, rel), stale[i],
                         current_.settings, today_utc(), source_, findings, nullptr, &files_));
        fresh[i].key = keys.at(stale[i]);
        fresh[i].state.unreadable = unreadable_reason(findings);
        if (fresh[i].state.unreadable.empty()) fresh[i].state.account = std::move(account);
    });
    for (size_t i = 0; i < stale.size(); ++i) cache_[stale[i]] = std::move(fresh[i]);
    accounts_parsed_ += stale.size();

    current_.accounts.clear();
    for (const auto& [slug, cached] : cache_) current_.accounts.emplace(slug, cached.state);
    return current_;
}

}  // namespace kam
