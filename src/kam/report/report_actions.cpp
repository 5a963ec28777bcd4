#include <fmt/format.h>
#include <algorithm>

#include "kam/report/report_focus.hpp"

namespace kam {

Report build_actions_report(const ReportInput& in, bool overdue_only) {
    Report r;
    r.kind = "actions";
    r.title = overdue_only ? "Overdue actions" : "Open actions";
    r.meta = report_meta(in);

    struct Row {
        std::optional<Date> due;
        std::string slug, id;
        std::vector<Cell> cells;
    };
    std::vector<Row> rows;
    for (const size_t i : in.shown) {
        const Account& a = in.accounts[i];
        if (!a.blueprint) continue;
        for (const Action& x : a.blueprint->actions) {
            if (!x.open()) continue;
            const bool overdue = x.overdue(in.as_of);
            if (overdue_only && !overdue) continue;
            std::string goal_title;
            for (const Goal& g : a.blueprint->goals)
                if (!x.goal.empty() && g.id == x.goal) goal_title = g.title;
            rows.push_back(
                {x.due,
                 a.slug,
                 x.id,
                 {Cell::of(a.slug), Cell::of(display_name(a)), Cell::of(x.id), Cell::of(x.title),
                  x.owner.empty() ? Cell::none() : Cell::of(x.owner),
                  x.due ? Cell::of_date(*x.due) : Cell::none(),
                  x.due
                      ? Cell::of_int(*x.due - in.as_of).with_tone(overdue ? Tone::bad : Tone::none)
                      : Cell::none(),
                  x.goal.empty() ? Cell::none() : Cell::of(x.goal),
                  goal_title.empty() ? Cell::none() : Cell::of(goal_title)}});
        }
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row& x, const Row& y) {
        if (x.due != y.due) return x.due && (!y.due || *x.due < *y.due);
        if (x.slug != y.slug) return x.slug < y.slug;
        return x.id < y.id;
    });
    Table t;
    t.key = "actions";
    t.title = "Actions";
    t.columns = {{"slug", "Slug", "", false, false, true},
                 {"name", "Account", "", false, true, false, 12},
                 {"action", "Action", "Id", false, true, false, 6},
                 {"title", "Title", "", false, true, false, 12},
                 {"owner", "Owner", "", false, true, false, 8},
                 {"due", "Due", "", false, false, false},
                 {"days_to_due", "Days to due", "Days", true, false, false},
                 {"goal", "Goal", "", false, true, false, 6},
                 {"goal_title", "Goal title", "", false, true, true}};
    t.empty_text = overdue_only ? "no overdue action" : "no open action";
    for (Row& row : rows) t.rows.push_back(std::move(row.cells));
    t.notes.push_back("Days to due: negative once the due day has passed.");
    r.blocks.push_back(std::move(t));
    return r;
}

}  // namespace kam
