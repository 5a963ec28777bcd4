#include "kam/edit/add_record.hpp"

#include <fmt/format.h>
#include <algorithm>

#include "edit_session.hpp"
#include "kam/edit/splice.hpp"
#include "kam/util/error.hpp"
#include "kam/util/scalar.hpp"
#include "kam/util/spell.hpp"

namespace kam {

namespace {

// Every list of the format. An empty `list` is chosen by an option: the SLA's
// contract (--contract) or the SWOT quadrant (--quadrant).
constexpr RecordKind k_kinds[] = {
    {"risk", "risks", "risks", "R"},
    {"contract", "contracts", "contracts", "C"},
    {"sla", "contracts", "", "S"},
    {"goal", "blueprint", "goals", "G"},
    {"action", "blueprint", "actions", "A"},
    {"competitor", "blueprint", "competition", ""},
    {"offering", "blueprint", "offerings", ""},
    {"opportunity", "sales", "opportunities", "O"},
    {"person", "profile", "people", "P"},
    {"supplier", "profile", "suppliers", ""},
    {"client-competitor", "profile", "competitors", ""},
    {"review", "reviews", "reviews", ""},
    {"survey", "reviews", "surveys", ""},
    {"reference", "reviews", "references", ""},
    {"issue", "performance", "issues", "I"},
    {"financials", "performance", "financials", ""},
    {"scorecard", "performance", "scorecard", ""},
    {"history", "account", "history", ""},
    {"team", "account", "team", ""},
    {"swot", "swot", "", ""},
};

// Where a record's life starts, for the lists whose required status has an
// obvious first value: `kam add risk` without --status means a new, open risk.
struct InitialValue {
    std::string_view kind, key, value;
};
constexpr InitialValue k_initial[] = {
    {"risk", "status", "open"},
    {"action", "status", "open"},
    {"issue", "status", "open"},
    {"goal", "status", "not-started"},
};

const RecordKind& find_kind(const std::string& kind) {
    std::vector<std::string_view> names;
    for (const RecordKind& k : k_kinds) {
        if (k.kind == kind) return k;
        names.push_back(k.kind);
    }
    std::string list;
    for (std::string_view n : names) list += (list.empty() ? "" : ", ") + std::string(n);
    std::string message =
        fmt::format("'{}' is not a kind of record kam can add (one of: {})", kind, list);
    if (auto m = closest_match(kind, names)) message += fmt::format("; did you mean '{}'?", *m);
    throw UsageError(message);
}

std::string take(std::vector<std::pair<std::string, std::string>>& fields, std::string_view key) {
    for (auto it = fields.begin(); it != fields.end(); ++it)
        if (it->first == key) {
            std::string v = it->second;
            fields.erase(it);
            return v;
        }
    return {};
}

struct Line {
    std::string key, value, written;  // written: as it goes into the file
};

std::string_view eol_of(std::string_view text) {
    return text.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
}

}  // namespace

std::span<const RecordKind> record_kinds() {
    return k_kinds;
}

std::string next_id(const std::vector<std::string>& existing, std::string_view letter) {
    // The style of the last id that ends in digits: its prefix and zero padding.
    std::string prefix(letter);
    size_t width = 0;
    long long highest = 0;
    bool styled = false;
    // Newest first: the last id written sets the style the next one follows.
    for (auto it = existing.rbegin(); it != existing.rend(); ++it) {
        const std::string& id = *it;
        size_t d = id.size();
        while (d > 0 && id[d - 1] >= '0' && id[d - 1] <= '9') --d;
        if (d == id.size() || id.size() - d > 15) continue;
        const std::string this_prefix = id.substr(0, d);
        if (styled && this_prefix != prefix) continue;
        prefix = this_prefix;
        styled = true;
        const std::string digits = id.substr(d);
        if (digits.size() > 1 && digits[0] == '0') width = std::max(width, digits.size());
        highest = std::max(highest, std::stoll(digits));
    }
    std::string candidate;
    for (long long n = highest + 1;; ++n) {
        const std::string number = std::to_string(n);
        candidate =
            prefix + std::string(width > number.size() ? width - number.size() : 0, '0') + number;
        if (std::find(existing.begin(), existing.end(), candidate) == existing.end()) break;
    }
    return candidate;
}

SetResult add_record(const FileSystem& fs, const AddRequest& request, bool dry_run) {
    const RecordKind& kind = find_kind(request.kind);
    auto fields = request.fields;
    for (auto& [key, value] : fields) std::replace(key.begin(), key.end(), '-', '_');

    // Where the new record goes: "risks.risks", "contracts.C1.slas", "swot.threats".
    std::string list_path = std::string(kind.section) + "." + std::string(kind.list);
    if (kind.kind == "sla") {
        const std::string contract = take(fields, "contract");
        if (contract.empty()) throw UsageError("an SLA belongs to a contract: give --contract ID");
        list_path = "contracts.contracts." + contract + ".slas";
    } else if (kind.kind == "swot") {
        const std::string quadrant = take(fields, "quadrant");
        if (quadrant.empty())
            throw UsageError(
                "a SWOT item needs --quadrant strengths, weaknesses, opportunities or threats");
        list_path = "swot." + quadrant;
    }
    std::string defaulted;  // "status: open", when kam chose it
    for (const InitialValue& initial : k_initial) {
        if (initial.kind != kind.kind) continue;
        const bool given = std::any_of(fields.begin(), fields.end(),
                                       [&](const auto& f) { return f.first == initial.key; });
        if (given) continue;
        fields.emplace_back(initial.key, initial.value);
        defaulted +=
            fmt::format("{}{}: {}", defaulted.empty() ? "" : ", ", initial.key, initial.value);
    }
    FieldRequest where = request.where;
    where.path = list_path;
    const OpenFile f = open_file(fs, where, {.may_be_missing = true, .for_write = !dry_run});

    // The list, its parent mapping, and the schema of its records.
    auto p = parse_field_path(list_path);
    if (!p) throw UsageError(p.error());
    auto at = locate(f.root, *p);
    if (!at) throw UsageError(at.error());
    const FieldSpec* list_field = at->field;
    if (!list_field ||
        (list_field->type != FieldType::object_list && list_field->type != FieldType::swot_list))
        throw UsageError(fmt::format("{} is not a list kam can add to", list_path));
    const Schema* record =
        list_field->type == FieldType::swot_list ? &swot_item_schema() : list_field->schema;
    const Node* list = at->node && !at->node->is_null() ? at->node : nullptr;
    if (list && !list->is_sequence())
        throw UsageError(fmt::format("{} is not a list in {}", list_path, f.shown));
    // The record: id first (assigned), then the given fields in the schema's order.
    Node item;
    item.kind = NodeKind::mapping;
    std::vector<Line> lines;
    auto add_field = [&](const FieldSpec& spec, const std::string& value) {
        auto written = format_value(&spec, spec.key, value);
        if (!written) throw UsageError(fmt::format("--{}: {}", spec.key, written.error()));
        lines.push_back(Line{std::string(spec.key), value, *written});
        Node v;
        v.kind = NodeKind::scalar;
        v.value = value;
        item.entries.push_back(Entry{std::string(spec.key), {}, std::move(v)});
    };
    std::string id;
    if (record->find("id")) {
        id = take(fields, "id");
        if (id.empty()) {
            std::vector<std::string> existing;
            if (list)
                for (const Node& n : list->items)
                    if (const Node* i = n.is_mapping() ? n.find("id") : nullptr;
                        i && i->is_scalar())
                        existing.push_back(i->value);
            id = next_id(existing, kind.id_letter);
        }
        add_field(*record->find("id"), id);
    }
    std::vector<std::string_view> known;
    for (const FieldSpec& spec : record->fields) known.push_back(spec.key);
    for (const auto& [key, value] : fields) {
        const FieldSpec* spec = record->find(key);
        if (!spec) {
            std::string message = fmt::format("--{} is not a field of {}", key, record->name);
            if (auto m = closest_match(key, known)) {
                message += fmt::format("; did you mean --{}?", *m);
            } else {
                std::string names;
                for (std::string_view k : known)
                    names += (names.empty() ? "--" : ", --") + std::string(k);
                message += fmt::format(" (its fields: {})", names);
            }
            throw UsageError(message);
        }
        // A nested list or mapping has no one-line form: it gets records of its own.
        if (spec->type == FieldType::object || spec->type == FieldType::object_list) {
            std::string message = fmt::format("--{}: '{}' is a {}, not a single value", key, key,
                                              field_type_name(spec->type));
            if (kind.kind == "contract" && key == "slas")
                message += "; add the contract, then each SLA with kam add SLUG sla --contract ID";
            throw UsageError(message);
        }
    }
    // In the schema's order, whatever the order on the command line.
    for (const FieldSpec& spec : record->fields) {
        if (spec.key == "id") continue;
        for (const auto& [key, value] : fields)
            if (key == spec.key) add_field(spec, value);
    }
    std::string missing;
    for (const FieldSpec& spec : record->fields)
        if (spec.required && !item.find(spec.key))
            missing += (missing.empty() ? "--" : ", --") + std::string(spec.key);
    if (!missing.empty()) throw UsageError(fmt::format("a {} needs {}", kind.kind, missing));

    // Quoted like the list's last item, field by field.
    if (list && !list->items.empty()) {
        const Node& last = list->items.back();
        for (Line& l : lines) {
            const Node* model = last.is_mapping() ? last.find(l.key)
                                : l.key == "text" ? &last
                                                  : nullptr;
            l.written = in_style_of(model, record->find(l.key), l.value, l.written);
        }
    }
    const bool one_line = record == &swot_item_schema() && lines.size() == 1;

    const std::string_view text = f.text;
    const std::string eol(eol_of(text));
    size_t dash_column = 0, insert_at = 0;
    std::string lead;  // what goes before the first line of the item
    std::string block;
    // The item as one flow node, for flow lists and for block lists of {...} items.
    std::string flow_item;
    if (one_line) {
        flow_item = lines[0].written;
    } else {
        for (const Line& l : lines)
            flow_item += (flow_item.empty() ? "{" : ", ") + l.key + ": " + l.written;
        flow_item += "}";
    }
    const Node* last_item = list && !list->items.empty() ? &list->items.back() : nullptr;
    size_t gap = 2;  // from the '-' to the item's text: "- x" unless the list does "-   x"
    if (list && list->flow) {
        // A flow list stays one: the item goes before its ']' in its own spacing.
        auto close = flow_collection_end(text, list->mark.offset);
        if (!close)
            throw UsageError(fmt::format("{} in {}: {}", list_path, f.shown, close.error()));
        if (list->items.empty()) {
            insert_at = list->mark.offset + 1;
            block = flow_item;
        } else {
            const Node& last = list->items.back();
            auto end = flow_node_end(text, last);
            if (!end)
                throw UsageError(fmt::format("{} in {}: {}", list_path, f.shown, end.error()));
            // One item per line when the last one has a line to itself before the ']'.
            const bool multi_line =
                text.substr(*end, *close - *end).find('\n') != std::string_view::npos;
            const std::string sep =
                multi_line ? eol + std::string(last.mark.column - 1, ' ') : std::string(" ");
            size_t after_last = *end;
            while (after_last < *close && (text[after_last] == ' ' || text[after_last] == '\t'))
                ++after_last;
            if (text[after_last] == ',') {  // a trailing comma: keep the habit
                insert_at = after_last + 1;
                block = sep + flow_item + ",";
            } else {
                insert_at = *end;
                block = "," + sep + flow_item;
            }
        }
    } else if (list && !list->items.empty()) {
        // After the last item, at its dash's column.
        const Node& last = list->items.back();
        const size_t line_start = line_start_at(text, last.mark.offset);
        const size_t dash = text.find('-', line_start);
        if (dash == std::string_view::npos || dash > last.mark.offset)
            throw UsageError(fmt::format(
                "{}: cannot find the '-' of its last item; add in your editor", list_path));
        dash_column = dash - line_start;
        insert_at = block_end(text, line_start, dash_column);
        if (last.mark.offset > dash && last.mark.offset - dash <= 8 &&
            text.substr(dash, last.mark.offset - dash).find('\n') == std::string_view::npos)
            gap = last.mark.offset - dash;
        // Items separated by blank lines get one before the new item too.
        if (list->items.size() > 1 && line_start > 0) {
            const size_t prev_nl =
                line_start >= 2 ? text.rfind('\n', line_start - 2) : std::string_view::npos;
            const size_t prev_start = prev_nl == std::string_view::npos ? 0 : prev_nl + 1;
            const std::string_view prev = text.substr(prev_start, line_start - prev_start);
            if (prev.find_first_not_of(" \t\r\n") == std::string_view::npos) lead = eol;
        }
        if (insert_at == text.size() && !text.empty() && text.back() != '\n') lead = eol + lead;
    } else if (at->node && at->node->is_null() && text.substr(at->node->mark.offset, 1) == ":") {
        // "risks:" with no value: the list starts on the next line, two deeper than its key.
        const size_t key_line = line_start_at(text, at->node->mark.offset);
        dash_column = (text.substr(key_line).find_first_not_of(' ')) + 2;
        insert_at = at->node->mark.offset + 1;
        // Keep a comment after the colon on its line.
        const size_t nl = text.find('\n', insert_at);
        insert_at = nl == std::string_view::npos ? text.size() : nl + 1;
        if (nl == std::string_view::npos) lead = eol;
    } else if (!at->node && at->parent) {
        // No such key yet: it goes at the end of its mapping (or of the file).
        const Node& map = *at->parent;
        if (map.flow)
            throw UsageError(
                fmt::format("{}: the mapping is in flow style; add in your editor", list_path));
        const size_t key_column = map.entries.empty() ? 0 : map.entries.front().key_mark.column - 1;
        insert_at = map.entries.empty()
                        ? text.size()
                        : block_end(text, line_start_at(text, map.entries.back().key_mark.offset),
                                    key_column);
        if (insert_at == text.size() && !text.empty() && text.back() != '\n') lead = eol;
        lead += std::string(key_column, ' ') + at->missing_key + ":" + eol;
        dash_column = key_column + 2;
        // The expected tree gets the key too.
    } else {
        throw UsageError(fmt::format("{} in {} is not a list kam can add to", list_path, f.shown));
    }
    if (!list || !list->flow) {
        // Block style, at the list's own indentation.
        const std::string pad(dash_column, ' ');
        const std::string dash = pad + "-" + std::string(gap - 1, ' ');
        const std::string under_dash = pad + std::string(gap, ' ');
        block = lead;
        if (one_line || (last_item && last_item->flow)) {
            block += dash + flow_item + eol;  // "- text", or "- {a: 1, b: 2}" like its neighbours
        } else {
            for (size_t i = 0; i < lines.size(); ++i)
                block +=
                    (i == 0 ? dash : under_dash) + lines[i].key + ": " + lines[i].written + eol;
        }
    }
    const std::string after =
        std::string(text.substr(0, insert_at)) + block + std::string(text.substr(insert_at));

    // The expected tree: the old one with the record at the end of the list.
    Node expected = f.root;
    auto exp_at = locate(expected, *p);
    if (!exp_at) throw UsageError("internal: the list vanished");
    // locate() points into `expected`, which this function owns.
    Node* target_ptr = const_cast<Node*>(exp_at->node);
    if (!target_ptr) {
        Node* parent = const_cast<Node*>(exp_at->parent);
        parent->entries.push_back(Entry{exp_at->missing_key, {}, Node{}});
        target_ptr = &parent->entries.back().value;
    }
    Node& target = *target_ptr;
    if (target.is_null()) target.kind = NodeKind::sequence;
    if (one_line)
        target.items.push_back(item.entries.front().value);
    else
        target.items.push_back(item);

    // Name the new item by the path that reaches it: its id, else its index.
    std::string summary = id.empty() ? fmt::format("{}: added {} as {}.{}", f.shown, kind.kind,
                                                   exp_at->canonical, target.items.size() - 1)
                                     : fmt::format("{}: added {} {} to {}", f.shown, kind.kind, id,
                                                   exp_at->canonical);
    if (!defaulted.empty())
        summary += fmt::format(" ({}, as a new {} starts)", defaulted, kind.kind);
    return finish_edit(fs, where, f, list_path, after, Expected<Node>(std::move(expected)),
                       std::move(summary), dry_run);
}

}  // namespace kam
