#include "kam/diff/compare.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <map>
#include <optional>

#include "kam/util/lines.hpp"

namespace kam::diff {

namespace {

// The items of a list paired with their counterpart on the other side.
struct Matching {
    std::vector<std::pair<size_t, size_t>> pairs;  // old index, new index
    std::vector<size_t> removed, added;
};

std::optional<std::string> key_of(const Value& list, const Value& item) {
    if (list.by_value) return one_line(item);
    if (list.key.empty() || item.kind != Value::Kind::record) return std::nullopt;
    std::string key;
    for (const std::string& k : list.key) {
        const Value* f = item.field(k);
        if (!f || f->kind != Value::Kind::scalar) return std::nullopt;
        key += f->text;
        key += '\x1f';
    }
    return key;
}

Matching match_items(const Value& a, const Value& b) {
    // Groups by key; the items without one form the group "nullopt".
    std::map<std::optional<std::string>, std::pair<std::vector<size_t>, std::vector<size_t>>>
        groups;
    for (size_t i = 0; i < a.items.size(); ++i) groups[key_of(a, a.items[i])].first.push_back(i);
    for (size_t i = 0; i < b.items.size(); ++i) groups[key_of(b, b.items[i])].second.push_back(i);
    Matching m;
    for (auto& [key, sides] : groups) {
        auto& [olds, news] = sides;
        std::vector<bool> old_used(olds.size()), new_used(news.size());
        // Equal items first, so a repeated key never invents a change...
        for (size_t i = 0; i < olds.size(); ++i)
            for (size_t j = 0; j < news.size(); ++j)
                if (!new_used[j] && a.items[olds[i]] == b.items[news[j]]) {
                    m.pairs.emplace_back(olds[i], news[j]);
                    old_used[i] = new_used[j] = true;
                    break;
                }
        // ...then by position among the items of the key (never for a list
        // of texts: a different value is a different item).
        size_t j = 0;
        for (size_t i = 0; i < olds.size(); ++i) {
            if (old_used[i]) continue;
            while (j < news.size() && new_used[j]) ++j;
            if (j == news.size() || a.by_value) break;
            m.pairs.emplace_back(olds[i], news[j]);
            old_used[i] = new_used[j] = true;
        }
        for (size_t i = 0; i < olds.size(); ++i)
            if (!old_used[i]) m.removed.push_back(olds[i]);
        for (size_t k = 0; k < news.size(); ++k)
            if (!new_used[k]) m.added.push_back(news[k]);
    }
    std::sort(m.pairs.begin(), m.pairs.end(),
              [](const auto& x, const auto& y) { return x.second < y.second; });
    std::sort(m.removed.begin(), m.removed.end());
    std::sort(m.added.begin(), m.added.end());
    return m;
}

// The record without its key fields.
Value without_key(const Value& item, const std::vector<std::string>& key) {
    Value v = item;
    std::erase_if(v.fields, [&](const auto& f) {
        return std::find(key.begin(), key.end(), f.first) != key.end();
    });
    return v;
}

std::string title_of(const Value& item) {
    if (item.kind != Value::Kind::record) return one_line(item);
    for (const char* k : {"title", "name", "text", "event", "measure", "summary", "visitor"})
        if (const Value* f = item.field(k); f && f->kind == Value::Kind::scalar)
            return one_line(*f);
    return "";
}

class Comparer {
  public:
    explicit Comparer(std::vector<Change>& out) : out_(out) {}

    void value(const Value* a, const Value* b, const std::string& path, const std::string& label) {
        if (a && b && *a == *b) return;
        const Value::Kind kind = a ? a->kind : b->kind;
        if (a && b && a->kind != b->kind) {
            scalar_change(one_line(*a), one_line(*b), path, label);
            return;
        }
        switch (kind) {
            case Value::Kind::scalar:
                if (a && b) {
                    Change c;
                    c.path = path;
                    c.label = label;
                    c.before = a->text;
                    c.after = b->text;
                    c.long_text = is_long_text(a->text) || is_long_text(b->text);
                    out_.push_back(std::move(c));
                } else {
                    Change c;
                    c.op = a ? '-' : '+';
                    c.path = path;
                    c.label = label;
                    (a ? c.before : c.after) = (a ? a : b)->text;
                    c.long_text = is_long_text((a ? a : b)->text);
                    out_.push_back(std::move(c));
                }
                return;
            case Value::Kind::record: {
                static const Value k_empty_record{Value::Kind::record, {}, {}, {}, {}, false};
                record(a ? *a : k_empty_record, b ? *b : k_empty_record, path, label);
                return;
            }
            case Value::Kind::list: {
                Value empty;
                empty.kind = Value::Kind::list;
                const Value& shape = a ? *a : *b;
                empty.key = shape.key;
                empty.by_value = shape.by_value;
                list(a ? *a : empty, b ? *b : empty, path, label);
                return;
            }
        }
    }

