#pragma once
// The neutral result every report is built into before rendering: metadata,
// then blocks that are either a list of named figures or a table. Cells hold
// typed values (money already in whole units), so table, markdown, json, csv
// and html print the same numbers and differ only in presentation.
#include <cstdint>
#include <functional>
#include <string>
#include <variant>
#include <vector>

#include "kam/metrics/exact.hpp"
#include "kam/metrics/figure.hpp"
#include "kam/util/date.hpp"
#include "kam/util/money.hpp"

namespace kam {

// How a value reads on a terminal with colour; ignored elsewhere.
enum class Tone : uint8_t { none, good, warn, bad };

struct Cell {
    enum class Kind : uint8_t { empty, text, integer, money, fixed, date, boolean };
    Kind kind = Kind::empty;
    std::string text;    // text; a date as YYYY-MM-DD
    int64_t number = 0;  // integer; money in whole units of the base currency; boolean 0 or 1
    Fixed fixed;
    Tone tone = Tone::none;
    std::string reason;  // an empty cell's why, when it is a figure that could not be computed

    static Cell none(std::string why = {});
    static Cell of(std::string text);
    static Cell of_int(int64_t value);
    static Cell of_money(Money value);  // rounded half away from zero to whole units
    static Cell of_fixed(Fixed value);
    static Cell of_date(Date value);
    static Cell of_bool(bool value);
    // A `number` field as written (the model keeps a double): exact digits, or text when extreme.
    static Cell of_number(double value);
    static Cell of(const Figure<Money>& f) { return f ? of_money(*f) : none(f.reason); }
    static Cell of(const Figure<Fixed>& f) { return f ? of_fixed(*f) : none(f.reason); }
    static Cell of(const Figure<int64_t>& f) { return f ? of_int(*f) : none(f.reason); }
    static Cell of(const Figure<Date>& f) { return f ? of_date(*f) : none(f.reason); }
    Cell with_tone(Tone t) && {
        tone = t;
        return std::move(*this);
    }

    bool numeric() const {
        return kind == Kind::integer || kind == Kind::money || kind == Kind::fixed;
    }
};

struct FigureReading;  // metrics/named_figures.hpp
// A figure of named_figures() as a cell: money in whole units, an empty one
// with its reason (kam history's tables, the report's sparklines).
Cell reading_cell(const FigureReading& reading);

// For people: money grouped by thousands ("1,500,001") unless told not to,
// "-" when empty.
std::string human_text(const Cell& cell, bool group_thousands = true);
// For machines: "1500001", "" when empty.
std::string plain_text(const Cell& cell);

struct Column {
    std::string key;    // the JSON and CSV name (section 6 names for figures)
    std::string title;  // for markdown and html
    std::string
        short_title;  // for the terminal table; may hold '\n' for a two-line header; empty: title
    bool numeric = false;       // right-aligned
    bool elide = false;         // may be shortened with "…" to fit the width
    bool machine_only = false;  // in json and csv only (the table and markdown stay readable)
    size_t min_width =
        0;  // an elided column keeps at least this many (0: its header's width, at least 4)
    bool human_only =
        false;  // in the table, markdown and html only (e.g. the reasons machines get anyway)
};

struct Table {
    std::string key, title;
    std::vector<Column> columns;
    std::vector<std::vector<Cell>> rows;
    std::string empty_text = "none";  // printed by the human formats when there are no rows
    std::vector<std::string> notes;   // printed under the table by the human formats
    // Rows printed like the header (a grid such as the SWOT's 2x2 has two).
    std::vector<size_t> heading_rows;
    bool machine_only = false;  // in json only (the human formats show it another way)
    bool human_only = false;    // in the table, markdown and html only
    // The terminal table, when the columns cannot fit its width even cut to
    // their least: one record per row instead (its first column as a
    // heading, then each non-empty cell under its column's title), so a grid
    // with a column per offering still reads in 80 columns. Other formats
    // keep the grid.
    bool records_when_too_wide = false;
    // The terminal table, when its columns cannot fit its width at their
    // full widths: printed as these parts instead, each a table of the same
    // rows with the columns it names by key (its first the row's name), one
    // under the other, so that nothing is cut; a part whose two columns still
    // cannot fit is printed one record per row. Every column shown belongs to
    // a part. Other formats, and --wide, keep the one table.
    struct Part {
        std::string title;
        std::vector<std::string> keys;
    };
    std::vector<Part> terminal_parts;
    // A table too large to hold whole (kam history's figures: a row per
    // account and figure, a column per point): `rows` stays empty and each
    // of `made_rows` rows is made when a renderer asks for it, then dropped.
    // The function reads what the table was built from, which must outlive it.
    size_t made_rows = 0;
    std::function<std::vector<Cell>(size_t)> make_row;

