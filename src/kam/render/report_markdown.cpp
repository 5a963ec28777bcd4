// GitHub-flavoured markdown: a heading per block, pipe tables.
#include "kam/render/report_formats.hpp"
#include "kam/util/safe_text.hpp"

namespace kam {

namespace {

// Text from the account files is data: no markup, no raw HTML, no broken table.
std::string md(std::string_view text) {
    std::string out;
    for (const char ch : escape_controls(text, LineBreaks::space)) {
        switch (ch) {
            case '\\':
            case '`':
            case '*':
            case '_':
            case '[':
            case ']':
            case '<':
            case '>':
            case '|':
            case '#':
            case '&':
            case '~':
            case '!':
                out += '\\';
                out += ch;
                break;
            case '@':
                // "@name" notifies name when posted as a GitHub comment; a zero-width
                // space after the '@' (as Dependabot writes it) keeps it text.
                out += "@&#8203;";
                break;
            case '\n':
            case '\r':
            case '\t':
                out += ' ';
                break;
            default:
                if (static_cast<unsigned char>(ch) >= 0x20 && ch != 0x7F) out += ch;
        }
    }
    return out;
}

std::string one_line(const std::string& title) {
    std::string out = title;
    for (char& ch : out)
        if (ch == '\n') ch = ' ';
    return out;
}

void write(const Table& t, std::string& out) {
    std::vector<size_t> index;
    for (size_t i = 0; i < t.columns.size(); ++i)
        if (!t.columns[i].machine_only) index.push_back(i);
    if (t.row_count() == 0) {
        out += md(t.empty_text) + "\n";
    } else {
        std::string header = "|", rule = "|";
        for (const size_t i : index) {
            header += " " + md(one_line(t.columns[i].title)) + " |";
            rule += t.columns[i].numeric ? " --: |" : " :-- |";
        }
        out += header + "\n" + rule + "\n";
        std::vector<Cell> scratch;
        for (size_t r = 0; r < t.row_count(); ++r) {
            const std::vector<Cell>& row = t.row(r, scratch);
            std::string line = "|";
            for (const size_t i : index) {
                const std::string text = md(human_text(row[i]));
                line += " " + (t.heading(r) && !text.empty() ? "**" + text + "**" : text) + " |";
            }
            out += line + "\n";
        }
    }
    if (!t.notes.empty()) {
        out += "\n";
        for (const std::string& n : t.notes) out += md(n) + "  \n";
    }
}

void write(const FigureList& f, std::string& out) {
    // As in the terminal table: right-aligned unless text is among the values.
    bool right = true;
    for (const Item& i : f.items)
        right &= i.value.numeric() || i.value.kind == Cell::Kind::empty ||
                 i.value.kind == Cell::Kind::date;
    out += right ? "| Item | Value |\n| :-- | --: |\n" : "| Item | Value |\n| :-- | :-- |\n";
    for (const Item& i : f.items) {
        std::string value = md(human_text(i.value));
        if (i.value.kind == Cell::Kind::empty && !i.value.reason.empty())
            value += " (" + md(i.value.reason) + ")";
        out += "| " + md(i.label) + " | " + value + " |\n";
    }
}

}  // namespace

std::string render_report_markdown(const Report& report) {
    std::string out = "# " + md(report.title) + "\n\n";
    for (const Item& m : report.meta)
        out += "- **" + md(m.label) + ":** " + md(human_text(m.value)) + "\n";
    for (const Block& b : report.blocks) {
        if (!for_humans(b)) continue;
        std::visit(
            [&](const auto& block) {
                out += "\n";
                if (!block.title.empty()) out += "## " + md(block.title) + "\n\n";
                write(block, out);
            },
            b);
    }
    if (!report.explanations.empty()) {
        out +=
            "\n## Sources\n\nEach figure with its formula in kam-metrics(7) and every input "
            "at file:line:column.\n\n";
        for (const Explanation& e : report.explanations) {
            out += "- " + (e.account.empty() ? std::string() : "**" + md(e.account) + "** ") + "`" +
                   e.figure + "` = " + md(human_text(e.value));
            if (e.value.kind == Cell::Kind::empty && !e.value.reason.empty())
                out += " (" + md(e.value.reason) + ")";
            out += " — kam-metrics(7) *" + md(e.formula) + "*\n";
            for (const SourceNote& s : e.sources)
                out += "  - `" + source_location(s) + "` `" + s.path + "` = " + md(s.value) + "\n";
            for (const DerivedNote& d : e.from)
                out += "  - from " + md(derived_name(d)) + " = " + md(d.value) + "\n";
        }
    }
    return out;
}

}  // namespace kam
