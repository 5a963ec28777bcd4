#include "kam/history/history_report.hpp"

#include <fmt/format.h>

#include "kam/history/samples.hpp"

namespace kam {

namespace {

Cell cell_of(const FigureReading& r) {
    return reading_cell(r);
}

// -1, 0 or 1: how `b` compares with `a`; nullopt when they cannot be compared.
std::optional<int> compare(const FigureReading& a, const FigureReading& b) {
    if (!a.known() || !b.known() || a.value.index() != b.value.index()) return std::nullopt;
    auto sign = [](auto x, auto y) { return x < y ? 1 : (y < x ? -1 : 0); };
    if (auto* x = std::get_if<Money>(&a.value))
        return sign(x->cents, std::get<Money>(b.value).cents);
    if (auto* x = std::get_if<int64_t>(&a.value)) return sign(*x, std::get<int64_t>(b.value));
    if (auto* x = std::get_if<Date>(&a.value)) return sign(x->days, std::get<Date>(b.value).days);
    if (auto* x = std::get_if<Fixed>(&a.value)) {
        const Fixed& y = std::get<Fixed>(b.value);
        if (x->places != y.places) return std::nullopt;
        return sign(x->units, y.units);
    }
    return std::nullopt;
}

// The change from `a` to `b` as a cell of the same kind (days for dates).
Cell change_cell(const FigureReading& a, const FigureReading& b) {
    if (!b.known()) return Cell::none(b.reason);
    if (!a.known()) return cell_of(b);  // the first value: shown as it is
    if (auto* x = std::get_if<Money>(&a.value)) {
        Money d;
        if (__builtin_sub_overflow(std::get<Money>(b.value).cents, x->cents, &d.cents))
            return Cell::none(Money::k_overflow);
        return Cell::of_money(d);
    }
    if (auto* x = std::get_if<int64_t>(&a.value))
        return Cell::of_int(std::get<int64_t>(b.value) - *x);
    if (auto* x = std::get_if<Date>(&a.value)) return Cell::of_int(std::get<Date>(b.value) - *x);
    if (auto* x = std::get_if<Fixed>(&a.value)) {
        const Fixed& y = std::get<Fixed>(b.value);
        if (x->places == y.places) return Cell::of_fixed(Fixed{y.units - x->units, y.places});
    }
    return cell_of(b);
}

std::string trend(const std::vector<const FigureReading*>& row) {
    const FigureReading* first = nullptr;
    const FigureReading* last = nullptr;
    for (const FigureReading* r : row)
        if (r->known()) {
            if (!first) first = r;
            last = r;
        }
    if (!first || first == last) return {};
    const auto c = compare(*first, *last);
    if (!c) return {};
    return *c > 0 ? "↑" : (*c < 0 ? "↓" : "→");
}

// A figure's name in a report: money is in whole units there, as in every
// report, so acv_cents is shown as acv.
std::string figure_label(size_t figure) {
    std::string_view name = named_figures()[figure].name;
    if (name.ends_with("_cents")) name.remove_suffix(6);
    return std::string(name);
}

Table points_table(const PortfolioHistory& h) {
    Table t;
    t.key = "points";
    t.title = "Points";
    t.columns = {{"point", "Point", "", false, false, false, 0, false},
                 {"as_of", "As of", "", false, false, false, 0, false},
                 {"commit", "Commit", "", false, false, false, 0, false},
                 {"committed", "Committed", "", false, false, false, 0, false},
                 {"subject", "Subject", "", false, true, false, 0, false},
                 {"note", "Note", "", false, true, false, 0, false}};
    for (const HistoryPoint& p : h.points) {
        std::string note = p.partial ? "to date" : "";
        if (!p.missing.empty()) note = p.missing;
        t.rows.push_back(
            {Cell::of(p.label), Cell::of_date(p.as_of),
             p.commit.empty() ? Cell::none() : Cell::of(p.commit.substr(0, 8)),
             p.commit.empty() ? Cell::none() : Cell::of_date(commit_day(p.meta.commit_time)),
             p.commit.empty() ? Cell::none() : Cell::of(p.meta.subject),
             note.empty() ? Cell::none() : Cell::of(note)});
    }
    return t;
}

// The figures' rows are made as they are printed (Table::make_row): with
// a row per account and figure and a column per point, the table of a large
// portfolio's history would cost more than all its figures.
Table wide_table(const PortfolioHistory& h, const HistoryRequest& r, bool change) {
    Table t;
    t.key = "figures";
    t.title = change ? "Figures (change from the point before)" : "Figures";
    t.human_only = false;
    t.columns.push_back({"account", "Account", "", false, false, false, 0, false});
    t.columns.push_back({"figure", "Figure", "", false, false, false, 0, false});
    for (const HistoryPoint& p : h.points)
        t.columns.push_back({p.label, p.label, "", true, false, false, 0, false});
    t.columns.push_back({"trend", "Trend", "", false, false, false, 0, true});
    const size_t figures = r.figures.size();
    t.made_rows = h.series.size() * figures;
    t.make_row = [&h, &r, change, figures](size_t k) {
        const HistorySeries& s = h.series[k / figures];
        const size_t f = k % figures;
        std::vector<Cell> row = {Cell::of(s.slug), Cell::of(figure_label(r.figures[f]))};
        row.reserve(2 + s.points() + 1);
        std::vector<const FigureReading*> readings;
        const FigureReading* before = nullptr;
        for (size_t p = 0; p < s.points(); ++p) {
            const FigureReading& v = s.at(p, f);
            readings.push_back(&v);
            row.push_back(change ? change_cell(before ? *before : FigureReading{}, v) : cell_of(v));
            if (v.known()) before = &v;
        }
        const std::string arrow = trend(readings);
        row.push_back(arrow.empty() ? Cell::none() : Cell::of(arrow));
        return row;
    };
    t.empty_text = "no account";
    return t;
}

Table tidy_table(const PortfolioHistory& h, const HistoryRequest& r) {
    Table t;
    t.key = "values";
    t.title = "Values";
    t.machine_only = true;
    t.columns = {{"point", "Point", "", false, false, false, 0, false},
                 {"as_of", "As of", "", false, false, false, 0, false},
                 {"commit", "Commit", "", false, false, false, 0, false},
                 {"account", "Account", "", false, false, false, 0, false},
                 {"figure", "Figure", "", false, false, false, 0, false},
                 {"value", "Value", "", true, false, false, 0, false},
                 {"reason", "Reason", "", false, false, false, 0, false}};
    const size_t figures = r.figures.size(), points = h.points.size();
    t.made_rows = h.series.size() * points * figures;
    t.make_row = [&h, &r, figures, points](size_t k) {
        const HistorySeries& s = h.series[k / (points * figures)];
        const size_t p = k / figures % points, f = k % figures;
        const FigureReading& v = s.at(p, f);
        const HistoryPoint& point = h.points[p];
        return std::vector<Cell>{Cell::of(point.label),
                                 Cell::of_date(point.as_of),
                                 point.commit.empty() ? Cell::none() : Cell::of(point.commit),
                                 Cell::of(s.slug),
                                 Cell::of(figure_label(r.figures[f])),
                                 cell_of(v),
                                 v.reason.empty() ? Cell::none() : Cell::of(v.reason)};
    };
    return t;
}

}  // namespace

Report build_history_report(const PortfolioHistory& h, const HistoryRequest& r,
                            const HistoryReportOptions& o) {
    Report report;
    report.kind = "history";
    report.title = fmt::format("History ({})", o.sampling);
    report.meta.push_back({"sampling", "Sampling", Cell::of(o.sampling), 0});
    if (r.frozen_as_of)
        report.meta.push_back({"as_of", "Judged as of", Cell::of_date(*r.frozen_as_of), 0});
    report.meta.push_back(
        {"accounts", "Accounts", Cell::of_int(static_cast<int64_t>(h.series.size())), 0});
    // How much was read: a file is parsed once per version, never per point.
    report.meta.push_back(
        {"files_parsed", "Files parsed", Cell::of_int(static_cast<int64_t>(h.files_parsed)), 0});
    if (!h.truncated.empty())
        report.meta.push_back({"truncated", "Note", Cell::of(h.truncated), 0});
    report.blocks.push_back(points_table(h));
    // One of the two shapes, its rows made as they are printed.
    if (o.tidy) {
        Table t = tidy_table(h, r);
        t.machine_only = false;
        report.blocks.push_back(std::move(t));
    } else {
        report.blocks.push_back(wide_table(h, r, o.change));
    }
    report.csv_block = 1;
    return report;
}

}  // namespace kam