    bool heading(size_t row) const;
    // What renderers read rows through, either kind of table.
    size_t row_count() const { return make_row ? made_rows : rows.size(); }
    // Row `r`: the one in `rows`, or one made into `scratch`.
    const std::vector<Cell>& row(size_t r, std::vector<Cell>& scratch) const;
};

struct Item {
    std::string key, label;
    Cell value;
    // For a total: the accounts left out because their figure is missing (the
    // human formats say it in the label; JSON gives the count).
    size_t unknown = 0;
};

struct FigureList {
    std::string key, title;
    std::vector<Item> items;
};

using Block = std::variant<FigureList, Table>;

// Whether the human formats (table, markdown, html) or JSON print a block.
bool for_humans(const Block& block);
bool for_machines(const Block& block);

// Sorts the rows by the column named `key`: numbers by value, text and dates
// by their text; empty cells last either way. Stable. False when no column has
// that key. A table of made rows is made whole first.
bool sort_rows(Table& table, std::string_view key, bool descending);

// One input of a figure, where it is written (kam-metrics(7), SOURCES).
struct SourceNote {
    std::string file;               // display path, as findings name it
    uint32_t line = 0, column = 0;  // line 0: a kam.yaml setting not written (its default)
    std::string path;               // kam path ("performance.financials.3.revenue")
    std::string value;              // the input as the figure took it
};

// A figure another is derived from (a rank, a count): itself explained in
// the same report.
struct DerivedNote {
    std::string account;  // slug; empty for a figure of the whole portfolio
    std::string figure;
    std::string value;  // as the derived figure took it
};

// Where a printed figure comes from: its formula's section of
// kam-metrics(7) and each input with its file:line:column (--explain).
struct Explanation {
    std::string account;  // slug; empty for a figure of the whole portfolio
    std::string figure;   // its JSON and CSV name ("attractiveness_size"), or the cell's column
    std::string formula;  // the section of kam-metrics(7) that defines it
    Cell value;
    std::vector<SourceNote> sources;
    std::vector<DerivedNote> from;  // the figures it is derived from (ranks, counts, shares)
};

struct Report {
    static constexpr int k_format_version = 1;
    std::string kind;        // "summary", "renewals", ...
    std::string title;       // first line of the human formats
    std::vector<Item> meta;  // portfolio, as_of, currency...
    std::vector<Block> blocks;
    size_t csv_block = 0;  // the one block CSV carries (one header row, RFC 4180)
    // Filled only when asked for (--explain): every format then prints them,
    // CSV instead of csv_block (one row per input).
    std::vector<Explanation> explanations;
};

// "accounts/acme/performance.yaml:20:14", or the file alone for a default (line 0).
std::string source_location(const SourceNote& source);
// "acme annual_margin", or the figure alone for one of the whole portfolio.
std::string derived_name(const DerivedNote& from);
// The explanations as one table, a row per input and per figure it is
// derived from (from_account, from_figure; a figure with neither gets one
// row, its reason in `input`): what CSV prints under --explain.
Table explanation_table(const std::vector<Explanation>& explanations);

}  // namespace kam
