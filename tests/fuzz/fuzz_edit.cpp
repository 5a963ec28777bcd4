// libFuzzer target for the edit layer: arbitrary bytes as one account file,
// then a set, an rm and an add chosen by the input, each as `kam set/rm/add
// --dry-run` runs them. An edit may be refused (UsageError); when it is not,
// it must keep its promises:
//   - the result loads (finish_edit also checked it reads back as intended);
//   - set on a one-line scalar changes that line only;
//   - rm takes out one contiguous run of bytes and adds none;
//   - add inserts in at most two places near each other and removes at most
//     the empty value it replaces (" ~", " null", " []").
// Any other exception, a crash, a hang or undefined behaviour is a finding.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "kam/edit/add_record.hpp"
#include "kam/edit/field_edit.hpp"
#include "kam/edit/path.hpp"
#include "kam/io/file_system.hpp"
#include "kam/io/yaml_loader.hpp"
#include "kam/model/schema.hpp"
#include "kam/util/error.hpp"

namespace {

using kam::Node;

[[noreturn]] void broken(const char* promise) {
    std::fprintf(stderr, "broken promise: %s\n", promise);
    __builtin_trap();  // libFuzzer reports it with the input
}

// Every path `kam get` would accept below `node`: keys, ids, indexes.
void collect(const Node& node, const std::string& at, std::vector<std::string>& out, int depth) {
    if (depth > 6 || out.size() > 400) return;
    out.push_back(at);
    auto plain = [](const std::string& step) {
        if (step.empty()) return false;
        for (char c : step)
            if (c == '.' || static_cast<unsigned char>(c) < 0x21) return false;
        return true;
    };
    if (node.is_mapping()) {
        for (const auto& e : node.entries)
            if (plain(e.key)) collect(e.value, at + "." + e.key, out, depth + 1);
    } else if (node.is_sequence()) {
        for (size_t i = 0; i < node.items.size(); ++i) {
            const Node* id = node.items[i].is_mapping() ? node.items[i].find("id") : nullptr;
            const std::string step = id && id->is_scalar() ? id->value : std::to_string(i);
            if (plain(step)) collect(node.items[i], at + "." + step, out, depth + 1);
        }
    }
}

size_t common_prefix(const std::string& a, const std::string& b) {
    size_t n = 0;
    while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
    return n;
}

size_t common_suffix(const std::string& a, const std::string& b, size_t prefix) {
    size_t n = 0;
    while (n + prefix < a.size() && n + prefix < b.size() &&
           a[a.size() - 1 - n] == b[b.size() - 1 - n])
        ++n;
    return n;
}

void must_load(const std::string& text) {
    kam::DiagnosticSink sink("f.yaml");
    std::string body = text;
    if (body.starts_with("\xEF\xBB\xBF")) body.erase(0, 3);
    if (!kam::load_yaml(body, sink, kam::default_event_source())) broken("the result loads");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 4) return 0;
    const auto sections = kam::section_files();
    const kam::SectionFile& section = sections[data[0] % sections.size()];
    const uint8_t pick_path = data[1], pick_value = data[2], pick_kind = data[3];
    const std::string body(reinterpret_cast<const char*>(data + 4), size - 4);

    kam::MemoryFileSystem fs;
    fs.add_file("/p/kam.yaml", "kam: 1\nname: F\ncurrency: EUR\nfx:\n  USD: 0.9\n");
    const std::string file = "/p/accounts/a/" + std::string(section.file);
    if (section.file != "account.yaml")
        fs.add_file("/p/accounts/a/account.yaml",
                    "name: A\nstatus: active\ntier: key\nmanager: M\n");
    fs.add_file(file, body);

    kam::DiagnosticSink sink("f.yaml");
    const auto root = kam::load_yaml(body, sink, kam::default_event_source());
    if (!root) return 0;  // the edit commands refuse a file that does not load
    std::vector<std::string> paths;
    collect(*root, std::string(section.section), paths, 0);

    const kam::FieldRequest base{"/p", "/p", "a", "", kam::Date::from_ymd(2026, 11, 23)};
    static const char* const k_values[] = {
        "x",  "2026-01-01", "3",          "open",   "true",   "12.50", "",  "a: b",
        "#c", "'q'",        "two\nlines", "- item", "[1, 2]", "null",  "~", " lead"};
    const std::string path = paths[pick_path % paths.size()];
    const std::string value = pick_value < 200 ? k_values[pick_value % 16]
                                               : body.substr(0, std::min<size_t>(body.size(), 24));
    try {
        kam::FieldRequest r = base;
        r.path = path;
        const kam::EditResult s = kam::set_field(fs, r, value, true);
        must_load(s.after);
        // Only the old value's bytes go: none of its line breaks, unless the old
        // value could span lines (a block scalar, or a text with spaces folded
        // over lines).
        const size_t p = common_prefix(body, s.after);
        const size_t q = common_suffix(body, s.after, p);
        const std::string removed = body.substr(p, body.size() - p - q);
        const Node* old = nullptr;
        if (auto parsed = kam::parse_field_path(path))
            if (auto at = kam::locate(*root, *parsed)) old = at->node;
        const bool may_span =
            old && old->is_scalar() &&
            (old->style == kam::ScalarStyle::literal || old->style == kam::ScalarStyle::folded ||
             old->style == kam::ScalarStyle::double_quoted ||
             old->style == kam::ScalarStyle::single_quoted ||
             old->value.find_first_of(" \t\n") != std::string::npos);
        if (!may_span && removed.find('\n') != std::string::npos)
            broken("set changes only the value's own line");
    } catch (const kam::UsageError&) {
    }
    try {
        kam::FieldRequest r = base;
        r.path = path;
        const kam::EditResult s = kam::remove_field(fs, r, true);
        must_load(s.after);
        const size_t p = common_prefix(body, s.after);
        const size_t q = common_suffix(body, s.after, p);
        // One contiguous run of bytes out, nothing in.
        if (p + q != s.after.size()) broken("rm only removes");
    } catch (const kam::UsageError&) {
    }
    try {
        const auto kinds = kam::record_kinds();
        const kam::RecordKind& kind = kinds[pick_kind % kinds.size()];
        kam::AddRequest a{base, std::string(kind.kind), {}};
        a.fields = {
            {"title", "T"},         {"name", "N"},      {"likelihood", "2"},
            {"impact", "3"},        {"status", "open"}, {"text", value.empty() ? "t" : value},
            {"date", "2026-11-01"}, {"period", "2025"}, {"revenue", "10"}};
        // Only the fields the record has: add refuses unknown ones.
        std::vector<std::pair<std::string, std::string>> kept;
        for (const auto& f : a.fields) {
            const bool text_list = kind.kind == "tag" || kind.kind == "objective";
            if (text_list ? f.first == "text" : f.first != "text") kept.push_back(f);
        }
        a.fields = kept;
        const kam::EditResult s = kam::add_record(fs, a, true);
        must_load(s.after);
        // The file the record went to: the fuzzed one, or another of the account.
        const std::string target =
            "/p/accounts/a/" + std::string(kam::find_section(kind.section)->file);
        const auto read = fs.read_file(target, 1 << 22);
        const std::string before = read ? *read : std::string();
        const size_t p = common_prefix(before, s.after);
        const size_t q = common_suffix(before, s.after, p);
        // What went: at most the written empty value (" null", " [ ]") and a line break.
        if (before.size() - p - q > 8) broken("add removes at most an empty value");
    } catch (const kam::UsageError&) {
    }
    return 0;
}
