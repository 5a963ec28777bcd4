// The strict loader of the format's section 2: every hazard is refused with
// the right rule at the right line:column, and normal documents keep exact
// positions and scalar styles. Each hazard also lives as a file in
// tests/hazards/ (written by tests/hazards/make.sh), which seeds the fuzzer.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "kam/check/rules.hpp"
#include "kam/io/line_index.hpp"
#include "kam/io/yaml_loader.hpp"
#include "kam/util/diagnostic.hpp"
#include "test_files.hpp"

using namespace kam;

namespace {

struct Loaded {
    std::optional<Node> root;
    std::vector<Diagnostic> findings;
};

Loaded load(std::string_view text) {
    DiagnosticSink sink("test.yaml");
    Loaded out;
    out.root = load_yaml(text, sink, default_event_source());
    out.findings = sink.take();
    return out;
}

bool contains(const std::string& haystack, std::string_view needle) {
    return haystack.find(needle) != std::string::npos;
}

// Loads `text` and expects exactly one finding, of `rule` at line:column, and no tree.
Diagnostic refused(std::string_view text, Rule rule, uint32_t line, uint32_t column) {
    const Loaded l = load(text);
    CHECK_FALSE(l.root.has_value());
    REQUIRE(l.findings.size() == 1);
    const Diagnostic& d = l.findings.front();
    CHECK(d.rule == rule);
    CHECK(d.line == line);
    CHECK(d.column == column);
    CHECK(d.path == "test.yaml");
    CHECK_FALSE(d.message.empty());
    return d;
}

// Loads `text` and expects a mapping with no findings.
Node accepted(std::string_view text) {
    Loaded l = load(text);
    for (const Diagnostic& d : l.findings)
        FAIL_CHECK(d.rule << " " << d.line << ":" << d.column << " " << d.message);
    REQUIRE(l.root.has_value());
    CHECK(l.root->is_mapping());
    return std::move(*l.root);
}

const Node& at(const Node& map, std::string_view key) {
    const Node* n = map.find(key);
    REQUIRE_MESSAGE(n != nullptr, std::string(key));
    return *n;
}

std::string repeat(std::string_view s, size_t n) {
    std::string out;
    out.reserve(s.size() * n);
    for (size_t i = 0; i < n; ++i) out += s;
    return out;
}

// k0:\n  k1:\n    k2: ... with `levels` nested mappings, the last holding "v".
std::string deep_block(size_t levels) {
    std::string out;
    for (size_t i = 0; i < levels; ++i) {
        out += std::string(2 * i, ' ') + "k" + std::to_string(i) + ":";
        out += i + 1 == levels ? " v\n" : "\n";
    }
    return out;
}

}  // namespace

// ---------------------------------------------------------------------------
// Structural hazards

TEST_CASE("a duplicate key is an error naming both lines") {
    const Diagnostic d =
        refused("name: Acme\nstatus: active\nname: Acme GmbH\n", Rule::yaml_duplicate_key, 3, 1);
    CHECK(contains(d.message, "'name'"));
    CHECK(contains(d.message, "line 1"));

    const Diagnostic nested = refused("position:\n  current: x\n  scope: y\n  current: z\n",
                                      Rule::yaml_duplicate_key, 4, 3);
    CHECK(contains(nested.message, "line 2"));

    refused("tags: {a: 1, a: 2}\n", Rule::yaml_duplicate_key, 1, 14);
    // Quoting does not make a key different.
    refused("a: 1\n'a': 2\n", Rule::yaml_duplicate_key, 2, 1);
    // Keys differing in case are different keys; equal keys in different mappings are fine.
    accepted("a: 1\nA: 2\n");
    accepted("x:\n  name: 1\ny:\n  name: 2\nname: 3\n");
}

TEST_CASE("a duplicate key in a large mapping is still found, with its first line") {
    std::string text;
    for (int i = 0; i < 40; ++i)
        text += "key" + std::to_string(i) + ": " + std::to_string(i) + "\n";
    text += "key7: again\n";  // key7 is on line 8
    const Diagnostic d = refused(text, Rule::yaml_duplicate_key, 41, 1);
    CHECK(contains(d.message, "line 8"));
}

TEST_CASE("anchors, aliases and merge keys are refused") {
    const Diagnostic anchor = refused("name: &n Acme\nmanager: Dana\n", Rule::yaml_alias, 1, 7);
    CHECK(contains(anchor.message, "anchor"));
    // An alias needs an anchor first: the anchor is what is reported.
    refused("name: &n Acme\nmanager: *n\n", Rule::yaml_alias, 1, 7);
    // An anchor on a collection.
    refused("a: &x\n  b: 1\n", Rule::yaml_alias, 1, 4);
    refused("x: [a, b]\ny: &anchor\n", Rule::yaml_alias, 2, 4);
    // An alias to nothing is still an alias: the rule that forbids aliases says so, at the alias.
    const Diagnostic undefined = refused("name: Acme\nmanager: *n\n", Rule::yaml_alias, 2, 10);
    CHECK(contains(undefined.message, "aliases"));

    const Diagnostic merge = refused("name: Acme\n<<: {status: active}\n", Rule::yaml_alias, 2, 1);
    CHECK(contains(merge.message, "<<"));
    // A quoted "<<" is just a key.
    const Node root = accepted("\"<<\": 1\n");
    CHECK(root.entries.at(0).key == "<<");
}

TEST_CASE("exactly one document per file") {
    const Diagnostic d = refused("name: Acme\n---\nname: Other\n", Rule::yaml_syntax, 2, 1);
    CHECK(contains(d.message, "second document"));
    refused("name: Acme\n---\n", Rule::yaml_syntax, 2, 1);
    // yaml-cpp silently starts a second document here; kam must not.
    const Diagnostic silent = refused("- a\nb: 1\n", Rule::yaml_syntax, 2, 1);
    CHECK(contains(silent.message, "'b'"));
    refused("- a\n- b\nc: 1\n", Rule::yaml_syntax, 3, 1);
    // A lone comma would make yaml-cpp report endless empty documents.
    refused(",", Rule::yaml_syntax, 1, 1);
    refused(", a", Rule::yaml_syntax, 1, 1);
    // An explicit start marker and an end marker around one document are fine.
    const Node one = accepted("---\nname: Acme\n...\n");
    CHECK(at(one, "name").value == "Acme");
    CHECK(one.mark.line == 2);
    accepted("%YAML 1.2\n---\nname: Acme\n");
    accepted("# c\n%YAML 1.1 # old\n---\nname: Acme\n");
    // Found by kam_fuzz_yaml_differential: yaml-cpp skipped "%!%", libyaml
    // refused it. No other directive means anything in an account file.
    refused("%!%", Rule::yaml_syntax, 1, 1);
    refused(" \n%\n", Rule::yaml_syntax, 2, 1);
    refused("---\n%\n", Rule::yaml_syntax, 2, 1);
    refused("a: 1\n%b: 2\n", Rule::yaml_syntax, 2, 1);
    // After a block scalar, too (found by kam_fuzz_yaml_differential:
    // yaml-cpp dropped the line, libyaml refused it).
    refused("a: |\n  x\n%b: 1\n", Rule::yaml_syntax, 3, 1);
    refused("s: >\n    x\n\n%  due: 1\n", Rule::yaml_syntax, 4, 1);
    CHECK(at(accepted("a: |\n  x\n  %b: 1\n"), "a").value == "x\n%b: 1\n");
    refused("# c\n%TAG ! tag:x,2026:\n---\nname: Acme\n", Rule::yaml_syntax, 2, 1);
    refused("%YAML 1.2\n%FOO bar\n---\nname: Acme\n", Rule::yaml_syntax, 2, 1);
    // Found by kam_fuzz_yaml_differential: an end marker before the document
    // (yaml-cpp read an empty document, libyaml 0.2.5 refused it).
    const Diagnostic end = refused("...\n", Rule::yaml_syntax, 1, 1);
    CHECK(contains(end.message, "'...'"));
    refused("# c\n\n... # x\nname: Acme\n", Rule::yaml_syntax, 3, 1);
    refused("...\n---\nname: Acme\n", Rule::yaml_syntax, 1, 1);
    refused("%YAML 1.2\n...\n", Rule::yaml_syntax, 2, 1);
    CHECK(at(accepted("...x: 1\n"), "...x").value == "1");
    accepted("---\n...\n");
}

