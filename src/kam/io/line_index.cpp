#include "kam/io/line_index.hpp"

#include <algorithm>
#include <cstring>

#include "kam/util/utf8.hpp"

namespace kam {

LineIndex::LineIndex(std::string_view text) : text_(text) {
    starts_.push_back(0);
    stride_columns_.reserve(text.size() / k_stride + 1);
    // Line by line (memchr finds the ends); only a line that holds a stride
    // boundary has its code points counted, up to the last boundary in it.
    const auto code_points = [&](size_t from, size_t to) {
        uint32_t n = 0;
        for (size_t i = from; i < to; ++i)
            n += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
        return n;
    };
    size_t start = 0;
    while (start <= text.size()) {
        const void* nl = start < text.size()
                             ? std::memchr(text.data() + start, '\n', text.size() - start)
                             : nullptr;
        const size_t end =
            nl ? static_cast<size_t>(static_cast<const char*>(nl) - text.data()) : text.size();
        // The boundaries b in [start, end], or [start, end) on the last line.
        const size_t last = nl ? end : (end == 0 ? 0 : end - 1);
        size_t b = (start + k_stride - 1) / k_stride * k_stride;
        if (start < text.size() && b <= last) {
            uint32_t column = code_points(start, b);
            for (; b <= last; b += k_stride) {
                stride_columns_.push_back(column);
                column += code_points(b, std::min(b + k_stride, last + 1));
            }
        }
        if (!nl) break;
        start = end + 1;
        starts_.push_back(static_cast<uint32_t>(start));
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

Mark MarkCursor::at(uint32_t offset) {
    const std::string_view text = lines_.text();
    offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text.size()));
    if (offset < at_.offset) return at_ = lines_.mark_at(offset);
    const uint32_t lines = lines_.line_count();
    while (at_.line < lines && lines_.line_start(at_.line + 1) <= offset) {
        ++at_.line;
        at_.column = 1;
        at_.offset = lines_.line_start(at_.line);
    }
    const std::string_view step = text.substr(at_.offset, offset - at_.offset);
    at_.column += static_cast<uint32_t>(utf8_column(step, step.size()));
    at_.offset = offset;
    return at_;
}

}  // namespace kam
