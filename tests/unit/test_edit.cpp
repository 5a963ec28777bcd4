// The lossless edit layer: paths, spans, splices and their verification.
#include <doctest/doctest.h>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "kam/edit/add_record.hpp"
#include "kam/edit/field_edit.hpp"
#include "kam/edit/line_diff.hpp"
#include "kam/edit/locked_write.hpp"
#include "kam/edit/path.hpp"
#include "kam/edit/splice.hpp"
#include "kam/io/yaml_loader.hpp"
#include "kam/util/error.hpp"
#include "test_files.hpp"

using namespace kam;

namespace {

Node parse(const std::string& text) {
    DiagnosticSink sink("t.yaml");
    auto root = load_yaml(text, sink, default_event_source());
    REQUIRE_MESSAGE(root.has_value(), text);
    return std::move(*root);
}

// Sets `path` to `value` in `text` the way kam set does, minus the file I/O.
std::string set_in(const std::string& text, const std::string& path, const std::string& value) {
    const Node root = parse(text);
    auto p = parse_field_path(path);
    REQUIRE_MESSAGE(p, p.error());
    auto at = locate(root, *p);
    REQUIRE_MESSAGE(at, at.error());
    const std::string key = p->steps.back();
    auto written = format_value(at->field, key, value);
    REQUIRE_MESSAGE(written, written.error());
    auto edit = plan_set(text, *at, in_style_of(at->node, at->field, value, *written));
    REQUIRE_MESSAGE(edit, edit.error());
    const std::string after = edit->apply(text);
    const auto expected = expected_after_set(root, *p, value);
    REQUIRE(expected);
    CHECK(same_tree(parse(after), *expected));
    return after;
}

// The error locate() gives for `path`, which must not resolve.
std::string path_error(const Node& root, const std::string& path) {
    auto p = parse_field_path(path);
    REQUIRE_MESSAGE(p, p.error());
    auto at = locate(root, *p);
    REQUIRE_FALSE(at);
    return at.error();
}

const std::string k_risks =
    "# Risk register\n"
    "risks:\n"
    "  # the big one\n"
    "  - id: R1\n"
    "    title: 'Sponsor retiring'   # keep this comment\n"
    "    likelihood: 3\n"
    "    impact: 4\n"
    "    status: open\n"
    "    mitigation: |\n"
    "      Meet the successor.\n"
    "      Twice.\n"
    "\n"
    "  - id: R2\n"
    "    title: \"Price war\"\n"
    "    likelihood: 2\n"
    "    impact: 2\n"
    "    status: accepted\n"
    "    review:\n";

}  // namespace

TEST_CASE("paths: sections, implied lists, ids, indexes and did-you-mean") {
    const Node root = parse(k_risks);
    auto p = parse_field_path("risks.R1.status");
    REQUIRE(p);
    auto at = locate(root, *p);
    REQUIRE(at);
    CHECK(at->node->value == "open");
    CHECK(at->canonical == "risks.R1.status");
    REQUIRE(at->field);
    CHECK(at->field->type == FieldType::enumeration);

    auto explicit_list = locate(root, *parse_field_path("risks.risks.R2.title"));
    REQUIRE(explicit_list);
    CHECK(explicit_list->node->value == "Price war");

    const std::string typo = path_error(root, "risks.R1.stauts");
    CHECK(typo.find("did you mean 'status'") != std::string::npos);

    const std::string missing_item = path_error(root, "risks.R9.status");
    CHECK(missing_item.find("did you mean 'R1'") != std::string::npos);
    const std::string far_item = path_error(root, "risks.RISK-77.status");
    CHECK(far_item.find("there is: R1, R2") != std::string::npos);
    // The keys the record has, then those it may have; each once.
    const std::string far_key = path_error(root, "risks.R1.zzzzzzzz");
    CHECK(far_key.find("(there is: id, title, likelihood, impact, status, mitigation, "
                       "category, owner,") != std::string::npos);
    CHECK(far_key.find(", id,") == std::string::npos);

    auto section = parse_field_path("riks.R1");
    REQUIRE_FALSE(section);
    CHECK(section.error().find("did you mean 'risks'") != std::string::npos);

    const Node reviews = parse("reviews:\n  - date: 2026-01-01\n  - date: 2026-02-01\n");
    auto by_index = locate(reviews, *parse_field_path("reviews.reviews.1.date"));
    REQUIRE(by_index);
    CHECK(by_index->node->value == "2026-02-01");
    // An index is not a typo of another index: the message says which there are.
    const std::string past_end = path_error(reviews, "reviews.reviews.9.date");
    CHECK(past_end == "reviews.reviews has no item '9': its items are numbered 0 to 1");
    const Node empty = parse("reviews: []\n");
    const std::string none = path_error(empty, "reviews.reviews.0");
    CHECK(none == "reviews.reviews has no item '0': the list is empty");
}

