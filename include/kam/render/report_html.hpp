#pragma once
// `kam report`: one self-contained HTML file (inline CSS and SVG, no script,
// nothing fetched), built from the same neutral reports as the other formats
// so that every number matches them. All text is HTML-escaped.
#include <string>
#include <vector>

#include "kam/report/report_model.hpp"

namespace kam {

struct HtmlPage {
    Report summary;  // accounts, totals, alerts
    Report keys, risks, renewals, pipeline;
    std::vector<Report> accounts;  // one `show` report each
    double key_share = 80;         // policy.key_account_share, for the Pareto chart
    int renewal_within = 180;      // days the renewals report covers
};

std::string render_html_page(const HtmlPage& page);

// The blocks of any report as HTML tables (headings at `level`).
std::string render_report_html_blocks(const Report& report, int level);

}  // namespace kam
