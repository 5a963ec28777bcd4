#include "kam/io/line_index.hpp"

#include <algorithm>

#include "kam/util/utf8.hpp"

namespace kam {

LineIndex::LineIndex(std::string_view text) : text_(text) {
    starts_.push_back(0);
    stride_columns_.reserve(text.size() / k_stride + 1);
    uint32_t column = 0;  // code points since the line start
    for (size_t i = 0; i < text.size(); ++i) {
        if (i % k_stride == 0) stride_columns_.push_back(column);
        if (text[i] == '\n') {
            starts_.push_back(static_cast<uint32_t>(i + 1));
            column = 0;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column;
        }
    }
}

Mark LineIndex::mark_at(uint32_t offset) const {
    offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
    const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    const auto line = static_cast<uint32_t>(it - starts_.begin());  // 1-based
    uint32_t from = starts_[line - 1];
    size_t column = 0;
    if (const uint32_t stride = offset / k_stride * k_stride;
        stride > from && stride / k_stride < stride_columns_.size()) {
        column = stride_columns_[stride / k_stride];
        from = stride;
    }
    const std::string_view rest = text_.substr(from, offset - from);
    return Mark{line, static_cast<uint32_t>(column + utf8_column(rest, rest.size()) + 1), offset};
}

std::string_view LineIndex::line_text(uint32_t line) const {
    if (line == 0 || line > starts_.size()) return {};
    const uint32_t start = starts_[line - 1];
    uint32_t end = line < starts_.size() ? starts_[line] - 1 : static_cast<uint32_t>(text_.size());
    if (end > start && text_[end - 1] == '\r') --end;
    return text_.substr(start, end - start);
}

}  // namespace kam
