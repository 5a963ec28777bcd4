#include "kam/metrics/fiscal.hpp"

#include <fmt/format.h>
#include <limits>

namespace kam {

FiscalYear fiscal_year(int year, int start_month) {
    const auto m = static_cast<unsigned>(start_month);
    const Date first = Date::from_ymd(year, m, 1);
    const Date next = Date::from_ymd(year + 1, m, 1);
    return FiscalYear{year, first, next - 1};
}

int fiscal_year_of(Date day, int start_month) {
    return static_cast<int>(day.month()) >= start_month ? day.year() : day.year() - 1;
}

int latest_complete_fiscal_year(Date as_of, int start_month) {
    // The year holding the as-of day is still running; the one before it ended
    // the day before this one began.
    return fiscal_year_of(as_of, start_month) - 1;
}

std::string fiscal_year_label(int year) {
    return fmt::format("FY{}", year);
}

namespace {

bool in_year(const Period& p, int year, int start_month) {
    switch (p.kind) {
        case Period::Kind::year:
        case Period::Kind::quarter:
            return p.year == year;
        case Period::Kind::month:
            return fiscal_year_of(Date::from_ymd(p.year, static_cast<unsigned>(p.index), 1),
                                  start_month) == year;
    }
    return false;
}

std::string listed(const std::vector<std::string>& items, std::string_view noun) {
    if (items.size() == 1) return items[0];
    if (items.size() <= 3)
        return fmt::format("{} and {}", fmt::join(items.begin(), items.end() - 1, ", "),
                           items.back());
    return fmt::format("{} and {} more {}", fmt::join(items.begin(), items.begin() + 3, ", "),
                       items.size() - 3, noun);
}

std::string missing_quarters(const std::vector<const Financial*>& quarters) {
    std::vector<std::string> missing;
    for (int q = 1; q <= 4; ++q) {
        bool found = false;
        for (const Financial* f : quarters) found |= f->period.index == q;
        if (!found) missing.push_back(fmt::format("Q{}", q));
    }
    return listed(missing, "quarters");
}

std::string missing_months(const std::vector<const Financial*>& months, int year, int start_month) {
    std::vector<std::string> missing;
    const Date first = fiscal_year(year, start_month).first;
    for (int i = 0; i < 12; ++i) {
        const Date m = add_months(first, i);
        bool found = false;
        for (const Financial* f : months)
            found |= f->period.year == m.year() && f->period.index == static_cast<int>(m.month());
        if (!found) missing.push_back(m.to_string().substr(0, 7));
    }
    return listed(missing, "months");
}

// The first day of a quarter or month period.
Date period_start(const Period& p, int start_month) {
    if (p.kind == Period::Kind::month)
        return Date::from_ymd(p.year, static_cast<unsigned>(p.index), 1);
    return add_months(fiscal_year(p.year, start_month).first, 3 * (p.index - 1));
}

}  // namespace

Figure<YearToDate> year_to_date(const std::vector<Financial>& financials, int year, Date as_of,
                                int start_month, const Converter& fx,
                                std::string_view account_currency) {
    std::vector<const Financial*> quarters, months;
    for (const Financial& f : financials) {
        if (f.period.kind == Period::Kind::year || !in_year(f.period, year, start_month)) continue;
        if (period_start(f.period, start_month) > as_of) continue;
        (f.period.kind == Period::Kind::month ? months : quarters).push_back(&f);
    }
    const auto& rows = months.empty() ? quarters : months;
    YearToDate out;
    out.year = year;
    for (const Financial* f : rows) {
        auto revenue =
            fx.to_base(f->revenue, f->currency ? std::string_view(*f->currency) : account_currency);
        if (!revenue) return Figure<YearToDate>::none(revenue.error());
        auto sum = checked_add(out.revenue, *revenue);
        if (!sum) return Figure<YearToDate>::none(sum.error());
        out.revenue = *sum;
        out.months += months.empty() ? 3 : 1;
        out.rows.push_back(f);
    }
    return Figure<YearToDate>::of(out);
}

Figure<Money> run_rate(const YearToDate& ytd) {
    if (ytd.months == 0)
        return Figure<Money>::none(
            fmt::format("no revenue recorded for {} yet", fiscal_year_label(ytd.year)));
    const int128 rate = round_div(static_cast<int128>(ytd.revenue.cents) * 12, ytd.months);
    if (rate > std::numeric_limits<int64_t>::max() || rate < std::numeric_limits<int64_t>::min())
        return Figure<Money>::none(Money::k_overflow);
    return Figure<Money>::of(Money{static_cast<int64_t>(rate)});
}

Figure<YearAmounts> fiscal_year_amounts(const std::vector<Financial>& financials, int year,
                                        int start_month, const Converter& fx,
                                        std::string_view account_currency) {
    const std::string label = fiscal_year_label(year);
    std::vector<const Financial*> years, quarters, months;
    for (const Financial& f : financials) {
        if (!in_year(f.period, year, start_month)) continue;
        switch (f.period.kind) {
            case Period::Kind::year:
                years.push_back(&f);
                break;
            case Period::Kind::quarter:
                quarters.push_back(&f);
                break;
            case Period::Kind::month:
                months.push_back(&f);
                break;
        }
    }
    // Periods are unique per account (checked), so counts tell completeness.
    const std::vector<const Financial*>* rows = nullptr;
    if (!years.empty())
        rows = &years;
    else if (quarters.size() == 4)
        rows = &quarters;
    else if (months.size() == 12)
        rows = &months;
    if (!rows) {
        if (quarters.empty() && months.empty())
            return Figure<YearAmounts>::none(fmt::format("no revenue for {}", label));
        if (months.empty())
            return Figure<YearAmounts>::none(
                fmt::format("{} incomplete: {} missing", label, missing_quarters(quarters)));
        if (quarters.empty())
            return Figure<YearAmounts>::none(fmt::format(
                "{} incomplete: {} missing", label, missing_months(months, year, start_month)));
        return Figure<YearAmounts>::none(fmt::format(
            "{} mixes quarters and months; give all four quarters or all twelve months", label));
    }
    YearAmounts out;
    out.rows = *rows;
    Money cost;
    bool all_costs = true;
    for (const Financial* f : *rows) {
        const std::string_view currency =
            f->currency ? std::string_view(*f->currency) : account_currency;
        auto revenue = fx.to_base(f->revenue, currency);
        if (revenue) revenue = checked_add(out.revenue, *revenue);
        if (!revenue) return Figure<YearAmounts>::none(revenue.error());
        out.revenue = *revenue;
        if (!f->cost) {
            all_costs = false;
            continue;
        }
        auto c = fx.to_base(*f->cost, currency);
        if (c) c = checked_add(cost, *c);
        if (!c) return Figure<YearAmounts>::none(c.error());
        cost = *c;
    }
    if (all_costs)
        out.cost = cost;
    else
        out.cost_reason = rows->size() == 1
                              ? fmt::format("no cost for {}", label)
                              : fmt::format("cost missing for some periods of {}", label);
    return Figure<YearAmounts>::of(std::move(out));
}

}  // namespace kam
