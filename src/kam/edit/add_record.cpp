#include "kam/edit/add_record.hpp"

#include <fmt/format.h>
#include <algorithm>

#include "edit_session.hpp"
#include "kam/edit/empty_value.hpp"
#include "kam/edit/key_insert.hpp"
#include "kam/edit/splice.hpp"
#include "kam/io/yaml_text.hpp"
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
    {"tag", "account", "tags", ""},
    {"objective", "account", "position.objectives", ""},
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
    throw UsageError(with_suggestion(
        fmt::format("'{}' is not a kind of record kam can add (one of: {})", kind, list),
        closest_match(kind, names)));
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
    std::vector<std::string> items;   // a list of texts (attendees): each as written
};

}  // namespace

std::span<const RecordKind> record_kinds() {
    return k_kinds;
}

std::string next_id(const std::vector<std::string>& existing, std::string_view letter) {
    // The ids that end in digits: their prefix, their number and its zero padding.
    struct Numbered {
        std::string prefix;
        long long number;
        size_t width;  // of a zero-padded number, else 0
        bool year_like;
    };
    std::vector<Numbered> numbered;
    for (const std::string& id : existing) {
        size_t d = id.size();
        while (d > 0 && id[d - 1] >= '0' && id[d - 1] <= '9') --d;
        if (d == id.size() || id.size() - d > 15) continue;
        const std::string digits = id.substr(d);
        const long long n = std::stoll(digits);
        numbered.push_back(Numbered{id.substr(0, d), n,
                                    digits.size() > 1 && digits[0] == '0' ? digits.size() : 0,
                                    digits.size() == 4 && n >= 1900 && n <= 2199});
    }
    auto unused = [&](std::string candidate) {
        return std::find(existing.begin(), existing.end(), candidate) == existing.end();
    };
    // One style throughout (R1, R2; RISK-009) is a sequence to continue. Mixed
    // styles (MSA-2022, SOW-OT-2026), or numbers that are years, carry a meaning
    // of their own that the next record must not borrow: it gets a neutral id.
    const bool one_style =
        !numbered.empty() && std::all_of(numbered.begin(), numbered.end(), [&](const Numbered& n) {
            return n.prefix == numbered.front().prefix;
        });
    const bool years = std::all_of(numbered.begin(), numbered.end(),
                                   [](const Numbered& n) { return n.year_like; });
    if (one_style && !(years && numbered.front().prefix != letter)) {
        size_t width = 0;
        long long highest = 0;
        for (const Numbered& n : numbered) {
            width = std::max(width, n.width);
            highest = std::max(highest, n.number);
        }
        for (long long n = highest + 1;; ++n) {
            const std::string number = std::to_string(n);
            std::string candidate =
                numbered.front().prefix +
                std::string(width > number.size() ? width - number.size() : 0, '0') + number;
            if (unused(candidate)) return candidate;
        }
    }
    for (size_t n = numbered.size() + 1;; ++n) {
        std::string candidate = std::string(letter) + std::to_string(n);
        if (unused(candidate)) return candidate;
    }
}

