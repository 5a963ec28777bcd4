// MemoryGitSource: commits, trees and blobs in maps, ids derived from content.
#include <fmt/format.h>
#include <algorithm>
#include <deque>
#include <stdexcept>

#include "kam/io/git_source.hpp"
#include "kam/util/sha1.hpp"

namespace kam {

namespace {

uint64_t fnv1a(std::string_view s, uint64_t seed) {
    uint64_t h = 1469598103934665603ULL ^ seed;
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return h;
}

// 40 hex digits, like a SHA-1 object id.
std::string fake_id(std::string_view kind, std::string_view content) {
    std::string key(kind);
    key += '\0';
    key += content;
    return fmt::format("{:016x}{:016x}{:08x}", fnv1a(key, 1), fnv1a(key, 2),
                       static_cast<uint32_t>(fnv1a(key, 3)));
}

}  // namespace

std::string MemoryGitSource::add_blob(const std::string& content) {
    std::string id = git_blob_id(content);  // git's own, so a file can be matched to its blob
    blobs_.emplace(id, content);
    return id;
}

std::vector<GitEntry> MemoryGitSource::entries_of(const Files& files) {
    std::vector<GitEntry> out;
    for (const auto& [path, content] : files) out.push_back({path, "100644", add_blob(content)});
    return out;  // std::map keeps them sorted by path
}

std::string MemoryGitSource::add_commit(const Files& files,
                                        const std::vector<std::string>& parents) {
    CommitInfo info;
    info.time += static_cast<int64_t>(order_.size()) * 86400;
    info.subject = fmt::format("commit {}", order_.size() + 1);
    return add_commit(files, parents, info);
}

std::string MemoryGitSource::add_commit(const Files& files, const std::vector<std::string>& parents,
                                        const CommitInfo& info) {
    for (const auto& p : parents)
        if (!commits_.count(p)) throw std::logic_error("MemoryGitSource: unknown parent " + p);
    StoredCommit c;
    c.entries = entries_of(files);
    std::string key = fmt::format("{}\n{}\n{}\n", order_.size(), info.subject, info.time);
    for (const auto& e : c.entries) key += e.path + " " + e.blob + "\n";
    for (const auto& p : parents) key += "parent " + p + "\n";
    c.meta.id = fake_id("commit", key);
    c.meta.author = info.author;
    c.meta.author_email = info.author_email;
    c.meta.author_time = info.time;
    c.meta.commit_time = info.time;
    c.meta.subject = info.subject;
    c.meta.parents = parents;
    const std::string id = c.meta.id;
    commits_.emplace(id, std::move(c));
    order_.push_back(id);
    refs_["HEAD"] = id;
    return id;
}

void MemoryGitSource::set_ref(const std::string& name, const std::string& id) {
    refs_[name] = id;
}

void MemoryGitSource::set_index(const Files& files) {
    index_ = entries_of(files);
}

namespace {
bool below(const std::string& path, const std::vector<std::string>& scopes) {
    for (const std::string& s : scopes)
        if (path == s || (path.size() > s.size() && path.starts_with(s) && path[s.size()] == '/'))
            return true;
    return false;
}
}  // namespace

Expected<std::vector<std::string>> MemoryGitSource::first_parent_touching(
    const std::string& rev, const std::vector<std::string>& paths) const {
    auto chain = first_parent_log(rev);
    if (!chain) return unexpected(chain.error());
    auto scoped = [&](const std::string& id) {
        std::map<std::string, std::string> out;
        for (const GitEntry& e : commits_.at(id).entries)
            if (below(e.path, paths)) out[e.path] = e.blob;
        return out;
    };
    std::vector<std::string> out;
    for (const std::string& id : *chain) {
        const auto& parents = commits_.at(id).meta.parents;
        const auto before =
            parents.empty() ? std::map<std::string, std::string>() : scoped(parents.front());
        if (scoped(id) != before) out.push_back(id);
    }
    return out;
}

Expected<std::optional<std::string>> MemoryGitSource::file_at(const std::string& commit,
                                                              const std::string& path) const {
    auto it = commits_.find(commit);
    if (it == commits_.end()) return unexpected(fmt::format("no commit {}", commit));
    for (const GitEntry& e : it->second.entries)
        if (e.path == path) return std::optional<std::string>(blobs_.at(e.blob));
    return std::optional<std::string>();
}

void MemoryGitSource::set_worktree(const Files& files) {
    worktree_ = files;
}

Expected<std::vector<std::string>> MemoryGitSource::worktree_changes(
    const std::string& commit) const {
    auto entries = tree(commit);
    if (!entries) return unexpected(entries.error());
    std::map<std::string, std::string> at_commit;
    for (const GitEntry& e : *entries) {
        auto content = blob(e.blob);
        if (!content) return unexpected(content.error());
        at_commit[e.path] = std::move(*content);
    }
    std::vector<std::string> out;
    for (const auto& [path, content] : worktree_) {
        auto it = at_commit.find(path);
        if (it == at_commit.end() || it->second != content) out.push_back(path);
    }
    for (const auto& [path, content] : at_commit)
        if (!worktree_.count(path)) out.push_back(path);
    std::sort(out.begin(), out.end());
    return out;
}

void MemoryGitSource::set_shallow(const std::vector<std::string>& ids) {
    for (const auto& id : ids) {
        shallow_.insert(id);
        auto it = commits_.find(id);
        if (it != commits_.end()) {
            it->second.meta.parents.clear();
            it->second.meta.grafted = true;
        }
    }
}

Expected<std::string> MemoryGitSource::resolve(std::string_view rev) const {
    if (rev.empty()) return unexpected("an empty revision");
    if (rev.front() == '-')
        return unexpected(fmt::format("'{}' is not a revision (it starts with '-')", rev));
    auto unknown = [&]() -> Expected<std::string> {
        if (is_shallow())
            return unexpected(fmt::format("unknown revision '{}': {}", rev, k_shallow_advice));
        return unexpected(fmt::format("unknown revision '{}'", rev));
    };
    // NAME followed by any number of "~N", "~" and "^" steps along first parents.
    const size_t op = rev.find_first_of("~^");
    const std::string name(rev.substr(0, op));
    std::string id;
    if (auto it = refs_.find(name); it != refs_.end()) {
        id = it->second;
    } else if (name.size() >= 4) {
        for (const auto& [cid, _] : commits_)
            if (cid.compare(0, name.size(), name) == 0) {
                if (!id.empty()) return unexpected(fmt::format("ambiguous revision '{}'", name));
                id = cid;
            }
    }
    if (id.empty()) return unknown();
    size_t pos = op;
    while (pos != std::string_view::npos && pos < rev.size()) {
        const char c = rev[pos++];
        size_t steps = 1;
        if (c == '~' && pos < rev.size() && rev[pos] >= '0' && rev[pos] <= '9') {
            steps = 0;
            while (pos < rev.size() && rev[pos] >= '0' && rev[pos] <= '9')
                steps = steps * 10 + static_cast<size_t>(rev[pos++] - '0');
        } else if (c != '~' && c != '^') {
            return unknown();
        }
        for (size_t i = 0; i < steps; ++i) {
            const auto& parents = commits_.at(id).meta.parents;
            if (parents.empty()) return unknown();
            id = parents.front();
        }
    }
    return id;
}

Expected<GitCommit> MemoryGitSource::commit(const std::string& id) const {
    auto it = commits_.find(id);
    if (it == commits_.end()) return unexpected(fmt::format("no commit {}", id));
    return it->second.meta;
}

Expected<std::vector<GitEntry>> MemoryGitSource::tree(const std::string& commit) const {
    auto it = commits_.find(commit);
    if (it == commits_.end()) return unexpected(fmt::format("no commit {}", commit));
    return it->second.entries;
}

Expected<std::vector<GitEntry>> MemoryGitSource::index() const {
    return index_;
}

Expected<std::string> MemoryGitSource::blob(const std::string& id) const {
    auto it = blobs_.find(id);
    if (it == blobs_.end()) return unexpected(fmt::format("object {} is missing", id));
    return it->second;
}

Expected<std::vector<GitChange>> MemoryGitSource::changes(const std::string& a,
                                                          const std::string& b) const {
    auto ta = tree(a);
    if (!ta) return unexpected(ta.error());
    auto tb = tree(b);
    if (!tb) return unexpected(tb.error());
    std::map<std::string, const GitEntry*> old_files, new_files;
    for (const auto& e : *ta) old_files[e.path] = &e;
    for (const auto& e : *tb) new_files[e.path] = &e;
    std::vector<GitChange> out, added, deleted;
    for (const auto& [path, e] : old_files) {
        auto it = new_files.find(path);
        if (it == new_files.end())
            deleted.push_back({'D', path, "", e->blob, "", 0, e->mode, ""});
        else if (it->second->blob != e->blob || it->second->mode != e->mode)
            out.push_back({it->second->mode.substr(0, 2) == e->mode.substr(0, 2) ? 'M' : 'T', path,
                           path, e->blob, it->second->blob, 0, e->mode, it->second->mode});
    }
    for (const auto& [path, e] : new_files)
        if (!old_files.count(path)) added.push_back({'A', "", path, "", e->blob, 0, "", e->mode});
    // Exact renames only: a deleted and an added file with the same blob.
    for (auto& d : deleted) {
        auto it = std::find_if(added.begin(), added.end(), [&](const GitChange& c) {
            return c.status == 'A' && c.new_blob == d.old_blob;
        });
        if (it != added.end()) {
            out.push_back({'R', d.old_path, it->new_path, d.old_blob, it->new_blob, 100, d.old_mode,
                           it->new_mode});
            it->status = 0;
            d.status = 0;
        }
    }
    for (const auto& d : deleted)
        if (d.status) out.push_back(d);
    for (const auto& c : added)
        if (c.status) out.push_back(c);
    std::sort(out.begin(), out.end(), [](const GitChange& x, const GitChange& y) {
        const std::string& px = x.old_path.empty() ? x.new_path : x.old_path;
        const std::string& py = y.old_path.empty() ? y.new_path : y.old_path;
        return px < py;
    });
    return out;
}

Expected<std::vector<std::string>> MemoryGitSource::first_parent_log(const std::string& rev) const {
    if (!commits_.count(rev)) return unexpected(fmt::format("no commit {}", rev));
    std::vector<std::string> out;
    std::string id = rev;
    for (;;) {
        out.push_back(id);
        const auto& parents = commits_.at(id).meta.parents;
        if (parents.empty()) break;
        id = parents.front();
    }
    return out;
}

Expected<std::string> MemoryGitSource::merge_base(const std::string& a,
                                                  const std::string& b) const {
    if (!commits_.count(a) || !commits_.count(b)) return unexpected("merge-base: unknown commit");
    std::set<std::string> ancestors;
    std::deque<std::string> queue{a};
    while (!queue.empty()) {
        const std::string id = queue.front();
        queue.pop_front();
        if (!ancestors.insert(id).second) continue;
        for (const auto& p : commits_.at(id).meta.parents) queue.push_back(p);
    }
    std::set<std::string> seen;
    queue = {b};
    while (!queue.empty()) {
        const std::string id = queue.front();
        queue.pop_front();
        if (ancestors.count(id)) return id;
        if (!seen.insert(id).second) continue;
        for (const auto& p : commits_.at(id).meta.parents) queue.push_back(p);
    }
    if (is_shallow())
        return unexpected(fmt::format("no merge base in this clone: {}", k_shallow_advice));
    return unexpected("the two commits have no common ancestor");
}

std::vector<std::string> MemoryGitSource::shallow_boundary() const {
    return {shallow_.begin(), shallow_.end()};
}

}  // namespace kam
