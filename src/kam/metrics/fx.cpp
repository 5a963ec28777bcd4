#include "kam/metrics/fx.hpp"

#include <fmt/format.h>

namespace kam {

Converter::Converter(const PortfolioSettings& settings) : base_(settings.currency) {
    for (const auto& [code, text] : settings.fx_text) rates_.emplace(code, parse_decimal(text));
}

Expected<Money> Converter::to_base(Money amount, std::string_view currency) const {
    if (currency.empty() || currency == base_) return amount;
    const auto it = rates_.find(currency);
    if (it == rates_.end())
        return unexpected(fmt::format("no exchange rate for {} in kam.yaml", currency));
    if (!it->second)
        return unexpected(fmt::format("the rate for {}: {}", currency, it->second.error()));
    auto converted = multiply(amount, *it->second);
    if (!converted)
        return unexpected(
            fmt::format("converting {} {}: {}", amount.to_decimal(), currency, converted.error()));
    return converted;
}

}  // namespace kam
