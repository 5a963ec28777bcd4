// UTF-8 well-formedness (RFC 3629 / Unicode table 3-7) and code-point columns.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "kam/util/utf8.hpp"

using kam::find_invalid_utf8;
using kam::utf8_column;

TEST_CASE("well-formed text of every sequence length is accepted") {
    CHECK_FALSE(find_invalid_utf8(""));
    CHECK_FALSE(find_invalid_utf8("plain ASCII: name: Acme\n"));
    CHECK_FALSE(find_invalid_utf8("M\xc3\xbcller"));              // ü, 2 bytes
    CHECK_FALSE(find_invalid_utf8("\xe2\x82\xac 100"));           // €, 3 bytes
    CHECK_FALSE(find_invalid_utf8("\xe6\x97\xa5\xe6\x9c\xac"));   // 日本
    CHECK_FALSE(find_invalid_utf8("\xf0\x9f\x98\x80"));           // U+1F600, 4 bytes
    CHECK_FALSE(find_invalid_utf8("\xc2\x80"));                   // U+0080, smallest 2-byte
    CHECK_FALSE(find_invalid_utf8("\xe0\xa0\x80"));               // U+0800, smallest 3-byte
    CHECK_FALSE(find_invalid_utf8("\xed\x9f\xbf"));               // U+D7FF, just below surrogates
    CHECK_FALSE(find_invalid_utf8("\xee\x80\x80"));               // U+E000, just above surrogates
    CHECK_FALSE(find_invalid_utf8("\xef\xbb\xbf"));               // U+FEFF
    CHECK_FALSE(find_invalid_utf8("\xf0\x90\x80\x80"));           // U+10000
    CHECK_FALSE(find_invalid_utf8("\xf4\x8f\xbf\xbf"));           // U+10FFFF, the last code point
    CHECK_FALSE(find_invalid_utf8(std::string_view("a\0b", 3)));  // NUL is valid UTF-8
}

TEST_CASE("overlong encodings are refused at their first byte") {
    CHECK(find_invalid_utf8("\xc0\x80") == 0u);          // U+0000 in two bytes
    CHECK(find_invalid_utf8("ab\xc1\xbf") == 2u);        // U+007F in two bytes
    CHECK(find_invalid_utf8("\xe0\x80\x80") == 0u);      // U+0000 in three bytes
    CHECK(find_invalid_utf8("x\xe0\x9f\xbf") == 1u);     // U+07FF in three bytes
    CHECK(find_invalid_utf8("\xf0\x80\x80\x80") == 0u);  // four-byte overlong
    CHECK(find_invalid_utf8("\xf0\x8f\xbf\xbf") == 0u);  // U+FFFF in four bytes
}

TEST_CASE("surrogates and code points past U+10FFFF are refused") {
    CHECK(find_invalid_utf8("\xed\xa0\x80") == 0u);      // U+D800
    CHECK(find_invalid_utf8("ok \xed\xbf\xbf") == 3u);   // U+DFFF
    CHECK(find_invalid_utf8("\xf4\x90\x80\x80") == 0u);  // U+110000
    CHECK(find_invalid_utf8("\xf5\x80\x80\x80") == 0u);
    CHECK(find_invalid_utf8("\xf8\x88\x80\x80\x80") == 0u);  // old five-byte form
    CHECK(find_invalid_utf8("a\xfe") == 1u);
    CHECK(find_invalid_utf8("a\xff") == 1u);
}

TEST_CASE("truncated sequences are refused where they start") {
    CHECK(find_invalid_utf8("ab\xc3") == 2u);  // at the end of the text
    CHECK(find_invalid_utf8("ab\xe2\x82") == 2u);
    CHECK(find_invalid_utf8("\xf0\x9f\x98") == 0u);
    CHECK(find_invalid_utf8("\xe2\x82x") == 0u);  // cut short by ASCII
    CHECK(find_invalid_utf8("\xf0\x9f\x98z") == 0u);
    CHECK(find_invalid_utf8("\xc3\xa9\xc3 x") == 2u);  // é then a lone lead byte
}

TEST_CASE("stray continuation bytes are refused") {
    CHECK(find_invalid_utf8("\x80") == 0u);
    CHECK(find_invalid_utf8("a\x80"
                            "b") == 1u);
    CHECK(find_invalid_utf8("\xc3\xa9\xbf") == 2u);  // é followed by an extra continuation
    CHECK(find_invalid_utf8("\xe2\x82\xac\x82") == 3u);
}

TEST_CASE("the offset is that of the first invalid byte, after valid multi-byte text") {
    const std::string text = "name: M\xc3\xbcller\nbad: \xff\n";
    // "name: M" 7 bytes, ü 2, "ller\n" 5, "bad: " 5 -> 19
    CHECK(find_invalid_utf8(text) == 19u);
}

TEST_CASE("utf8_column counts code points before a byte offset") {
    CHECK(utf8_column("hello", 0) == 0u);
    CHECK(utf8_column("hello", 3) == 3u);
    CHECK(utf8_column("h\xc3\xa9llo", 3) == 2u);  // h, é
    CHECK(utf8_column("\xe2\x82\xac"
                      "uro",
                      3) == 1u);                                 // €
    CHECK(utf8_column("\xe6\x97\xa5\xe6\x9c\xac: x", 8) == 4u);  // 日本: then the space
    CHECK(utf8_column("\xf0\x9f\x98\x80!", 4) == 1u);
    CHECK(utf8_column("ab", 10) == 2u);  // clamped to the line
}
