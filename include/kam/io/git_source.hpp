#pragma once
// A git repository seen from a portfolio root, read through git's plumbing
// (never libgit2): the real one spawns `git` with fixed arguments, the memory
// one holds commits, trees and blobs built by unit tests.
//
// Paths in GitEntry and GitChange are relative to the portfolio root, which
// may be a subfolder of the repository; entries outside it are left out.
// Revisions the user typed go through resolve() first; every other function
// takes a full object id. Errors are messages fit for "kam: error: ..."; the
// caller decides to throw UsageError (exit 2).
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kam/util/expected.hpp"

namespace kam {

struct GitCommit {
    std::string id;
    std::string author;
    std::string author_email;
    int64_t author_time = 0;  // seconds since the epoch
    int64_t commit_time = 0;
    std::string subject;               // the first paragraph of the message, on one line
    std::vector<std::string> parents;  // empty for a root commit and for a grafted one
    bool grafted = false;              // on a shallow boundary: its parents exist but are not here
};

struct GitEntry {
    std::string path;  // relative to the portfolio root
    std::string mode;  // "100644", "100755", "120000" (symlink), "160000" (submodule)
    std::string blob;  // object id
};

struct GitChange {
    char status = 'M';     // 'A', 'D', 'M', 'R' (renamed, -M), 'T' (type changed)
    std::string old_path;  // empty for 'A'
    std::string new_path;  // empty for 'D'
    std::string old_blob;  // empty for 'A'
    std::string new_blob;  // empty for 'D'
    int similarity = 0;    // for 'R': git's score, 0-100
    std::string old_mode;  // as GitEntry::mode; empty for 'A'
    std::string new_mode;  // empty for 'D'
};

class GitSource {
  public:
    virtual ~GitSource() = default;
    // A revision the user typed ("HEAD~1", a tag, a full or short id) to a
    // commit id. Refuses a leading '-' and an empty string. The message of an
    // unknown revision in a shallow clone carries the advice to fetch more.
    virtual Expected<std::string> resolve(std::string_view rev) const = 0;
    virtual Expected<GitCommit> commit(const std::string& id) const = 0;
    // commit() of each, in order, or the first error: the real source asks
    // git for all of them in one round trip.
    virtual Expected<std::vector<GitCommit>> commits(const std::vector<std::string>& ids) const;
    // Every file of the commit's tree below the portfolio root, sorted by path.
    virtual Expected<std::vector<GitEntry>> tree(const std::string& commit) const = 0;
    // The index (stage 0) below the portfolio root, sorted by path.
    virtual Expected<std::vector<GitEntry>> index() const = 0;
    // A blob's bytes. Safe to call from several threads.
    virtual Expected<std::string> blob(const std::string& id) const = 0;
    // Several blobs, each read or its own error, in order: the real source
    // asks git for all of them in one round trip. Safe from several threads.
    virtual std::vector<Expected<std::string>> blobs(const std::vector<std::string>& ids) const;
    // What changed between two commits below the portfolio root, renames paired.
    virtual Expected<std::vector<GitChange>> changes(const std::string& a,
                                                     const std::string& b) const = 0;
    // changes(a, b) of each pair, in order: the real source asks one
    // `diff-tree --stdin` for all of them (kam history's points).
    virtual Expected<std::vector<std::vector<GitChange>>> changes_between(
        const std::vector<std::pair<std::string, std::string>>& pairs) const;
    // `rev` and its first parents, newest first, ending at a root or grafted commit.
    virtual Expected<std::vector<std::string>> first_parent_log(const std::string& rev) const = 0;
    virtual Expected<std::string> merge_base(const std::string& a, const std::string& b) const = 0;
    // The commits of `rev`'s first-parent chain that changed something below
    // one of `paths` (portfolio-relative files or folders) against their
    // first parent (a root commit: that added it), newest first: one
    // `rev-list --first-parent REV -- PATHS`.
    virtual Expected<std::vector<std::string>> first_parent_touching(
        const std::string& rev, const std::vector<std::string>& paths) const = 0;
    // A file's bytes at a commit (portfolio-relative path), or nullopt when
    // the commit has no such file: `COMMIT:PATH` through cat-file --batch.
    virtual Expected<std::optional<std::string>> file_at(const std::string& commit,
                                                         const std::string& path) const = 0;
    // The paths below the portfolio root whose working-tree content differs
    // from the commit's (changed, deleted, or untracked and not ignored),
    // sorted: diff-index, which trusts the index's stat data, and ls-files -o.
    virtual Expected<std::vector<std::string>> worktree_changes(
        const std::string& commit) const = 0;
    virtual bool is_shallow() const = 0;
    // The grafted commits of a shallow clone (git's .git/shallow), sorted.
    virtual std::vector<std::string> shallow_boundary() const = 0;
};

// The advice printed when a revision lies beyond a shallow clone's boundary.
inline constexpr std::string_view k_shallow_advice =
    "this clone is shallow and its history may stop before it; fetch the history "
    "(actions/checkout with fetch-depth: 0, or git fetch --shallow-since=DATE)";

// The repository holding `portfolio_root` (an absolute path), through the
// `git` binary on PATH. Throws UsageError (exit 2) when git is not installed
// or the folder is not inside a work tree.
std::unique_ptr<GitSource> open_git(const std::string& portfolio_root);

// Commits, trees, the index and blobs in memory, for unit tests. Blob ids are
// git's (git_blob_id), so equal files have equal ids and a file can be known
// to be a blob by hashing it, as in git.
class MemoryGitSource final : public GitSource {
  public:
    struct CommitInfo {
        std::string author = "A U Thor";
        std::string author_email = "author@example.com";
        int64_t time = 1'780'000'000;
        std::string subject = "commit";
    };
    using Files = std::map<std::string, std::string>;  // portfolio-relative path -> content

