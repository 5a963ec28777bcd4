// The terminal table: aligned columns fitted to a width by eliding long text.
#include <fmt/format.h>
#include <algorithm>
#include <numeric>

#include "kam/render/report_formats.hpp"
#include "kam/util/safe_text.hpp"

namespace kam {

namespace {

// Control characters (escape sequences above all) never reach the terminal.
std::string clean(std::string_view text) {
    return escape_controls(text, LineBreaks::space);
}

std::string_view tone_code(Tone t) {
    switch (t) {
        case Tone::good:
            return "\x1b[32m";
        case Tone::warn:
            return "\x1b[33m";
        case Tone::bad:
            return "\x1b[31m";
        case Tone::none:
            break;
    }
    return {};
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    size_t start = 0;
    for (size_t nl; (nl = text.find('\n', start)) != std::string::npos; start = nl + 1)
        lines.push_back(text.substr(start, nl - start));
    lines.push_back(text.substr(start));
    return lines;
}

std::string pad(std::string_view text, size_t width, bool right) {
    const size_t w = text_width(text);
    const std::string fill(w < width ? width - w : 0, ' ');
    return right ? fill + std::string(text) : std::string(text) + fill;
}

class TableWriter {
  public:
    TableWriter(const ReportTableOptions& o, std::string& out) : o_(o), out_(out) {}

    void write(const Table& t) {
        std::vector<const Column*> cols;
        std::vector<size_t> index;
        for (size_t i = 0; i < t.columns.size(); ++i)
            if (!t.columns[i].machine_only) {
                cols.push_back(&t.columns[i]);
                index.push_back(i);
            }
        if (t.row_count() == 0) {
            out_ += "  " + t.empty_text + "\n";
            notes(t);
            return;
        }
        // Money is grouped by thousands unless the table only fits without.
        Layout layout = measure(t, cols, index, true);
        if (!t.terminal_parts.empty() && !fits_whole(layout)) return parts(t);
        if (!fit(layout, cols)) {
            Layout plain = measure(t, cols, index, false);
            if (fit(plain, cols)) {
                layout = std::move(plain);
            } else if (t.records_when_too_wide && cols.size() > 1) {
                records(t, cols, index);
                notes(t);
                return;
            } else {
                fit(layout, cols);  // too wide either way: grouped, as short as it gets
            }
        }
        const auto& [cells, headers, width, min_width, header_rows] = layout;

        const std::string gap(gap_, ' ');
        // Headers sit on the bottom lines, like the figures under them.
        for (size_t line = 0; line < header_rows; ++line) {
            std::string row;
            for (size_t c = 0; c < cols.size(); ++c) {
                const size_t skip = header_rows - headers[c].size();
                const std::string text =
                    line < skip ? "" : elide(headers[c][line - skip], width[c]);
                row += (c ? gap : "") + pad(text, width[c], cols[c]->numeric);
            }
            emit(row, o_.color ? "\x1b[1m" : "");
        }
        std::string rule;
        for (size_t c = 0; c < cols.size(); ++c)
            rule += (c ? gap : "") + std::string(width[c], '-');
        emit(rule, "");
        std::vector<Cell> scratch;
        for (size_t r = 0; r < t.row_count(); ++r) {
            std::string row;
            if (t.heading(r)) {  // a second header, with its rule, inside the table
                for (size_t c = 0; c < cols.size(); ++c)
                    row += (c ? gap : "") + pad(elide(cells[r][c], width[c]), width[c], false);
                emit(row, o_.color ? "\x1b[1m" : "");
                emit(rule, "");
                continue;
            }
            const std::vector<Cell>& cells_of_row = t.row(r, scratch);
            for (size_t c = 0; c < cols.size(); ++c) {
                const Cell& cell = cells_of_row[index[c]];
                std::string text =
                    pad(elide(cells[r][c], width[c]), width[c], cols[c]->numeric || cell.numeric());
                if (o_.color && cell.tone != Tone::none)
                    text = fmt::format("{}{}\x1b[0m", tone_code(cell.tone), text);
                row += (c ? gap : "") + text;
            }
            emit(row, "");
        }
        notes(t);
    }

