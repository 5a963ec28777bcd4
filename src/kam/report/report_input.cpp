#include "kam/report/report_input.hpp"

#include <fmt/format.h>
#include <algorithm>

#include "kam/metrics/fiscal.hpp"

namespace kam {

void explain(Report& report, std::string account, std::string figure, std::string_view formula,
             Cell value, const Sources& sources) {
    Explanation e{
        std::move(account), std::move(figure), std::string(formula), std::move(value), {}};
    for (const Source& s : sources) {
        const bool seen = std::any_of(e.sources.begin(), e.sources.end(), [&](const SourceNote& n) {
            return n.file == s.file && n.line == s.pos.line && n.column == s.pos.column &&
                   n.path == s.path;
        });
        if (!seen) e.sources.push_back({s.file, s.pos.line, s.pos.column, s.path, s.value});
    }
    report.explanations.push_back(std::move(e));
}

std::vector<Item> report_meta(const ReportInput& in) {
    return {
        {"portfolio", "Portfolio",
         in.settings.name.empty() ? Cell::none() : Cell::of(in.settings.name)},
        {"as_of", "As of", Cell::of_date(in.as_of)},
        {"currency", "Currency", Cell::of(in.settings.currency)},
        {"fiscal_year", "Fiscal year",
         Cell::of(fiscal_year_label(
             latest_complete_fiscal_year(in.as_of, in.settings.fiscal_year_start)))},
    };
}

namespace {

bool listed(std::initializer_list<std::string_view> keys, std::string_view key) {
    return std::find(keys.begin(), keys.end(), key) != keys.end();
}

}  // namespace

void name_currency(Table& t, std::initializer_list<std::string_view> keys,
                   std::string_view currency) {
    for (Column& c : t.columns) {
        if (!listed(keys, c.key)) continue;
        if (c.short_title.empty()) c.short_title = c.title;
        c.title = fmt::format("{} ({})", c.title, currency);
    }
}

void name_currency(FigureList& f, std::initializer_list<std::string_view> keys,
                   std::string_view currency) {
    for (Item& i : f.items)
        if (listed(keys, i.key)) i.label = fmt::format("{} ({})", i.label, currency);
}

std::string display_name(const Account& a) {
    return a.cover.name.empty() ? a.slug : a.cover.name;
}

Tone health_tone(const Figure<int64_t>& health) {
    if (!health) return Tone::none;
    if (*health >= 70) return Tone::good;
    return *health >= 40 ? Tone::warn : Tone::bad;
}

Tone risk_tone(int64_t score) {
    const std::string_view band = risk_band(static_cast<int>(score));
    if (band == "critical") return Tone::bad;
    return band == "high" ? Tone::warn : Tone::none;
}

}  // namespace kam
