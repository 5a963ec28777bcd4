#pragma once
// A file reduced to what the format means, for comparison: every scalar in
// the canonical form of its schema type (money 1150000.00 is 1150000, a date
// quoted or not is YYYY-MM-DD, a number 4.0 is 4), mappings by key whatever
// their order or style, comments and quoting gone. Lists remember how their
// items are keyed, so two versions can be matched item by item.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kam/io/yaml_tree.hpp"
#include "kam/model/schema.hpp"

namespace kam::diff {

struct Value {
    enum class Kind : uint8_t { scalar, record, list };
    Kind kind = Kind::scalar;
    std::string text;                                   // scalar: canonical text
    std::vector<std::pair<std::string, Value>> fields;  // record: sorted by key
    std::vector<Value> items;                           // list, in file order
    // list: the fields that identify an item ("id"; "period"; "perspective",
    // "measure"...); empty for a list of texts (items match by value) and for
    // a list the format gives no key (items match by position).
    std::vector<std::string> key;
    bool by_value = false;  // a list of texts

    bool operator==(const Value& other) const = default;
    const Value* field(std::string_view name) const;
};

// The root of an account file (`schema` from section_files()) or kam.yaml
// (portfolio_schema()). Keys the schema does not know are kept as written.
Value normalize_file(const Node& root, const Schema& schema);

// The fields that key the items of the list `list_name` whose items follow
// `item_schema`: id where the format has one, period for financials, name
// for team, suppliers, competitors, competition and offerings, (perspective,
// measure) for the scorecard, (date, type) for reviews, (date, respondent)
// for surveys, (date, visitor) for references, date for history; text for
// SWOT items.
std::vector<std::string> list_key(std::string_view list_name, const Schema* item_schema);

// One line of a scalar for output; a text with line breaks is "multi-line".
bool is_long_text(const std::string& text);

}  // namespace kam::diff