    void write(const FigureList& f) {
        size_t label = 0, value = 0;
        std::vector<std::string> values;
        for (const Item& i : f.items) {
            label = std::max(label, text_width(i.label));
            values.push_back(clean(human_text(i.value)));
            value = std::max(value, text_width(values.back()));
        }
        // Figures line up on the right, unless text among them reads better from the left.
        bool right = true;
        for (const Item& i : f.items)
            right &= i.value.numeric() || i.value.kind == Cell::Kind::empty ||
                     i.value.kind == Cell::Kind::date;
        for (size_t i = 0; i < f.items.size(); ++i) {
            const Item& item = f.items[i];
            // Left-aligned values need no padding: a reason follows its value closely.
            std::string v = right ? pad(values[i], value, true) : values[i];
            const std::string head = "  " + pad(clean(item.label), label, false) + "  ";
            const bool why = item.value.kind == Cell::Kind::empty && !item.value.reason.empty();
            // A text too long for the width (a team, a mission, a list of
            // offerings) goes on under itself, broken at spaces, as the
            // record form of a table does; a figure never breaks.
            const size_t indent = text_width(head);
            if (!right && !why && o_.width > indent + 20 && indent + text_width(v) > o_.width) {
                const auto lines = wrapped(v, o_.width - indent);
                for (size_t k = 0; k < lines.size(); ++k) {
                    std::string piece = lines[k];
                    if (o_.color && item.value.tone != Tone::none)
                        piece = fmt::format("{}{}\x1b[0m", tone_code(item.value.tone), piece);
                    emit((k == 0 ? head : std::string(indent, ' ')) + piece, "");
                }
                continue;
            }
            if (o_.color && item.value.tone != Tone::none)
                v = fmt::format("{}{}\x1b[0m", tone_code(item.value.tone), v);
            std::string line = head + v;
            // An empty figure says why, on the same line, or under its value
            // when the line would pass the width.
            if (why) {
                const std::string reason = "(" + clean(item.value.reason) + ")";
                if (o_.width > indent + 20 &&
                    text_width(line) + 2 + text_width(reason) > o_.width) {
                    emit(line, "");
                    for (const std::string& l : wrapped(reason, o_.width - indent))
                        emit(std::string(indent, ' ') + l, "");
                    continue;
                }
                line += "  " + reason;
            }
            emit(line, "");
        }
    }

  private:
    struct Layout;

    // Every column at its full width, with the gap of two.
    bool fits_whole(const Layout& l) const {
        const size_t n = l.width.size();
        return std::accumulate(l.width.begin(), l.width.end(), size_t{0}) + 2 * (n - 1) <= o_.width;
    }

    // The table as its terminal_parts, each under "Part K of N: TITLE"; a
    // part that cannot fit uncut is printed one record per row.
    void parts(const Table& t) {
        const size_t n = t.terminal_parts.size();
        for (size_t k = 0; k < n; ++k) {
            const Table::Part& part = t.terminal_parts[k];
            Table p;
            p.records_when_too_wide = true;
            p.heading_rows = t.heading_rows;
            std::vector<size_t> which;
            for (const std::string& key : part.keys)
                for (size_t c = 0; c < t.columns.size(); ++c)
                    if (t.columns[c].key == key) {
                        which.push_back(c);
                        p.columns.push_back(t.columns[c]);
                        p.columns.back().machine_only = false;
                        p.columns.back().elide = false;  // a part too wide: records, never cut
                    }
            std::vector<Cell> scratch;
            for (size_t r = 0; r < t.row_count(); ++r) {
                const std::vector<Cell>& row = t.row(r, scratch);
                std::vector<Cell> cells;
                for (const size_t c : which) cells.push_back(row[c]);
                p.rows.push_back(std::move(cells));
            }
            if (k > 0) out_ += "\n";
            emit(fmt::format("Part {} of {}: {}", k + 1, n, clean(part.title)), "");
            write(p);
        }
        notes(t);
    }

    struct Layout {
        std::vector<std::vector<std::string>> cells, headers;
        std::vector<size_t> width, min_width;
        size_t header_rows = 1;
    };