TEST_CASE("an unterminated quote is an error, not a value that swallows the file") {
    const Diagnostic dq =
        refused("name: \"Acme\nstatus: active\nmanager: Dana\n", Rule::yaml_syntax, 1, 7);
    CHECK(contains(dq.message, "never closed"));
    refused("name: 'Acme\nstatus: active\nmanager: Dana\n", Rule::yaml_syntax, 1, 7);
    refused("a: '\n", Rule::yaml_syntax, 1, 4);
    // An escaped backslash before the end of the text leaves the quote open.
    refused("a: \"x\\\\\nb: 1\n", Rule::yaml_syntax, 1, 4);
    // A doubled single quote is a quote inside the string, not its end.
    refused("a: 'it''\nb: 1\n", Rule::yaml_syntax, 1, 4);
    // Properly closed quotes, with escapes, across lines.
    const Node ok = accepted("a: 'don''t'\nb: \"esc \\\" q\"\nc: \"x\\\\\"\nd: \"one\n  two\"\n");
    CHECK(at(ok, "a").value == "don't");
    CHECK(at(ok, "b").value == "esc \" q");
    CHECK(at(ok, "c").value == "x\\");
    CHECK(at(ok, "d").value == "one two");
}

TEST_CASE("quoted_scalar_end finds the closing quote") {
    CHECK(quoted_scalar_end("\"abc\" x", 0) == 5u);
    CHECK(quoted_scalar_end("'it''s' x", 0) == 7u);
    CHECK(quoted_scalar_end("\"a\\\"b\"", 0) == 6u);  // "a\"b"
    CHECK(quoted_scalar_end("\"a\\\\\"", 0) == 5u);   // "a\\"
    CHECK(quoted_scalar_end("x: 'a'\n", 3) == 6u);
    CHECK(quoted_scalar_end("''", 0) == 2u);
    CHECK(quoted_scalar_end("\"\"", 0) == 2u);
    CHECK(quoted_scalar_end("'a\"b'", 0) == 5u);  // the other quote does not count
    CHECK(quoted_scalar_end("\"a'b\"", 0) == 5u);
    CHECK(quoted_scalar_end("\"line\n  two\"", 0) == 12u);
    CHECK_FALSE(quoted_scalar_end("\"abc", 0));
    CHECK_FALSE(quoted_scalar_end("'abc''", 0));     // '' is an escaped quote
    CHECK_FALSE(quoted_scalar_end("\"abc\\\"", 0));  // \" is an escaped quote
    CHECK_FALSE(quoted_scalar_end("'", 0));
}

TEST_CASE("tabs: refused as indentation, fine inside quoted strings and block scalars") {
    const Diagnostic d = refused("position:\n\tcurrent: x\n", Rule::yaml_syntax, 2, 1);
    CHECK(contains(d.message, "tab"));
    refused("tags:\n\t- a\n", Rule::yaml_syntax, 2, 1);
    refused("a: 1\n\tb: 1\n", Rule::yaml_syntax, 2, 1);
    refused("a:\n  \tb: 1\n", Rule::yaml_syntax, 2, 1);  // a tab after spaces is still indentation
    // A line in a folded scalar that is indented with a tab ends the scalar: an error.
    refused("a: >\n  x\n\t y\nb: 1\n", Rule::yaml_syntax, 3, 1);

    const Node q = accepted("name: \"Acme\tGmbH\"\nnote: \"first\n\tsecond\"\nsingle: 'a\n\tb'\n");
    CHECK(at(q, "name").value == "Acme\tGmbH");
    CHECK(at(q, "note").value == "first second");
    CHECK(at(q, "single").value == "a b");

    const Node b =
        accepted("mission: |\n  Serve them well.\n  \tIndented with a tab.\nstatus: active\n");
    CHECK(at(b, "mission").value == "Serve them well.\n\tIndented with a tab.\n");
    CHECK(at(b, "status").value == "active");
    // The block scalar as the last node of the file.
    const Node last = accepted("status: active\nmission: |\n  a\n  \tb\n");
    CHECK(at(last, "mission").value == "a\n\tb\n");
    // A tab after the value or in a comment is not indentation.
    accepted("a: 1\t# comment\n# a\ttab\n");
}

TEST_CASE("nesting: 64 levels load, 65 are refused (flow and block)") {
    // The top-level mapping is the first level.
    const Node flow64 = accepted("a: " + repeat("[", 63) + repeat("]", 63) + "\n");
    const Node* n = &at(flow64, "a");
    int depth = 1;
    while (n->is_sequence()) {
        ++depth;
        n = n->items.empty() ? nullptr : &n->items.front();
        if (!n) break;
    }
    CHECK(depth == 64);
    const Diagnostic flow65 =
        refused("a: " + repeat("[", 64) + repeat("]", 64) + "\n", Rule::yaml_limit, 1, 67);
    CHECK(contains(flow65.message, "64"));

    // A bare flow list at the top: 64 levels parse (and then it is not a mapping), 65 do not.
    refused(repeat("[", 64) + repeat("]", 64) + "\n", Rule::schema_type, 1, 1);
    refused(repeat("[", 65) + repeat("]", 65) + "\n", Rule::yaml_limit, 1, 65);

    accepted(deep_block(64));
    // The 65th mapping starts at key k64, on line 65 after 128 spaces.
    refused(deep_block(65), Rule::yaml_limit, 65, 129);

    // Far deeper input is refused the same way, without a crash.
    const Loaded very_deep = load("a: " + repeat("[", 100000));
    CHECK_FALSE(very_deep.root.has_value());
    REQUIRE(very_deep.findings.size() == 1);
    CHECK(very_deep.findings[0].rule == Rule::yaml_limit);
    const Loaded very_deep_map = load(repeat("{a: ", 100000));
    CHECK_FALSE(very_deep_map.root.has_value());
    REQUIRE(very_deep_map.findings.size() == 1);
    CHECK(very_deep_map.findings[0].rule == Rule::yaml_limit);
}

