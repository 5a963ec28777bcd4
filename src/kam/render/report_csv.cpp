// CSV (RFC 4180): the report's main block, one header row of field names,
// CRLF line ends, quoted fields where needed.
#include "kam/render/report_formats.hpp"

namespace kam {

namespace {

std::string field(const Cell& c) {
    std::string text = plain_text(c);
    // Spreadsheets run a cell that starts like a formula; text from the
    // account files must stay text. Numbers are ours and stay numbers.
    if (c.kind == Cell::Kind::text && !text.empty() &&
        (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' || text[0] == '\t' ||
         text[0] == '\r'))
        text.insert(0, 1, '\'');
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (const char ch : text) {
        if (ch == '"') quoted += '"';
        quoted += ch;
    }
    return quoted + "\"";
}

}  // namespace

std::string render_report_csv(const Report& report) {
    // Under --explain, the sources, one row per input.
    const Table sources =
        report.explanations.empty() ? Table{} : explanation_table(report.explanations);
    if (report.explanations.empty() && report.csv_block >= report.blocks.size()) return {};
    std::vector<std::string> header;
    std::vector<std::vector<const Cell*>> rows;
    const Table* main = report.explanations.empty()
                            ? std::get_if<Table>(&report.blocks[report.csv_block])
                            : &sources;
    if (const Table* t = main) {
        for (const Column& c : t->columns)
            if (!c.human_only) header.push_back(c.key);
        for (const auto& row : t->rows) {
            rows.emplace_back();
            for (size_t i = 0; i < row.size(); ++i)
                if (!t->columns[i].human_only) rows.back().push_back(&row[i]);
        }
    } else {
        // A list of figures is one record: its names, then its values.
        const auto& f = std::get<FigureList>(report.blocks[report.csv_block]);
        rows.emplace_back();
        for (const Item& i : f.items) {
            header.push_back(i.key);
            rows.back().push_back(&i.value);
        }
    }
    std::string out;
    for (size_t i = 0; i < header.size(); ++i) out += (i ? "," : "") + field(Cell::of(header[i]));
    out += "\r\n";
    for (const auto& row : rows) {
        for (size_t i = 0; i < row.size(); ++i) out += (i ? "," : "") + field(*row[i]);
        out += "\r\n";
    }
    return out;
}

}  // namespace kam
