#include "kam/history/item_log.hpp"

#include <fmt/format.h>

#include "kam/edit/field_edit.hpp"
#include "kam/edit/path.hpp"
#include "kam/io/file_system.hpp"
#include "kam/model/schema.hpp"
#include "kam/util/error.hpp"

namespace kam {

namespace {

// The value `kam get` prints at one version of the file, or nullopt when
// the path has no value there (the file or item absent, or unreadable).
std::optional<std::string> value_at(const ItemLogRequest& r, const std::string& file,
                                    const std::string& content) {
    MemoryFileSystem fs;
    fs.add_file(join_path(r.root, file), content);
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

    // Only the commits that changed the file, oldest first: one rev-list.
    auto touching = git.first_parent_touching(*head, {file});
    if (!touching) throw UsageError(touching.error());
    std::vector<ItemChange> out;
    std::optional<std::string> previous;  // the value before the commit at hand
    for (auto it = touching->rbegin(); it != touching->rend(); ++it) {
        auto content = git.file_at(*it, file);
        if (!content) throw UsageError(content.error());
        const std::optional<std::string> now =
            *content ? value_at(r, file, **content) : std::nullopt;
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