TEST_CASE("a file over 4 MiB is refused before parsing") {
    std::string big(k_max_file_bytes + 1, ' ');
    big.replace(0, 5, "a: 1\n");
    const Diagnostic d = refused(big, Rule::yaml_limit, 1, 1);
    CHECK(contains(d.message, "4 MiB"));

    // Exactly 4 MiB is not over the limit: the (cheap) encoding check runs and
    // reports its own finding instead.
    std::string limit(k_max_file_bytes, 'x');
    limit[0] = '\xff';
    refused(limit, Rule::yaml_encoding, 1, 1);
}

// ---------------------------------------------------------------------------
// Encoding

TEST_CASE("invalid UTF-8 is a yaml-encoding finding at its line and column") {
    const Diagnostic d = refused("name: Acme\nmanager: M\xfcller\n", Rule::yaml_encoding, 2, 11);
    CHECK(contains(d.message, "0xFC"));
    refused("name: \xc0\xae\n", Rule::yaml_encoding, 1, 7);          // overlong
    refused("name: \xe0\x80\x80\n", Rule::yaml_encoding, 1, 7);      // overlong
    refused("name: \xed\xa0\x80\n", Rule::yaml_encoding, 1, 7);      // surrogate
    refused("name: \xf4\x90\x80\x80\n", Rule::yaml_encoding, 1, 7);  // past U+10FFFF
    refused("name: Caf\xc3", Rule::yaml_encoding, 1, 10);            // truncated at the end
    refused("name: \x80x\n", Rule::yaml_encoding, 1, 7);             // stray continuation
    // The column counts code points: é is one column.
    refused("a: \xc3\xa9\xff\n", Rule::yaml_encoding, 1, 5);
    // UTF-16 with its byte order mark is not UTF-8.
    refused(std::string_view("\xff\xfen\0a\0", 6), Rule::yaml_encoding, 1, 1);
}

TEST_CASE("NUL bytes and bare carriage returns are refused") {
    const Diagnostic nul =
        refused(std::string_view("name: Acme\nmanager: \0\n", 23), Rule::yaml_encoding, 2, 10);
    CHECK(contains(nul.message, "NUL"));
    refused(std::string_view("\0", 1), Rule::yaml_encoding, 1, 1);
    const Diagnostic cr = refused("name: Acme\rstatus: active\n", Rule::yaml_encoding, 1, 11);
    CHECK(contains(cr.message, "carriage return"));
    refused("a: 1\r", Rule::yaml_encoding, 1, 5);
    refused("a: 1\r\nb: 2\r\rc: 3\n", Rule::yaml_encoding, 2, 5);
}

TEST_CASE("a BOM and CRLF line ends are accepted, with correct positions") {
    const Node root =
        accepted("\xef\xbb\xbfname: Acme\r\nstatus: active\r\nposition:\r\n  current: x\r\n");
    CHECK(root.entries.size() == 3);
    CHECK(root.entries[0].key == "name");  // no BOM in the key
    CHECK(root.entries[0].key_mark.line == 1);
    CHECK(root.entries[0].key_mark.column == 1);
    CHECK(at(root, "name").value == "Acme");  // no \r in values
    CHECK(at(root, "status").value == "active");
    CHECK(at(root, "status").mark.line == 2);
    CHECK(at(root, "status").mark.column == 9);
    const Node& current = at(at(root, "position"), "current");
    CHECK(current.value == "x");
    CHECK(current.mark.line == 4);
    CHECK(current.mark.column == 12);

    // Findings in a CRLF file name the right lines too.
    refused("a: 1\r\nb: 2\r\na: 3\r\n", Rule::yaml_duplicate_key, 3, 1);
    refused(
        "\xef\xbb\xbf"
        "a: 1\nb: 2\nb: 3\n",
        Rule::yaml_duplicate_key, 3, 1);

    // Quoted and block scalars spanning CRLF lines.
    const Node multi = accepted("a: 1\r\nb: \"x\r\n  y\"\r\nc: |\r\n  l1\r\n  l2\r\n");
    CHECK(at(multi, "b").value == "x y");
    CHECK(at(multi, "c").value == "l1\nl2\n");
    CHECK(at(multi, "c").mark.line == 4);

    // A BOM alone is an empty file.
    const Node bom_only = accepted("\xef\xbb\xbf");
    CHECK(bom_only.entries.empty());
}

TEST_CASE("a second BOM after the first does not shift positions") {
    // yaml-cpp drops a BOM at the start of what it is given; after kam removed
    // the first one, a second one must not make every offset 3 bytes short.
    const Loaded l = load(
        "\xef\xbb\xbf\xef\xbb\xbf"
        "a: 1\nb: 2\nb: 3\n");
    CHECK_FALSE(l.root.has_value());
    REQUIRE(l.findings.size() == 1);
    const Diagnostic& d = l.findings[0];
    CAPTURE(d.rule);
    CAPTURE(d.line);
    CAPTURE(d.column);
    CAPTURE(d.message);
    // Either the stray U+FEFF is refused where it stands, or the duplicate is
    // reported where it is: line 3, first defined at line 2.
    const bool refused_bom = d.line == 1 && d.column == 1;
    const bool right_place = d.rule == Rule::yaml_duplicate_key && d.line == 3 && d.column == 1 &&
                             contains(d.message, "line 2");
    CHECK((refused_bom || right_place));
}

// ---------------------------------------------------------------------------
// The top level

TEST_CASE("the top level must be a mapping") {
    const Diagnostic list = refused("- name: Acme\n", Rule::schema_type, 1, 1);
    CHECK(contains(list.message, "list"));
    refused("Acme\n", Rule::schema_type, 1, 1);
    refused("\"Acme\"\n", Rule::schema_type, 1, 1);
    refused("[a, b]\n", Rule::schema_type, 1, 1);
    refused("# comment\n- a\n", Rule::schema_type, 2, 1);
    // An explicit null is written on purpose: refused, unlike an empty file.
    const Diagnostic tilde = refused("~\n", Rule::schema_type, 1, 1);
    CHECK(contains(tilde.message, "null"));
    refused("null\n", Rule::schema_type, 1, 1);
    refused("# c\n~\n", Rule::schema_type, 2, 1);
    // A flow mapping at the top is a mapping.
    const Node flow = accepted("{a: 1}\n");
    CHECK(flow.flow);
    CHECK(at(flow, "a").value == "1");
}

