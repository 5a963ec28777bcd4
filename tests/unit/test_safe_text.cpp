// Text from a file on its way to a terminal or a line-oriented format: no
// control character, C1 control, bidi override or stray byte passes.
#include <doctest/doctest.h>

#include <string>

#include "kam/util/markup.hpp"
#include "kam/util/safe_text.hpp"

using namespace kam;

TEST_CASE("escape_controls makes every unsafe character visible") {
    CHECK(escape_controls("plain text, caf\xc3\xa9 \xe6\x97\xa5") ==
          "plain text, caf\xc3\xa9 \xe6\x97\xa5");
    CHECK(escape_controls("x\x1b]0;pwned\a\x1b[2JKEY") == "x\\x1B]0;pwned\\x07\\x1B[2JKEY");
    CHECK(escape_controls("a\nb\rc\td") == "a\\nb\\rc\\td");
    CHECK(escape_controls(std::string("nul\0x", 5)) == "nul\\x00x");
    CHECK(escape_controls("del\x7f") == "del\\x7F");
    CHECK(escape_controls("csi\xc2\x9b"
                          "2J") == "csi\\u009B2J");           // U+009B, C1 CSI
    CHECK(escape_controls("\xc2\x85next") == "\\u0085next");  // U+0085, NEL
    CHECK(escape_controls("abc\xe2\x80\xae"
                          "fdp.exe") == "abc\\u202Efdp.exe");  // RLO
    CHECK(escape_controls("\xe2\x81\xa6iso\xe2\x81\xa9") == "\\u2066iso\\u2069");
    CHECK(escape_controls("bad\xff\xc3") == "bad\\xFF\\xC3");
    CHECK(escape_controls("\xed\xa0\x80") == "\\xED\\xA0\\x80");  // a surrogate is not UTF-8
    CHECK(escape_controls("\xc2\xa0nbsp") == "\xc2\xa0nbsp");     // U+00A0 is printable
}

TEST_CASE("escape_controls: line breaks as spaces for tables, kept for kam's own messages") {
    CHECK(escape_controls("a\nb\tc\x1b", LineBreaks::space) == "a b c\\x1B");
    CHECK(escape_controls("a\nb\tc\x1b", LineBreaks::keep) == "a\nb\\tc\\x1B");
}

TEST_CASE("escape_markup leaves only characters XML 1.0 allows") {
    CHECK(escape_markup("<a & 'b'>") == "&lt;a &amp; &#39;b&#39;&gt;");
    CHECK(escape_markup("k\xef\xbf\xbfy") == "k\xef\xbf\xbdy");    // U+FFFF
    CHECK(escape_markup("k\xef\xbf\xbey") == "k\xef\xbf\xbdy");    // U+FFFE
    CHECK(escape_markup("\xef\xbf\xbd ok") == "\xef\xbf\xbd ok");  // U+FFFD itself stays
    CHECK(escape_markup("dir\xff\xfe/x") == "dir\xef\xbf\xbd\xef\xbf\xbd/x");
    CHECK(escape_markup("bell\a") == "bell ");
}