TEST_CASE("set replaces exactly one scalar and keeps every other byte") {
    SUBCASE("plain, with a comment after it") {
        const std::string after = set_in(k_risks, "risks.R1.status", "closed");
        std::string expected = k_risks;
        expected.replace(expected.find("status: open"), 12, "status: closed");
        CHECK(after == expected);
    }
    SUBCASE("single-quoted value keeps its quotes and its trailing comment") {
        const std::string after = set_in(k_risks, "risks.R1.title", "Sponsor's: retiring");
        CHECK(after.find("    title: 'Sponsor''s: retiring'   # keep this comment\n") !=
              std::string::npos);
        // A line break only double quotes can carry.
        const std::string two_lines = set_in(k_risks, "risks.R1.title", "a\nb");
        CHECK(two_lines.find("    title: \"a\\nb\"   # keep this comment\n") != std::string::npos);
    }
    SUBCASE("double-quoted stays double-quoted, plain stays plain where it can") {
        CHECK(set_in(k_risks, "risks.R2.title", "Price peace").find("title: \"Price peace\"\n") !=
              std::string::npos);
        CHECK(set_in(k_risks, "risks.R2.status", "closed").find("status: closed\n") !=
              std::string::npos);
        // A number keeps its own form whatever the neighbours do.
        CHECK(set_in(k_risks, "risks.R2.impact", "5").find("impact: 5\n") != std::string::npos);
    }
    SUBCASE("an empty value gets one") {
        const std::string after = set_in(k_risks, "risks.R2.review", "2027-01-31");
        CHECK(after.ends_with("    review: 2027-01-31\n"));
    }
    SUBCASE("a missing key is inserted after the item's last line, block scalar included") {
        const std::string after = set_in(k_risks, "risks.R1.owner", "Dana");
        CHECK(after.find("      Twice.\n    owner: Dana\n\n  - id: R2\n") != std::string::npos);
    }
    SUBCASE("CRLF stays CRLF, a missing final newline stays missing") {
        const std::string crlf = "name: Acme\r\nstatus: active\r\ntier: key\r\nmanager: Dana";
        const std::string changed = set_in(crlf, "account.status", "at-risk");
        CHECK(changed == "name: Acme\r\nstatus: at-risk\r\ntier: key\r\nmanager: Dana");
        const std::string added = set_in(crlf, "account.mission", "Grow");
        CHECK(added == crlf + "\r\nmission: Grow");
    }
    SUBCASE("flow style") {
        const std::string flow = "position: {current: x, scope: y}\n";
        CHECK(set_in(flow, "account.position.scope", "z") == "position: {current: x, scope: z}\n");
    }
}

namespace {
Expected<std::string> set_block_in(const std::string& text, const std::string& path,
                                   const std::string& value) {
    const Node root = parse(text);
    auto p = parse_field_path(path);
    REQUIRE(p);
    auto at = locate(root, *p);
    REQUIRE(at);
    auto b = plan_set_block(text, *at, value);
    if (!b) return unexpected(b.error());
    const std::string after = b->edit.apply(text);
    const auto expected = expected_after_set(root, *p, b->reads_back);
    REQUIRE(expected);
    const auto diff = first_difference(*expected, parse(after));
    CHECK_MESSAGE(!diff, *diff);
    return after;
}
}  // namespace