TEST_CASE("an empty file, or one with only comments, is an empty mapping") {
    for (const char* text : {"", "\n\n", "   \n", "# nothing here yet\n", "# a\n\n   # b\n",
                             "---\n", "# only a comment, no newline"}) {
        CAPTURE(text);
        const Node root = accepted(text);
        CHECK(root.entries.empty());
    }
}

TEST_CASE("explicit tags and complex keys are refused") {
    const Diagnostic tag = refused("name: !!str 2027\n", Rule::yaml_syntax, 1, 7);
    CHECK(contains(tag.message, "tag"));
    refused("name: !custom Acme\n", Rule::yaml_syntax, 1, 7);
    refused("a: !!map {b: 1}\n", Rule::yaml_syntax, 1, 4);
    refused("a: !!seq [1]\n", Rule::yaml_syntax, 1, 4);
    refused("!!str a: 1\n", Rule::yaml_syntax, 1, 1);

    const Diagnostic complex = refused("? [a]\n: 1\n", Rule::yaml_syntax, 1, 3);
    CHECK(contains(complex.message, "key"));
    refused("[a, b]: 1\n", Rule::yaml_syntax, 1, 1);
    refused("a:\n  {x: 1}: 2\n", Rule::yaml_syntax, 2, 3);
    refused(": 1\n", Rule::yaml_syntax, 1, 1);                // an empty key
    refused("? \n: 1\n", Rule::yaml_syntax, 1, 1);            // an empty explicit key, at its '?'
    refused("? 0a\n", Rule::yaml_syntax, 1, 1);               // an explicit key with no ': value'
    refused("? |\n  block\n: 1\n", Rule::yaml_syntax, 1, 3);  // a block scalar as a key
    refused("? |", Rule::yaml_syntax, 1, 3);
    refused("x: 1\n? 'a b'\n# c\ny: 2\n", Rule::yaml_syntax, 2, 1);
    // A line starting with ':' and no space after it is a text, not the
    // value (found by kam_fuzz_yaml_differential: the empty value was placed
    // apart).
    refused("? -[a]\n:%1:", Rule::yaml_syntax, 1, 1);
    refused("? a\n:b\n", Rule::yaml_syntax, 1, 1);
    CHECK(at(accepted("? a\n:\n"), "a").is_null());
    CHECK(at(accepted("? a\n:\tb\n"), "a").value == "b");
    CHECK(at(accepted("? a\n# note\n: 1\n"), "a").value == "1");
    // "? a" with a plain scalar is just the key a.
    const Node ok = accepted("? a\n: 1\n");
    CHECK(at(ok, "a").value == "1");
}

TEST_CASE("found by the differential fuzzer: texts yaml-cpp read and libyaml refused") {
    // A text under "key:" at the key's own indentation is not its value.
    // (yaml-cpp stops at the ':' of the next line, libyaml at the text.)
    for (const char* text : {"procurement:\n\n# note\nsuppliers The other ones\ncompetitors:\n",
                             "a: 1\nkey over\n  two lines: 2\n"}) {
        CAPTURE(text);
        const Loaded l = load(text);
        CHECK_FALSE(l.root.has_value());
        REQUIRE_FALSE(l.findings.empty());
        CHECK(l.findings.front().rule == Rule::yaml_syntax);
    }
    refused("procurement:\n\n# note\nsuppliers The other ones\n", Rule::yaml_syntax, 4, 1);
    refused("a:\n  b:\n  text\n", Rule::yaml_syntax, 3, 3);
    refused("tags:\n[a, b]\n", Rule::yaml_syntax, 2, 1);
    // A written null too (found by kam_fuzz_yaml_differential: yaml-cpp took
    // it for the value).
    refused("nt:\n~ # c\n", Rule::yaml_syntax, 2, 1);
    refused("a:\n  b:\n  null\n", Rule::yaml_syntax, 3, 3);
    CHECK(at(accepted("a:\n  ~\n"), "a").is_null());
    // An explicit key in a flow list.
    refused("a: [1, ? b]\n", Rule::yaml_syntax, 1, 8);
    CHECK(at(accepted("a: [{x: 1}]\n"), "a").items.at(0).is_mapping());
    // Still fine: a value indented under its key, and a list at the key's own
    // indentation.
    CHECK(at(accepted("a:\n  text\n"), "a").value == "text");
    CHECK(at(accepted("a:\n- x\n"), "a").items.size() == 1);
}

TEST_CASE("a key without its colon is a syntax error, not a key with an empty value") {
    // yaml-cpp reads a last line without ':' as a key with a null value; YAML
    // (and libyaml) refuse it. Accepting it silently turns a typo into an
    // absent field.
    for (const char* text : {"name: Acme\nstatus\n", "position:\n  current: x\n  scope\n",
                             "risks:\n  - id: R1\n    mitigation\n"}) {
        CAPTURE(text);
        const Loaded l = load(text);
        CHECK_FALSE(l.root.has_value());
        CHECK(l.findings.size() == 1);
        if (!l.findings.empty()) CHECK(l.findings[0].rule == Rule::yaml_syntax);
    }
    const Loaded l = load("name: Acme\nstatus\n");
    REQUIRE(l.findings.size() == 1);
    CHECK((l.findings[0].line == 2 ||
           l.findings[0].line == 3));  // at the key, or where its ":" was expected
}

TEST_CASE("an empty entry in a flow list is a syntax error") {
    // "[a,,b]" is not YAML; yaml-cpp invents a null item for it.
    const Loaded l = load("tags: [a,,b]\n");
    CHECK_FALSE(l.root.has_value());
    REQUIRE(l.findings.size() == 1);
    CHECK(l.findings[0].rule == Rule::yaml_syntax);
    CHECK(l.findings[0].line == 1);
    // A trailing comma is allowed.
    const Node ok = accepted("tags: [a, b,]\n");
    CHECK(at(ok, "tags").items.size() == 2);
    // A comment right after the comma, with no space before its '#', is a
    // comment to both parsers (found by kam_fuzz_yaml_differential).
    refused("a: [1,#c\n ,2]\n", Rule::yaml_syntax, 1, 6);
    refused("a: [#c\n ,2]\n", Rule::yaml_syntax, 1, 4);
    CHECK(at(accepted("a: [1,#c\n 2]\n"), "a").items.size() == 2);
    CHECK(at(accepted("a: x,#c\n"), "a").value == "x,#c");
}

TEST_CASE("the non-specific tag '!' does not hide an unterminated quote") {
    // "! 'Acme" is a tagged single-quoted scalar that is never closed; the
    // loader must not let it swallow the rest of the file.
    const Loaded l = load("name: ! 'Acme\nstatus: active\nmanager: Dana\n");
    CHECK_FALSE(l.root.has_value());
    REQUIRE(l.findings.size() == 1);
    const Diagnostic& d = l.findings[0];
    CHECK(d.rule == Rule::yaml_syntax);
    CHECK(d.line == 1);
    CHECK((d.column == 7 || d.column == 9));  // at the tag, or at the quote
    const Loaded dq = load("name: ! \"Acme\nstatus: active\n");
    CHECK_FALSE(dq.root.has_value());
}