    void record(const Value& a, const Value& b, const std::string& path, const std::string& label) {
        std::vector<std::string> keys;
        for (const auto& [k, _] : a.fields) keys.push_back(k);
        for (const auto& [k, _] : b.fields) keys.push_back(k);
        std::sort(keys.begin(), keys.end());
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        for (const std::string& k : keys) value(a.field(k), b.field(k), step(path, k), label);
    }

    void list(const Value& a, const Value& b, const std::string& path, const std::string& label) {
        const Matching m = match_items(a, b);
        const bool by_id = a.key.size() == 1 && a.key[0] == "id";
        auto item_path = [&](const Value& item, size_t index) {
            if (by_id)
                if (const Value* id = item.field("id"); id && id->kind == Value::Kind::scalar)
                    return step(path, id->text);
            return step(path, std::to_string(index));
        };
        auto item_label = [&](const Value& item) -> std::string {
            if (by_id || a.by_value || a.key.empty() || item.kind != Value::Kind::record)
                return label;
            std::vector<std::string> parts;
            for (const std::string& k : a.key)
                if (const Value* f = item.field(k)) parts.push_back(k + " " + one_line(*f));
            return parts.empty() ? label : fmt::format("{}", fmt::join(parts, ", "));
        };
        // An id written twice (after a merge) names no single item for kam
        // get: the label says which one, by position.
        auto label_for = [&](const Value& list, size_t index) {
            std::string l = item_label(list.items[index]);
            if (!by_id) return l;
            const Value* id = list.items[index].field("id");
            if (!id) return l;
            const auto same =
                std::count_if(list.items.begin(), list.items.end(), [&](const Value& v) {
                    const Value* other = v.field("id");
                    return other && *other == *id;
                });
            if (same < 2) return l;
            return (l.empty() ? "" : l + ", ") + fmt::format("id repeated: item {}", index);
        };
        for (const auto& [i, j] : m.pairs)
            value(&a.items[i], &b.items[j], item_path(b.items[j], j), label_for(b, j));

        std::vector<size_t> added = m.added;
        std::vector<size_t> removed;
        for (size_t i : m.removed) {
            // A rename: an added item equal to it apart from the key.
            auto it =
                a.by_value || a.key.empty()
                    ? added.end()
                    : std::find_if(added.begin(), added.end(), [&](size_t j) {
                          return without_key(a.items[i], a.key) == without_key(b.items[j], b.key);
                      });
            if (it == added.end()) {
                removed.push_back(i);
                continue;
            }
            Change c;
            c.op = '>';
            c.item = true;
            c.old_path = item_path(a.items[i], i);
            c.path = item_path(b.items[*it], *it);
            c.label = label_for(b, *it);
            c.before = title_of(a.items[i]);
            c.after = c.before;
            if (!by_id) {
                const std::string old_label = label_for(a, i);
                if (old_label != c.label) c.label = old_label + " -> " + c.label;
            }
            out_.push_back(std::move(c));
            added.erase(it);
        }
        for (size_t i : removed) {
            Change c;
            c.op = '-';
            c.item = true;
            c.path = item_path(a.items[i], i);
            c.label = label_for(a, i);
            c.before = title_of(a.items[i]);
            out_.push_back(std::move(c));
        }
        for (size_t j : added) {
            Change c;
            c.op = '+';
            c.item = true;
            c.path = item_path(b.items[j], j);
            c.label = label_for(b, j);
            c.after = title_of(b.items[j]);
            if (b.items[j].kind == Value::Kind::record) {
                flatten(b.items[j], "", c.fields, by_id);
                // The title is on the item's line already.
                std::erase_if(c.fields, [&](const auto& f) {
                    return (f.first == "title" || f.first == "name") && f.second == c.after;
                });
            }
            out_.push_back(std::move(c));
        }
    }

