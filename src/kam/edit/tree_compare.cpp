#include "kam/edit/tree_compare.hpp"

#include <fmt/format.h>

namespace kam {

namespace {

std::string describe(const Node& n) {
    if (n.is_scalar()) return fmt::format("'{}'", n.value);
    if (n.is_null()) return "an empty value";
    return std::string(node_kind_name(n.kind));
}

std::optional<std::string> differ(const Node& want, const Node& got, const std::string& at) {
    const std::string where = at.empty() ? "the file" : at;
    if (want.kind != got.kind || (want.is_scalar() && want.value != got.value))
        return fmt::format("{} reads back as {} where {} was intended", where, describe(got),
                           describe(want));
    for (size_t i = 0; i < want.items.size() && i < got.items.size(); ++i)
        if (auto d = differ(want.items[i], got.items[i], fmt::format("{}[{}]", at, i))) return d;
    if (want.items.size() != got.items.size())
        return fmt::format("{} reads back with {} items where {} were intended", where,
                           got.items.size(), want.items.size());
    for (size_t i = 0; i < want.entries.size() && i < got.entries.size(); ++i) {
        const std::string child = at.empty() ? want.entries[i].key : at + "." + want.entries[i].key;
        if (want.entries[i].key != got.entries[i].key)
            return fmt::format("{} reads back with the key '{}' where '{}' was intended", where,
                               got.entries[i].key, want.entries[i].key);
        if (auto d = differ(want.entries[i].value, got.entries[i].value, child)) return d;
    }
    if (want.entries.size() != got.entries.size())
        return fmt::format("{} reads back with {} keys where {} were intended", where,
                           got.entries.size(), want.entries.size());
    return std::nullopt;
}

}  // namespace

bool same_tree(const Node& a, const Node& b) {
    return !differ(a, b, "");
}

std::optional<std::string> first_difference(const Node& expected, const Node& actual) {
    return differ(expected, actual, "");
}

}  // namespace kam