TEST_CASE("set on a block scalar keeps its header and indentation") {
    // Several lines in a literal block, a comment on the header kept.
    const std::string lit =
        "risks:\n  - id: R1\n    mitigation: |  # how\n        old\n\n    status: open\n";
    auto two = set_block_in(lit, "risks.R1.mitigation", "first\n\n  indented\n");
    REQUIRE(two);
    CHECK(*two ==
          "risks:\n  - id: R1\n    mitigation: |  # how\n        first\n\n          "
          "indented\n\n    status: open\n");
    // The value is kept exactly: without a final line break, "|" becomes "|-".
    auto bare = set_block_in(lit, "risks.R1.mitigation", "first");
    REQUIRE(bare);
    CHECK(*bare ==
          "risks:\n  - id: R1\n    mitigation: |-  # how\n        first\n\n    status: open\n");
    auto back = set_block_in("mission: |-\n  a\n", "account.mission", "b\n");
    REQUIRE(back);
    CHECK(*back == "mission: |\n  b\n");
    // CRLF, as a list item, stripped, at the end of a file without a final newline.
    const std::string swot = "strengths:\r\n  - >-\r\n    a b\r\n    c";
    auto item = set_block_in(swot, "swot.strengths.0", "new text");
    REQUIRE(item);
    CHECK(*item == "strengths:\r\n  - >-\r\n    new text");
    // What the header cannot carry.
    const std::string folded = "mission: >\n  a\n";
    CHECK_FALSE(set_block_in(folded, "account.mission", "two\nlines"));
    CHECK_FALSE(set_block_in(folded, "account.mission", " leading"));
    CHECK_FALSE(set_block_in(folded, "account.mission", "trailing\n\n"));
    CHECK_FALSE(set_block_in(folded, "account.mission", ""));
    CHECK_FALSE(set_block_in("mission: |+\n  a\n\n", "account.mission", "x"));
    CHECK_FALSE(set_block_in("mission: |2\n    a\n", "account.mission", "x"));
}

TEST_CASE("values are typed by the schema and quoted when they would read back otherwise") {
    const Node root = parse(k_risks);
    const auto at = locate(root, *parse_field_path("risks.R1.likelihood"));
    REQUIRE(at);
    const auto refused = format_value(at->field, "likelihood", "7");
    REQUIRE_FALSE(refused);
    CHECK(refused.error().find("schema-range") != std::string::npos);
    CHECK_FALSE(format_value(at->field, "likelihood", "high"));

    const auto status = locate(root, *parse_field_path("risks.R1.status"));
    const auto bad_enum = format_value(status->field, "status", "opne");
    REQUIRE_FALSE(bad_enum);
    CHECK(bad_enum.error().find("did you mean 'open'") != std::string::npos);

    const auto title = locate(root, *parse_field_path("risks.R1.title"));
    for (const char* tricky : {"yes", "012", "1e3", "null", "*x", "#x", "2026-01-01"}) {
        const auto w = format_value(title->field, "title", tricky);
        REQUIRE(w);
        CHECK_MESSAGE(w->front() == '"', tricky);
        const std::string after = set_in(k_risks, "risks.R1.title", tricky);
        CHECK(locate(parse(after), *parse_field_path("risks.R1.title"))->node->value == tricky);
    }
    // A whole list item is not a single value.
    const auto item = locate(root, *parse_field_path("risks.R1"));
    REQUIRE(item);
    CHECK_FALSE(plan_set(k_risks, *item, "x"));
    const auto list = locate(root, *parse_field_path("risks.risks"));
    REQUIRE(list);
    const auto whole_list = format_value(list->field, "risks", "x");
    REQUIRE_FALSE(whole_list);
    CHECK(whole_list.error() ==
          "'risks' is a list of mappings, not a single value; set one of its items instead");
}

TEST_CASE("spans kam refuses to guess, and plain texts over several lines") {
    // A block scalar is plan_set_block's: plan_set leaves it alone.
    const std::string block = "background: |\n  Long story.\n";
    const Node root = parse(block);
    auto at = locate(root, *parse_field_path("account.background"));
    REQUIRE(at);
    CHECK_FALSE(plan_set(block, *at, "x"));
    // A plain text folded over lines becomes one line; the comment after it stays.
    CHECK(set_in("background: one\n  two\n\n  three   # c\nmission: m\n", "account.background",
                 "new") == "background: new   # c\nmission: m\n");
    CHECK(set_in("team:\n  - name: Ann\n      Lee\n    role: pm\n", "account.team.0.name", "Bo") ==
          "team:\n  - name: Bo\n    role: pm\n");
    CHECK(set_in("background: a\r\n  b\r\n", "account.background", "c") == "background: c\r\n");
    // A comment line inside the block: kam cannot tell the value's end, and says so.
    const std::string odd = "background: one\n  two\n  # note\nmission: m\n";
    const Node root3 = parse(odd);
    CHECK_FALSE(plan_set(odd, *locate(root3, *parse_field_path("account.background")), "x"));
}

