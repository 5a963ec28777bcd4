// The real GitSource: git's plumbing (rev-parse, cat-file --batch, ls-tree,
// ls-files, diff-tree, rev-list, merge-base), run from the top of the work
// tree, its output parsed from the NUL-separated forms.
#include "kam/io/git_source.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cstring>
#include <fstream>
#include <optional>

#include "git_process.hpp"
#include "kam/util/error.hpp"

namespace kam {

Expected<std::vector<GitCommit>> GitSource::commits(const std::vector<std::string>& ids) const {
    std::vector<GitCommit> out;
    for (const std::string& id : ids) {
        auto c = commit(id);
        if (!c) return unexpected(c.error());
        out.push_back(std::move(*c));
    }
    return out;
}

std::vector<Expected<std::string>> GitSource::blobs(const std::vector<std::string>& ids) const {
    std::vector<Expected<std::string>> out;
    for (const std::string& id : ids) out.push_back(blob(id));
    return out;
}

Expected<std::vector<std::vector<GitChange>>> GitSource::changes_between(
    const std::vector<std::pair<std::string, std::string>>& pairs) const {
    std::vector<std::vector<GitChange>> out;
    for (const auto& [a, b] : pairs) {
        auto c = changes(a, b);
        if (!c) return unexpected(c.error());
        out.push_back(std::move(*c));
    }
    return out;
}

namespace {

using git_detail::CatFileBatch;
using git_detail::ProcessResult;
using git_detail::run_git;

bool is_object_id(const std::string& id) {
    if (id.size() != 40 && id.size() != 64) return false;
    return std::all_of(id.begin(), id.end(),
                       [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

std::string trim_end(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
    return s;
}

// git's last "fatal:" or "error:" line, without the prefix.
std::string git_message(const ProcessResult& r) {
    std::string err = trim_end(r.err);
    const size_t nl = err.rfind('\n');
    if (nl != std::string::npos) err = err.substr(nl + 1);
    for (const char* p : {"fatal: ", "error: "})
        if (err.rfind(p, 0) == 0) err = err.substr(std::strlen(p));
    if (err.empty()) err = fmt::format("git exited with status {}", r.status);
    return err;
}

std::vector<std::string_view> split_nul(std::string_view s) {
    std::vector<std::string_view> out;
    size_t start = 0;
    while (start < s.size()) {
        const size_t end = s.find('\0', start);
        if (end == std::string_view::npos) {
            out.push_back(s.substr(start));
            break;
        }
        out.push_back(s.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

// A commit object's text: headers, a blank line, the message.
GitCommit parse_commit(const std::string& id, const std::string& text) {
    GitCommit c;
    c.id = id;
    size_t pos = 0;
    auto parse_person = [](std::string_view v, std::string& name, std::string& email,
                           int64_t& time) {
        const size_t lt = v.find('<');
        const size_t gt = v.find('>', lt == std::string_view::npos ? 0 : lt);
        if (lt == std::string_view::npos || gt == std::string_view::npos) {
            name = std::string(v);
            return;
        }
        std::string_view n = v.substr(0, lt);
        while (!n.empty() && n.back() == ' ') n.remove_suffix(1);
        name = std::string(n);
        email = std::string(v.substr(lt + 1, gt - lt - 1));
        std::string_view rest = v.substr(gt + 1);
        while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
        int64_t t = 0;
        bool neg = false;
        size_t i = 0;
        if (i < rest.size() && rest[i] == '-') neg = true, ++i;
        for (; i < rest.size() && rest[i] >= '0' && rest[i] <= '9'; ++i)
            t = t * 10 + (rest[i] - '0');
        time = neg ? -t : t;
    };
    while (pos < text.size()) {
        const size_t nl = text.find('\n', pos);
        const std::string_view line(text.data() + pos,
                                    (nl == std::string::npos ? text.size() : nl) - pos);
        pos = nl == std::string::npos ? text.size() : nl + 1;
        if (line.empty()) break;
        if (line.rfind("parent ", 0) == 0) c.parents.emplace_back(line.substr(7));
        if (line.rfind("author ", 0) == 0) {
            parse_person(line.substr(7), c.author, c.author_email, c.author_time);
        } else if (line.rfind("committer ", 0) == 0) {
            std::string n, e;
            parse_person(line.substr(10), n, e, c.commit_time);
        }
    }
    // %s: the first paragraph, its lines joined by spaces.
    std::string subject;
    while (pos < text.size()) {
        const size_t nl = text.find('\n', pos);
        std::string_view line(text.data() + pos,
                              (nl == std::string::npos ? text.size() : nl) - pos);
        pos = nl == std::string::npos ? text.size() : nl + 1;
        while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
        if (line.empty()) {
            if (subject.empty()) continue;
            break;
        }
        if (!subject.empty()) subject += ' ';
        subject += line;
    }
    c.subject = subject;
    return c;
}

class ProcessGitSource final : public GitSource {
  public:
    ProcessGitSource(std::string top, std::string prefix, std::vector<std::string> shallow)
        : top_(std::move(top)),
          prefix_(std::move(prefix)),
          shallow_(std::move(shallow)),
          batch_({"-C", top_}) {}

    Expected<std::string> resolve(std::string_view rev) const override {
        if (rev.empty()) return unexpected("an empty revision");
        if (rev.front() == '-')
            return unexpected(fmt::format("'{}' is not a revision (it starts with '-')", rev));
        if (rev.find_first_of(std::string_view("\0\n", 2)) != std::string_view::npos)
            return unexpected("a revision holds a line break or a NUL");
        auto r = git({"rev-parse", "--verify", "--quiet", "--end-of-options",
                      std::string(rev) + "^{commit}"});
        if (!r) return unexpected(r.error());
        const std::string id = trim_end(r->out);
        if (r->status != 0 || !is_object_id(id)) {
            if (is_shallow())
                return unexpected(fmt::format("unknown revision '{}': {}", rev, k_shallow_advice));
            return unexpected(
                fmt::format("unknown revision '{}' (no commit of this repository)", rev));
        }
        return id;
    }

    Expected<GitCommit> commit(const std::string& id) const override {
        if (!is_object_id(id)) return unexpected(fmt::format("not a commit id: '{}'", id));
        auto object = batch_.read(id);
        if (!object) return unexpected(object.error());
        if (object->type != "commit")
            return unexpected(fmt::format("{} is a {}, not a commit", id, object->type));
        GitCommit c = parse_commit(id, object->data);
        if (std::binary_search(shallow_.begin(), shallow_.end(), id)) {
            c.parents.clear();
            c.grafted = true;
        }
        return c;
    }

    Expected<std::vector<GitCommit>> commits(const std::vector<std::string>& ids) const override {
        for (const std::string& id : ids)
            if (!is_object_id(id)) return unexpected(fmt::format("not a commit id: '{}'", id));
        auto objects = batch_.read_many(ids);
        std::vector<GitCommit> out;
        out.reserve(ids.size());
        for (size_t i = 0; i < ids.size(); ++i) {
            if (!objects[i]) return unexpected(objects[i].error());
            if (objects[i]->type != "commit")
                return unexpected(
                    fmt::format("{} is a {}, not a commit", ids[i], objects[i]->type));
            GitCommit c = parse_commit(ids[i], objects[i]->data);
            if (std::binary_search(shallow_.begin(), shallow_.end(), ids[i])) {
                c.parents.clear();
                c.grafted = true;
            }
            out.push_back(std::move(c));
        }
        return out;
    }

    Expected<std::vector<GitEntry>> tree(const std::string& commit) const override {
        if (!is_object_id(commit)) return unexpected(fmt::format("not a commit id: '{}'", commit));
        auto r = git({"ls-tree", "-r", "-z", "--full-tree", commit});
        if (!r) return unexpected(r.error());
        if (r->status != 0) return unexpected(git_message(*r));
        std::vector<GitEntry> out;
        // "<mode> SP <type> SP <oid> TAB <path>"
        for (std::string_view rec : split_nul(r->out)) {
            const size_t tab = rec.find('\t');
            if (tab == std::string_view::npos) continue;
            const std::string_view head = rec.substr(0, tab);
            const size_t s1 = head.find(' ');
            const size_t s2 = head.rfind(' ');
            if (s1 == std::string_view::npos || s2 == s1) continue;
            auto rel = relative(rec.substr(tab + 1));
            if (!rel) continue;
            out.push_back(
                {*rel, std::string(head.substr(0, s1)), std::string(head.substr(s2 + 1))});
        }
        // ls-tree lists a tree in path order already: sorting is the exception.
        const auto by_path = [](const GitEntry& a, const GitEntry& b) { return a.path < b.path; };
        if (!std::is_sorted(out.begin(), out.end(), by_path))
            std::sort(out.begin(), out.end(), by_path);
        return out;
    }

    Expected<std::vector<GitEntry>> index() const override {
        auto r = git({"ls-files", "-s", "-z", "--full-name"});
        if (!r) return unexpected(r.error());
        if (r->status != 0) return unexpected(git_message(*r));
        std::vector<GitEntry> out;
        // "<mode> SP <oid> SP <stage> TAB <path>"
        for (std::string_view rec : split_nul(r->out)) {
            const size_t tab = rec.find('\t');
            if (tab == std::string_view::npos) continue;
            const std::string_view head = rec.substr(0, tab);
            const size_t s1 = head.find(' ');
            const size_t s2 = head.rfind(' ');
            if (s1 == std::string_view::npos || s2 == s1) continue;
            if (head.substr(s2 + 1) != "0") continue;
            auto rel = relative(rec.substr(tab + 1));
            if (!rel) continue;
            out.push_back({*rel, std::string(head.substr(0, s1)),
                           std::string(head.substr(s1 + 1, s2 - s1 - 1))});
        }
        std::sort(out.begin(), out.end(),
                  [](const GitEntry& a, const GitEntry& b) { return a.path < b.path; });
        return out;
    }

    Expected<std::string> blob(const std::string& id) const override {
        if (!is_object_id(id)) return unexpected(fmt::format("not a blob id: '{}'", id));
        auto object = batch_.read(id);
        if (!object) return unexpected(object.error());
        if (object->type != "blob")
            return unexpected(fmt::format("{} is a {}, not a blob", id, object->type));
        return std::move(object->data);
    }

    std::vector<Expected<std::string>> blobs(const std::vector<std::string>& ids) const override {
        std::vector<Expected<std::string>> out;
        for (const std::string& id : ids)
            if (!is_object_id(id)) {
                for (const std::string& i : ids) out.push_back(blob(i));  // each its own error
                return out;
            }
        auto objects = batch_.read_many(ids);
        for (size_t i = 0; i < objects.size(); ++i) {
            if (!objects[i])
                out.emplace_back(unexpected(objects[i].error()));
            else if (objects[i]->type != "blob")
                out.emplace_back(
                    unexpected(fmt::format("{} is a {}, not a blob", ids[i], objects[i]->type)));
            else
                out.emplace_back(std::move(objects[i]->data));
        }
        return out;
    }

    Expected<std::vector<GitChange>> changes(const std::string& a,
                                             const std::string& b) const override {
        if (!is_object_id(a) || !is_object_id(b)) return unexpected("changes: not commit ids");
        auto r = git({"diff-tree", "-r", "-z", "--raw", "--no-ext-diff", "--no-textconv",
                      "--no-abbrev", "--no-commit-id", "-M", a, b});
        if (!r) return unexpected(r.error());
        if (r->status != 0) return unexpected(git_message(*r));
        const auto recs = split_nul(r->out);
        return raw_changes(recs, 0, recs.size());
    }

    Expected<std::vector<std::vector<GitChange>>> changes_between(
        const std::vector<std::pair<std::string, std::string>>& pairs) const override {
        std::vector<std::vector<GitChange>> out;
        if (pairs.empty()) return out;
        // A line "B A" diffs A against B as B's parent; --always puts B's id
        // before each diff, even an empty one, so the diffs can be told apart.
        std::string input;
        for (const auto& [a, b] : pairs) {
            if (!is_object_id(a) || !is_object_id(b)) return unexpected("changes: not commit ids");
            input += b + " " + a + "\n";
        }
        // git keeps the trees' delta bases it met for the whole run (96 MB by
        // default): a few are enough when each tree is read once or twice.
        auto r = git({"-c", "core.deltaBaseCacheLimit=4m", "diff-tree", "--stdin", "--always", "-r",
                      "-z", "--raw", "--no-ext-diff", "--no-textconv", "--no-abbrev", "-M"},
                     input);
        if (!r) return unexpected(r.error());
        if (r->status != 0) return unexpected(git_message(*r));
        const auto recs = split_nul(r->out);
        // Each diff: its header (B's id), then records starting with ':' and their paths.
        std::vector<size_t> heads;
        for (size_t i = 0; i < recs.size(); ++i) {
            if (recs[i].empty() || recs[i].front() == ':') continue;
            if (!is_object_id(std::string(recs[i]))) continue;
            heads.push_back(i);
            // Skip this diff's records (and their paths, which may look like ids).
            while (i + 1 < recs.size() && !recs[i + 1].empty() && recs[i + 1].front() == ':') {
                const bool two_paths = recs[i + 1].find(" R") != std::string_view::npos ||
                                       recs[i + 1].find(" C") != std::string_view::npos;
                i += two_paths ? 3 : 2;
            }
        }
        if (heads.size() != pairs.size())
            return unexpected(fmt::format("diff-tree --stdin gave {} diffs for {} pairs",
                                          heads.size(), pairs.size()));
        for (size_t k = 0; k < heads.size(); ++k) {
            if (recs[heads[k]] != pairs[k].second)
                return unexpected("diff-tree --stdin: the diffs are out of order");
            const size_t end = k + 1 < heads.size() ? heads[k + 1] : recs.size();
            auto changes = raw_changes(recs, heads[k] + 1, end);
            if (!changes) return unexpected(changes.error());
            out.push_back(std::move(*changes));
        }
        return out;
    }

    Expected<std::vector<std::string>> first_parent_log(const std::string& rev) const override {
        if (!is_object_id(rev)) return unexpected(fmt::format("not a commit id: '{}'", rev));
        auto r = git({"rev-list", "--first-parent", rev});
        if (!r) return unexpected(r.error());
        if (r->status != 0) return unexpected(git_message(*r));
        std::vector<std::string> out;
        size_t pos = 0;
        while (pos < r->out.size()) {
            const size_t nl = r->out.find('\n', pos);
            std::string line = r->out.substr(pos, nl == std::string::npos ? nl : nl - pos);
            if (!line.empty()) out.push_back(std::move(line));
            if (nl == std::string::npos) break;
            pos = nl + 1;
        }
        return out;
    }

    Expected<std::string> merge_base(const std::string& a, const std::string& b) const override {
        if (!is_object_id(a) || !is_object_id(b)) return unexpected("merge-base: not commit ids");
        auto r = git({"merge-base", a, b});
        if (!r) return unexpected(r.error());
        const std::string id = trim_end(r->out);
        if (r->status != 0 || !is_object_id(id)) {
            if (is_shallow())
                return unexpected(fmt::format("no merge base of {} and {} in this clone: {}",
                                              a.substr(0, 12), b.substr(0, 12), k_shallow_advice));
            return unexpected(
                fmt::format("{} and {} have no common ancestor", a.substr(0, 12), b.substr(0, 12)));
        }
        return id;
    }

    Expected<std::vector<std::string>> first_parent_touching(
        const std::string& rev, const std::vector<std::string>& paths) const override {
        if (!is_object_id(rev)) return unexpected(fmt::format("not a commit id: '{}'", rev));
        std::vector<std::string> args = {"rev-list", "--first-parent", rev, "--"};
        for (const std::string& p : paths) args.push_back(":(literal)" + prefix_ + p);
        auto r = git(args);
        if (!r) return unexpected(r.error());
        if (r->status != 0) return unexpected(git_message(*r));
        std::vector<std::string> out;
        for (size_t pos = 0; pos < r->out.size();) {
            size_t nl = r->out.find('\n', pos);
            if (nl == std::string::npos) nl = r->out.size();
            if (nl > pos) out.push_back(r->out.substr(pos, nl - pos));
            pos = nl + 1;
        }
        return out;
    }

    Expected<std::optional<std::string>> file_at(const std::string& commit,
                                                 const std::string& path) const override {
        if (!is_object_id(commit)) return unexpected(fmt::format("not a commit id: '{}'", commit));
        auto object = batch_.read(commit + ":" + prefix_ + path);
        if (!object) {
            if (object.error().ends_with("is missing from the repository"))
                return std::optional<std::string>();
            return unexpected(object.error());
        }
        if (object->type != "blob") return std::optional<std::string>();
        return std::optional<std::string>(std::move(object->data));
    }

    Expected<std::vector<std::string>> worktree_changes(const std::string& commit) const override {
        if (!is_object_id(commit)) return unexpected("worktree changes: not a commit id");
        const std::string scope = prefix_.empty() ? std::string(".") : prefix_;
        // `git diff` rather than diff-index: it refreshes the index's stat
        // data in memory, so a file touched but not changed is no change.
        auto changed = git({"diff", "--name-only", "-z", "--no-renames", "--no-ext-diff",
                            "--no-textconv", "--ignore-submodules", commit, "--", scope});
        if (!changed) return unexpected(changed.error());
        if (changed->status != 0) return unexpected(git_message(*changed));
        auto untracked =
            git({"ls-files", "-o", "--exclude-standard", "-z", "--full-name", "--", scope});
        if (!untracked) return unexpected(untracked.error());
        if (untracked->status != 0) return unexpected(git_message(*untracked));
        std::vector<std::string> out;
        for (const ProcessResult* r : {&*changed, &*untracked})
            for (std::string_view rec : split_nul(r->out))
                if (auto rel = relative(rec)) out.push_back(std::move(*rel));
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    }

    bool is_shallow() const override { return !shallow_.empty(); }
    std::vector<std::string> shallow_boundary() const override { return shallow_; }

  private:
    Expected<ProcessResult> git(std::vector<std::string> args,
                                const std::string& input = {}) const {
        args.insert(args.begin(), {"-C", top_});
        return run_git(args, input);
    }

    // The records of `diff-tree -r -z --raw` in recs[begin, end), below the
    // portfolio root.
    Expected<std::vector<GitChange>> raw_changes(const std::vector<std::string_view>& recs,
                                                 size_t begin, size_t end) const {
        std::vector<GitChange> out;
        for (size_t i = begin; i < end; ++i) {
            // ":<old mode> <new mode> <old oid> <new oid> <status>[score]"
            const std::string_view head = recs[i];
            if (head.empty() || head.front() != ':') continue;
            std::vector<std::string_view> f;
            size_t start = 1;
            for (;;) {
                const size_t sp = head.find(' ', start);
                f.push_back(head.substr(
                    start, sp == std::string_view::npos ? std::string_view::npos : sp - start));
                if (sp == std::string_view::npos) break;
                start = sp + 1;
            }
            if (f.size() != 5 || f[4].empty()) continue;
            GitChange c;
            c.status = f[4].front();
            const bool two_paths = c.status == 'R' || c.status == 'C';
            if (i + 1 >= end) break;
            const std::string_view p1 = recs[++i];
            std::string_view p2 = p1;
            if (two_paths) {
                if (i + 1 >= end) break;
                p2 = recs[++i];
            }
            const bool null_old = f[2].find_first_not_of('0') == std::string_view::npos;
            const bool null_new = f[3].find_first_not_of('0') == std::string_view::npos;
            if (!null_old) c.old_blob = std::string(f[2]), c.old_mode = std::string(f[0]);
            if (!null_new) c.new_blob = std::string(f[3]), c.new_mode = std::string(f[1]);
            if (two_paths && f[4].size() > 1) {
                int score = 0;
                for (char ch : f[4].substr(1))
                    if (ch >= '0' && ch <= '9') score = score * 10 + (ch - '0');
                c.similarity = score;
            }
            auto old_rel = relative(p1);
            auto new_rel = relative(p2);
            if (c.status == 'C') {
                // A copy: the old file stays; below the root only the new one matters.
                c.status = 'A';
                c.old_blob.clear();
                c.old_mode.clear();
                if (!new_rel) continue;
                c.new_path = *new_rel;
            } else if (c.status == 'A') {
                if (!new_rel) continue;
                c.new_path = *new_rel;
            } else if (c.status == 'D') {
                if (!old_rel) continue;
                c.old_path = *old_rel;
            } else if (c.status == 'R') {
                if (!old_rel && !new_rel) continue;
                if (!old_rel) {
                    c.status = 'A';
                    c.old_blob.clear();
                    c.old_mode.clear();
                    c.new_path = *new_rel;
                } else if (!new_rel) {
                    c.status = 'D';
                    c.new_blob.clear();
                    c.new_mode.clear();
                    c.old_path = *old_rel;
                } else {
                    c.old_path = *old_rel;
                    c.new_path = *new_rel;
                }
            } else {
                if (!old_rel) continue;
                c.old_path = *old_rel;
                c.new_path = *old_rel;
            }
            out.push_back(std::move(c));
        }
        return out;
    }

    // A repository path below the portfolio root, relative to it.
    std::optional<std::string> relative(std::string_view repo_path) const {
        if (repo_path.substr(0, prefix_.size()) != prefix_) return std::nullopt;
        std::string rel(repo_path.substr(prefix_.size()));
        if (rel.empty()) return std::nullopt;
        return rel;
    }

    std::string top_;
    std::string prefix_;  // "" or "sub/folder/"
    std::vector<std::string> shallow_;
    mutable CatFileBatch batch_;
};

std::vector<std::string> read_shallow_file(const std::string& path) {
    std::vector<std::string> out;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        line = trim_end(line);
        if (is_object_id(line)) out.push_back(line);
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

std::unique_ptr<GitSource> open_git(const std::string& portfolio_root) {
    auto r = run_git({"-C", portfolio_root, "rev-parse", "--show-toplevel", "--show-prefix",
                      "--git-path", "shallow"});
    if (!r) throw UsageError(r.error());
    if (r->status != 0) {
        const std::string message = git_message(*r);
        if (message.find("not a git repository") != std::string::npos)
            throw UsageError(
                "the portfolio is not in a git repository (kam needs one to compare revisions)");
        throw UsageError(fmt::format("git cannot read the portfolio's repository: {}", message));
    }
    std::vector<std::string> lines;
    size_t pos = 0;
    while (pos <= r->out.size()) {
        const size_t nl = r->out.find('\n', pos);
        if (nl == std::string::npos) {
            if (pos < r->out.size()) lines.push_back(r->out.substr(pos));
            break;
        }
        lines.push_back(r->out.substr(pos, nl - pos));
        pos = nl + 1;
    }
    if (lines.size() < 3 || lines[0].empty())
        throw UsageError(
            "the portfolio is not in a git work tree (a bare repository has no portfolio to "
            "compare)");
    const std::string& top = lines[0];
    const std::string& prefix = lines[1];
    std::string shallow_path = lines[2];
    if (!shallow_path.empty() && shallow_path.front() != '/')
        shallow_path = portfolio_root + "/" + shallow_path;
    return std::make_unique<ProcessGitSource>(top, prefix, read_shallow_file(shallow_path));
}

}  // namespace kam
