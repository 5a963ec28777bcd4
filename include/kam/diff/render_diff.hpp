#pragma once
// A PortfolioDiff as text (terraform's + - ~ and `old -> new`, the arrow kam
// set prints), markdown (for pull-request comments and step summaries) and
// JSON (format_version 1). Pure functions: strings out.
#include <cstddef>
#include <string>
#include <vector>

#include "kam/diff/portfolio_diff.hpp"

namespace kam::diff {

struct RenderOptions {
    bool full_text = false;  // --text: long texts line by line instead of "+3 lines, -1 line"
    bool color = false;      // text: green +, red -, yellow ~
    size_t max_bytes = 0;    // markdown: 0 unlimited; else drop details, least changed first
};

std::string render_diff_text(const PortfolioDiff& diff, const RenderOptions& options);
std::string render_diff_markdown(const PortfolioDiff& diff, const RenderOptions& options);
std::string render_diff_json(const PortfolioDiff& diff);

// The changes of one file, for the git driver: the text format's lines.
std::string render_changes_text(const std::vector<Change>& changes, const RenderOptions& options,
                                const std::string& indent);

// The hidden marker a sticky pull-request comment is found by.
inline constexpr const char* k_markdown_marker = "<!-- kam-diff -->";

}  // namespace kam::diff
