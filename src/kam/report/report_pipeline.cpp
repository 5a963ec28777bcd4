#include <fmt/format.h>
#include <algorithm>
#include <array>

#include "kam/metrics/account_metrics.hpp"
#include "kam/metrics/exact.hpp"
#include "kam/metrics/fx.hpp"
#include "kam/metrics/opportunity.hpp"
#include "kam/report/report_focus.hpp"
#include "kam/report/report_parts.hpp"

namespace kam {

namespace {

struct Row {
    std::optional<Date> close;
    std::string slug, id;
    std::vector<Cell> cells;
};

struct Stage {
    int64_t count = 0;
    Money value, weighted;
    size_t unknown = 0;
    bool overflow = false;  // a sum does not fit: it is unknown
    void add(Money v, Money w) {
        const auto sv = checked_add(value, v), sw = checked_add(weighted, w);
        if (sv && sw) {
            value = *sv;
            weighted = *sw;
        } else {
            overflow = true;
        }
    }
    StageTotal total(std::string_view name) const {
        if (overflow)
            return {name, count, Figure<Money>::none(Money::k_overflow),
                    Figure<Money>::none(Money::k_overflow), unknown};
        return {name, count, Figure<Money>::of(value), Figure<Money>::of(weighted), unknown};
    }
};

// The open opportunities of the shown accounts as rows (when asked for), and
// their sums by stage.
struct Pipeline {
    std::vector<Row> rows;
    std::array<Stage, k_open_stages.size()> stages;
};

Pipeline collect(const ReportInput& in, bool with_rows) {
    const Converter fx(in.settings);
    Pipeline out;
    for (const size_t i : in.shown) {
        const Account& a = in.accounts[i];
        if (!a.opportunities) continue;
        for (const Opportunity& o : *a.opportunities) {
            if (!o.open()) continue;
            const auto stage = std::find(k_open_stages.begin(), k_open_stages.end(), o.stage);
            Stage& s = out.stages[static_cast<size_t>(stage - k_open_stages.begin())];
            ++s.count;
            // Weighted exactly as the account figure (weighted_value).
            const auto value = fx.to_base(o.value, o.currency ? *o.currency : account_currency(a));
            const auto weighted =
                value ? weighted_value(*value, o) : Expected<Money>(unexpected(value.error()));
            if (value && weighted) {
                s.add(*value, *weighted);
            } else {
                ++s.unknown;
            }
            // The sums alone (the HTML report's stage bars) need no rows: a
            // row per open opportunity of 50,000 accounts is not kept for them.
            if (!with_rows) continue;
            out.rows.push_back(
                {o.close,
                 a.slug,
                 o.id,
                 {Cell::of(a.slug), Cell::of(display_name(a)), Cell::of(o.id), Cell::of(o.title),
                  Cell::of(o.stage), value ? Cell::of_money(*value) : Cell::none(value.error()),
                  Cell::of_number(o.effective_probability()),
                  weighted ? Cell::of_money(*weighted) : Cell::none(weighted.error()),
                  o.close ? Cell::of_date(*o.close).with_tone(o.stale(in.as_of) ? Tone::bad
                                                                                : Tone::none)
                          : Cell::none(),
                  o.owner.empty() ? Cell::none() : Cell::of(o.owner)}});
        }
    }
    return out;
}

PipelineByStage totals(const std::array<Stage, k_open_stages.size()>& stages) {
    PipelineByStage out;
    Stage total;
    for (size_t i = 0; i < stages.size(); ++i) {
        const Stage& s = stages[i];
        total.count += s.count;
        total.add(s.value, s.weighted);
        total.overflow |= s.overflow;
        total.unknown += s.unknown;
        out.stages.push_back(s.total(k_open_stages[i]));
    }
    out.total = total.total("total");
    return out;
}

}  // namespace

PipelineByStage pipeline_by_stage(const ReportInput& in) {
    return totals(collect(in, false).stages);
}

Report build_pipeline_report(const ReportInput& in) {
    Report r;
    r.kind = "pipeline";
    r.title = "Pipeline";
    r.meta = report_meta(in);
    Pipeline p = collect(in, true);
    std::vector<Row>& rows = p.rows;
    // Undated opportunities last; then by account and id.
    std::stable_sort(rows.begin(), rows.end(), [](const Row& x, const Row& y) {
        if (x.close != y.close) return x.close && (!y.close || *x.close < *y.close);
        if (x.slug != y.slug) return x.slug < y.slug;
        return x.id < y.id;
    });
    Table t;
    t.key = "opportunities";
    t.title = "Open opportunities";
    t.columns = {{"slug", "Slug", "", false, false, true},
                 {"name", "Account", "", false, true, false, 12},
                 {"opportunity", "Opportunity", "Id", false, true, false, 6},
                 {"title", "Title", "", false, true, false, 10},
                 {"stage", "Stage", "", false, false, false},
                 {"value", "Value", "", true, false, false},
                 {"probability", "Probability %", "Prob.\n%", true, false, false},
                 {"weighted_value", "Weighted value", "Weighted", true, false, false},
                 {"close", "Expected close", "Close", false, false, false},
                 {"owner", "Owner", "", false, true, false, 6}};
    t.empty_text = "no open opportunity";
    for (Row& row : rows) t.rows.push_back(std::move(row.cells));
    name_currency(t, {"value", "weighted_value"}, in.settings.currency);
    t.notes.push_back(
        fmt::format("Money in whole {}; a close date in red has passed.", in.settings.currency));
    r.blocks.push_back(std::move(t));

    Table by_stage;
    by_stage.key = "stages";
    by_stage.title = "By stage";
    by_stage.columns = {{"stage", "Stage", "", false, false, false},
                        {"count", "Opportunities", "Count", true, false, false},
                        {"pipeline", "Pipeline", "", true, false, false},
                        {"weighted_pipeline", "Weighted pipeline", "Weighted", true, false, false}};
    name_currency(by_stage, {"pipeline", "weighted_pipeline"}, in.settings.currency);
    const PipelineByStage sums = totals(p.stages);
    auto row = [](const StageTotal& s) {
        return std::vector<Cell>{Cell::of(std::string(s.stage)), Cell::of_int(s.count),
                                 Cell::of(s.value), Cell::of(s.weighted)};
    };
    for (const StageTotal& s : sums.stages) by_stage.rows.push_back(row(s));
    by_stage.rows.push_back(row(sums.total));
    const StageTotal& total = sums.total;
    if (total.unknown > 0)
        by_stage.notes.push_back(
            fmt::format("{} opportunit{} left out of the sums: no exchange rate for its currency.",
                        total.unknown, total.unknown == 1 ? "y" : "ies"));
    r.blocks.push_back(std::move(by_stage));

    // The win rate of the accounts shown, from the counts and values behind
    // each account's win_rate_pct and win_rate_value_pct.
    int64_t won = 0, lost = 0;
    Money won_value, lost_value;
    std::string value_error;
    for (const size_t i : in.shown) {
        const AccountMetrics& m = in.metrics[i];
        won += m.won;
        lost += m.lost;
        auto w = checked_add(won_value, m.won_value);
        auto l = checked_add(lost_value, m.lost_value);
        if (w && l) {
            won_value = *w;
            lost_value = *l;
        } else {
            value_error = Money::k_overflow;
        }
        if (!m.won_lost_value_error.empty()) value_error = m.won_lost_value_error;
    }
    const Figure<Fixed> by_value =
        win_rate_by_value(won_value, lost_value, won + lost, value_error, in.as_of);
    FigureList closed;
    closed.key = "closed";
    closed.title = "Won and lost in the last 365 days";
    closed.items = {
        {"won", "Won", Cell::of_int(won)},
        {"lost", "Lost", Cell::of_int(lost)},
        {"won_value", "Won value", Cell::of_money(won_value)},
        {"lost_value", "Lost value", Cell::of_money(lost_value)},
        {"win_rate_pct", "Win rate % (by count)", Cell::of(win_rate(won, lost, in.as_of))},
        {"win_rate_value_pct", "Win rate % (by value)", Cell::of(by_value)}};
    name_currency(closed, {"won_value", "lost_value"}, in.settings.currency);
    r.blocks.push_back(std::move(closed));
    return r;
}

}  // namespace kam
