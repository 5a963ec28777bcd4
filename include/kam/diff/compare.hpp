#pragma once
// Two versions of one file compared as values (diff/value.hpp): what was
// added, removed, changed or renamed, each named by a kam path that
// `kam get` accepts ("risks.R1.status", "contracts.C1.slas.S2.actual",
// "performance.financials.3" with the label "period 2026-Q3").
//
// List items are matched by their key (list_key); items whose key is missing
// or repeated fall back to their order among the items of the same key, and
// order alone is never a change. A removed and an added item whose fields
// are equal apart from the key are a rename.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kam/diff/value.hpp"

namespace kam::diff {

struct Change {
    char op = '~';         // '+' added, '-' removed, '~' changed, '>' an item's key renamed
    std::string path;      // the kam path (the new one for '~' and '>')
    std::string old_path;  // '>' only: the old path
    std::string label;     // an id-less item's key ("period 2026-Q3"), or a derived figure's name
    std::string before, after;  // one-line values; for an item, its title or name
    bool item = false;          // a whole list item
    bool long_text = false;     // a text with line breaks: `before` and `after` whole
    bool derived = false;       // computed from the model (risk score, notice deadline...)
    // An added item's fields, as paths below `path` -> value.
    std::vector<std::pair<std::string, std::string>> fields;
};

// `section` is the account section ("risks") or "kam.yaml"; absent sides
// (a file added or removed) are null.
std::vector<Change> compare_file(std::string_view section, const Value* before, const Value* after);

// "+3 lines, -1 line" for two versions of a long text.
std::string line_summary(const std::string& before, const std::string& after);

// A value on one line: a scalar as is, a list or record in flow style.
std::string one_line(const Value& v);

}  // namespace kam::diff