TEST_CASE("unified diff of one change") {
    const std::string before = "a\nb\nc\nd\ne\nf\ng\nh\n";
    const std::string after = "a\nb\nc\nd\nE\nf\ng\nh\n";
    CHECK(unified_diff(before, after, "x.yaml") ==
          "--- a/x.yaml\n+++ b/x.yaml\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n");
    CHECK(unified_diff(before, before, "x.yaml").empty());
    CHECK(unified_diff("a", "b", "x").find("\\ No newline at end of file") != std::string::npos);
}

TEST_CASE("unified diff keeps the \\r of CRLF lines, so patch(1) applies it") {
    CHECK(unified_diff("a\r\nb\r\n", "a\r\nB\r\n", "x.yaml") ==
          "--- a/x.yaml\n+++ b/x.yaml\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+B\r\n");
}

TEST_CASE("property: random sets on the example portfolio change only the edited lines") {
    // Every scalar of every example file, set to a new value of its own type:
    // the result re-parses, equals the old tree but for that value, and
    // differs from the old text in exactly one line.
    namespace fs = std::filesystem;
    std::mt19937 rng(20261123);
    size_t edits = 0;
    for (const auto& entry : fs::recursive_directory_iterator(std::string(KAM_SOURCE_DIR) +
                                                              "/examples/portfolio/accounts")) {
        if (entry.path().extension() != ".yaml") continue;
        const std::string section = entry.path().stem().string();
        const std::string text = kam::test::read_text(entry.path().string());
        const Node root = parse(text);
        // Collect paths of plain or quoted single-line scalars in mappings.
        std::vector<std::string> paths;
        std::function<void(const Node&, const std::string&)> walk = [&](const Node& n,
                                                                        const std::string& at) {
            if (n.is_mapping()) {
                for (const Entry& e : n.entries) walk(e.value, at + "." + e.key);
            } else if (n.is_sequence()) {
                for (size_t i = 0; i < n.items.size(); ++i) {
                    const Node* id = n.items[i].is_mapping() ? n.items[i].find("id") : nullptr;
                    walk(n.items[i], at + "." + (id ? id->value : std::to_string(i)));
                }
            } else if (n.is_scalar() && n.style != ScalarStyle::literal &&
                       n.style != ScalarStyle::folded && n.value.find('\n') == std::string::npos) {
                paths.push_back(at);
            }
        };
        walk(root, section);
        std::shuffle(paths.begin(), paths.end(), rng);
        for (size_t k = 0; k < paths.size() && k < 12; ++k) {
            auto p = parse_field_path(paths[k]);
            if (!p) continue;
            auto at = locate(root, *p);
            if (!at || !at->node || !at->field) continue;  // swot items, id lists by index...
            std::string value;
            switch (at->field->type) {
                case FieldType::text:
                    value = "Edited: value #" + std::to_string(k);
                    break;
                case FieldType::date:
                    value = "2027-02-28";
                    break;
                case FieldType::money:
                    value = "1234.50";
                    break;
                case FieldType::integer:
                    value = at->field->has_range() ? "1" : "12";
                    break;
                case FieldType::number:
                    value = "2.5";
                    break;
                case FieldType::percent:
                    value = "42";
                    break;
                case FieldType::boolean:
                    value = at->node->value == "true" ? "false" : "true";
                    break;
                case FieldType::enumeration:
                    value = std::string(at->field->values.back());
                    break;
                default:
                    continue;
            }
            if (value == at->node->value) continue;  // not a change
            const std::string after = set_in(text, paths[k], value);
            const auto diff = unified_diff(text, after, "f");
            size_t minus = 0, plus = 0;
            std::istringstream lines(diff);
            for (std::string line; std::getline(lines, line);) {
                if (line.starts_with("-") && !line.starts_with("---")) ++minus;
                if (line.starts_with("+") && !line.starts_with("+++")) ++plus;
            }
            CHECK_MESSAGE(minus <= 1, paths[k]);
            CHECK_MESSAGE(plus == 1, paths[k]);
            ++edits;
        }
    }
    CHECK(edits > 100);
}

