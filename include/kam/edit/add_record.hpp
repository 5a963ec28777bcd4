#pragma once
// kam add SLUG KIND --field value ...: append one record to a list.
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kam/edit/field_edit.hpp"

namespace kam {

struct RecordKind {
    std::string_view kind;     // "risk"
    std::string_view section;  // "risks"
    std::string_view
        list;  // the list's path inside the file ("risks", or "" when chosen by an option)
    std::string_view
        id_letter;  // first id when the list has none yet ("R" -> R1); "" for lists without ids
};

std::span<const RecordKind> record_kinds();

struct AddRequest {
    FieldRequest where;  // root, slug, as_of; where.path is unused
    std::string kind;
    std::vector<std::pair<std::string, std::string>> fields;  // as given: --likelihood 3
};

// Builds the record (the next free id in the list's own style, the given
// fields checked against the schema), appends it after the list's last item in
// the list's indentation, creating the list or the file when absent, and
// verifies and writes like kam set. Throws UsageError on any refusal.
[[nodiscard]] EditResult add_record(WritableFileSystem& fs, const AddRequest& request,
                                    bool dry_run);

// The next id after `existing` in their own style: R1, R2 -> R3; RISK-009 -> RISK-010.
std::string next_id(const std::vector<std::string>& existing, std::string_view letter);

}  // namespace kam
