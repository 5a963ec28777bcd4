#include "kam/util/sha1.hpp"

#include <cstring>

namespace kam {

namespace {

uint32_t rotl(uint32_t x, int n) {
    return (x << n) | (x >> (32 - n));
}

}  // namespace

Sha1::Sha1() : h_{0x67452301u, 0xEFCDAB89u, 0x98BADCFEu, 0x10325476u, 0xC3D2E1F0u} {}

// The compression function: four rounds of twenty steps, five steps at a
// time so that the five words rotate by name, not by copying; the message
// schedule in a ring of sixteen words.
void Sha1::block(const uint8_t* p) {
    uint32_t w[16];
    for (int i = 0; i < 16; ++i)
        w[i] = (uint32_t{p[4 * i]} << 24) | (uint32_t{p[4 * i + 1]} << 16) |
               (uint32_t{p[4 * i + 2]} << 8) | uint32_t{p[4 * i + 3]};
    uint32_t a = h_[0], b = h_[1], c = h_[2], d = h_[3], e = h_[4];
#define KAM_SHA1_W(i)              \
    ((i) < 16 ? w[(i)]             \
              : (w[(i)&15] = rotl( \
                     w[((i) + 13) & 15] ^ w[((i) + 8) & 15] ^ w[((i) + 2) & 15] ^ w[(i)&15], 1)))
#define KAM_SHA1_STEP(a, b, c, d, e, f, k, i)    \
    e += rotl(a, 5) + (f) + (k) + KAM_SHA1_W(i); \
    b = rotl(b, 30)
#define KAM_SHA1_FIVE(f, k, i)                            \
    KAM_SHA1_STEP(a, b, c, d, e, f(b, c, d), k, (i));     \
    KAM_SHA1_STEP(e, a, b, c, d, f(a, b, c), k, (i) + 1); \
    KAM_SHA1_STEP(d, e, a, b, c, f(e, a, b), k, (i) + 2); \
    KAM_SHA1_STEP(c, d, e, a, b, f(d, e, a), k, (i) + 3); \
    KAM_SHA1_STEP(b, c, d, e, a, f(c, d, e), k, (i) + 4)
    const auto choose = [](uint32_t x, uint32_t y, uint32_t z) { return z ^ (x & (y ^ z)); };
    const auto parity = [](uint32_t x, uint32_t y, uint32_t z) { return x ^ y ^ z; };
    const auto majority = [](uint32_t x, uint32_t y, uint32_t z) {
        return (x & y) | (z & (x | y));
    };
    // Written out, so that every index is a constant.
    KAM_SHA1_FIVE(choose, 0x5A827999u, 0);
    KAM_SHA1_FIVE(choose, 0x5A827999u, 5);
    KAM_SHA1_FIVE(choose, 0x5A827999u, 10);
    KAM_SHA1_FIVE(choose, 0x5A827999u, 15);
    KAM_SHA1_FIVE(parity, 0x6ED9EBA1u, 20);
    KAM_SHA1_FIVE(parity, 0x6ED9EBA1u, 25);
    KAM_SHA1_FIVE(parity, 0x6ED9EBA1u, 30);
    KAM_SHA1_FIVE(parity, 0x6ED9EBA1u, 35);
    KAM_SHA1_FIVE(majority, 0x8F1BBCDCu, 40);
    KAM_SHA1_FIVE(majority, 0x8F1BBCDCu, 45);
    KAM_SHA1_FIVE(majority, 0x8F1BBCDCu, 50);
    KAM_SHA1_FIVE(majority, 0x8F1BBCDCu, 55);
    KAM_SHA1_FIVE(parity, 0xCA62C1D6u, 60);
    KAM_SHA1_FIVE(parity, 0xCA62C1D6u, 65);
    KAM_SHA1_FIVE(parity, 0xCA62C1D6u, 70);
    KAM_SHA1_FIVE(parity, 0xCA62C1D6u, 75);
#undef KAM_SHA1_FIVE
#undef KAM_SHA1_STEP
#undef KAM_SHA1_W
    h_[0] += a;
    h_[1] += b;
    h_[2] += c;
    h_[3] += d;
    h_[4] += e;
}

void Sha1::update(std::string_view bytes) {
    const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
    size_t n = bytes.size();
    length_ += n;
    if (buffered_ > 0) {
        const size_t take = std::min(n, buffer_.size() - buffered_);
        std::memcpy(buffer_.data() + buffered_, p, take);
        buffered_ += take;
        p += take;
        n -= take;
        if (buffered_ < buffer_.size()) return;
        block(buffer_.data());
        buffered_ = 0;
    }
    for (; n >= 64; p += 64, n -= 64) block(p);
    std::memcpy(buffer_.data(), p, n);
    buffered_ = n;
}

std::array<uint8_t, 20> Sha1::digest() {
    const uint64_t bits = length_ * 8;
    const uint8_t one = 0x80;
    update(std::string_view(reinterpret_cast<const char*>(&one), 1));
    const uint8_t zero = 0;
    while (buffered_ != 56) update(std::string_view(reinterpret_cast<const char*>(&zero), 1));
    uint8_t tail[8];
    for (int i = 0; i < 8; ++i) tail[i] = static_cast<uint8_t>(bits >> (56 - 8 * i));
    update(std::string_view(reinterpret_cast<const char*>(tail), 8));
    std::array<uint8_t, 20> out{};
    for (int i = 0; i < 5; ++i)
        for (int j = 0; j < 4; ++j) out[4 * i + j] = static_cast<uint8_t>(h_[i] >> (24 - 8 * j));
    return out;
}

std::string git_blob_id(std::string_view content) {
    Sha1 sha;
    const std::string header = "blob " + std::to_string(content.size());
    sha.update(header);
    sha.update(std::string_view("\0", 1));
    sha.update(content);
    static constexpr char k_hex[] = "0123456789abcdef";
    std::string out;
    for (const uint8_t b : sha.digest()) {
        out += k_hex[b >> 4];
        out += k_hex[b & 15];
    }
    return out;
}

}  // namespace kam
