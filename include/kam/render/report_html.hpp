#pragma once
// `kam report`: one self-contained HTML file (inline CSS and SVG, no script,
// nothing fetched), built from the same report layer as the other formats
// so that every number matches them. All text is HTML-escaped.
#include <string>
#include <vector>

#include "kam/report/report_model.hpp"
#include "kam/report/report_page.hpp"
#include "kam/util/text_sink.hpp"

namespace kam {

// The page of a PortfolioPage (report/report_page.hpp): every section and
// chart from its own typed field. write_html_page writes it to `out` a
// section at a time, and each account's page as it is built, so that the
// page is never held whole; render_html_page returns the same text.
void write_html_page(const PortfolioPage& page, const TextSink& out);
std::string render_html_page(const PortfolioPage& page);

// The blocks of any report as HTML tables (headings at `level`).
std::string render_report_html_blocks(const Report& report, int level);

}  // namespace kam