    // Cell texts, header lines, natural and least widths.
    static Layout measure(const Table& t, const std::vector<const Column*>& cols,
                          const std::vector<size_t>& index, bool group) {
        Layout l;
        l.cells.resize(t.row_count());
        l.width.assign(cols.size(), 0);
        l.min_width.assign(cols.size(), 0);
        for (size_t c = 0; c < cols.size(); ++c) {
            l.headers.push_back(
                split_lines(cols[c]->short_title.empty() ? cols[c]->title : cols[c]->short_title));
            l.header_rows = std::max(l.header_rows, l.headers.back().size());
            for (const std::string& h : l.headers.back())
                l.width[c] = std::max(l.width[c], text_width(h));
        }
        std::vector<Cell> scratch;
        for (size_t r = 0; r < t.row_count(); ++r) {
            const std::vector<Cell>& row = t.row(r, scratch);
            for (size_t c = 0; c < cols.size(); ++c) {
                l.cells[r].push_back(clean(human_text(row[index[c]], group)));
                l.width[c] = std::max(l.width[c], text_width(l.cells[r].back()));
            }
        }
        for (size_t c = 0; c < cols.size(); ++c) {
            size_t least = cols[c]->min_width;
            if (least == 0)
                for (const std::string& h : l.headers[c])
                    least = std::max<size_t>({least, text_width(h), 4});
            l.min_width[c] = cols[c]->elide ? std::min(l.width[c], least) : l.width[c];
        }
        return l;
    }

    // Picks the gap and shortens elidable columns, the one with the most to
    // spare first; false when the table cannot fit.
    bool fit(Layout& l, const std::vector<const Column*>& cols) {
        const size_t n = l.width.size();
        auto total = [&](size_t gap) {
            return std::accumulate(l.width.begin(), l.width.end(), size_t{0}) + gap * (n - 1);
        };
        const size_t least = std::accumulate(l.min_width.begin(), l.min_width.end(), size_t{0});
        gap_ = least + 2 * (n - 1) <= o_.width ? 2 : 1;
        while (total(gap_) > o_.width) {
            size_t pick = n;
            for (size_t c = 0; c < n; ++c)
                if (cols[c]->elide && l.width[c] > l.min_width[c] &&
                    (pick == n || l.width[c] - l.min_width[c] > l.width[pick] - l.min_width[pick]))
                    pick = c;
            if (pick == n) return false;  // nothing left to shorten: the table overflows
            --l.width[pick];
        }
        return true;
    }

    void notes(const Table& t) {
        for (const std::string& n : t.notes)
            for (const std::string& line : wrapped(clean(n), o_.width)) emit(line, "");
    }

    // One record per row: the first column's cell as a heading, then each
    // non-empty cell under its column's title, long values wrapped.
    void records(const Table& t, const std::vector<const Column*>& cols,
                 const std::vector<size_t>& index) {
        if (cols.size() == 2) return pairs(t, index);
        size_t label = 0;
        std::vector<Cell> scratch;
        for (size_t r = 0; r < t.row_count(); ++r) {
            const std::vector<Cell>& row = t.row(r, scratch);
            for (size_t c = 1; c < cols.size(); ++c)
                if (row[index[c]].kind != Cell::Kind::empty)
                    label = std::max(label, text_width(clean(cols[c]->title)));
        }
        label = std::min(label, o_.width / 2);
        const size_t indent = 2 + label + 2;
        const size_t room = o_.width > indent + 10 ? o_.width - indent : 10;
        for (size_t r = 0; r < t.row_count(); ++r) {
            const std::vector<Cell>& row = t.row(r, scratch);
            const Cell& head = row[index[0]];
            emit(clean(human_text(head)),
                 o_.color && head.tone == Tone::none ? "\x1b[1m" : tone_code(head.tone));
            for (size_t c = 1; c < cols.size(); ++c) {
                const Cell& cell = row[index[c]];
                if (cell.kind == Cell::Kind::empty) continue;
                const auto lines = wrapped(clean(human_text(cell)), room);
                for (size_t k = 0; k < lines.size(); ++k) {
                    std::string value = lines[k];
                    if (o_.color && cell.tone != Tone::none)
                        value = fmt::format("{}{}\x1b[0m", tone_code(cell.tone), value);
                    emit((k == 0
                              ? "  " + pad(elide(clean(cols[c]->title), label), label, false) + "  "
                              : std::string(indent, ' ')) +
                             value,
                         "");
                }
            }
        }
    }