namespace {

// The record's fields as the file will hold them: the id first (assigned in
// the list's style unless given), then the given fields in the schema's order.
// A list of texts (a review's attendees) takes every --attendees and
// --attendee given. Throws UsageError for an unknown or unfit field.
struct Record {
    std::string id;
    std::vector<Line> lines;
    Node node;  // the record as the re-parsed file must hold it
};

// --attendee for attendees, --action for actions: the singular of a list of texts.
const FieldSpec* field_for(const Schema& record, const std::string& key) {
    if (const FieldSpec* spec = record.find(key)) return spec;
    const FieldSpec* plural = record.find(key + "s");
    return plural && plural->type == FieldType::text_list ? plural : nullptr;
}

void refuse_unknown_fields(const Schema& record, const RecordKind& kind,
                           const std::vector<std::pair<std::string, std::string>>& fields) {
    std::vector<std::string_view> known;
    for (const FieldSpec& spec : record.fields) known.push_back(spec.key);
    for (const auto& [key, value] : fields) {
        const FieldSpec* spec = field_for(record, key);
        if (!spec) {
            std::string message = fmt::format("--{} is not a field of {}", key, record.name);
            if (auto m = closest_match(key, known)) {
                message = with_suggestion(std::move(message), "--" + *m);
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
}

Record build_record(const Schema& record, const RecordKind& kind, const Node* list,
                    std::vector<std::pair<std::string, std::string>> fields) {
    Record r;
    r.node.kind = NodeKind::mapping;
    auto add_field = [&](const FieldSpec& spec, const std::string& value) {
        auto written = format_value(&spec, spec.key, value);
        if (!written) throw UsageError(fmt::format("--{}: {}", spec.key, written.error()));
        r.lines.push_back(Line{std::string(spec.key), value, *written, {}});
        Node v;
        v.kind = NodeKind::scalar;
        v.value = value;
        r.node.entries.push_back(Entry{std::string(spec.key), {}, std::move(v)});
    };
    if (record.find("id")) {
        r.id = take(fields, "id");
        if (r.id.empty()) {
            std::vector<std::string> existing;
            if (list)
                for (const Node& n : list->items)
                    if (const Node* i = n.is_mapping() ? n.find("id") : nullptr;
                        i && i->is_scalar())
                        existing.push_back(i->value);
            r.id = next_id(existing, kind.id_letter);
        }
        add_field(*record.find("id"), r.id);
    }
    refuse_unknown_fields(record, kind, fields);
    for (const FieldSpec& spec : record.fields) {
        if (spec.key == "id") continue;
        if (spec.type == FieldType::text_list) {
            Line l{std::string(spec.key), {}, {}, {}};
            Node v;
            v.kind = NodeKind::sequence;
            for (const auto& [key, value] : fields) {
                if (field_for(record, key) != &spec) continue;
                if (value.empty())
                    throw UsageError(
                        fmt::format("--{}: an item of {} needs a text", key, spec.key));
                l.items.push_back(yaml_scalar(value));
                Node item;
                item.kind = NodeKind::scalar;
                item.value = value;
                v.items.push_back(std::move(item));
            }
            if (l.items.empty()) continue;
            r.lines.push_back(std::move(l));
            r.node.entries.push_back(Entry{std::string(spec.key), {}, std::move(v)});
            continue;
        }
        for (const auto& [key, value] : fields)
            if (key == spec.key) add_field(spec, value);
    }
    std::string missing;
    for (const FieldSpec& spec : record.fields)
        if (spec.required && !r.node.find(spec.key))
            missing += (missing.empty() ? "--" : ", --") + std::string(spec.key);
    if (!missing.empty()) throw UsageError(fmt::format("a {} needs {}", kind.kind, missing));
    // Quoted like the list's last item, field by field.
    if (list && !list->items.empty()) {
        const Node& last = list->items.back();
        for (Line& l : r.lines) {
            if (!l.items.empty()) continue;
            const Node* model = last.is_mapping() ? last.find(l.key)
                                : l.key == "text" ? &last
                                                  : nullptr;
            l.written = in_style_of(model, record.find(l.key), l.value, l.written);
        }
    }
    return r;
}

// An item of a list of texts (a tag, an objective): the text, quoted as the list quotes.
Record build_text_item(const RecordKind& kind, const Node* list,
                       std::vector<std::pair<std::string, std::string>> fields) {
    Record r;
    const std::string text = take(fields, "text");
    if (!fields.empty())
        throw UsageError(fmt::format("--{} is not a field of a {}; give its text (--text TEXT)",
                                     fields.front().first, kind.kind));
    if (text.empty()) throw UsageError(fmt::format("a {} needs a text: --text TEXT", kind.kind));
    std::string written = yaml_scalar(text);
    if (list && !list->items.empty())
        written = in_style_of(&list->items.back(), nullptr, text, written);
    r.lines.push_back(Line{"text", text, written, {}});
    r.node.kind = NodeKind::scalar;
    r.node.value = text;
    return r;
}

// Where the new item goes and what is written there.
struct Placement {
    size_t cut_begin = 0, cut_end = 0;  // bytes removed first (" ~" of "risks: ~")
    size_t insert_at = 0;
    std::string block;
};

// The item as one flow node: a text, or {key: value, ...}.
std::string flow_form(const Record& r, bool one_line) {
    if (one_line) return r.lines[0].written;
    std::string out;
    for (const Line& l : r.lines) {
        std::string value = l.written;
        if (!l.items.empty()) {
            value = "[";
            for (size_t i = 0; i < l.items.size(); ++i) value += (i ? ", " : "") + l.items[i];
            value += "]";
        }
        out += (out.empty() ? "{" : ", ") + l.key + ": " + value;
    }
    return out + "}";
}

// Before a flow list's ']', in its own spacing.
Placement in_flow_list(std::string_view text, const Node& list, const std::string& item,
                       const std::string& where) {
    auto close = flow_collection_end(text, list.mark.offset);
    if (!close) throw UsageError(fmt::format("{}: {}", where, close.error()));
    Placement p;
    if (list.items.empty()) {
        p.insert_at = list.mark.offset + 1;
        p.block = item;
    } else {
        const Node& last = list.items.back();
        auto end = flow_node_end(text, last);
        if (!end) throw UsageError(fmt::format("{}: {}", where, end.error()));
        // One item per line when the last one has a line to itself before the ']'.
        const bool multi_line =
            text.substr(*end, *close - *end).find('\n') != std::string_view::npos;
        const std::string sep =
            multi_line ? std::string(line_end_of(text)) + std::string(last.mark.column - 1, ' ')
                       : std::string(" ");
        size_t after_last = *end;
        while (after_last < *close && (text[after_last] == ' ' || text[after_last] == '\t'))
            ++after_last;
        if (text[after_last] == ',') {  // a trailing comma: keep the habit
            p.insert_at = after_last + 1;
            p.block = sep + item + ",";
        } else {
            p.insert_at = *end;
            p.block = "," + sep + item;
        }
    }
    p.cut_begin = p.cut_end = p.insert_at;
    return p;
}

// The item's lines in block style: "- key: value" and the keys under the dash.
std::string block_lines(const Record& r, bool one_line, bool flow_neighbours, size_t dash_column,
                        size_t gap, std::string_view eol) {
    const std::string pad(dash_column, ' ');
    const std::string dash = pad + "-" + std::string(gap - 1, ' ');
    const std::string under_dash = pad + std::string(gap, ' ');
    if (one_line || flow_neighbours)  // "- text", or "- {a: 1, b: 2}" like its neighbours
        return dash + flow_form(r, one_line) + std::string(eol);
    std::string out;
    for (size_t i = 0; i < r.lines.size(); ++i) {
        const Line& l = r.lines[i];
        const std::string& lead = i == 0 ? dash : under_dash;
        if (l.items.empty()) {
            out += lead + l.key + ": " + l.written + std::string(eol);
            continue;
        }
        out += lead + l.key + ":" + std::string(eol);
        for (const std::string& item : l.items)
            out += under_dash + "  - " + item + std::string(eol);
    }
    return out;
}

// After a block list's last item, at its dash's column, spaced like its items.
Placement after_last_item(std::string_view text, const Node& list, const Record& r, bool one_line,
                          const std::string& where) {
    const std::string_view eol = line_end_of(text);
    const Node& last = list.items.back();
    const size_t line_start = line_start_at(text, last.mark.offset);
    const size_t dash = text.find('-', line_start);
    if (dash == std::string_view::npos || dash > last.mark.offset)
        throw UsageError(
            fmt::format("{}: cannot find the '-' of its last item; add in your editor", where));
    const size_t dash_column = dash - line_start;
    Placement p;
    p.insert_at = block_end(text, line_start, dash_column);
    size_t gap = 2;  // from the '-' to the item's text: "- x" unless the list does "-   x"
    if (last.mark.offset > dash && last.mark.offset - dash <= 8 &&
        text.substr(dash, last.mark.offset - dash).find('\n') == std::string_view::npos)
        gap = last.mark.offset - dash;
    std::string lead;
    // Items separated by blank lines get one before the new item too.
    if (list.items.size() > 1 && line_start > 0) {
        const size_t prev_nl =
            line_start >= 2 ? text.rfind('\n', line_start - 2) : std::string_view::npos;
        const size_t prev_start = prev_nl == std::string_view::npos ? 0 : prev_nl + 1;
        const std::string_view prev = text.substr(prev_start, line_start - prev_start);
        if (prev.find_first_not_of(" \t\r\n") == std::string_view::npos) lead = eol;
    }
    std::string lines = block_lines(r, one_line, last.flow, dash_column, gap, eol);
    // The last line of a file without a final newline: it stays without one.
    if (p.insert_at == text.size() && !text.empty() && text.back() != '\n')
        lines = std::string(eol) + lead + lines.substr(0, lines.size() - eol.size());
    else
        lines = lead + lines;
    p.block = std::move(lines);
    p.cut_begin = p.cut_end = p.insert_at;
    return p;
}

// How far the lists of `map` indent their dashes past their keys: as its
// other block lists do (0 or 2, mostly), else 2 as the templates do.
size_t list_indent(std::string_view text, const Node* map) {
    if (map && map->is_mapping())
        for (const Entry& e : map->entries) {
            const Node& v = e.value;
            if (!v.is_sequence() || v.flow || v.items.empty()) continue;
            const size_t line = line_start_at(text, v.items.front().mark.offset);
            const size_t dash = text.find('-', line);
            if (dash == std::string_view::npos || dash > v.items.front().mark.offset) continue;
            const size_t key_column = e.key_mark.column - 1;
            if (dash - line >= key_column) return dash - line - key_column;
        }
    return 2;
}

Placement place(std::string_view text, const Located& at, const Record& r, bool one_line,
                const std::string& where) {
    const Node* list = at.node && at.node->is_sequence() ? at.node : nullptr;
    const std::string_view eol = line_end_of(text);
    const bool block_parent = at.parent && at.parent->is_mapping() && !at.parent->flow;
    if (at.node && is_empty_value(*at.node) && block_parent) {
        // "risks:", "risks: ~" or "team: []": the list starts on the next line in
        // block style, as the templates teach, indented as the file's other lists.
        auto site = empty_value_site(text, *at.parent, *at.node);
        if (!site) throw UsageError(fmt::format("{}: {}", where, site.error()));
        Placement p;
        p.cut_begin = site->value_begin;
        p.cut_end = site->value_end;
        p.insert_at = site->line_end;
        std::string lines = block_lines(r, one_line, false,
                                        site->key_column + list_indent(text, at.parent), 2, eol);
        if (p.insert_at == text.size() && !text.empty() && text.back() != '\n')
            lines = std::string(eol) + lines.substr(0, lines.size() - eol.size());
        p.block = std::move(lines);
        return p;
    }
    if (list && list->flow) return in_flow_list(text, *list, flow_form(r, one_line), where);
    if (list && !list->items.empty()) return after_last_item(text, *list, r, one_line, where);
    if (!at.node && at.parent) {
        // No such key yet: "key:" and the item, at the end of its mapping (or below
        // a key with no value, or at the end of the file), sub-mappings first.
        auto ins = plan_key_insert(text, at);
        if (!ins) throw UsageError(fmt::format("{}: {}", where, ins.error()));
        const std::string lines =
            fmt::format("{}{}:{}", std::string(ins->column, ' '), at.missing_key, ins->eol) +
            block_lines(r, one_line, false,
                        ins->column + list_indent(text, at.fill_owner ? nullptr : at.parent), 2,
                        ins->eol);
        const TextEdit e = ins->edit(text, lines);
        return Placement{e.offset, e.offset + e.length, e.offset + e.length, e.replacement};
    }
    throw UsageError(fmt::format("{} is not a list kam can add to", where));
}

// The old tree with the record at the end of the list (created where absent).
Node expected_after_add(const Node& root, const ParsedPath& path, const Record& r,
                        std::string& canonical, size_t& index) {
    Node expected = root;
    auto at = locate(expected, path);
    if (!at) throw UsageError("internal: the list vanished");
    Node* target = at->node ? writable_node(expected, at->node) : nullptr;
    if (!target) {
        Node* parent = writable_node(expected, at->parent);
        if (is_empty_value(*parent)) parent->kind = NodeKind::mapping;
        for (const std::string& m : at->missing_mappings) {
            Node inner;
            inner.kind = NodeKind::mapping;
            parent->entries.push_back(Entry{m, {}, std::move(inner)});
            parent = &parent->entries.back().value;
        }
        parent->entries.push_back(Entry{at->missing_key, {}, Node{}});
        target = &parent->entries.back().value;
    }
    if (target->is_null()) target->kind = NodeKind::sequence;
    target->items.push_back(r.node);
    canonical = at->canonical;
    index = target->items.size() - 1;
    return expected;
}

}  // namespace

EditResult add_record(WritableFileSystem& fs, const AddRequest& request, bool dry_run) {
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
    const OpenFile f =
        open_file(fs, where, {.may_be_missing = true, .for_write = dry_run ? nullptr : &fs});

    // The list, its parent mapping, and the schema of its records.
    auto p = parse_field_path(list_path);
    if (!p) throw UsageError(p.error());
    auto at = locate(f.root, *p);
    if (!at) throw UsageError(at.error());
    const FieldSpec* list_field = at->field;
    const bool texts = list_field && list_field->type == FieldType::text_list;
    if (!list_field || (list_field->type != FieldType::object_list &&
                        list_field->type != FieldType::swot_list && !texts))
        throw UsageError(fmt::format("{} is not a list kam can add to", list_path));
    const Node* list = at->node && !is_empty_value(*at->node) ? at->node : nullptr;
    if (list && !list->is_sequence())
        throw UsageError(fmt::format("{} is not a list in {}", list_path, f.shown));
    if (at->node && !at->node->is_null() && !at->node->is_sequence())
        throw UsageError(fmt::format("{} is not a list in {}", list_path, f.shown));
    const Schema* record =
        list_field->type == FieldType::swot_list ? &swot_item_schema() : list_field->schema;
    Record r =
        texts ? build_text_item(kind, list, fields) : build_record(*record, kind, list, fields);
    const bool one_line = texts || (record == &swot_item_schema() && r.lines.size() == 1);
    if (one_line && !texts) r.node = r.node.entries.front().value;  // a SWOT text, not {text: ..}

    const std::string_view text = f.text;
    const Placement placed =
        place(text, *at, r, one_line, fmt::format("{} in {}", list_path, f.shown));
    const std::string after =
        std::string(text.substr(0, placed.cut_begin)) +
        std::string(text.substr(placed.cut_end, placed.insert_at - placed.cut_end)) + placed.block +
        std::string(text.substr(placed.insert_at));

    std::string canonical;
    size_t index = 0;
    Node expected = expected_after_add(f.root, *p, r, canonical, index);
    // Name the new item by the path that reaches it: its id, else its index.
    std::string summary =
        r.id.empty() ? fmt::format("{}: added {} as {}.{}", f.shown, kind.kind, canonical, index)
                     : fmt::format("{}: added {} {} to {}", f.shown, kind.kind, r.id, canonical);
    if (!defaulted.empty())
        summary += fmt::format(" ({}, as a new {} starts)", defaulted, kind.kind);
    return finish_edit(fs, where, f, list_path, after, Expected<Node>(std::move(expected)),
                       std::move(summary), dry_run);
}

}  // namespace kam