TEST_CASE("replace_if_unchanged refuses a changed file and writes an unchanged one") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("kam-edit-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::string file = (dir / "risks.yaml").string();
    { std::ofstream(file) << "risks:\n"; }

    kam::RealFileSystem disk;
    auto changed = replace_if_unchanged(disk, file, "something else\n", "x\n");
    REQUIRE_FALSE(changed);
    CHECK(changed.status() == WriteStatus::changed);
    CHECK(changed.error().find("changed while") != std::string::npos);

    REQUIRE(replace_if_unchanged(disk, file, "risks:\n", "risks: []\n"));
    std::ifstream in(file);
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(content == "risks: []\n");
    fs::remove_all(dir);
}

TEST_CASE("a change made in the last instant before the rename is kept, not lost") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("kam-window-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::string file = (dir / "risks.yaml").string();
    { std::ofstream(file) << "risks:\n"; }
    auto read = [](const std::string& path) {
        std::ifstream in(path);
        return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    };
    // Another program appends after kam's last compare, as `echo >> file` would.
    WriteWindowHook append = [&] { std::ofstream(file, std::ios::app) << "# appended\n"; };
    std::string kept_in;
    kam::RealFileSystem disk;
    REQUIRE(replace_if_unchanged(disk, file, "risks:\n", "risks: []\n", append, &kept_in));
    CHECK(read(file) == "risks: []\n");  // the edit is in place
    // ... and the other program's version is kept beside it.
    CHECK(kept_in.starts_with(file + ".kam-lost-"));
    CHECK(read(kept_in) == "risks:\n# appended\n");
    // Without a concurrent change, nothing is kept.
    kept_in.clear();
    REQUIRE(replace_if_unchanged(disk, file, "risks: []\n", "risks:\n", {}, &kept_in));
    CHECK(kept_in.empty());
    fs::remove_all(dir);
}

TEST_CASE("replace_if_unchanged on the in-memory file system: refused, written, kept") {
    kam::MemoryFileSystem mem;
    mem.add_file("p/risks.yaml", "risks:\n");
    const auto changed = replace_if_unchanged(mem, "p/risks.yaml", "other\n", "x\n");
    CHECK(changed.status() == WriteStatus::changed);
    CHECK(mem.replaced().empty());
    CHECK(mem.files().size() == 1);  // no temporary file was even made

    WriteWindowHook append = [&] { mem.add_file("p/risks.yaml", "risks:\n# appended\n"); };
    std::string kept_in;
    REQUIRE(replace_if_unchanged(mem, "p/risks.yaml", "risks:\n", "risks: []\n", append, &kept_in));
    CHECK(*mem.read_file("p/risks.yaml", 100) == "risks: []\n");
    CHECK(mem.replaced() == std::vector<std::string>{"p/risks.yaml"});
    REQUIRE(kept_in.starts_with("p/risks.yaml.kam-lost-"));
    CHECK(*mem.read_file(kept_in, 100) == "risks:\n# appended\n");

    const auto created = create_file(mem, "p/new.yaml", "a: 1\n");
    REQUIRE(created);
    const auto again = create_file(mem, "p/new.yaml", "a: 2\n");
    CHECK(again.status() == WriteStatus::exists);
    CHECK(again.error() == "p/new.yaml was created while kam was editing it");
    CHECK(*mem.read_file("p/new.yaml", 100) == "a: 1\n");
}

