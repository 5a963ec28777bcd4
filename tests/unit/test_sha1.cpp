// SHA-1 against the FIPS 180 examples, and git's blob ids (git hash-object).
#include <doctest/doctest.h>

#include <string>

#include "kam/util/sha1.hpp"

using namespace kam;

namespace {

std::string hex(const std::array<uint8_t, 20>& d) {
    static constexpr char k_hex[] = "0123456789abcdef";
    std::string out;
    for (const uint8_t b : d) {
        out += k_hex[b >> 4];
        out += k_hex[b & 15];
    }
    return out;
}

std::string sha1_of(const std::string& s, size_t piece) {
    Sha1 sha;
    for (size_t i = 0; i < s.size(); i += piece) sha.update(std::string_view(s).substr(i, piece));
    return hex(sha.digest());
}

}  // namespace

TEST_CASE("SHA-1 of the FIPS 180 examples, fed whole or in pieces") {
    CHECK(sha1_of("abc", 64) == "a9993e364706816aba3e25717850c26c9cd0d89d");
    const std::string two_blocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    for (size_t piece : {1, 3, 55, 56, 64})
        CHECK(sha1_of(two_blocks, piece) == "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
    CHECK(sha1_of(std::string(1000000, 'a'), 4096) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
}

TEST_CASE("git blob ids, as git hash-object prints them") {
    CHECK(git_blob_id("") == "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
    CHECK(git_blob_id("hello\n") == "ce013625030ba8dba906f756967f9e9ca394464a");
    CHECK(git_blob_id(std::string(1000, 'a') + "\n") == "2b813e9dc38a4c1b0c96cb5b6d29d816e24227a2");
}