    std::string add_blob(const std::string& content);
    // Returns the new commit's id; parents must exist.
    std::string add_commit(const Files& files, const std::vector<std::string>& parents,
                           const CommitInfo& info);
    std::string add_commit(const Files& files, const std::vector<std::string>& parents = {});
    void set_ref(const std::string& name, const std::string& id);  // "HEAD", "main", "v1"
    void set_index(const Files& files);
    // The working tree that worktree_changes() compares with.
    void set_worktree(const Files& files);
    // Marks commits as grafted: their parents are forgotten, as in a shallow clone.
    void set_shallow(const std::vector<std::string>& ids);

    Expected<std::string> resolve(std::string_view rev) const override;
    Expected<GitCommit> commit(const std::string& id) const override;
    Expected<std::vector<GitEntry>> tree(const std::string& commit) const override;
    Expected<std::vector<GitEntry>> index() const override;
    Expected<std::string> blob(const std::string& id) const override;
    Expected<std::vector<GitChange>> changes(const std::string& a,
                                             const std::string& b) const override;
    Expected<std::vector<std::string>> first_parent_log(const std::string& rev) const override;
    Expected<std::string> merge_base(const std::string& a, const std::string& b) const override;
    Expected<std::vector<std::string>> worktree_changes(const std::string& commit) const override;
    Expected<std::vector<std::string>> first_parent_touching(
        const std::string& rev, const std::vector<std::string>& paths) const override;
    Expected<std::optional<std::string>> file_at(const std::string& commit,
                                                 const std::string& path) const override;
    bool is_shallow() const override { return !shallow_.empty(); }
    std::vector<std::string> shallow_boundary() const override;

  private:
    struct StoredCommit {
        GitCommit meta;
        std::vector<GitEntry> entries;
    };
    std::vector<GitEntry> entries_of(const Files& files);
    std::map<std::string, std::string> blobs_;
    std::map<std::string, StoredCommit> commits_;
    std::vector<std::string> order_;  // commit ids in creation order
    std::map<std::string, std::string> refs_;
    std::vector<GitEntry> index_;
    Files worktree_;
    std::set<std::string> shallow_;
};

}  // namespace kam