  private:
    static std::string step(const std::string& path, const std::string& key) {
        return path.empty() ? key : path + "." + key;
    }

    void scalar_change(std::string before, std::string after, const std::string& path,
                       const std::string& label) {
        Change c;
        c.path = path;
        c.label = label;
        c.before = std::move(before);
        c.after = std::move(after);
        out_.push_back(std::move(c));
    }

    static void flatten(const Value& v, const std::string& prefix,
                        std::vector<std::pair<std::string, std::string>>& out, bool skip_id) {
        for (const auto& [k, f] : v.fields) {
            if (skip_id && prefix.empty() && k == "id") continue;
            const std::string p = prefix.empty() ? k : prefix + "." + k;
            if (f.kind == Value::Kind::record)
                flatten(f, p, out, false);
            else
                out.emplace_back(p, one_line(f));
        }
    }

    std::vector<Change>& out_;
};

// The path of a top-level key: the list that gives a file its name is left
// out, as kam get allows ("risks.R1", "contracts.C1", "sales.O4").
std::string top_path(std::string_view section, const std::string& key) {
    if (section == "kam.yaml") return key;
    if ((section == "risks" && key == "risks") || (section == "contracts" && key == "contracts") ||
        (section == "sales" && key == "opportunities"))
        return std::string(section);
    return std::string(section) + "." + key;
}

}  // namespace

std::string one_line(const Value& v) {
    switch (v.kind) {
        case Value::Kind::scalar: {
            if (!is_long_text(v.text)) return v.text;
            const auto lines = lines_of(v.text);
            return fmt::format("({} lines of text)", lines.size());
        }
        case Value::Kind::list: {
            std::vector<std::string> parts;
            for (const Value& i : v.items) parts.push_back(one_line(i));
            return fmt::format("[{}]", fmt::join(parts, ", "));
        }
        case Value::Kind::record: {
            std::vector<std::string> parts;
            for (const auto& [k, f] : v.fields) parts.push_back(k + ": " + one_line(f));
            return fmt::format("{{{}}}", fmt::join(parts, ", "));
        }
    }
    return "";
}

std::string line_summary(const std::string& before, const std::string& after) {
    const auto a = lines_of(before);
    const auto b = lines_of(after);
    size_t common = 0;
    if (a.size() * b.size() <= 4'000'000) {
        // Longest common subsequence of lines.
        std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
        for (size_t i = 1; i <= a.size(); ++i) {
            for (size_t j = 1; j <= b.size(); ++j)
                cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : std::max(prev[j], cur[j - 1]);
            std::swap(prev, cur);
        }
        common = prev[b.size()];
    } else {
        std::map<std::string, long> counts;
        for (const auto& l : a) ++counts[l];
        for (const auto& l : b)
            if (counts[l]-- > 0) ++common;
    }
    const size_t added = b.size() - common;
    const size_t removed = a.size() - common;
    auto lines = [](size_t n, char sign) {
        return fmt::format("{}{} line{}", sign, n, n == 1 ? "" : "s");
    };
    if (added == 0 && removed == 0) return "line breaks changed";
    if (removed == 0) return lines(added, '+');
    if (added == 0) return lines(removed, '-');
    return lines(added, '+') + ", " + lines(removed, '-');
}

std::vector<Change> compare_file(std::string_view section, const Value* before,
                                 const Value* after) {
    std::vector<Change> out;
    Comparer cmp(out);
    const Value empty{Value::Kind::record, {}, {}, {}, {}, false};
    const Value& a = before && before->kind == Value::Kind::record ? *before : empty;
    const Value& b = after && after->kind == Value::Kind::record ? *after : empty;
    std::vector<std::string> keys;
    for (const auto& [k, _] : a.fields) keys.push_back(k);
    for (const auto& [k, _] : b.fields) keys.push_back(k);
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (const std::string& k : keys) cmp.value(a.field(k), b.field(k), top_path(section, k), "");
    return out;
}

}  // namespace kam::diff
