#include <fmt/format.h>
#include <algorithm>

#include "kam/report/report_focus.hpp"
#include "kam/report/report_parts.hpp"

namespace kam {

namespace {

// A live risk scoring at least `min_score`, with a likelihood and impact on the scale.
bool listed(const Risk& k, int min_score) {
    return k.live() && k.score() >= min_score && k.likelihood >= 1 && k.impact >= 1;
}

// The heat map: likelihood 5 (top) to 1 down, impact 1 to 5 across, counts in the cells.
Table heat_map(const HeatMapCounts& counts) {
    Table t;
    t.key = "heat_map";
    t.title = "Heat map (likelihood down, impact across)";
    t.columns.push_back({"likelihood", "Likelihood", "L \\ I", true, false, false});
    for (int i = 1; i <= 5; ++i)
        t.columns.push_back({fmt::format("impact_{}", i), fmt::format("Impact {}", i),
                             fmt::format("{}", i), true, false, false});
    for (int l = 5; l >= 1; --l) {
        std::vector<Cell> row{Cell::of_int(l)};
        for (int i = 1; i <= 5; ++i) {
            const int64_t n = counts[static_cast<size_t>(l - 1)][static_cast<size_t>(i - 1)];
            row.push_back(Cell::of_int(n).with_tone(n > 0 ? risk_tone(l * i) : Tone::none));
        }
        t.rows.push_back(std::move(row));
    }
    return t;
}

}  // namespace

HeatMapCounts risk_heat_map(const ReportInput& in, int min_score) {
    HeatMapCounts counts{};
    for (const size_t i : in.shown)
        if (in.accounts[i].risks)
            for (const Risk& k : *in.accounts[i].risks)
                if (listed(k, min_score))
                    ++counts[static_cast<size_t>(k.likelihood - 1)]
                            [static_cast<size_t>(k.impact - 1)];
    return counts;
}

Report build_risks_report(const ReportInput& in, int min_score) {
    Report r;
    r.kind = "risks";
    r.title = fmt::format("Live risks scoring {} or more", min_score);
    r.meta = report_meta(in);
    r.meta.push_back({"min_score", "Minimum score", Cell::of_int(min_score)});

    struct Row {
        int score;
        std::string slug, id;
        std::vector<Cell> cells;
    };
    std::vector<Row> rows;
    for (const size_t i : in.shown) {
        const Account& a = in.accounts[i];
        if (!a.risks) continue;
        for (const Risk& k : *a.risks) {
            if (!listed(k, min_score)) continue;
            const bool overdue = k.review_overdue(in.as_of);
            rows.push_back(
                {k.score(),
                 a.slug,
                 k.id,
                 {Cell::of(a.slug), Cell::of(display_name(a)), Cell::of(k.id), Cell::of(k.title),
                  k.category.empty() ? Cell::none() : Cell::of(k.category),
                  Cell::of_int(k.likelihood), Cell::of_int(k.impact),
                  Cell::of_int(k.score()).with_tone(risk_tone(k.score())),
                  Cell::of(std::string(risk_band(k.score()))), Cell::of(k.status),
                  k.owner.empty() ? Cell::none() : Cell::of(k.owner),
                  k.review ? Cell::of_date(*k.review).with_tone(overdue ? Tone::bad : Tone::none)
                           : Cell::none()}});
        }
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row& x, const Row& y) {
        if (x.score != y.score) return x.score > y.score;
        if (x.slug != y.slug) return x.slug < y.slug;
        return x.id < y.id;
    });
    Table t;
    t.key = "risks";
    t.title = "Risks";
    t.columns = {{"slug", "Slug", "", false, false, true},
                 {"name", "Account", "", false, true, false, 12},
                 {"risk", "Risk", "", false, true, false, 6},
                 {"title", "Title", "", false, true, false, 10},
                 {"category", "Category", "", false, true, false, 6},
                 {"likelihood", "Likelihood", "L", true, false, false},
                 {"impact", "Impact", "I", true, false, false},
                 {"score", "Score", "", true, false, false},
                 {"band", "Band", "", false, false, false},
                 {"status", "Status", "", false, false, false},
                 {"owner", "Owner", "", false, true, false, 6},
                 {"review", "Next review", "Review", false, false, false}};
    t.empty_text = fmt::format("no live risk scores {} or more", min_score);
    for (Row& row : rows) t.rows.push_back(std::move(row.cells));
    r.blocks.push_back(std::move(t));
    r.blocks.push_back(heat_map(risk_heat_map(in, min_score)));
    return r;
}

}  // namespace kam
