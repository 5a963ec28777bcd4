#pragma once
// The per-account figures of kam-metrics(7) by name, in one table: kam
// export's `figures` table, kam history's columns and kam diff's "figures
// before and after" all read it, so a figure added to AccountMetrics is
// named, typed and described in one place. The order is a contract (the SQL
// export numbers its rows by it): new figures go at the end.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "kam/metrics/account_metrics.hpp"
#include "kam/util/date.hpp"
#include "kam/util/money.hpp"

namespace kam {

enum class FigureKind : uint8_t { money, decimal, whole, date, flag };

struct NamedFigure {
    std::string_view name;  // "health", "acv_cents", "nps"...
    FigureKind kind;
    std::string_view unit;  // cents, pct, score, count, days, date, flag
    std::string_view description;
};

// Every figure, in the table's order.
const std::vector<NamedFigure>& named_figures();
const NamedFigure* find_named_figure(std::string_view name);

// One figure's value for one account: empty (monostate) with the reason when
// it cannot be computed. Money is in cents of the base currency.
struct FigureReading {
    std::variant<std::monostate, Money, Fixed, int64_t, Date, bool> value;
    std::string reason;
    bool known() const { return value.index() != 0; }
};

// The readings of every figure of named_figures(), in its order. `key` says
// whether the account is in the key-account set (kam keys).
std::vector<FigureReading> read_figures(const AccountMetrics& m, Date as_of, bool key);

}  // namespace kam
