#include "kam/render/report_input.hpp"

#include "kam/metrics/fiscal.hpp"

namespace kam {

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

std::string display_name(const Account& a) {
    return a.cover.name.empty() ? a.slug : a.cover.name;
}

Tone health_tone(const Figure<int64_t>& health) {
    if (!health) return Tone::none;
    if (*health >= 70) return Tone::good;
    return *health >= 40 ? Tone::warn : Tone::bad;
}

Tone risk_tone(int64_t score) {
    if (score >= 20) return Tone::bad;
    return score >= 10 ? Tone::warn : Tone::none;
}

}  // namespace kam