    // Two columns: the first as a label, the second wrapped beside it.
    void pairs(const Table& t, const std::vector<size_t>& index) {
        size_t label = 0;
        std::vector<Cell> scratch;
        for (size_t r = 0; r < t.row_count(); ++r)
            label = std::max(label, text_width(clean(human_text(t.row(r, scratch)[index[0]]))));
        label = std::min(label, o_.width / 2);
        const size_t indent = 2 + label + 2;
        const size_t room = o_.width > indent + 10 ? o_.width - indent : 10;
        for (size_t r = 0; r < t.row_count(); ++r) {
            const std::vector<Cell>& row = t.row(r, scratch);
            const auto lines = wrapped(clean(human_text(row[index[1]])), room);
            for (size_t k = 0; k < lines.size(); ++k)
                emit((k == 0
                          ? "  " +
                                pad(elide(clean(human_text(row[index[0]])), label), label, false) +
                                "  "
                          : std::string(indent, ' ')) +
                         lines[k],
                     "");
        }
    }

    // `text` in lines of at most `width` code points, broken at spaces (a
    // word longer than the width stands alone on its line).
    static std::vector<std::string> wrapped(const std::string& text, size_t width) {
        std::vector<std::string> lines;
        std::string line;
        size_t start = 0;
        while (start <= text.size()) {
            size_t end = text.find(' ', start);
            if (end == std::string::npos) end = text.size();
            const std::string word = text.substr(start, end - start);
            if (!line.empty() && text_width(line) + 1 + text_width(word) > width) {
                lines.push_back(line);
                line.clear();
            }
            line += (line.empty() ? "" : " ") + word;
            start = end + 1;
        }
        if (!line.empty() || lines.empty()) lines.push_back(line);
        return lines;
    }

    void emit(std::string line, std::string_view style) {
        while (!line.empty() && line.back() == ' ') line.pop_back();
        if (!style.empty() && !line.empty()) line = fmt::format("{}{}\x1b[0m", style, line);
        out_ += line + "\n";
    }

    const ReportTableOptions& o_;
    std::string& out_;
    size_t gap_ = 2;
};

}  // namespace

std::string render_report_table(const Report& report, const ReportTableOptions& options) {
    std::string out = clean(report.title) + "\n";
    for (const Item& m : report.meta)
        out += clean(m.label) + ": " + clean(human_text(m.value)) + "\n";
    TableWriter w(options, out);
    for (const Block& b : report.blocks) {
        if (!for_humans(b)) continue;
        out += "\n";
        std::visit(
            [&](const auto& block) {
                if (!block.title.empty())
                    out += (options.color ? "\x1b[1m" + clean(block.title) + "\x1b[0m"
                                          : clean(block.title)) +
                           "\n";
                w.write(block);
            },
            b);
    }
    if (!report.explanations.empty()) {
        const std::string title =
            "Sources (each figure's formula in kam-metrics(7), every input at file:line:column)";
        out += "\n" + (options.color ? "\x1b[1m" + title + "\x1b[0m" : title) + "\n";
        for (const Explanation& e : report.explanations) {
            std::string line = (e.account.empty() ? "" : clean(e.account) + " ") + clean(e.figure) +
                               " = " + clean(human_text(e.value));
            if (e.value.kind == Cell::Kind::empty && !e.value.reason.empty())
                line += " (" + clean(e.value.reason) + ")";
            out += line + "  [kam-metrics(7): " + e.formula + "]\n";
            for (const SourceNote& s : e.sources)
                out += "  " + clean(source_location(s)) + ": note: " + clean(s.path) + " = " +
                       clean(s.value) + "\n";
            for (const DerivedNote& d : e.from)
                out += "  from " + clean(derived_name(d)) + " = " + clean(d.value) + "\n";
        }
    }
    return out;
}

size_t text_width(std::string_view text) {
    size_t n = 0;
    for (const char ch : text)
        if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++n;
    return n;
}

std::string elide(std::string_view text, size_t width) {
    if (text_width(text) <= width) return std::string(text);
    if (width == 0) return {};
    // Keep width - 1 code points, then the ellipsis.
    size_t kept = 0, i = 0;
    for (; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            if (kept == width - 1) break;
            ++kept;
        }
    }
    return std::string(text.substr(0, i)) + "\u2026";
}

}  // namespace kam
