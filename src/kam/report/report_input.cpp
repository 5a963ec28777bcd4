#include "kam/report/report_input.hpp"

#include <fmt/format.h>
#include <algorithm>

#include "kam/metrics/fiscal.hpp"

namespace kam {

void explain(Report& report, std::string account, std::string figure, std::string_view formula,
             Cell value, const Sources& sources, const FigureRefs& from) {
    Explanation e{
        std::move(account), std::move(figure), std::string(formula), std::move(value), {}, {}};
    for (const Source& s : sources) {
        const bool seen = std::any_of(e.sources.begin(), e.sources.end(), [&](const SourceNote& n) {
            return n.file == s.file && n.line == s.pos.line && n.column == s.pos.column &&
                   n.path == s.path;
        });
        if (!seen) e.sources.push_back({s.file, s.pos.line, s.pos.column, s.path, s.value});
    }
    for (const FigureRef& f : from) e.from.push_back({f.account, f.figure, f.value});
    report.explanations.push_back(std::move(e));
}

std::vector<Item> report_meta(const PortfolioSettings& settings, Date as_of) {
    return {
        {"portfolio", "Portfolio", settings.name.empty() ? Cell::none() : Cell::of(settings.name)},
        {"as_of", "As of", Cell::of_date(as_of)},
        {"currency", "Currency", Cell::of(settings.currency)},
        {"fiscal_year", "Fiscal year",
         Cell::of(
             fiscal_year_label(latest_complete_fiscal_year(as_of, settings.fiscal_year_start)))},
    };
}

std::vector<Item> report_meta(const ReportInput& in) {
    return report_meta(in.settings, in.as_of);
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

namespace {

std::string name_or_slug(const std::string& name, const std::string& slug) {
    return name.empty() ? slug : name;
}

}  // namespace

std::string display_name(const Account& a) {
    return name_or_slug(a.cover.name, a.slug);
}

std::string display_name(const AccountFacts& a) {
    return name_or_slug(a.name, a.slug);
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
