#pragma once
// Comparing the tree an edit should produce with the one its text reads back as.
#include <optional>
#include <string>

#include "kam/io/yaml_tree.hpp"

namespace kam {

// Structural equality: kinds, values, keys and order; positions and quoting ignored.
bool same_tree(const Node& a, const Node& b);

// Where `actual` first departs from `expected` and how ("risks[2].title: 'a'
// where 'b' was intended"), or nullopt when they are the same tree.
std::optional<std::string> first_difference(const Node& expected, const Node& actual);

}  // namespace kam
