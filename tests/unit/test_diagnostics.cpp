// Findings renderers against hostile text: one finding stays one line, no
// escape sequence reaches the terminal, JUnit stays XML.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "kam/render/diagnostics.hpp"

using namespace kam;

namespace {

Diagnostic finding(std::string path, std::string message) {
    Diagnostic d;
    d.rule = Rule::unknown_key;
    d.path = std::move(path);
    d.line = 3;
    d.column = 1;
    d.message = std::move(message);
    return d;
}

size_t lines_of(const std::string& s) {
    return static_cast<size_t>(std::count(s.begin(), s.end(), '\n'));
}

}  // namespace

TEST_CASE("text: a key or folder name with a newline cannot forge a finding") {
    const std::string forged =
        "unknown key 'bad\naccounts/x/account.yaml:1:1: error: forged finding [schema-type]\nz'";
    const std::string out = render_text({finding("accounts/a\nb/account.yaml", forged)}, {}, {});
    CHECK(lines_of(out) == 1);
    CHECK(out ==
          "accounts/a\\nb/account.yaml:3:1: error: unknown key 'bad\\naccounts/x/account.yaml:1:1: "
          "error: forged finding [schema-type]\\nz' [unknown-key]\n");
}

TEST_CASE("text: escape sequences and C1 controls are escaped, also in hints") {
    Diagnostic d = finding("accounts/a/account.yaml", "key 'x\x1b]0;pwned\a\x1b[2JKEY' \xc2\x9b");
    d.hint = "did you mean '\x1b[31m'?";
    const std::string out = render_text({d}, {}, {});
    CHECK(out.find('\x1b') == std::string::npos);
    CHECK(out.find('\a') == std::string::npos);
    CHECK(out.find("\xc2\x9b") == std::string::npos);
    CHECK(out.find("x\\x1B]0;pwned\\x07\\x1B[2JKEY") != std::string::npos);
    CHECK(out.find("\\u009B") != std::string::npos);
}

TEST_CASE("text: the source excerpt shows unsafe characters as '?'") {
    const SourceLookup lookup = [](const std::string&, uint32_t) {
        return std::optional<std::string>("k\xc2\x9b: \xe2\x80\xae\x1bv\xff");
    };
    const std::string out = render_text({finding("a.yaml", "m")}, TextOptions{false, true}, lookup);
    CHECK(out.find("    3 | k?: ??v?\n") != std::string::npos);
}

TEST_CASE("github: file names and messages carry no raw control bytes") {
    const std::string out =
        render_github({finding("accounts/e\x1b[2J\xff/account.yaml", "m\x1b[0m\nnext")});
    CHECK(out.find('\x1b') == std::string::npos);
    CHECK(out.find('\xff') == std::string::npos);
    CHECK(lines_of(out) == 1);
    CHECK(out.find("file=accounts/e\\x1B[2J\\xFF/account.yaml,") != std::string::npos);
}

TEST_CASE("junit: U+FFFF in a key and invalid UTF-8 in a folder name stay XML") {
    const std::string out =
        render_junit({finding("accounts/\xff\xfe/account.yaml", "unknown key 'k\xef\xbf\xbf'")},
                     {"accounts/\xff\xfe/account.yaml"});
    CHECK(out.find("\xef\xbf\xbf") == std::string::npos);
    CHECK(out.find('\xff') == std::string::npos);
    CHECK(out.find("accounts/\xef\xbf\xbd\xef\xbf\xbd/account.yaml") != std::string::npos);
    CHECK(out.find("unknown key &#39;k\xef\xbf\xbd&#39;") != std::string::npos);
}
