#pragma once
// kam log ACCOUNT [PATH]: every change of one account, or of one section,
// item or field of it, along the first-parent history of HEAD, with the
// commit, its author and day. The value at each commit is what `kam get`
// prints for the path there, so a change is what get would have shown
// changing: reformatting a file is no change of a field in it.
#include <optional>
#include <string>
#include <vector>

#include "kam/io/git_source.hpp"

namespace kam {

struct ItemChange {
    enum class Kind { added, removed, changed };
    Kind kind = Kind::changed;
    GitCommit commit;
    std::string before, after;  // as `kam get` prints them; empty where absent
};

struct ItemLogRequest {
    std::string root;  // absolute portfolio root
    std::string slug;
    std::string path;  // empty: the whole account (every file of it)
};

// Oldest first. Throws UsageError for a path kam get would refuse at every
// commit (an unknown section), or an unreadable history.
std::vector<ItemChange> item_log(const GitSource& git, const ItemLogRequest& request);

std::string_view change_kind_name(ItemChange::Kind kind);  // added removed changed

}  // namespace kam
