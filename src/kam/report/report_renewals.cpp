#include <fmt/format.h>
#include <algorithm>

#include "kam/metrics/alerts.hpp"
#include "kam/metrics/fx.hpp"
#include "kam/report/report_focus.hpp"
#include "kam/report/report_parts.hpp"

namespace kam {

std::vector<RenewalDue> renewals_due(const ReportInput& in, int within) {
    std::vector<RenewalDue> out;
    for (const size_t i : in.shown) {
        const Account& a = in.accounts[i];
        if (!a.contracts) continue;
        for (const Contract& k : *a.contracts) {
            if (!k.renewal_due(in.as_of, within)) continue;
            RenewalDue d{i, &k, *k.current_end(in.as_of), 0, std::nullopt, std::nullopt};
            d.days_to_end = d.end - in.as_of;
            if (k.notice_days) {
                d.notice_deadline = k.notice_deadline(in.as_of);
                d.days_to_notice = *d.notice_deadline - in.as_of;
            }
            out.push_back(d);
        }
    }
    std::stable_sort(out.begin(), out.end(), [&](const RenewalDue& x, const RenewalDue& y) {
        if (x.end != y.end) return x.end < y.end;
        const std::string &sx = in.accounts[x.account].slug, &sy = in.accounts[y.account].slug;
        if (sx != sy) return sx < sy;
        return x.contract->id < y.contract->id;
    });
    return out;
}

Report build_renewals_report(const ReportInput& in, int within) {
    Report r;
    r.kind = "renewals";
    r.title = fmt::format("Renewals within {} days", within);
    r.meta = report_meta(in);
    r.meta.push_back({"within_days", "Within (days)", Cell::of_int(within)});
    const Converter fx(in.settings);

    std::vector<std::vector<Cell>> rows;
    for (const RenewalDue& d : renewals_due(in, within)) {
        const Account& a = in.accounts[d.account];
        const Contract& k = *d.contract;
        const int64_t days = d.days_to_end;
        Cell value = Cell::none();
        if (k.annual_value) {
            auto v = fx.to_base(*k.annual_value, k.currency ? *k.currency : account_currency(a));
            value = v ? Cell::of_money(*v) : Cell::none(v.error());
        }
        const bool auto_renew = k.auto_renew.value_or(false);
        Cell deadline = Cell::none(k.notice_days ? "" : "no notice_days");
        Cell to_deadline = Cell::none(k.notice_days ? "" : "no notice_days");
        if (d.days_to_notice) {
            const int64_t left = *d.days_to_notice;
            deadline = Cell::of_date(*d.notice_deadline);
            to_deadline = Cell::of_int(left).with_tone(auto_renew     ? Tone::none
                                                       : left < 0     ? Tone::bad
                                                       : urgent(left) ? Tone::warn
                                                                      : Tone::none);
        }
        rows.push_back({Cell::of(a.slug), Cell::of(display_name(a)), Cell::of(k.id),
                        Cell::of(k.title), Cell::of(k.status), Cell::of_date(d.end),
                        Cell::of_int(days).with_tone(urgent(days)     ? Tone::bad
                                                     : days <= within ? Tone::warn
                                                                      : Tone::none),
                        std::move(deadline), std::move(to_deadline), Cell::of_bool(auto_renew),
                        std::move(value)});
    }
    Table t;
    t.key = "renewals";
    t.title = "Contracts ending or due for notice";
    t.columns = {{"slug", "Slug", "", false, false, true},
                 {"name", "Account", "", false, true, false, 12},
                 {"contract", "Contract", "", false, true, false, 8},
                 {"title", "Title", "", false, true, false, 10},
                 {"status", "Status", "", false, false, false},
                 {"end", "End", "", false, false, false},
                 {"days_to_end", "Days to end", "Days", true, false, false},
                 {"notice_deadline", "Notice deadline", "Notice by", false, false, false},
                 {"days_to_notice", "Days to notice deadline", "Notice\ndays", true, false, false},
                 {"auto_renew", "Auto-renew", "Auto", false, false, false},
                 {"annual_value", "Annual value", "Value", true, false, false}};
    t.empty_text =
        fmt::format("no contract in force ends, or has a notice deadline, within {} days", within);
    t.rows = std::move(rows);
    name_currency(t, {"annual_value"}, in.settings.currency);
    t.notes.push_back(
        fmt::format("Money in whole {}. A negative notice figure: the deadline has passed.",
                    in.settings.currency));
    r.blocks.push_back(std::move(t));
    return r;
}

}  // namespace kam
