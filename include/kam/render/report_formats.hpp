#pragma once
// Renderers of reports: pure functions from the neutral Report to text.
#include <string>

#include "kam/report/report_model.hpp"
#include "kam/util/text_sink.hpp"

namespace kam {

struct ReportTableOptions {
    bool color = false;
    size_t width = 100;  // the table is fitted to this many columns
};

// Aligned columns for a terminal; long text is elided with "…" to fit.
std::string render_report_table(const Report& report, const ReportTableOptions& options);
// GitHub-flavoured markdown.
std::string render_report_markdown(const Report& report);
// JSON with `format_version`, keys in a stable order, nulls with their reasons.
// write_report_json writes it to `out` a row at a time (no document tree);
// render_report_json returns the same text.
void write_report_json(const Report& report, const TextSink& out);
std::string render_report_json(const Report& report);
// RFC 4180 CSV of the report's main block (a table, or a list of figures as
// one record); text cells that a spreadsheet
// would take for a formula (= + - @, tab, CR) get a leading apostrophe.
std::string render_report_csv(const Report& report);

// Display width of UTF-8 text, in code points.
size_t text_width(std::string_view text);
// `text` cut to `width` code points, ending in "…" when cut.
std::string elide(std::string_view text, size_t width);

}  // namespace kam