TEST_CASE("a write that fails half way, or whose rename fails, leaves the old file whole") {
    kam::MemoryFileSystem mem;
    mem.add_file("p/risks.yaml", "risks:\n");
    mem.fail_write("p/risks.yaml", 3);
    const auto half = replace_if_unchanged(mem, "p/risks.yaml", "risks:\n", "risks: []\n");
    CHECK(half.status() == WriteStatus::failed);  // the machine's fault: exit 4
    CHECK_FALSE(half.refused());
    CHECK(half.error() == "cannot write p/risks.yaml: No space left on device");
    CHECK(mem.files() == std::map<std::string, std::string>{{"p/risks.yaml", "risks:\n"}});
    CHECK(mem.created().size() == 1);       // the temporary file, written in part ...
    CHECK(mem.removed() == mem.created());  // ... and removed again

    kam::MemoryFileSystem mem2;
    mem2.add_file("p/risks.yaml", "risks:\n");
    mem2.fail_rename("p/risks.yaml");
    const auto no_rename = replace_if_unchanged(mem2, "p/risks.yaml", "risks:\n", "risks: []\n");
    CHECK(no_rename.status() == WriteStatus::failed);
    CHECK(mem2.files() == std::map<std::string, std::string>{{"p/risks.yaml", "risks:\n"}});
    CHECK(mem2.replaced().empty());
    CHECK_THROWS_AS(throw_unless_written(no_rename), kam::EnvironmentError);
    CHECK_THROWS_AS(throw_unless_written(replace_if_unchanged(mem2, "p/risks.yaml", "x", "y")),
                    kam::UsageError);
}

namespace {
std::string remove_in(const std::string& text, const std::string& path) {
    const Node root = parse(text);
    auto p = parse_field_path(path);
    REQUIRE_MESSAGE(p, p.error());
    auto at = locate(root, *p);
    REQUIRE_MESSAGE(at, at.error());
    auto edit = plan_remove(text, *at);
    REQUIRE_MESSAGE(edit, edit.error());
    const std::string after = edit->apply(text);
    const auto expected = expected_after_remove(root, *p);
    REQUIRE(expected);
    CHECK_MESSAGE(same_tree(parse(after), *expected), path);
    return after;
}
}  // namespace

TEST_CASE("rm removes one item or key with its own comments and nothing else") {
    const std::string no_r1 = remove_in(k_risks, "risks.R1");
    CHECK(no_r1 ==
          "# Risk register\n"
          "risks:\n"
          "  - id: R2\n"
          "    title: \"Price war\"\n"
          "    likelihood: 2\n"
          "    impact: 2\n"
          "    status: accepted\n"
          "    review:\n");
    // A key with a block scalar goes whole; the comment on another line stays.
    const std::string no_mitigation = remove_in(k_risks, "risks.R1.mitigation");
    CHECK(no_mitigation.find("Meet the successor") == std::string::npos);
    CHECK(no_mitigation.find("    status: open\n\n  - id: R2\n") != std::string::npos);
    // The last item: the file ends where it did.
    const std::string no_r2 = remove_in(k_risks, "risks.R2");
    CHECK(no_r2.ends_with("      Twice.\n\n"));
    // CRLF and a missing final newline.
    const std::string crlf = "name: Acme\r\n# why\r\nmission: x\r\ntier: key";
    CHECK(remove_in(crlf, "account.mission") == "name: Acme\r\ntier: key");
    // The first key of an item cannot go alone.
    const Node root = parse(k_risks);
    CHECK_FALSE(plan_remove(k_risks, *locate(root, *parse_field_path("risks.R1.id"))));
    // Flow style: the element and one separator.
    const std::string flow = "tags: [a, 'b, c', d]  # note\n";
    CHECK(remove_in(flow, "account.tags.0") == "tags: ['b, c', d]  # note\n");
    CHECK(remove_in(flow, "account.tags.1") == "tags: [a, d]  # note\n");
    CHECK(remove_in(flow, "account.tags.2") == "tags: [a, 'b, c']  # note\n");
    CHECK(remove_in("tags: [ a ]\n", "account.tags.0") == "tags: []\n");
    const std::string multi = "tags: [\n  a,\n  b,\n]\n";
    CHECK(remove_in(multi, "account.tags.0") == "tags: [\n  b,\n]\n");
    const std::string map = "position: {current: x, scope: \"y, z\"}\n";
    CHECK(remove_in(map, "account.position.current") == "position: {scope: \"y, z\"}\n");
    CHECK(remove_in(map, "account.position.scope") == "position: {current: x}\n");
}

