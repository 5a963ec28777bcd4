#pragma once
// Conversion of money into the portfolio's base currency, exactly: the rate
// is read from the text written in kam.yaml (not from its double), the
// product is formed in 128-bit integers and rounded once to cents.
#include <map>
#include <string>
#include <string_view>

#include "kam/metrics/exact.hpp"
#include "kam/model/account.hpp"
#include "kam/util/expected.hpp"
#include "kam/util/money.hpp"

namespace kam {

class Converter {
  public:
    explicit Converter(const PortfolioSettings& settings);

    const std::string& base() const { return base_; }
    // `currency` empty or the base: unchanged. Otherwise an error naming the
    // currency when kam.yaml has no (usable) rate for it.
    Expected<Money> to_base(Money amount, std::string_view currency) const;

  private:
    std::string base_;
    std::map<std::string, Expected<Decimal>, std::less<>> rates_;
};

}  // namespace kam