TEST_CASE("syntax errors have a line, a column and a readable message") {
    {
        const Loaded l = load("a: [1, 2\n");
        CHECK_FALSE(l.root.has_value());
        REQUIRE(l.findings.size() == 1);
        const Diagnostic& d = l.findings[0];
        CHECK(d.rule == Rule::yaml_syntax);
        CHECK(d.line >= 1);
        CHECK(d.line <= 2);
        CHECK(d.column >= 1);
        CHECK(contains(d.message, "never closed"));
        CHECK(contains(d.message, "]"));
    }
    {
        const Loaded l = load("position: {current: x\n");
        REQUIRE(l.findings.size() == 1);
        CHECK(l.findings[0].rule == Rule::yaml_syntax);
        CHECK(contains(l.findings[0].message, "}"));
    }
    {
        const Diagnostic d = refused("title: Risk: sponsor leaves\n", Rule::yaml_syntax, 1, 12);
        CHECK(contains(d.message, "':'"));
    }
    refused("name: Acme\n  status: active\n", Rule::yaml_syntax, 2, 9);
    {
        const Diagnostic d = refused("a:\n  - b\n - c\n", Rule::yaml_syntax, 3, 2);
        CHECK_FALSE(
            contains(d.message, "end of map not found"));  // yaml-cpp's wording is translated
    }
}

// ---------------------------------------------------------------------------
// Normal documents: positions, styles, nulls

TEST_CASE("nodes keep their line and column") {
    const Node root = accepted(
        "name: Acme GmbH\n"         // 1
        "status: active\n"          // 2
        "team:\n"                   // 3
        "  - name: Dana\n"          // 4
        "    role: AM\n"            // 5
        "tags: [a, b]\n"            // 6
        "position: {current: x}\n"  // 7
        "list:\n"                   // 8
        "- one\n");                 // 9
    CHECK(root.mark.line == 1);
    CHECK(root.mark.column == 1);
    REQUIRE(root.entries.size() == 6);
    CHECK(root.entries[0].key == "name");
    CHECK(root.entries[1].key == "status");
    CHECK(root.entries[5].key == "list");  // file order

    const Node& name = at(root, "name");
    CHECK(name.value == "Acme GmbH");
    CHECK(name.mark.line == 1);
    CHECK(name.mark.column == 7);
    CHECK(name.mark.offset == 6);

    CHECK(root.entries[1].key_mark.line == 2);
    CHECK(root.entries[1].key_mark.column == 1);
    CHECK(at(root, "status").mark.column == 9);

    const Node& team = at(root, "team");
    REQUIRE(team.is_sequence());
    CHECK_FALSE(team.flow);
    CHECK(team.mark.line == 4);
    CHECK(team.mark.column == 3);
    REQUIRE(team.items.size() == 1);
    const Node& member = team.items[0];
    REQUIRE(member.is_mapping());
    CHECK(member.mark.line == 4);
    CHECK(member.mark.column == 5);
    CHECK(member.entries[1].key == "role");
    CHECK(member.entries[1].key_mark.line == 5);
    CHECK(member.entries[1].key_mark.column == 5);
    CHECK(at(member, "role").mark.column == 11);

    const Node& tags = at(root, "tags");
    REQUIRE(tags.is_sequence());
    CHECK(tags.flow);
    CHECK(tags.mark.column == 7);
    REQUIRE(tags.items.size() == 2);
    CHECK(tags.items[0].value == "a");
    CHECK(tags.items[0].mark.column == 8);
    CHECK(tags.items[1].value == "b");
    CHECK(tags.items[1].mark.column == 11);

    const Node& position = at(root, "position");
    REQUIRE(position.is_mapping());
    CHECK(position.flow);
    CHECK(position.mark.line == 7);
    CHECK(position.mark.column == 11);
    CHECK(position.entries[0].key_mark.column == 12);
    CHECK(at(position, "current").mark.column == 21);

    const Node& list = at(root, "list");
    REQUIRE(list.is_sequence());
    CHECK(list.mark.line == 9);
    CHECK(list.items.at(0).mark.line == 9);
    CHECK(list.items.at(0).mark.column == 3);
}

TEST_CASE("scalar styles are recorded") {
    const Node root = accepted(
        "p: plain text\n"
        "s: 'it''s'\n"
        "d: \"a\\tb\"\n"
        "l: |\n"
        "  line1\n"
        "  line2\n"
        "f: >\n"
        "  line1\n"
        "  line2\n"
        "k: |-\n"
        "  kept\n");
    CHECK(at(root, "p").style == ScalarStyle::plain);
    CHECK(at(root, "p").value == "plain text");
    CHECK(at(root, "s").style == ScalarStyle::single_quoted);
    CHECK(at(root, "s").value == "it's");
    CHECK(at(root, "d").style == ScalarStyle::double_quoted);
    CHECK(at(root, "d").value == "a\tb");
    CHECK(at(root, "l").style == ScalarStyle::literal);
    CHECK(at(root, "l").value == "line1\nline2\n");
    CHECK(at(root, "l").mark.line == 4);
    CHECK(at(root, "l").mark.column == 4);
    CHECK(at(root, "f").style == ScalarStyle::folded);
    CHECK(at(root, "f").value == "line1 line2\n");
    CHECK(at(root, "k").style == ScalarStyle::literal);
    CHECK(at(root, "k").value == "kept");
    for (const Entry& e : root.entries) CHECK(e.value.is_scalar());
}

TEST_CASE("quoted null is text; plain null, ~ and empty values are null") {
    const Node root = accepted(
        "q: \"null\"\n"
        "sq: '~'\n"
        "n: null\n"
        "t: ~\n"
        "e:\n"
        "empty_quoted: ''\n"
        "last: x\n");
    const Node& q = at(root, "q");
    CHECK(q.is_scalar());
    CHECK(q.value == "null");
    CHECK_FALSE(q.is_absent());
    CHECK(at(root, "sq").is_scalar());
    CHECK(at(root, "sq").value == "~");
    CHECK(at(root, "n").is_null());
    CHECK(at(root, "n").is_absent());
    CHECK(at(root, "t").is_null());
    CHECK(at(root, "e").is_null());
    CHECK(at(root, "e").is_absent());
    const Node& eq = at(root, "empty_quoted");
    CHECK(eq.is_scalar());
    CHECK(eq.value.empty());
    CHECK_FALSE(eq.is_absent());  // written on purpose
    // Plain words that YAML 1.1 reads as booleans or numbers stay text.
    const Node words = accepted("a: yes\nb: 012\nc: 1e3\nd: .inf\ne: 2026-01-01\n");
    CHECK(at(words, "a").value == "yes");
    CHECK(at(words, "b").value == "012");
    CHECK(at(words, "c").value == "1e3");
    CHECK(at(words, "d").value == ".inf");
    CHECK(at(words, "e").value == "2026-01-01");
}

