#include "kam/report/report_model.hpp"

#include "kam/metrics/named_figures.hpp"

#include <fmt/format.h>
#include <algorithm>

namespace kam {

Cell Cell::none(std::string why) {
    Cell c;
    c.reason = std::move(why);
    return c;
}

Cell Cell::of(std::string text) {
    Cell c;
    c.kind = Kind::text;
    c.text = std::move(text);
    return c;
}

Cell Cell::of_int(int64_t value) {
    Cell c;
    c.kind = Kind::integer;
    c.number = value;
    return c;
}

Cell Cell::of_money(Money value) {
    Cell c;
    c.kind = Kind::money;
    c.number = value.whole_units();
    return c;
}

Cell Cell::of_fixed(Fixed value) {
    Cell c;
    c.kind = Kind::fixed;
    c.fixed = value;
    return c;
}

Cell Cell::of_date(Date value) {
    Cell c;
    c.kind = Kind::date;
    c.text = value.to_string();
    return c;
}

Cell Cell::of_bool(bool value) {
    Cell c;
    c.kind = Kind::boolean;
    c.number = value ? 1 : 0;
    return c;
}

Cell Cell::of_number(double value) {
    const Decimal d = decimal_from_double(value);
    if (d.scale > 9 || d.units > 1'000'000'000'000'000 || d.units < -1'000'000'000'000'000)
        return of(fmt::format("{}", value));
    return of_fixed(Fixed{static_cast<int64_t>(d.units), d.scale});
}

bool Table::heading(size_t row) const {
    return std::find(heading_rows.begin(), heading_rows.end(), row) != heading_rows.end();
}

std::string source_location(const SourceNote& s) {
    if (s.line == 0) return s.file;
    return fmt::format("{}:{}:{}", s.file, s.line, s.column);
}

std::string derived_name(const DerivedNote& d) {
    return d.account.empty() ? d.figure : fmt::format("{} {}", d.account, d.figure);
}

Table explanation_table(const std::vector<Explanation>& explanations) {
    Table t;
    t.key = "sources";
    t.title = "Sources";
    t.columns = {{"account", "Account", "", false, false, false},
                 {"figure", "Figure", "", false, false, false},
                 {"value", "Value", "", false, false, false},
                 {"formula", "Formula (kam-metrics(7))", "", false, false, false},
                 {"file", "File", "", false, false, false},
                 {"line", "Line", "", true, false, false},
                 {"column", "Column", "", true, false, false},
                 {"path", "Kam path", "", false, false, false},
                 {"input", "Input", "", false, false, false},
                 {"from_account", "From account", "", false, false, false},
                 {"from_figure", "From figure", "", false, false, false}};
    for (const Explanation& e : explanations) {
        if (e.sources.empty() && e.from.empty()) {
            t.rows.push_back({Cell::of(e.account), Cell::of(e.figure), e.value, Cell::of(e.formula),
                              Cell::none(), Cell::none(), Cell::none(), Cell::none(),
                              Cell::of(e.value.reason), Cell::none(), Cell::none()});
            continue;
        }
        for (const SourceNote& s : e.sources)
            t.rows.push_back({Cell::of(e.account), Cell::of(e.figure), e.value, Cell::of(e.formula),
                              Cell::of(s.file), s.line ? Cell::of_int(s.line) : Cell::none(),
                              s.line ? Cell::of_int(s.column) : Cell::none(), Cell::of(s.path),
                              Cell::of(s.value), Cell::none(), Cell::none()});
        for (const DerivedNote& d : e.from)
            t.rows.push_back(
                {Cell::of(e.account), Cell::of(e.figure), e.value, Cell::of(e.formula),
                 Cell::none(), Cell::none(), Cell::none(), Cell::none(), Cell::of(d.value),
                 d.account.empty() ? Cell::none() : Cell::of(d.account), Cell::of(d.figure)});
    }
    return t;
}

bool for_humans(const Block& block) {
    const Table* t = std::get_if<Table>(&block);
    return !t || !t->machine_only;
}

bool for_machines(const Block& block) {
    const Table* t = std::get_if<Table>(&block);
    return !t || !t->human_only;
}

namespace {

std::string grouped(int64_t value) {
    const bool negative = value < 0;
    const uint64_t mag = negative ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
    std::string digits = fmt::format("{}", mag), out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return negative ? "-" + out : out;
}

}  // namespace

std::string human_text(const Cell& c, bool group_thousands) {
    switch (c.kind) {
        case Cell::Kind::empty:
            return "-";
        case Cell::Kind::money:
            return group_thousands ? grouped(c.number) : plain_text(c);
        case Cell::Kind::boolean:
            return c.number ? "yes" : "no";
        default:
            return plain_text(c);
    }
}

std::string plain_text(const Cell& c) {
    switch (c.kind) {
        case Cell::Kind::empty:
            return {};
        case Cell::Kind::text:
        case Cell::Kind::date:
            return c.text;
        case Cell::Kind::integer:
        case Cell::Kind::money:
            return fmt::format("{}", c.number);
        case Cell::Kind::fixed:
            return c.fixed.to_string();
        case Cell::Kind::boolean:
            return c.number ? "true" : "false";
    }
    return {};
}

namespace {

// -1, 0, 1 for two non-empty cells of one column.
int compare(const Cell& a, const Cell& b) {
    if (a.kind == Cell::Kind::fixed && b.kind == Cell::Kind::fixed) {
        // Bring both to the larger number of places.
        const int128 x = a.fixed.units * pow10(b.fixed.places - a.fixed.places),
                     y = b.fixed.units * pow10(a.fixed.places - b.fixed.places);
        return x < y ? -1 : x > y;
    }
    if (a.numeric() && b.numeric() && a.kind != Cell::Kind::fixed && b.kind != Cell::Kind::fixed)
        return a.number < b.number ? -1 : a.number > b.number;
    if (a.kind == Cell::Kind::boolean && b.kind == Cell::Kind::boolean)
        return a.number < b.number ? -1 : a.number > b.number;
    const int c = plain_text(a).compare(plain_text(b));
    return c < 0 ? -1 : c > 0;
}

}  // namespace

bool sort_rows(Table& table, std::string_view key, bool descending) {
    size_t col = table.columns.size();
    for (size_t i = 0; i < table.columns.size(); ++i)
        if (table.columns[i].key == key) col = i;
    if (col == table.columns.size()) return false;
    if (table.make_row) {
        for (size_t r = 0; r < table.made_rows; ++r) table.rows.push_back(table.make_row(r));
        table.make_row = nullptr;
        table.made_rows = 0;
    }
    std::stable_sort(table.rows.begin(), table.rows.end(), [&](const auto& r1, const auto& r2) {
        const Cell &a = r1[col], &b = r2[col];
        const bool ea = a.kind == Cell::Kind::empty, eb = b.kind == Cell::Kind::empty;
        if (ea || eb) return !ea && eb;
        const int c = compare(a, b);
        return descending ? c > 0 : c < 0;
    });
    return true;
}

const std::vector<Cell>& Table::row(size_t r, std::vector<Cell>& scratch) const {
    if (!make_row) return rows[r];
    scratch = make_row(r);
    return scratch;
}

Cell reading_cell(const FigureReading& r) {
    struct Visitor {
        const std::string& reason;
        Cell operator()(std::monostate) const { return Cell::none(reason); }
        Cell operator()(Money v) const { return Cell::of_money(v); }
        Cell operator()(const Fixed& v) const { return Cell::of_fixed(v); }
        Cell operator()(int64_t v) const { return Cell::of_int(v); }
        Cell operator()(Date v) const { return Cell::of_date(v); }
        Cell operator()(bool v) const { return Cell::of_bool(v); }
    };
    return std::visit(Visitor{r.reason}, r.value);
}

}  // namespace kam
