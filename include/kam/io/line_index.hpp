#pragma once
// Byte offsets to 1-based line:column (columns count code points, as editors do).
#include <cstdint>
#include <string_view>
#include <vector>

#include "kam/io/yaml_tree.hpp"

namespace kam {

class LineIndex {
  public:
    explicit LineIndex(std::string_view text);
    Mark mark_at(uint32_t offset) const;
    uint32_t line_count() const { return static_cast<uint32_t>(starts_.size()); }
    // The text of a 1-based line without its line end; empty past the end.
    std::string_view line_text(uint32_t line) const;
    uint32_t line_start(uint32_t line) const { return starts_.at(line - 1); }
    std::string_view text() const { return text_; }

  private:
    // Every k_stride bytes, the code points from that byte's line start up to
    // it: a column costs at most k_stride bytes of counting however long the
    // line, so marking every node of a long flow line stays linear.
    static constexpr uint32_t k_stride = 256;
    std::string_view text_;
    std::vector<uint32_t> starts_;
    std::vector<uint32_t> stride_columns_;
};

// Marks for offsets that mostly come in increasing order, as a parser's
// events do: each is found by walking on from the one before (no search),
// so marking every node of a file costs one pass over its text. An earlier
// offset is looked up in the index, and the walk goes on from there.
class MarkCursor {
  public:
    explicit MarkCursor(const LineIndex& lines) : lines_(lines) {}
    Mark at(uint32_t offset);

  private:
    const LineIndex& lines_;
    Mark at_;  // the last mark given: line 1, column 1, offset 0 at first
};

}  // namespace kam
