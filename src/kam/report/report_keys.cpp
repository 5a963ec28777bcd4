#include <fmt/format.h>

#include "kam/report/report_focus.hpp"
#include "kam/report/report_parts.hpp"

namespace kam {

std::vector<ParetoBar> pareto_bars(const ReportInput& in, const PortfolioMetrics& whole) {
    std::vector<bool> shown(in.accounts.size(), false);
    for (const size_t i : in.shown) shown[i] = true;
    std::vector<ParetoBar> out;
    for (const KeyAccountEntry& e : whole.ranking)
        if (shown[e.account])
            out.push_back({display_name(in.accounts[e.account]), e.revenue.whole_units(),
                           e.cumulative_pct, e.key});
    return out;
}

Report build_keys_report(const ReportInput& in, const PortfolioMetrics& whole) {
    Report r;
    r.kind = "keys";
    r.title = "Key accounts";
    r.meta = report_meta(in);
    std::vector<bool> shown(in.accounts.size(), false);
    for (const size_t i : in.shown) shown[i] = true;

    Expected<Money> ranked_total = Money{};
    for (const KeyAccountEntry& e : whole.ranking)
        if (ranked_total) ranked_total = checked_add(*ranked_total, e.revenue);
    FigureList f;
    f.key = "key_accounts";
    f.title = "Pareto";
    f.items = {{"key_account_share", "Key-account share % (policy)",
                Cell::of_number(in.settings.policy.key_account_share)},
               {"key_count", "Key accounts", Cell::of_int(static_cast<int64_t>(whole.key_count))},
               {"ranked_count", "Accounts ranked",
                Cell::of_int(static_cast<int64_t>(whole.ranking.size()))},
               {"ranked_revenue", "Their annual revenue",
                ranked_total ? Cell::of_money(*ranked_total) : Cell::none(ranked_total.error())}};

    Table t;
    t.key = "ranking";
    t.title = "Ranking by annual revenue (not lost)";
    t.columns = {{"rank", "Rank", "#", true, false, false},
                 {"slug", "Slug", "", false, false, true},
                 {"name", "Account", "", false, true, false, 12},
                 {"tier", "Tier", "", false, false, false},
                 {"status", "Status", "", false, false, false},
                 {"annual_revenue", "Annual revenue", "Revenue", true, false, false},
                 {"share_pct", "Share %", "Share\n%", true, false, false},
                 {"cumulative_pct", "Cumulative %", "Cumul.\n%", true, false, false},
                 {"key_account", "Key account", "Key", false, false, false},
                 {"tier_mismatch", "Tier mismatch", "Mismatch", false, true, false, 10}};
    t.empty_text = "no account to rank";
    for (size_t k = 0; k < whole.ranking.size(); ++k) {
        const KeyAccountEntry& e = whole.ranking[k];
        if (!shown[e.account]) continue;
        const Account& a = in.accounts[e.account];
        t.rows.push_back(
            {Cell::of_int(static_cast<int64_t>(k + 1)), Cell::of(a.slug), Cell::of(display_name(a)),
             Cell::of(a.cover.tier), Cell::of(a.cover.status), Cell::of_money(e.revenue),
             Cell::of_fixed(e.share_pct), Cell::of_fixed(e.cumulative_pct),
             Cell::of_bool(e.key).with_tone(e.key ? Tone::good : Tone::none),
             e.mismatch.empty() ? Cell::none() : Cell::of(e.mismatch).with_tone(Tone::warn)});
    }
    for (const size_t i : whole.unranked) {
        if (!shown[i]) continue;
        const Account& a = in.accounts[i];
        t.rows.push_back({Cell::none("no annual revenue"), Cell::of(a.slug),
                          Cell::of(display_name(a)), Cell::of(a.cover.tier),
                          Cell::of(a.cover.status), Cell::of(in.metrics[i].annual_revenue),
                          Cell::none(), Cell::none(), Cell::none("not ranked"), Cell::none()});
    }
    t.notes.push_back(fmt::format(
        "Money in whole {}; revenue for FY{}. Unranked accounts (no annual revenue) come last.",
        in.settings.currency, whole.fiscal_year));
    name_currency(t, {"annual_revenue"}, in.settings.currency);
    name_currency(f, {"ranked_revenue"}, in.settings.currency);
    r.blocks.push_back(std::move(t));
    r.blocks.push_back(std::move(f));
    return r;
}

}  // namespace kam
