// The streamed JSON (render/report_json.cpp, written a row at a time) against
// the document-tree rendering it replaced: nlohmann's ordered_json built
// whole and dumped, kept here as the reference. Same bytes on the summary of
// the example portfolio, on a report with every kind of cell and on keys set
// twice; any split into pieces gives the same text; the text parses back.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "kam/io/file_system.hpp"
#include "kam/io/yaml_loader.hpp"
#include "kam/portfolio/load.hpp"
#include "kam/render/report_formats.hpp"
#include "kam/report/report_focus.hpp"
#include "kam/report/report_judgement.hpp"
#include "kam/report/report_parts.hpp"
#include "kam/report/report_show.hpp"
#include "kam/report/report_summary.hpp"

using namespace kam;

namespace {

// The document-tree rendering, as render_report_json was written before it streamed.
namespace reference {

using json = nlohmann::ordered_json;

json value(const Cell& c) {
    switch (c.kind) {
        case Cell::Kind::empty:
            return nullptr;
        case Cell::Kind::text:
        case Cell::Kind::date:
            return c.text;
        case Cell::Kind::integer:
        case Cell::Kind::money:
            return c.number;
        case Cell::Kind::fixed:
            if (c.fixed.places == 0) return c.fixed.units;
            return c.fixed.to_double();
        case Cell::Kind::boolean:
            return c.number != 0;
    }
    return nullptr;
}

template <typename Pairs>
void fill(json& object, const Pairs& pairs) {
    json reasons = json::object();
    for (const auto& [key, cell] : pairs) {
        object[key] = value(*cell);
        if (cell->kind == Cell::Kind::empty && !cell->reason.empty()) reasons[key] = cell->reason;
    }
    if (!reasons.empty()) object["reasons"] = std::move(reasons);
}

json block_json(const Table& t) {
    json rows = json::array();
    std::vector<Cell> scratch;
    for (size_t r = 0; r < t.row_count(); ++r) {
        const std::vector<Cell>& row = t.row(r, scratch);
        std::vector<std::pair<std::string, const Cell*>> pairs;
        for (size_t i = 0; i < t.columns.size(); ++i)
            if (!t.columns[i].human_only) pairs.emplace_back(t.columns[i].key, &row[i]);
        json object = json::object();
        fill(object, pairs);
        rows.push_back(std::move(object));
    }
    return rows;
}

json block_json(const FigureList& f) {
    std::vector<std::pair<std::string, const Cell*>> pairs;
    for (const Item& i : f.items) pairs.emplace_back(i.key, &i.value);
    json object = json::object();
    fill(object, pairs);
    json unknown = json::object();
    for (const Item& i : f.items)
        if (i.unknown > 0) unknown[i.key] = i.unknown;
    if (!unknown.empty()) object["unknown"] = std::move(unknown);
    return object;
}

std::string render(const Report& report) {
    json doc = json::object();
    doc["format_version"] = Report::k_format_version;
    doc["report"] = report.kind;
    for (const Item& m : report.meta) doc[m.key] = value(m.value);
    for (const Block& b : report.blocks)
        if (for_machines(b))
            std::visit([&](const auto& block) { doc[block.key] = block_json(block); }, b);
    return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace reference

struct Example {
    LoadedPortfolio portfolio;
    std::vector<AccountMetrics> metrics;
    Date as_of = *parse_date("2026-11-23");

    Example() {
        LoadOptions o;
        o.as_of = as_of;
        o.jobs = 2;
        portfolio =
            load_portfolio(RealFileSystem(), std::string(KAM_SOURCE_DIR) + "/examples/portfolio",
                           "", o, default_event_source());
        for (const Account& a : portfolio.accounts)
            metrics.push_back(compute_account_metrics(a, portfolio.settings, as_of));
    }
    ReportInput input() const {
        std::vector<size_t> all(portfolio.accounts.size());
        for (size_t i = 0; i < all.size(); ++i) all[i] = i;
        return ReportInput{portfolio.settings, as_of, portfolio.accounts, metrics, all};
    }
};

// Every cell kind, reasons, unknown counts, machine- and human-only blocks and
// columns, empty tables and lists, text that needs escaping and invalid UTF-8.
Report every_kind() {
    Report r;
    r.kind = "sample";
    r.meta = {{"as_of", "As of", Cell::of_date(Date::from_ymd(2026, 11, 23))},
              {"portfolio", "Portfolio", Cell::none()},
              {"text", "Text", Cell::of("quote \" backslash \\ tab \t nl \n bad \xff\xfe end é")}};
    Table t;
    t.key = "rows";
    t.columns = {{"name", "Name", "", false, false, false},
                 {"money", "Money", "", true, false, false},
                 {"pct", "Pct", "", true, false, false},
                 {"whole", "Whole", "", true, false, false},
                 {"flag", "Flag", "", false, false, false},
                 {"human", "Human", "", false, false, false, 0, true},
                 {"n", "N", "", true, false, true}};
    t.rows.push_back({Cell::of("a\x01\x7f"), Cell::of_money(Money{-150000050}),
                      Cell::of_fixed(Fixed{-45, 1}), Cell::of_fixed(Fixed{7, 0}),
                      Cell::of_bool(true), Cell::of("only for people"), Cell::of_int(-3)});
    t.rows.push_back({Cell::none("why \"not\""), Cell::none("no performance.yaml"),
                      Cell::of_fixed(Fixed{123456789, 4}), Cell::none(), Cell::of_bool(false),
                      Cell::none("hidden"), Cell::of_int(0)});
    r.blocks.push_back(t);
    Table empty;
    empty.key = "empty";
    empty.columns = {{"x", "X", "", false, false, false}};
    r.blocks.push_back(empty);
    Table people;
    people.key = "people_only";
    people.human_only = true;
    people.columns = {{"x", "X", "", false, false, false}};
    people.rows.push_back({Cell::of("never in json")});
    r.blocks.push_back(people);
    FigureList f;
    f.key = "totals";
    f.items = {{"sum", "Sum", Cell::of_money(Money{100}), 2},
               {"share", "Share", Cell::none("no revenue")},
               {"count", "Count", Cell::of_int(5)}};
    r.blocks.push_back(f);
    FigureList none;
    none.key = "nothing";
    r.blocks.push_back(none);
    return r;
}

}  // namespace

TEST_CASE("streamed JSON: the document tree's bytes on every kind of cell and block") {
    const Report r = every_kind();
    CHECK(render_report_json(r) == reference::render(r));
}

TEST_CASE("streamed JSON: a key set twice keeps its first place and takes the last value") {
    Report r;
    r.kind = "twice";
    r.meta = {
        {"a", "A", Cell::of_int(1)}, {"b", "B", Cell::of_int(2)}, {"a", "A", Cell::none("x")}};
    Table t;
    t.key = "b";  // over the meta item of the same key
    t.columns = {{"k", "K", "", false, false, false},
                 {"reasons", "R", "", false, false, false},
                 {"k", "K", "", false, false, false}};
    t.rows.push_back({Cell::none("first"), Cell::of("r"), Cell::of_int(3)});
    t.rows.push_back({Cell::of_int(4), Cell::none("second"), Cell::none("third")});
    r.blocks.push_back(t);
    FigureList f;
    f.key = "f";
    f.items = {{"unknown", "U", Cell::of_int(1)}, {"x", "X", Cell::of_int(2), 3}};
    r.blocks.push_back(f);
    CHECK(render_report_json(r) == reference::render(r));
}

TEST_CASE("streamed JSON: the reports of the example portfolio, in pieces, parse back") {
    const Example x;
    const ReportInput in = x.input();
    const PortfolioMetrics whole =
        compute_portfolio_metrics(x.portfolio.accounts, x.metrics, x.portfolio.settings, x.as_of);
    const auto alerts = compute_alerts(x.portfolio.accounts, x.metrics, in.shown, whole.ranking,
                                       x.portfolio.settings, x.as_of);
    std::vector<Report> reports = {
        build_summary_report(in, whole, whole, alerts),
        build_renewals_report(in, 365),
        build_risks_report(in, 1),
        build_pipeline_report(in),
        build_actions_report(in, false),
        build_keys_report(in, whole),
        build_show_report(in, 0),
    };
    for (const Report& r : reports) {
        CAPTURE(r.kind);
        const std::string text = render_report_json(r);
        CHECK(text == reference::render(r));
        size_t pieces = 0;
        std::string joined;
        write_report_json(r, [&](std::string_view piece) {
            ++pieces;
            joined += piece;
        });
        CHECK(joined == text);
        CHECK(pieces >= 1);
        CHECK(nlohmann::json::parse(text) == nlohmann::json::parse(reference::render(r)));
    }
}

TEST_CASE("streamed JSON: a large table goes out in chunks, not as one piece") {
    Report r;
    r.kind = "big";
    Table t;
    t.key = "rows";
    t.columns = {{"name", "Name", "", false, false, false}};
    for (int i = 0; i < 20000; ++i) t.rows.push_back({Cell::of("account-" + std::to_string(i))});
    r.blocks.push_back(t);
    std::vector<size_t> sizes;
    std::string joined;
    write_report_json(r, [&](std::string_view piece) {
        sizes.push_back(piece.size());
        joined += piece;
    });
    CHECK(sizes.size() > 5);
    for (size_t i = 0; i + 1 < sizes.size(); ++i) CHECK(sizes[i] < 2 * k_text_chunk_bytes);
    CHECK(joined == reference::render(r));
}
