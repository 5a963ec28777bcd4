#pragma once
// SHA-1 (FIPS 180-4), for one thing only: the id git gives a blob, so that a
// working-tree file can be known to hold exactly a blob's bytes without
// asking git (kam history). Not for anything that needs a secure hash.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kam {

class Sha1 {
  public:
    Sha1();
    void update(std::string_view bytes);
    std::array<uint8_t, 20> digest();  // once; the object is spent after it

  private:
    void block(const uint8_t* p);
    std::array<uint32_t, 5> h_;
    std::array<uint8_t, 64> buffer_{};
    size_t buffered_ = 0;
    uint64_t length_ = 0;  // bytes
};

// The object id of a blob with these bytes in a SHA-1 repository (what
// `git hash-object` prints): 40 lowercase hex digits.
std::string git_blob_id(std::string_view content);

}  // namespace kam