TEST_CASE("an empty value points at its own line, not at the next node") {
    // A finding about an empty list item must point at that item, not at the
    // next one (yaml_tree.hpp: "any finding can point at the text the user wrote").
    const Node root = accepted("risks:\n  -\n  - id: R1\n");
    const Node& risks = at(root, "risks");
    REQUIRE(risks.items.size() == 2);
    CHECK(risks.items[0].is_null());
    CHECK(risks.items[0].mark.line == 2);
    CHECK(risks.items[1].mark.line == 3);

    const Node map = accepted("a:\nb: 1\n");
    CHECK(at(map, "a").is_null());
    CHECK(at(map, "a").mark.line == 1);

    // Found by kam_fuzz_yaml_differential: a next key that starts with 'n'
    // ("name") was taken for a written "null" and the empty value was placed
    // on the next key's line.
    for (const char* text : {"goals:\n\n# note\nname: x\n", "a:\nNone: 1\n", "a:\n~x: 1\n",
                             "a:\n~   k: 1\n", "a:\nnull x: 1\n"}) {
        CAPTURE(text);
        const Node m = accepted(text);
        CHECK(m.entries.at(0).value.is_null());
        CHECK(m.entries.at(0).value.mark.line == 1);
    }
    // A quote inside a plain key does not hide the comment after it.
    const Node q = accepted("a [b\"c: # note\n");
    CHECK(q.entries.at(0).value.mark.column == 7);
    // Nor one after a space in it, with another quote in the comment
    // (found by kam_fuzz_yaml_differential: the value was placed at the end).
    const Node q2 = accepted("n~me~ 'r: # 'Ac:\n");
    CHECK(q2.entries.at(0).value.mark.column == 9);
    CHECK(at(accepted("a 'b: # 'c\nd: 1\n"), "a 'b").mark.column == 5);
    // A written null keeps its own place.
    CHECK(at(accepted("a: null\nb: ~\n"), "b").mark.column == 4);
}

TEST_CASE("columns count code points after non-ASCII text") {
    const Node root = accepted(
        "\xc3\xa9: \xc3\xbc\nb: [\xe6\x97\xa5\xe6\x9c\xac, x]\nc: \"\xe2\x82\xac\" # "
        "\xe2\x82\xac\n");
    const Node& e = at(root, "\xc3\xa9");
    CHECK(e.value == "\xc3\xbc");
    CHECK(e.mark.line == 1);
    CHECK(e.mark.column == 4);  // é : space ü
    CHECK(e.mark.offset == 4);  // bytes
    const Node& b = at(root, "b");
    REQUIRE(b.items.size() == 2);
    CHECK(b.items[0].mark.column == 5);
    CHECK(b.items[1].value == "x");
    CHECK(b.items[1].mark.column == 9);  // b : sp [ 日 本 , sp x
    CHECK(at(root, "c").value == "\xe2\x82\xac");

    // Findings count the same way.
    refused("\xe6\x97\xa5: 1\n\xe6\x97\xa5: 2\n", Rule::yaml_duplicate_key, 2, 1);
    refused("x: [\xe6\x97\xa5\xe6\x9c\xac, &a 1]\n", Rule::yaml_alias, 1, 9);
    // And so do yaml-cpp's own syntax errors: 日 本 : sp a ':'
    refused("\xe6\x97\xa5\xe6\x9c\xac: a: b\n", Rule::yaml_syntax, 1, 6);
    refused("x: 1\n\xe6\x97\xa5\xe6\x9c\xac: [1, 2}\n", Rule::yaml_syntax, 2,
            10);  // x : sp [ 日 本 , sp &
}

TEST_CASE("a huge flat mapping loads (no quadratic duplicate check)") {
    std::string text;
    text.reserve(50000 * 16);
    // Appended piece by piece: "k" + std::to_string(i) trips GCC 12's false
    // -Wrestrict at -O2 (GCC bug 105329).
    for (int i = 0; i < 50000; ++i) {
        const std::string n = std::to_string(i);
        text.append("k").append(n).append(": ").append(n).append("\n");
    }
    const Node root = accepted(text);
    REQUIRE(root.entries.size() == 50000);
    CHECK(root.entries.back().key == "k49999");
    CHECK(root.entries.back().key_mark.line == 50000);
    CHECK(at(root, "k25000").value == "25000");

    text += "k17: again\n";
    const Diagnostic d = refused(text, Rule::yaml_duplicate_key, 50001, 1);
    CHECK(contains(d.message, "line 18"));
}

TEST_CASE("the loader never throws on hostile input") {
    for (const char* text : {"[",
                             "]",
                             "{",
                             "}",
                             "\"",
                             "'",
                             "|",
                             ">",
                             "&",
                             "*",
                             "!",
                             "%",
                             "@",
                             "`",
                             "? ",
                             "- - -",
                             "a: b: c: d",
                             "{a: [}",
                             "[a: {]",
                             "a:\n- b\n -c",
                             "a: |\n x\n  y\n z",
                             "? ? ?",
                             "&a [*a]",
                             "a: *"}) {
        CAPTURE(text);
        Loaded l;
        CHECK_NOTHROW(l = load(text));
        // Either a tree, or at least one finding saying why not.
        CHECK((l.root.has_value() || !l.findings.empty()));
        if (!l.root) CHECK(l.findings.front().line >= 1);
    }
}

// ---------------------------------------------------------------------------
// The hazard corpus

TEST_CASE("every file in tests/hazards: errors unless named *-ok.yaml") {
    const std::filesystem::path dir = std::filesystem::path(KAM_SOURCE_DIR) / "tests" / "hazards";
    REQUIRE(std::filesystem::is_directory(dir));
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.path().extension() == ".yaml") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() >= 20);

    size_t ok_files = 0, bad_files = 0;
    for (const auto& path : files) {
        const std::string name = path.filename().string();
        CAPTURE(name);
        const std::string bytes = kam::test::read_text(path.string());
        CHECK(bytes.size() <= k_max_file_bytes);  // the big case is built in memory only
        Loaded l = load(bytes);
        apply_severities(l.findings, {});
        const bool has_error =
            std::any_of(l.findings.begin(), l.findings.end(),
                        [](const Diagnostic& d) { return d.severity == Severity::error; });
        if (name.size() > 8 && name.ends_with("-ok.yaml")) {
            ++ok_files;
            CHECK(l.findings.empty());
            CHECK(l.root.has_value());
        } else {
            ++bad_files;
            CHECK(has_error);
            CHECK_FALSE(l.root.has_value());
            for (const Diagnostic& d : l.findings) {
                CHECK(d.line >= 1);
                CHECK(d.column >= 1);
            }
        }
    }
    CHECK(ok_files >= 5);
    CHECK(bad_files >= 20);
}

