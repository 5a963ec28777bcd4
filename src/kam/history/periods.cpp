#include "kam/history/periods.hpp"

#include <fmt/format.h>

#include "kam/metrics/fiscal.hpp"

namespace kam {

namespace {

Date month_last_day(Date day) {
    return Date::from_ymd(day.year(), day.month(), days_in_month(day.year(), day.month()));
}

// 1970-01-01 was a Thursday: Monday is 0 and Sunday is 6.
int weekday(Date day) {
    return ((day.days % 7) + 7 + 3) % 7;
}

// ISO 8601 week number and week-based year of the week ending on `sunday`:
// the week belongs to the year its Thursday is in.
std::string iso_week_label(Date sunday) {
    const Date thursday = sunday - 3;
    const int year = thursday.year();
    const int week = (thursday - Date::from_ymd(year, 1, 1)) / 7 + 1;
    return fmt::format("{}-W{:02}", year, week);
}

// Months 1-3 of the fiscal year are its Q1, and so on.
int fiscal_quarter(Date day, int start_month) {
    const int months_in = (static_cast<int>(day.month()) - start_month + 12) % 12;
    return months_in / 3 + 1;
}

std::string label_of(Sampling period, Date last_day, int start_month) {
    switch (period) {
        case Sampling::weekly:
            return iso_week_label(last_day);
        case Sampling::monthly:
            return fmt::format("{}-{:02}", last_day.year(), last_day.month());
        case Sampling::quarterly:
            return fmt::format("{}-Q{}", fiscal_year_label(fiscal_year_of(last_day, start_month)),
                               fiscal_quarter(last_day, start_month));
        case Sampling::yearly:
            return fiscal_year_label(fiscal_year_of(last_day, start_month));
    }
    return {};
}

}  // namespace

std::optional<Sampling> parse_sampling(std::string_view text) {
    if (text == "weekly") return Sampling::weekly;
    if (text == "monthly") return Sampling::monthly;
    if (text == "quarterly") return Sampling::quarterly;
    if (text == "yearly") return Sampling::yearly;
    return std::nullopt;
}

Date period_last_day(Sampling period, Date day, int start_month) {
    switch (period) {
        case Sampling::weekly:
            return day + (6 - weekday(day));
        case Sampling::monthly:
            return month_last_day(day);
        case Sampling::quarterly: {
            const int left = 3 - ((static_cast<int>(day.month()) - start_month + 12) % 3);
            return month_last_day(add_months(Date::from_ymd(day.year(), day.month(), 1), left - 1));
        }
        case Sampling::yearly:
            return fiscal_year(fiscal_year_of(day, start_month), start_month).last;
    }
    return day;
}

std::vector<PeriodEnd> period_ends(Sampling period, Date since, Date until, int start_month) {
    std::vector<PeriodEnd> out;
    if (since > until) return out;
    for (Date last = period_last_day(period, since, start_month);;
         last = period_last_day(period, last + 1, start_month)) {
        const bool partial = last > until;
        out.push_back(
            PeriodEnd{label_of(period, last, start_month), partial ? until : last, partial});
        if (last >= until) break;
    }
    return out;
}

Date default_history_start(Sampling period, Date until) {
    switch (period) {
        case Sampling::weekly:
            return until - 7 * 13;
        case Sampling::monthly:
            return add_months(until, -12);
        case Sampling::quarterly:
            return add_months(until, -24);
        case Sampling::yearly:
            return add_months(until, -60);
    }
    return until;
}

}  // namespace kam
