// The two YAML event sources behind the seam, against each other: every
// hazard file, every file of the example portfolio and every built-in
// template gives the same tree with the same marks, or the same finding
// (rule, line and column). Where libyaml 0.2.5 departs from YAML 1.2 it is
// bridged (the text goes to yaml-cpp): checked below, so a regression shows.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "differential/yaml_compare.hpp"
#include "kam/io/yaml_loader.hpp"
#include "kam/scaffold/templates.hpp"
#include "test_files.hpp"

using namespace kam;

namespace {

using test::first_difference_with_marks;
using test::load_with;
using test::Outcome;

void same_outcome(const std::string& name, const std::string& text) {
    INFO(name);
    static const auto yaml_cpp = make_yaml_cpp_event_source();
    static const auto libyaml = make_libyaml_event_source();
    const Outcome a = load_with(text, *yaml_cpp), b = load_with(text, *libyaml);
    REQUIRE(a.root.has_value() == b.root.has_value());
    if (a.root) {
        CHECK(first_difference_with_marks(*a.root, *b.root, "") == "");
        return;
    }
    REQUIRE(!a.findings.empty());
    REQUIRE(!b.findings.empty());
    CHECK(a.findings.front().rule == b.findings.front().rule);
    CHECK(a.findings.front().line == b.findings.front().line);
    CHECK(a.findings.front().column == b.findings.front().column);
}

std::vector<std::filesystem::path> files_below(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> out;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
        if (e.is_regular_file() && e.path().extension() == ".yaml") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("libyaml and yaml-cpp agree on the example portfolio and the templates") {
    const std::filesystem::path src(KAM_SOURCE_DIR);
    for (const auto& p : files_below(src / "examples" / "portfolio"))
        same_outcome(p.string(), test::read_text(p.string()));
    for (size_t i = 0; i < k_embedded_template_count; ++i)
        same_outcome(k_embedded_templates[i].name, k_embedded_templates[i].content);
}

TEST_CASE("libyaml and yaml-cpp agree on every hazard file: same tree, or same finding") {
    for (const auto& p : files_below(std::filesystem::path(KAM_SOURCE_DIR) / "tests" / "hazards"))
        same_outcome(p.string(), test::read_text(p.string()));
}

TEST_CASE("where libyaml 0.2.5 departs from YAML 1.2, the text is read as YAML 1.2") {
    static const auto libyaml = make_libyaml_event_source();
    // A tab after the indentation of a block scalar's first line is content;
    // libyaml refused it ("found a tab character where an indentation space
    // is expected").
    const std::string tab = "a: |\n  \tx\nb: 1\n";
    same_outcome("tab in a block scalar", tab);
    const Outcome t = load_with(tab, *libyaml);
    REQUIRE(t.root);
    CHECK(t.root->find("a")->value == "\tx\n");
    // NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR are characters in YAML 1.2;
    // libyaml broke the line there (YAML 1.1) and refused "b" as a key.
    for (const std::string sep : {"\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9"}) {
        const std::string text = "x: a" + sep + "b\ny: \"c" + sep + "d\"\n";
        same_outcome("a YAML 1.1 line break", text);
        const Outcome o = load_with(text, *libyaml);
        REQUIRE(o.root);
        CHECK(o.root->find("x")->value == "a" + sep + "b");
        CHECK(o.root->find("y")->value == "c" + sep + "d");
    }
    // A ':' inside or at the start of a flow scalar is text in YAML 1.2;
    // libyaml refused both (found by kam_fuzz_yaml_differential).
    for (const std::string text :
         {"a: [1, :1]\n", "a: {id:x, b: 2}\n", "a: [x:y]\n", "a:\n  -\tx\n"}) {
        same_outcome(text, text);
        CHECK(load_with(text, *libyaml).root);
    }
    // A tab used as indentation is a finding, the same from both.
    same_outcome("tab indentation", "a:\n\tb: 1\n");
    same_outcome("tab after spaces", "a:\n  \tb: 1\n  b: 2\n");
}

TEST_CASE("the escapes \\N and \\_ are UTF-8 from both sources") {
    // yaml-cpp 0.7 wrote them as the lone bytes 0x85 and 0xA0 (found by
    // kam_fuzz_yaml_differential); the yaml-cpp source repairs them.
    const std::string text = "a: \"x\\Ny\\_z\"\n\"k\\N\": 1\n";
    same_outcome("escapes", text);
    const Outcome o = load_with(text, *make_yaml_cpp_event_source());
    REQUIRE(o.root);
    CHECK(o.root->find("a")->value == "x\xC2\x85y\xC2\xA0z");
    CHECK(o.root->entries.at(1).key == "k\xC2\x85");
}

TEST_CASE("the documented differences: text that is not YAML, and YAML yaml-cpp refuses") {
    static const auto yaml_cpp = make_yaml_cpp_event_source();
    static const auto libyaml = make_libyaml_event_source();
    // Not YAML: both refuse, each where its parser stopped (kam found the
    // control character in the part libyaml read before it stopped).
    const std::string broken = "\"k\\e\nx\": 1\ny: [a\n  z: 2\n";
    const Outcome a = load_with(broken, *yaml_cpp), b = load_with(broken, *libyaml);
    CHECK_FALSE(a.root);
    CHECK_FALSE(b.root);
    REQUIRE_FALSE(a.findings.empty());
    REQUIRE_FALSE(b.findings.empty());
    // Valid YAML 1.2 that yaml-cpp 0.7 refuses ("unknown token"): '?' inside
    // a flow scalar. libyaml, the default, reads it.
    const std::string valid = "c: {v: 500000?00}\n";
    CHECK_FALSE(load_with(valid, *yaml_cpp).root);
    const Outcome l = load_with(valid, *libyaml);
    REQUIRE(l.root);
    CHECK(l.root->find("c")->find("v")->value == "500000?00");
}

TEST_CASE("libyaml's syntax errors are placed by byte column and worded as kam words them") {
    const std::string texts[] = {
        "name: \"Acme\nstatus: active\n",          // a quote never closed
        "name: Acme\nstatus: active\n: growth\n",  // an empty key
        "name: Acme\ntags: [a]]\n",                // a ']' that closes nothing
        "- a\nb: 1\n",                             // text after the top-level list
        "\xE6\x97\xA5\xE6\x9C\xAC: a: b\n",        // non-ASCII before the error
        "x: 1\n\xE6\x97\xA5\xE6\x9C\xAC: [1, 2}\n",
    };
    static const auto yaml_cpp = make_yaml_cpp_event_source();
    static const auto libyaml = make_libyaml_event_source();
    for (const std::string& text : texts) {
        CAPTURE(text);
        same_outcome(text, text);
        const Outcome a = load_with(text, *yaml_cpp), b = load_with(text, *libyaml);
        REQUIRE_FALSE(a.findings.empty());
        REQUIRE_FALSE(b.findings.empty());
        CHECK(a.findings.front().message == b.findings.front().message);
    }
}

TEST_CASE("libyaml marks count bytes like kam: non-ASCII keys and values, CRLF") {
    const std::string text = "n\xC3\xA4me: Gr\xC3\xBC\xC3\x9F\r\nk\xC3\xB6: [\"\xC3\xA9\", b]\r\n";
    same_outcome("non-ascii crlf", text);
    const auto libyaml = make_libyaml_event_source();
    const Outcome o = load_with(text, *libyaml);
    REQUIRE(o.root);
    const Node* list = o.root->find("k\xC3\xB6");
    REQUIRE(list);
    CHECK(list->items[1].mark.column == 11);  // code points: k ö : space [ " é " , space b
    CHECK(list->items[1].mark.offset == text.find(", b") + 2);
}

TEST_CASE("libyaml: empty values, ~ and null are null nodes, quoted ones are texts") {
    const auto libyaml = make_libyaml_event_source();
    const Outcome o = load_with("a:\nb: ~\nc: null\nd: ''\ne: 'null'\n", *libyaml);
    REQUIRE(o.root);
    CHECK(o.root->find("a")->is_null());
    CHECK(o.root->find("b")->is_null());
    CHECK(o.root->find("c")->is_null());
    CHECK(o.root->find("d")->is_scalar());
    CHECK(o.root->find("e")->value == "null");
}

TEST_CASE("an alias with a name libyaml cannot scan is a yaml-alias from both sources") {
    // Found by kam_fuzz_yaml_differential: libyaml failed "while scanning an
    // alias" (yaml-syntax) where yaml-cpp gave the alias kam refuses.
    const std::string text = "---\nname: Acme\n*.Ac";
    same_outcome("odd alias name", text);
    const auto libyaml = make_libyaml_event_source();
    const Outcome o = load_with(text, *libyaml);
    REQUIRE_FALSE(o.findings.empty());
    CHECK(o.findings.front().rule == Rule::yaml_alias);
    CHECK(o.findings.front().line == 3);
}

TEST_CASE("a quoted text ending in blank lines keeps a line break for each, from both sources") {
    // YAML 1.2 §7.3.1 and §6.5: the first line break is folded, each blank
    // or whitespace-only line after it is one line break, and the white
    // space around them is not content. yaml-cpp 0.7 dropped all but one
    // (two after an escape) of the line breaks at the end of a quoted text,
    // and every one of them when the text held nothing else; the yaml-cpp
    // source puts them back. The cases of yaml-test-suite NAT4, and more.
    struct Case {
        std::string yaml, value;
    };
    const Case cases[] = {
        {"a: '\n  '\n", " "},
        {"a: '  \n  '\n", " "},
        {"a: \"\n  \"\n", " "},
        {"a: \"  \n  \"\n", " "},
        {"a: '\n\n  '\n", "\n"},
        {"a: \"\n\n  \"\n", "\n"},
        {"a: '\n\n\n  '\n", "\n\n"},
        {"a: \"\n\n\n  \"\n", "\n\n"},
        {"a: \"  \n\n  \"\n", "\n"},
        {"a: \"  \n \t \n\n  \"\n", "\n\n"},
        {"a: \"x\n\n\n  \"\n", "x\n\n"},
        {"a: \"x  \n  \n\n\"\n", "x\n\n"},
        {"a: \"x\\n\n\n\n\n  \"\n", "x\n\n\n\n"},
        {"a: \"x\\t\n\n\n  \"\n", "x\t\n\n"},
        {"a: 'x''\n\n\n\n  '\n", "x'\n\n\n"},
        {"a: \"x\\\n\n\n\n  \"\n", "x\n\n\n"},
        {"a: \"\\x41\n\n\n  \"\n", "A\n\n"},
        {"a: \"x\r\n\r\n\r\n  \"\r\n", "x\n\n"},
        {"a: \"x\n\n  y\n\n\n  \"\n", "x\ny\n\n"},
        {"a: \"x\n  \n  y\"\n", "x\ny"},
        {"\"k\n\n\": 1\n", ""},  // a key: kam refuses it, the same way from both
    };
    static const auto yaml_cpp = make_yaml_cpp_event_source();
    static const auto libyaml = make_libyaml_event_source();
    for (const Case& c : cases) {
        CAPTURE(c.yaml);
        same_outcome(c.yaml, c.yaml);
        if (c.value.empty()) continue;
        for (const YamlEventSource* source : {yaml_cpp.get(), libyaml.get()}) {
            const Outcome o = load_with(c.yaml, *source);
            REQUIRE(o.root);
            CHECK(o.root->find("a")->value == c.value);
        }
    }
}

TEST_CASE("an escape YAML does not define is refused by both sources: \\' in double quotes") {
    // yaml-cpp 0.7 read "\'" as a quote (found by kam_fuzz_yaml_differential);
    // YAML 1.2 has no such escape, and libyaml refuses it.
    static const auto yaml_cpp = make_yaml_cpp_event_source();
    static const auto libyaml = make_libyaml_event_source();
    for (const std::string text : {"a: \"x\\'y\"\n", "b: 1\na: \"x\n  \\\\ \\'\"\n"}) {
        CAPTURE(text);
        same_outcome(text, text);
        for (const YamlEventSource* source : {yaml_cpp.get(), libyaml.get()}) {
            const Outcome o = load_with(text, *source);
            CHECK_FALSE(o.root);
            REQUIRE_FALSE(o.findings.empty());
            CHECK(o.findings.front().rule == Rule::yaml_syntax);
            CHECK(o.findings.front().message.find("unknown escape '\\''") != std::string::npos);
        }
    }
    // Still a backslash and a quote: "\\'" and '\'.
    const Outcome ok = load_with("a: \"x\\\\'\"\nb: '\\'\n", *yaml_cpp);
    REQUIRE(ok.root);
    CHECK(ok.root->find("a")->value == "x\\'");
    CHECK(ok.root->find("b")->value == "\\");
}

TEST_CASE("inputs kam_fuzz_yaml_differential found the two sources reading apart") {
    // Each gives the same tree or the same first finding from both now.
    const std::string texts[] = {
        "? -[a]\n:%1:",  // '? key' then ':x', a text and not the value
        "? a\n:b\n",
        "...\n",  // an end marker before the document
        "# c\n...\na: 1\n",
        "a: |\n  x\n%b: 1\n",  // a '%' line after a block scalar
        "a: [1,#c\n,1]\n",     // an empty entry after a comment with no space before it
        // A plain key holding ':"' (block context: the '"' is text, not a
        // quote), then an empty value and a comment.
        "a: 1\nx\\d\\\"a`:\":`#: #\n",  // CI's find
        "x\":\": #\n",                  // the same, reduced
        "n~me~ 'r: # 'Ac:\n",           // a quote inside a plain key, another in the comment
        "\xEF\xBB\xBFnt:       #nue\n~ #:\"\r\n",  // a written null at the key's indentation
    };
    for (const std::string& text : texts) same_outcome(text, text);
}

TEST_CASE("an empty value is placed at its ':' when the plain key holds a quote after a ':'") {
    // Block context: ':"' inside a plain scalar starts no quoted text, so the
    // '#' after the ':' starts a comment and the value sits on the ':'.
    static const auto yaml_cpp = make_yaml_cpp_event_source();
    static const auto libyaml = make_libyaml_event_source();
    for (const YamlEventSource* source : {yaml_cpp.get(), libyaml.get()}) {
        const Outcome o = load_with("x\":\": # c\ny: {\"a\":\"# b\"}\n", *source);
        REQUIRE(o.root);
        REQUIRE(o.root->find("x\":\""));
        CHECK(o.root->find("x\":\"")->mark.column == 5);
        // Flow context: after a JSON-like key's ':' a quote does start a text.
        REQUIRE(o.root->find("y"));
        CHECK(o.root->find("y")->find("a")->value == "# b");
    }
}