TEST_CASE("the hazard files hold what the in-memory cases test") {
    const std::filesystem::path dir = std::filesystem::path(KAM_SOURCE_DIR) / "tests" / "hazards";
    struct Expect {
        const char* file;
        Rule rule;
        uint32_t line, column;
    };
    const Expect cases[] = {
        {"duplicate-key.yaml", Rule::yaml_duplicate_key, 3, 1},
        {"anchor.yaml", Rule::yaml_alias, 1, 7},
        {"alias.yaml", Rule::yaml_alias, 1, 7},
        {"merge-key.yaml", Rule::yaml_alias, 2, 1},
        {"second-document.yaml", Rule::yaml_syntax, 2, 1},
        {"two-documents-no-marker.yaml", Rule::yaml_syntax, 2, 1},
        {"comma.yaml", Rule::yaml_syntax, 1, 1},
        {"unterminated-double.yaml", Rule::yaml_syntax, 1, 7},
        {"unterminated-single.yaml", Rule::yaml_syntax, 1, 7},
        {"tab-indent.yaml", Rule::yaml_syntax, 2, 1},
        {"deep-65.yaml", Rule::yaml_limit, 1, 67},
        {"deep-block-65.yaml", Rule::yaml_limit, 65, 129},
        {"invalid-utf8.yaml", Rule::yaml_encoding, 2, 11},
        {"nul-byte.yaml", Rule::yaml_encoding, 2, 10},
        {"bare-cr.yaml", Rule::yaml_encoding, 1, 11},
        {"top-level-list.yaml", Rule::schema_type, 1, 1},
        {"top-level-null.yaml", Rule::schema_type, 1, 1},
        {"explicit-tag.yaml", Rule::yaml_syntax, 1, 7},
        {"complex-key.yaml", Rule::yaml_syntax, 1, 3},
        {"control-esc.yaml", Rule::yaml_encoding, 1, 11},
        {"control-formfeed.yaml", Rule::yaml_encoding, 2, 14},
        {"control-c1.yaml", Rule::yaml_encoding, 1, 11},
        {"escape-nul.yaml", Rule::yaml_encoding, 1, 7},
        {"escape-esc-key.yaml", Rule::yaml_encoding, 1, 1},
        {"bom-inside.yaml", Rule::yaml_encoding, 1, 9},
        {"noncharacter-ffff.yaml", Rule::yaml_encoding, 1, 9},
    };
    for (const Expect& e : cases) {
        CAPTURE(e.file);
        const std::string bytes = kam::test::read_text((dir / e.file).string());
        REQUIRE_FALSE(bytes.empty());
        refused(bytes, e.rule, e.line, e.column);
    }
}

TEST_CASE("an unclosed bracket is reported where it was opened") {
    refused("name: Acme\ntier: [growth\nmanager: Dana\n", Rule::yaml_syntax, 2, 7);
    refused("name: Acme\nteam: {name: a\n", Rule::yaml_syntax, 2, 7);
    const Diagnostic stray = refused("name: Acme\ntags: [a]]\n", Rule::yaml_syntax, 2, 10);
    CHECK(contains(stray.message, "closes nothing"));
}

// ---------------------------------------------------------------------------
// Messages that point the right way, and recovery after a syntax error

TEST_CASE("git conflict markers are named as such") {
    const Diagnostic d =
        refused("people:\n<<<<<<< HEAD\n  - id: P1\n=======\n  - id: P2\n>>>>>>> feature\n",
                Rule::yaml_syntax, 2, 1);
    CHECK(contains(d.message, "git conflict marker: resolve the merge first"));
    // A line of '=' in a text is not a marker.
    accepted("notes: |\n  =======\n  underlined\n");
}

TEST_CASE("a quote inside a single-quoted text says how to quote it") {
    const Diagnostic d = refused("name: 'Sarah O'Neill'\n", Rule::yaml_syntax, 1, 16);
    CHECK(d.message ==
          "a quote inside a single-quoted text ends it early: write the inner quote twice, "
          "'Sarah O''Neill', or use double quotes");
    refused("people:\n  - name: 'Sarah O'Neill'\n", Rule::yaml_syntax, 2, 20);
}

TEST_CASE("a plain value starting with @ or ` says to quote it") {
    const Diagnostic d = refused("headquarters: @home office\n", Rule::yaml_syntax, 1, 15);
    CHECK(d.message ==
          "a plain value cannot start with '@' (YAML reserves it): quote it, as in \"@home "
          "office\"");
    const Diagnostic c = refused("headquarters: @home  # for now\n", Rule::yaml_syntax, 1, 15);
    CHECK(contains(c.message, "as in \"@home\""));
    const Diagnostic b = refused("headquarters: `home`\n", Rule::yaml_syntax, 1, 15);
    CHECK(contains(b.message, "'`'"));
}

namespace {
struct Recovered {
    std::optional<Node> root;
    std::vector<Diagnostic> findings;
    LoadReport report;
};
Recovered recover(std::string_view text) {
    DiagnosticSink sink("test.yaml");
    Recovered out;
    out.root = load_yaml(text, sink, default_event_source(), &out.report);
    out.findings = sink.take();
    return out;
}
}  // namespace

TEST_CASE("recovery: a broken list record is skipped and the rest is read") {
    const Recovered r = recover(
        "industry: Machinery\n"      // 1
        "people:\n"                  // 2
        "  - id: P1\n"               // 3
        "    title: CEO: founder\n"  // 4  (': ' in a plain value)
        "  - id: P2\n"               // 5
        "    name: Tom\n"            // 6
        "headquarters: @home\n"      // 7
        "employees: 12\n");          // 8
    REQUIRE(r.root.has_value());
    CHECK(r.report.partial);
    REQUIRE(r.findings.size() == 2);
    CHECK(r.findings[0].line == 4);
    CHECK(r.findings[0].hint == "kam skipped lines 3-4 and checked the rest of the file");
    CHECK(r.findings[1].line == 7);
    CHECK(r.findings[1].hint == "kam skipped line 7 and checked the rest of the file");
    CHECK(r.report.unread_keys == std::vector<std::string>{"headquarters"});
    const Node* people = r.root->find("people");
    REQUIRE(people != nullptr);
    REQUIRE(people->items.size() == 1);
    CHECK(people->items[0].find("id")->value == "P2");
    CHECK(r.root->find("employees")->mark.line == 8);  // positions are kept
}

TEST_CASE("recovery: keys written in a skipped block are not called missing") {
    // "status" was meant as a top-level key; the schema check must not call it missing.
    const Recovered r = recover("name: Acme\n  status: active\ntier: key\n");
    REQUIRE(r.root.has_value());
    CHECK(r.report.unread_keys == std::vector<std::string>{"name", "status"});
    CHECK(r.root->find("tier") != nullptr);
}

