#include "kam/history/item_log.hpp"

#include <fmt/format.h>

#include "kam/edit/field_edit.hpp"
#include "kam/edit/path.hpp"
#include "kam/io/git_tree_file_system.hpp"
#include "kam/model/schema.hpp"
#include "kam/util/error.hpp"

namespace kam {

namespace {

// The value `kam get` prints at one version of the file, or nullopt when
// the path has no value there (the file or item absent, or unreadable).
std::optional<std::string> value_at(const GitSource& git, const ItemLogRequest& r,
                                    const GitEntry& file) {
    const GitTreeFileSystem fs(git, {file}, r.root);
    try {
        return get_field(fs, FieldRequest{r.root, r.root, r.slug, r.path, today_utc()}, false);
    } catch (const UsageError&) {
        return std::nullopt;
    }
}

}  // namespace

std::string_view change_kind_name(ItemChange::Kind kind) {
    switch (kind) {
        case ItemChange::Kind::added:
            return "added";
        case ItemChange::Kind::removed:
            return "removed";
        case ItemChange::Kind::changed:
            return "changed";
    }
    return "changed";
}

std::vector<ItemChange> item_log(const GitSource& git, const ItemLogRequest& r) {
    auto parsed = parse_field_path(r.path);
    if (!parsed) throw UsageError(parsed.error());
    const std::string file = "accounts/" + r.slug + "/" + std::string(parsed->section->file);

    auto head = git.resolve("HEAD");
    if (!head) throw UsageError(head.error());
    auto ids = git.first_parent_log(*head);
    if (!ids) throw UsageError(ids.error());

    std::vector<ItemChange> out;
    std::optional<std::string> previous;  // the value before the commit at hand
    std::string previous_id;
    for (auto it = ids->rbegin(); it != ids->rend(); ++it) {
        // The file's blob at this commit, when the commit changed it.
        std::optional<std::string> blob;
        bool touched = false;
        if (previous_id.empty()) {
            auto tree = git.tree(*it);
            if (!tree) throw UsageError(tree.error());
            for (const GitEntry& e : *tree)
                if (e.path == file) blob = e.blob;
            touched = blob.has_value();
        } else {
            auto changes = git.changes(previous_id, *it);
            if (!changes) throw UsageError(changes.error());
            for (const GitChange& c : *changes) {
                if (c.new_path == file) {
                    blob = c.new_blob;
                    touched = true;
                } else if (c.old_path == file) {
                    touched = true;  // deleted, or renamed away
                }
            }
        }
        previous_id = *it;
        if (!touched) continue;
        const std::optional<std::string> now =
            blob ? value_at(git, r, GitEntry{file, "100644", *blob}) : std::nullopt;
        if (now == previous) continue;
        auto meta = git.commit(*it);
        if (!meta) throw UsageError(meta.error());
        ItemChange c;
        c.commit = std::move(*meta);
        c.kind = !previous ? ItemChange::Kind::added
                 : !now    ? ItemChange::Kind::removed
                           : ItemChange::Kind::changed;
        c.before = previous.value_or("");
        c.after = now.value_or("");
        out.push_back(std::move(c));
        previous = now;
    }
    return out;
}

}  // namespace kam