TEST_CASE("property: removing any list item of the example portfolio verifies") {
    namespace fs = std::filesystem;
    size_t removals = 0;
    for (const auto& entry : fs::recursive_directory_iterator(std::string(KAM_SOURCE_DIR) +
                                                              "/examples/portfolio/accounts")) {
        if (entry.path().extension() != ".yaml") continue;
        const std::string text = kam::test::read_text(entry.path().string());
        const Node root = parse(text);
        const std::string section = entry.path().stem().string();
        for (const Entry& e : root.entries) {
            if (!e.value.is_sequence() || e.value.flow) continue;
            for (size_t i = 0; i < e.value.items.size(); ++i) {
                const Node* id =
                    e.value.items[i].is_mapping() ? e.value.items[i].find("id") : nullptr;
                const std::string path =
                    section + "." + e.key + "." + (id ? id->value : std::to_string(i));
                const std::string after = remove_in(text, path);  // checks the tree
                CHECK(after.size() < text.size());
                ++removals;
            }
        }
    }
    CHECK(removals > 150);
}

TEST_CASE("next id follows the list's own style") {
    CHECK(next_id({}, "R") == "R1");
    CHECK(next_id({"R1", "R2"}, "R") == "R3");
    CHECK(next_id({"R1", "R7", "R3"}, "R") == "R8");
    CHECK(next_id({"RISK-001", "RISK-009"}, "R") == "RISK-010");
    CHECK(next_id({"OPP-118", "OPP-121"}, "O") == "OPP-122");
    CHECK(next_id({"C-0099"}, "C") == "C-0100");
    // Mixed styles, or years: the next id must not borrow another record's meaning.
    CHECK(next_id({"MSA-2019", "SUB-APM-2024"}, "C") == "C3");
    CHECK(next_id({"MSA-2022", "SOW-OT-2026"}, "C") == "C3");
    CHECK(next_id({"MSA-2022"}, "C") == "C2");
    CHECK(next_id({"C1", "MSA-2022", "C3"}, "C") == "C4");
    CHECK(next_id({"RISK-001"}, "R") == "RISK-002");
    CHECK(next_id({"R2024"}, "R") == "R2025");
    CHECK(next_id({"alpha"}, "R") == "R1");
    CHECK(next_id({"R1", "R2", "R3"}, "R") == "R4");
}

TEST_CASE("set creates the sub-mappings a path runs through, in the file's own indentation") {
    SUBCASE("two spaces, after the record's last line") {
        const std::string before =
            "opportunities:\n"
            "  - id: O1\n"
            "    title: Renewal\n"
            "    stage: lead\n"
            "\n"
            "  # the next one\n"
            "  - id: O2\n"
            "    title: Upsell\n"
            "    stage: lead\n";
        const std::string after = set_in(before, "sales.O1.qualification.budget", "true");
        CHECK(after ==
              "opportunities:\n"
              "  - id: O1\n"
              "    title: Renewal\n"
              "    stage: lead\n"
              "    qualification:\n"
              "      budget: true\n"
              "\n"
              "  # the next one\n"
              "  - id: O2\n"
              "    title: Upsell\n"
              "    stage: lead\n");
    }
    SUBCASE("four spaces, CRLF and no final newline") {
        const std::string before = "industry: Food\r\nhistory:\r\n    note: x\r\nsize: big";
        const std::string after = set_in(before, "profile.procurement.next_tender", "2027-01-31");
        CHECK(after ==
              "industry: Food\r\nhistory:\r\n    note: x\r\nsize: big\r\n"
              "procurement:\r\n    next_tender: 2027-01-31");
    }
    SUBCASE("a key the sub-mapping cannot have, or a list, is refused with a reason") {
        const Node root = parse("opportunities:\n  - id: O1\n    title: T\n");
        const std::string typo = path_error(root, "sales.O1.qualification.budgte");
        CHECK(typo == "sales.O1.qualification has no key 'budgte'; did you mean 'budget'?");
        const Node contracts = parse("contracts:\n  - id: C1\n    title: T\n");
        const std::string list = path_error(contracts, "contracts.C1.slas.S1.target");
        CHECK(list == "contracts.C1 has no 'slas' yet; kam add creates its items");
        const std::string too_deep = path_error(root, "sales.O1.qualification.budget.x");
        CHECK(too_deep ==
              "sales.O1.qualification.budget is a boolean (true or false); it has no 'x'");
    }
}