TEST_CASE("recovery: a single-quoted text closed early is read as meant") {
    const Recovered r = recover("people:\n  - id: P1\n    name: 'Sarah O'Neill'\n    role: x\n");
    REQUIRE(r.root.has_value());
    REQUIRE(r.findings.size() == 1);
    CHECK(contains(r.findings[0].hint, "as if it were in double quotes"));
    const Node& p1 = r.root->find("people")->items.at(0);
    CHECK(p1.find("name")->value == "Sarah O'Neill");
    CHECK(p1.find("role")->value == "x");
}

TEST_CASE("recovery: only when asked, and never past a second document") {
    // Without a report the first error ends the load, as the editor needs.
    const Loaded plain = load("a: @x\nb: 1\n");
    CHECK_FALSE(plain.root.has_value());
    CHECK(plain.findings.size() == 1);
    const Recovered doc = recover("a: 1\n---\nb: 2\n");
    CHECK_FALSE(doc.root.has_value());
    REQUIRE(doc.findings.size() == 1);
    // What was not read is counted.
    CHECK(doc.findings[0].hint == "kam could not read on: the line after line 2 was not checked");
}

TEST_CASE("columns stay exact across long lines of multi-byte text") {
    // Columns are counted from checkpoints every 256 bytes: check them on
    // both sides of many checkpoints, with 2- and 3-byte characters straddling them.
    std::string line = "k: [";
    std::vector<uint32_t> columns, offsets;
    uint32_t column = 5;
    for (int i = 0; i < 400; ++i) {
        if (i) {
            line += ", ";
            column += 2;
        }
        offsets.push_back(static_cast<uint32_t>(line.size()));
        columns.push_back(column);
        line += i % 3 == 0 ? "\xc3\xa9" : i % 3 == 1 ? "\xe6\x97\xa5x" : "y";
        column += i % 3 == 1 ? 2 : 1;
    }
    line += "]\n";
    const std::string text = "a: 1\n" + line;
    const LineIndex lines(text);
    for (size_t i = 0; i < offsets.size(); ++i) {
        const Mark m = lines.mark_at(static_cast<uint32_t>(5 + offsets[i]));
        CHECK(m.line == 2);
        CHECK(m.column == columns[i]);
    }
    const Node root = accepted(text);
    REQUIRE(at(root, "k").items.size() == 400);
    CHECK(at(root, "k").items[399].mark.column == columns[399]);
}

TEST_CASE("MarkCursor gives the marks of the index, forward, backward and past the end") {
    const std::string text = "a: \xc3\xa9x\r\n\n  \xe6\x97\xa5: [b, \"c\"]\n\nlast";
    const LineIndex lines(text);
    MarkCursor cursor(lines);
    const uint32_t offsets[] = {0,  3,  5,  6,  7, 8,  9,  10, 12, 13, 14, 18,
                                21, 26, 27, 28, 2, 11, 11, 30, 31, 40, 0,  29};
    for (const uint32_t o : offsets) {
        CAPTURE(o);
        const Mark want = lines.mark_at(o), got = cursor.at(o);
        CHECK(got.line == want.line);
        CHECK(got.column == want.column);
        CHECK(got.offset == want.offset);
    }
}

TEST_CASE("LineIndex marks every offset as counting from the line start does") {
    // Lines short and long (past several 256-byte strides), multi-byte
    // characters across the strides, CRLF, an empty line and no final newline.
    std::string text;
    uint32_t seed = 7;
    const auto next = [&] { return seed = seed * 1103515245u + 12345u, (seed >> 16) % 1000; };
    for (int line = 0; line < 60; ++line) {
        const uint32_t length = line % 7 == 0 ? 700 + next() : next() % 40;
        for (uint32_t i = 0; i < length; ++i) {
            const uint32_t r = next() % 10;
            text += r == 0   ? "\xc3\xa9"
                    : r == 1 ? "\xe6\x97\xa5"
                    : r == 2 ? "\xf0\x9f\x98\x80"
                             : "x";
        }
        text += line % 5 == 0 ? "\r\n" : line == 59 ? "" : "\n";
    }
    const LineIndex lines(text);
    MarkCursor cursor(lines);
    uint32_t line = 1, column = 1;
    for (uint32_t o = 0; o <= text.size(); ++o) {
        const Mark m = lines.mark_at(o), c = cursor.at(o);
        if (m.line != line || m.column != column || c.line != line || c.column != column) {
            CAPTURE(o);
            CHECK(m.line == line);
            CHECK(m.column == column);
            CHECK(c.line == line);
            CHECK(c.column == column);
            break;
        }
        if (o == text.size()) break;
        if (text[o] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[o]) & 0xC0) != 0x80) {
            ++column;  // columns count code points: a lead byte starts one
        }
    }
    CHECK(lines.line_count() == 60);
}

TEST_CASE("a 1 MB flow list and many block scalars load in linear time") {
    // Before: each node's column rescanned its line (hours for this list), and
    // each tab-indented line was checked against every block-scalar range.
    std::string flow = "x-big: [1";
    for (int i = 1; i < 500000; ++i) flow += ",1";
    flow += "]\n";
    CHECK(at(accepted(flow), "x-big").items.size() == 500000);

    std::string blocks;
    for (int i = 0; i < 100000; ++i) {
        const std::string n = std::to_string(i);
        blocks.append("x-a").append(n).append(": |\n  \tx\n");
    }
    CHECK(accepted(blocks).entries.size() == 100000);
}

TEST_CASE("control characters, raw or escaped, and a BOM inside the file are refused") {
    refused("name: a\x1b[2Jb\n", Rule::yaml_encoding, 1, 8);
    refused("name: ring\a\n", Rule::yaml_encoding, 1, 11);
    refused("a: 1\nname: page\fbreak\n", Rule::yaml_encoding, 2, 11);
    refused("name: x\x7f\n", Rule::yaml_encoding, 1, 8);
    refused(
        "name: c1\xc2\x9b"
        "2J\n",
        Rule::yaml_encoding, 1, 9);
    refused("name: in\xef\xbb\xbfside\n", Rule::yaml_encoding, 1, 9);
    refused("name: \"x\xef\xbf\xbf\"\n", Rule::yaml_encoding, 1, 9);
    // Escapes that make a control character: NUL would reach the CSV raw.
    refused("name: \"nul\\0here\"\n", Rule::yaml_encoding, 1, 7);
    refused("name: \"\\e]0;pwned\\a\"\n", Rule::yaml_encoding, 1, 7);
    refused("\"k\\x1b\": 1\n", Rule::yaml_encoding, 1, 1);
    // Tabs, line ends and printable escapes stay fine.
    CHECK(at(accepted("name: \"a\\tb\\nc\\u00e9\"\n"), "name").value == "a\tb\nc\xc3\xa9");
    CHECK(at(accepted("name: 'a\tb'\n"), "name").value == "a\tb");
}
