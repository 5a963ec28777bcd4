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
    std::string out;
    auto record = [&](const std::vector<const Cell*>& cells) {
        for (size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + field(*cells[i]);
        out += "\r\n";
    };
    const Table* main = report.explanations.empty()
                            ? std::get_if<Table>(&report.blocks[report.csv_block])
                            : &sources;
    if (const Table* t = main) {
        for (size_t i = 0, n = 0; i < t->columns.size(); ++i)
            if (!t->columns[i].human_only)
                out += (n++ ? "," : "") + field(Cell::of(t->columns[i].key));
        out += "\r\n";
        std::vector<Cell> scratch;
        std::vector<const Cell*> cells;
        for (size_t r = 0; r < t->row_count(); ++r) {
            const std::vector<Cell>& row = t->row(r, scratch);
            cells.clear();
            for (size_t i = 0; i < row.size(); ++i)
                if (!t->columns[i].human_only) cells.push_back(&row[i]);
            record(cells);
        }
    } else {
        // A list of figures is one record: its names, then its values.
        const auto& f = std::get<FigureList>(report.blocks[report.csv_block]);
        std::vector<const Cell*> cells;
        for (size_t i = 0; i < f.items.size(); ++i) {
            out += (i ? "," : "") + field(Cell::of(f.items[i].key));
            cells.push_back(&f.items[i].value);
        }
        out += "\r\n";
        record(cells);
    }
    return out;
}

}  // namespace kam
