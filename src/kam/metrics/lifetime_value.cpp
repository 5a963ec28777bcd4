#include "kam/metrics/lifetime_value.hpp"

#include <fmt/format.h>
#include <set>

#include "kam/metrics/fiscal.hpp"
#include "kam/metrics/fx.hpp"

namespace kam {

Figure<int64_t> expected_lifetime_years(const Figure<Fixed>& retention_pct, int cap) {
    if (!retention_pct) return Figure<int64_t>::none(retention_pct.reason);
    // retention in tenths of a percent: 1 / (1 - r / 1000) = 1000 / (1000 - r).
    const int64_t r = retention_pct->units;
    if (r >= 1000) return Figure<int64_t>::of(cap);
    const int128 years = round_div(1000, 1000 - r);
    return Figure<int64_t>::of(static_cast<int64_t>(std::min<int128>(years, cap)));
}

Expected<Money> discounted_margin(Money annual_margin, int64_t years, double discount_rate_pct) {
    const Decimal d = decimal_from_double(discount_rate_pct);
    int128 scale = 1;
    for (int k = 0; k < d.scale; ++k) scale *= 10;
    // x 100 / (100 + D) with D = units / scale: x (100 scale) / (100 scale + units).
    const int128 num = 100 * scale, den = 100 * scale + d.units;
    int128 value = annual_margin.cents, sum = 0;
    for (int64_t t = 1; t <= years; ++t) {
        value = round_div(value * num, den);
        sum += value;
        if (sum > INT64_MAX || sum < INT64_MIN) return unexpected(Money::k_overflow);
    }
    return Money{static_cast<int64_t>(sum)};
}

bool below_margin_policy(const Figure<Fixed>& margin_pct, const Policy& policy) {
    if (!margin_pct) return false;
    // margin tenths < min x 10, compared exactly.
    const Decimal min = decimal_from_double(policy.min_margin_pct);
    int128 scale = 1;
    for (int k = 0; k < min.scale; ++k) scale *= 10;
    return static_cast<int128>(margin_pct->units) * scale < min.units * 10;
}

Sources expected_lifetime_sources(const std::vector<Account>& accounts,
                                  const PortfolioMetrics& whole, const PortfolioSettings& s) {
    Sources out;
    for (const size_t i : whole.retention_accounts) {
        const Account& a = accounts[i];
        if (a.cover.client_since)
            out.push_back(cover_source(a, "client_since", a.cover.client_since_pos,
                                       a.cover.client_since->to_string()));
        if (a.cover.status == "lost" && a.cover.lost_on)
            out.push_back(
                cover_source(a, "lost_on", a.cover.lost_on_pos, a.cover.lost_on->to_string()));
    }
    out.push_back(
        setting_source(s, "policy.clv_max_years", std::to_string(s.policy.clv_max_years)));
    return out;
}

LifetimeValue compute_lifetime_value(const Account& a, const AccountMetrics& m,
                                     const PortfolioSettings& s,
                                     const Figure<int64_t>& lifetime_years,
                                     const Sources* lifetime_sources) {
    LifetimeValue v;
    const bool explain = lifetime_sources != nullptr;
    v.fix_or_trim = below_margin_policy(m.margin_pct, s.policy);
    const Converter fx(s);
    const std::string currency = account_currency(a);
    const std::vector<Financial> none;
    const auto& rows = a.performance ? a.performance->financials : none;

    if (!a.performance) {
        v.annual_margin = v.historical_margin = Figure<Money>::none("no performance.yaml");
    } else {
        const auto year =
            fiscal_year_amounts(rows, m.fiscal_year, s.fiscal_year_start, fx, currency);
        if (!year)
            v.annual_margin = Figure<Money>::none(year.reason);
        else if (!year->cost)
            v.annual_margin = Figure<Money>::none(year->cost_reason);
        else
            v.annual_margin = Figure<Money>::of(year->revenue - *year->cost);
        if (explain && year)
            for (const Financial* f : year->rows) {
                v.annual_margin_sources.push_back(revenue_source(a, *f));
                v.annual_margin_sources.push_back(cost_source(a, *f));
            }

        std::set<int> years;
        for (const Financial& f : rows) {
            // The fiscal year of the row: a month may fall in the year before its calendar year.
            int y = f.period.year;
            if (f.period.kind == Period::Kind::month)
                y = fiscal_year_of(Date::from_ymd(f.period.year, f.period.index, 1),
                                   s.fiscal_year_start);
            if (y > m.fiscal_year) continue;
            years.insert(y);
            if (explain)
                v.years_on_file_sources.push_back(
                    field_source(a, "performance.yaml", f.period_pos,
                                 fmt::format("performance.financials.{}.period", f.index),
                                 fmt::format("{} ({})", f.period_text, fiscal_year_label(y))));
        }
        v.years_on_file = static_cast<int>(years.size());
        Money sum;
        std::string why = years.empty() ? fmt::format("no financials row up to {}",
                                                      fiscal_year_label(m.fiscal_year))
                                        : "";
        for (const int y : years) {
            if (!why.empty()) break;
            const auto amounts = fiscal_year_amounts(rows, y, s.fiscal_year_start, fx, currency);
            if (!amounts) {
                why = amounts.reason;
            } else if (!amounts->cost) {
                why = amounts->cost_reason;
            } else if (auto next = checked_add(sum, amounts->revenue - *amounts->cost)) {
                sum = *next;
                if (explain)
                    for (const Financial* f : amounts->rows) {
                        v.historical_margin_sources.push_back(revenue_source(a, *f));
                        v.historical_margin_sources.push_back(cost_source(a, *f));
                    }
            } else {
                why = next.error();
            }
        }
        v.historical_margin = why.empty() ? Figure<Money>::of(sum) : Figure<Money>::none(why);
    }

    if (a.cover.status == "lost")
        v.forward_value = Figure<Money>::of(Money{});
    else if (!v.annual_margin)
        v.forward_value = Figure<Money>::none(v.annual_margin.reason);
    else if (!lifetime_years)
        v.forward_value =
            Figure<Money>::none(fmt::format("no expected lifetime: {}", lifetime_years.reason));
    else if (auto f =
                 discounted_margin(*v.annual_margin, *lifetime_years, s.policy.discount_rate_pct))
        v.forward_value = Figure<Money>::of(*f);
    else
        v.forward_value = Figure<Money>::none(f.error());

    if (explain) {
        // margin_pct's inputs are the annual margin's: the year's revenue and cost.
        v.fix_or_trim_sources = v.annual_margin_sources;
        if (v.forward_value && a.cover.status != "lost") {
            v.forward_value_sources = v.annual_margin_sources;
            v.forward_value_sources.push_back(setting_source(
                s, "policy.discount_rate_pct", number_text(s.policy.discount_rate_pct)));
            append(v.forward_value_sources, *lifetime_sources);
        }
        if (!v.historical_margin) v.historical_margin_sources.clear();
        v.fix_or_trim_sources.push_back(
            setting_source(s, "policy.min_margin_pct", number_text(s.policy.min_margin_pct)));
    }
    if (!v.historical_margin)
        v.clv = Figure<Money>::none(v.historical_margin.reason);
    else if (!v.forward_value)
        v.clv = Figure<Money>::none(v.forward_value.reason);
    else if (auto c = checked_add(*v.historical_margin, *v.forward_value))
        v.clv = Figure<Money>::of(*c);
    else
        v.clv = Figure<Money>::none(c.error());
    return v;
}

}  // namespace kam
